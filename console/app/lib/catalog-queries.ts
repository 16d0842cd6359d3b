/**
 * The GraphQL operations of the console's catalog screens (products and SKUs, categories,
 * brands and their authorisations) and the shapes of their results. Every operation is also
 * listed in `CATALOG_OPERATIONS`, which the browser test validates against the composed schema.
 */

export const PRODUCT_TAGS = ['NEW', 'HOT', 'NEAR_EXPIRY', 'SLOW', 'CLEARANCE'] as const;
export type ProductTag = (typeof PRODUCT_TAGS)[number];

const CATEGORY_FIELDS = 'id name nameEn depth sortOrder';

/** The whole tree (three levels at most), for pickers and the category screen. */
const CATEGORY_TREE = /* GraphQL */ `
  categories {
    ${CATEGORY_FIELDS}
    children { ${CATEGORY_FIELDS} children { ${CATEGORY_FIELDS} } }
  }
`;

export const PRODUCT_LIST_QUERY = /* GraphQL */ `
  query ConsoleProducts($filter: ProductFilter, $first: Int, $after: String, $last: Int, $before: String) {
    products(filter: $filter, first: $first, after: $after, last: $last, before: $before) {
      edges {
        node {
          id name nameEn images tags onShelf sortOrder
          brand { id name nameEn }
          category { id name nameEn }
          skus { id }
        }
      }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
    brands { id name nameEn }
    ${CATEGORY_TREE}
  }
`;

export const SET_ON_SHELF_MUTATION = /* GraphQL */ `
  mutation ConsoleSetProductsOnShelf($ids: [ID!]!, $onShelf: Boolean!) {
    setProductsOnShelf(ids: $ids, onShelf: $onShelf) {
      __typename
      ... on MutationSetProductsOnShelfSuccess { data { id onShelf } }
      ... on ValidationError { message code problems { field message } }
    }
  }
`;

/** Brands and categories to pick from on the product form. */
export const PRODUCT_FORM_QUERY = /* GraphQL */ `
  query ConsoleProductForm {
    brands { id name nameEn }
    ${CATEGORY_TREE}
  }
`;

const SKU_FIELDS = 'id code spec baseUnit sortOrder barcodes units { name factor barcode }';

export const PRODUCT_QUERY = /* GraphQL */ `
  query ConsoleProduct($id: ID!) {
    product(id: $id) {
      id name nameEn pinyin description images tags onShelf sortOrder
      brand { id name nameEn }
      category { id name nameEn }
      skus { ${SKU_FIELDS} }
    }
    brands { id name nameEn }
    ${CATEGORY_TREE}
  }
`;

export const CREATE_PRODUCT_MUTATION = /* GraphQL */ `
  mutation ConsoleCreateProduct($input: CreateProductInput!) {
    createProduct(input: $input) {
      __typename
      ... on MutationCreateProductSuccess { data { id } }
      ... on ValidationError { message code problems { field message } }
    }
  }
`;

export const UPDATE_PRODUCT_MUTATION = /* GraphQL */ `
  mutation ConsoleUpdateProduct($input: UpdateProductInput!) {
    updateProduct(input: $input) {
      __typename
      ... on MutationUpdateProductSuccess { data { id } }
      ... on ValidationError { message code problems { field message } }
    }
  }
`;

export const CREATE_SKU_MUTATION = /* GraphQL */ `
  mutation ConsoleCreateSku($input: CreateSkuInput!) {
    createSku(input: $input) {
      __typename
      ... on MutationCreateSkuSuccess { data { id } }
      ... on ValidationError { message code problems { field message } }
    }
  }
`;

export const UPDATE_SKU_MUTATION = /* GraphQL */ `
  mutation ConsoleUpdateSku($input: UpdateSkuInput!) {
    updateSku(input: $input) {
      __typename
      ... on MutationUpdateSkuSuccess { data { id } }
      ... on ValidationError { message code problems { field message } }
    }
  }
`;

export const CATEGORIES_QUERY = /* GraphQL */ `
  query ConsoleCategories {
    ${CATEGORY_TREE}
  }
`;

export const CREATE_CATEGORY_MUTATION = /* GraphQL */ `
  mutation ConsoleCreateCategory($input: CreateCategoryInput!) {
    createCategory(input: $input) {
      __typename
      ... on MutationCreateCategorySuccess { data { id } }
      ... on ValidationError { message code problems { field message } }
    }
  }
`;

export const UPDATE_CATEGORY_MUTATION = /* GraphQL */ `
  mutation ConsoleUpdateCategory($input: UpdateCategoryInput!) {
    updateCategory(input: $input) {
      __typename
      ... on MutationUpdateCategorySuccess { data { id } }
      ... on ValidationError { message code problems { field message } }
    }
  }
`;

export const DELETE_CATEGORY_MUTATION = /* GraphQL */ `
  mutation ConsoleDeleteCategory($id: ID!) {
    deleteCategory(id: $id) {
      __typename
      ... on MutationDeleteCategorySuccess { data }
      ... on ValidationError { message code problems { field message } }
    }
  }
`;

const BRAND_FIELDS = 'id name nameEn logoUrl sortOrder restricted authorizedCustomerIds authorizedLevelIds';

export const BRANDS_QUERY = /* GraphQL */ `
  query ConsoleBrands {
    brands { ${BRAND_FIELDS} }
  }
`;

export const BRAND_QUERY = /* GraphQL */ `
  query ConsoleBrand {
    brands { ${BRAND_FIELDS} }
    customerLevels { id code name nameEn rank }
  }
`;

/** One customer by id: the names of the customers a brand is authorised for. */
export const CUSTOMER_QUERY = /* GraphQL */ `
  query ConsoleCatalogCustomer($id: ID!) {
    customer(id: $id) { id code name level { id name nameEn } }
  }
`;

/** Customers to pick from (crm search: name, code or phone). */
export const CUSTOMER_SEARCH_QUERY = /* GraphQL */ `
  query ConsoleCatalogCustomerSearch($search: String, $first: Int) {
    customers(search: $search, first: $first) {
      edges { node { id code name level { id name nameEn } } }
    }
  }
`;

export const CREATE_BRAND_MUTATION = /* GraphQL */ `
  mutation ConsoleCreateBrand($input: CreateBrandInput!) {
    createBrand(input: $input) {
      __typename
      ... on MutationCreateBrandSuccess { data { id } }
      ... on ValidationError { message code problems { field message } }
    }
  }
`;

export const UPDATE_BRAND_MUTATION = /* GraphQL */ `
  mutation ConsoleUpdateBrand($input: UpdateBrandInput!) {
    updateBrand(input: $input) {
      __typename
      ... on MutationUpdateBrandSuccess { data { id } }
      ... on ValidationError { message code problems { field message } }
    }
  }
`;

export const SET_BRAND_AUTHORIZATIONS_MUTATION = /* GraphQL */ `
  mutation ConsoleSetBrandAuthorizations($brandId: ID!, $customerIds: [ID!]!, $levelIds: [ID!]!) {
    setBrandAuthorizations(brandId: $brandId, customerIds: $customerIds, levelIds: $levelIds) {
      __typename
      ... on MutationSetBrandAuthorizationsSuccess { data { id authorizedCustomerIds authorizedLevelIds } }
      ... on ValidationError { message code problems { field message } }
    }
  }
`;

export const CATALOG_OPERATIONS = {
  PRODUCT_LIST_QUERY,
  SET_ON_SHELF_MUTATION,
  PRODUCT_FORM_QUERY,
  PRODUCT_QUERY,
  CREATE_PRODUCT_MUTATION,
  UPDATE_PRODUCT_MUTATION,
  CREATE_SKU_MUTATION,
  UPDATE_SKU_MUTATION,
  CATEGORIES_QUERY,
  CREATE_CATEGORY_MUTATION,
  UPDATE_CATEGORY_MUTATION,
  DELETE_CATEGORY_MUTATION,
  BRANDS_QUERY,
  BRAND_QUERY,
  CUSTOMER_QUERY,
  CUSTOMER_SEARCH_QUERY,
  CREATE_BRAND_MUTATION,
  UPDATE_BRAND_MUTATION,
  SET_BRAND_AUTHORIZATIONS_MUTATION,
};

// ---------------------------------------------------------------------------------------------
// Result shapes

export interface Named {
  id: string;
  name: string;
  nameEn: string;
}

export interface CategoryNode extends Named {
  depth: number;
  sortOrder: number;
  children?: CategoryNode[];
}

export interface InputProblem {
  field: string;
  message: string;
}

export interface ValidationErrorShape {
  __typename: 'ValidationError';
  message: string;
  code: string;
  problems: InputProblem[];
}

/** A staff mutation's answer: its Success type with `data`, or a ValidationError. */
export type MutationResult<T> = { __typename: string; data: T } | ValidationErrorShape;

export interface ProductRow extends Named {
  images: string[];
  tags: ProductTag[];
  onShelf: boolean;
  sortOrder: number;
  brand: Named;
  category: Named;
  skus: { id: string }[];
}

export interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

export interface ProductListData {
  products: { edges: { node: ProductRow }[]; pageInfo: PageInfo };
  brands: Named[];
  categories: CategoryNode[];
}

export interface ProductFormData {
  brands: Named[];
  categories: CategoryNode[];
}

export interface SaleUnit {
  name: string;
  factor: number;
  barcode: string | null;
}

export interface SkuDetail {
  id: string;
  code: string;
  spec: string;
  baseUnit: string;
  sortOrder: number;
  barcodes: string[];
  units: SaleUnit[];
}

export interface ProductDetail extends Named {
  pinyin: string;
  description: string;
  images: string[];
  tags: ProductTag[];
  onShelf: boolean;
  sortOrder: number;
  brand: Named;
  category: Named;
  skus: SkuDetail[];
}

export interface ProductData extends ProductFormData {
  product: ProductDetail | null;
}

export interface BrandDetail extends Named {
  logoUrl: string | null;
  sortOrder: number;
  restricted: boolean;
  authorizedCustomerIds: string[];
  authorizedLevelIds: string[];
}

export interface CustomerLevel extends Named {
  code: string;
  rank: number;
}

export interface CustomerPick {
  id: string;
  code: string;
  name: string;
  level: Named | null;
}

export interface BrandsData {
  brands: BrandDetail[];
}

export interface BrandData extends BrandsData {
  customerLevels: CustomerLevel[];
}
