/** The GraphQL operations of the storefront and the shapes of their results. */

// ---------------------------------------------------------------------------------------------
// Fragments

const PRICE_FIELDS = /* GraphQL */ `amount currency source unit original { amount currency source }`;

/** What a product card needs: the first SKU's base price and stock, badges. */
const CARD_PRODUCT = /* GraphQL */ `
  fragment CardProduct on Product {
    id
    name
    nameEn
    images
    tags
    brand { id name nameEn }
    skus {
      id
      spec
      baseUnit
      price { ${PRICE_FIELDS} }
      stock { available level }
    }
    promotions { id title titleEn badge badgeEn }
  }
`;

// ---------------------------------------------------------------------------------------------
// Operations

/** The logged-in store, for the frame (name, level for price labels). */
export const SHELL_QUERY = /* GraphQL */ `
  query StorefrontShell {
    me {
      __typename
      ... on CustomerUser { id name customer { id name level { id name nameEn } } }
    }
  }
`;

export const HOME_QUERY = /* GraphQL */ `
  ${CARD_PRODUCT}
  query StorefrontHome {
    me {
      __typename
      ... on CustomerUser { id name customer { id name level { id name nameEn } } }
    }
    homeLayout {
      banners { imageUrl title link { kind targetId url } }
      navButtons { label labelEn icon link { kind targetId url } }
      notice { text active }
      zones {
        kind
        title
        titleEn
        enabled
        display
        limit
        products(first: 10) { ...CardProduct }
      }
    }
  }
`;

/** The promotion zone in full, for the promotions page. */
export const PROMOTION_ZONE_QUERY = /* GraphQL */ `
  ${CARD_PRODUCT}
  query StorefrontPromotionZone {
    homeLayout {
      zones { kind title titleEn enabled display limit products(first: 60) { ...CardProduct } }
    }
  }
`;

export const CATEGORIES_QUERY = /* GraphQL */ `
  query StorefrontCategories {
    categories {
      id
      name
      nameEn
      children { id name nameEn children { id name nameEn } }
    }
  }
`;

export const BRANDS_QUERY = /* GraphQL */ `
  query StorefrontBrands {
    brands { id name nameEn logoUrl }
  }
`;

/** The next page of a product list ("load more"). */
export const PRODUCTS_QUERY = /* GraphQL */ `
  ${CARD_PRODUCT}
  query StorefrontProducts($filter: ProductFilter, $sort: ProductSort, $first: Int, $after: String) {
    products(filter: $filter, sort: $sort, first: $first, after: $after) {
      edges { cursor node { ...CardProduct } }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

/** A product list with what its heading and filters need: the category tree and the brands. */
export const PRODUCT_LIST_QUERY = /* GraphQL */ `
  ${CARD_PRODUCT}
  query StorefrontProductList($filter: ProductFilter, $sort: ProductSort, $first: Int, $withFacets: Boolean!) {
    products(filter: $filter, sort: $sort, first: $first) {
      edges { cursor node { ...CardProduct } }
      pageInfo { hasNextPage endCursor }
      facets @include(if: $withFacets) {
        brands { brand { id name nameEn } count }
        categories { category { id name nameEn } count }
      }
    }
    categories { id name nameEn children { id name nameEn children { id name nameEn } } }
    brands { id name nameEn }
  }
`;

export const SUGGESTIONS_QUERY = /* GraphQL */ `
  query StorefrontSuggestions($text: String!, $first: Int) {
    searchSuggestions(text: $text, first: $first) {
      kind
      id
      text
      textEn
      product { id images }
    }
  }
`;

export const PRODUCT_QUERY = /* GraphQL */ `
  query StorefrontProduct($id: ID!, $skuId: ID!, $unit: String, $withSku: Boolean!) {
    product(id: $id) {
      id
      name
      nameEn
      description
      images
      tags
      brand { id name nameEn }
      category { id name nameEn parent { id name nameEn } }
      promotions { id kind title titleEn badge badgeEn endsAt }
      skus {
        id
        code
        spec
        baseUnit
        barcode
        units { name factor }
        price { ${PRICE_FIELDS} }
        stock { available level }
        promotions { id title titleEn badge badgeEn }
        specialPrice { amount original { amount currency } flashSale endsAt badge badgeEn }
        volumeTiers { unit minQuantity price { amount currency } }
      }
    }
    selected: sku(id: $skuId) @include(if: $withSku) {
      id
      price(unit: $unit) { ${PRICE_FIELDS} }
      volumeTiers(unit: $unit) { unit minQuantity price { amount currency } }
    }
  }
`;

export const BOUGHT_BEFORE_QUERY = /* GraphQL */ `
  query StorefrontBoughtBefore($limit: Int) {
    boughtBefore(limit: $limit) {
      unit
      timesOrdered
      lastOrderedAt
      lastQuantity
      sku {
        id
        spec
        baseUnit
        units { name factor }
        price { ${PRICE_FIELDS} }
        stock { available level }
        product { id name nameEn images }
      }
    }
  }
`;

/** Every query and fragment string above, so a test can validate them against the schema. */
export const ALL_OPERATIONS = {
  SHELL_QUERY,
  HOME_QUERY,
  PROMOTION_ZONE_QUERY,
  CATEGORIES_QUERY,
  BRANDS_QUERY,
  PRODUCTS_QUERY,
  PRODUCT_LIST_QUERY,
  SUGGESTIONS_QUERY,
  PRODUCT_QUERY,
  BOUGHT_BEFORE_QUERY,
};

// ---------------------------------------------------------------------------------------------
// Result shapes

export type PriceSource =
  | 'CUSTOMER'
  | 'LAST_SALE'
  | 'LEVEL'
  | 'WHOLESALE'
  | 'SPECIAL'
  | 'RETAIL'
  | 'VOLUME_TIER';

/** How much stock there is, for tenants that show customers only that (then `available` is null). */
export type StockLevel = 'IN_STOCK' | 'LOW' | 'OUT';

export type ProductTag = 'NEW' | 'HOT' | 'NEAR_EXPIRY' | 'SLOW' | 'CLEARANCE';
export const PRODUCT_TAGS: ProductTag[] = ['NEW', 'HOT', 'NEAR_EXPIRY', 'SLOW', 'CLEARANCE'];

export type ProductSort = 'DEFAULT' | 'PRICE_ASC' | 'PRICE_DESC' | 'NEWEST' | 'BEST_SELLING';
export const PRODUCT_SORTS: ProductSort[] = ['DEFAULT', 'PRICE_ASC', 'PRICE_DESC', 'NEWEST', 'BEST_SELLING'];

export interface Money {
  amount: string;
  currency: string;
}

export interface Price extends Money {
  source: PriceSource;
  unit: string;
  original: (Money & { source: PriceSource }) | null;
}

export interface Stock {
  available: number | null;
  level: StockLevel;
}

export interface PromotionBadge {
  id: string;
  title: string;
  titleEn: string;
  badge: string;
  badgeEn: string;
}

export interface Named {
  id: string;
  name: string;
  nameEn: string;
}

export interface CardSku {
  id: string;
  spec: string;
  baseUnit: string;
  price: Price | null;
  stock: Stock | null;
}

export interface CardProduct {
  id: string;
  name: string;
  nameEn: string;
  images: string[];
  tags: ProductTag[];
  brand: Named | null;
  skus: CardSku[];
  promotions: PromotionBadge[] | null;
}

export interface CustomerViewer {
  __typename: 'CustomerUser';
  id: string;
  name: string;
  customer: { id: string; name: string; level: Named | null };
}

export type Me = CustomerViewer | { __typename: string } | null;

export interface ShellData {
  me: Me;
}

export interface HomeLink {
  kind: 'PRODUCT' | 'CATEGORY' | 'BRAND' | 'URL';
  targetId: string | null;
  url: string | null;
}

export type ZoneKind = 'NEW' | 'RECOMMENDED' | 'PROMOTION' | 'HOT' | 'CLEARANCE';

export interface HomeZone {
  kind: ZoneKind;
  title: string;
  titleEn: string;
  enabled: boolean;
  display: 'GRID' | 'LIST' | 'CAROUSEL';
  limit: number;
  products: CardProduct[];
}

export interface HomeData {
  me: Me;
  homeLayout: {
    banners: { imageUrl: string; title: string; link: HomeLink | null }[];
    navButtons: { label: string; labelEn: string; icon: string; link: HomeLink | null }[];
    notice: { text: string; active: boolean } | null;
    zones: HomeZone[];
  } | null;
}

export interface CategoryNode extends Named {
  children?: CategoryNode[];
}

export interface CategoriesData {
  categories: CategoryNode[];
}

export interface BrandsData {
  brands: (Named & { logoUrl: string | null })[];
}

export interface ProductFilterInput {
  search?: string;
  categoryId?: string;
  brandId?: string;
  tags?: ProductTag[];
  inStock?: boolean;
}

export interface ProductsPage {
  edges: { cursor: string; node: CardProduct }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  facets?: {
    brands: { brand: Named; count: number }[];
    categories: { category: Named; count: number }[];
  } | null;
}

export interface ProductsData {
  products: ProductsPage | null;
}

export interface ProductListData extends ProductsData {
  categories: CategoryNode[];
  brands: Named[];
}

export interface Suggestion {
  kind: 'BRAND' | 'CATEGORY' | 'PRODUCT';
  id: string;
  text: string;
  textEn: string;
  product: { id: string; images: string[] } | null;
}

export interface SuggestionsData {
  searchSuggestions: Suggestion[];
}

export interface VolumeTier {
  unit: string;
  minQuantity: number;
  price: Money;
}

export interface ProductSku extends CardSku {
  code: string;
  barcode: string | null;
  units: { name: string; factor: number }[];
  promotions: PromotionBadge[] | null;
  specialPrice: {
    amount: string;
    original: Money | null;
    flashSale: boolean;
    endsAt: string;
    badge: string;
    badgeEn: string;
  } | null;
  volumeTiers: VolumeTier[] | null;
}

export interface ProductDetail {
  id: string;
  name: string;
  nameEn: string;
  description: string;
  images: string[];
  tags: ProductTag[];
  brand: Named | null;
  category: (Named & { parent: Named | null }) | null;
  promotions: (PromotionBadge & { kind: string; endsAt: string })[] | null;
  skus: ProductSku[];
}

export interface ProductData {
  product: ProductDetail | null;
  selected?: { id: string; price: Price | null; volumeTiers: VolumeTier[] | null } | null;
}

export interface BoughtItem {
  unit: string;
  timesOrdered: number;
  lastOrderedAt: string;
  lastQuantity: number;
  sku: {
    id: string;
    spec: string;
    baseUnit: string;
    units: { name: string; factor: number }[];
    price: Price | null;
    stock: Stock | null;
    product: { id: string; name: string; nameEn: string; images: string[] };
  } | null;
}

export interface BoughtBeforeData {
  boughtBefore: BoughtItem[];
}
