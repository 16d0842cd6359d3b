/** The GraphQL operations of the storefront and the shapes of their results. */

export const STOREFRONT_HOME_QUERY = /* GraphQL */ `
  query StorefrontHome {
    me {
      __typename
      ... on CustomerUser { name customer { id name level { name } } }
    }
    products(first: 24) {
      edges {
        node {
          id
          name
          nameEn
          images
          brand { name }
          skus { id barcode baseUnit price { amount currency source } stock { available level } }
          promotions { id title badge }
        }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

export type PriceSource = 'CUSTOMER' | 'LAST_SALE' | 'LEVEL' | 'WHOLESALE' | 'SPECIAL' | 'RETAIL';

/** How much stock there is, for tenants that show customers only that (then `available` is null). */
export type StockLevel = 'IN_STOCK' | 'LOW' | 'OUT';

export interface Sku {
  id: string;
  barcode: string | null;
  baseUnit: string;
  price: { amount: string; currency: string; source: PriceSource } | null;
  stock: { available: number | null; level: StockLevel } | null;
}

export interface Product {
  id: string;
  name: string;
  nameEn: string | null;
  images: string[] | null;
  brand: { name: string } | null;
  skus: Sku[];
  promotions: { id: string; title: string; badge: string | null }[] | null;
}

export interface StorefrontHomeData {
  me:
    | {
        __typename: 'CustomerUser';
        name: string;
        customer: { id: string; name: string; level: { name: string } | null };
      }
    | { __typename: string }
    | null;
  products: {
    edges: { node: Product }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  } | null;
}
