/**
 * The GraphQL operations of the console's price, stock and home layout screens, the shapes of
 * their results and small pure helpers their actions share. Checked against the composed schema
 * by e2e/console-pricing.test.ts (every entry of ALL_PRICING_OPERATIONS).
 */

// ---------------------------------------------------------------------------------------------
// Shared pieces

const VALIDATION_ERROR = /* GraphQL */ `
  ... on ValidationError { message code problems { field message } }
`;

/** Products matching a search, with their SKUs (to pick a SKU). */
export const PRODUCT_SEARCH_QUERY = /* GraphQL */ `
  query PricingProductSearch($search: String, $first: Int) {
    products(first: $first, filter: { search: $search }) {
      edges { node { id name skus { id code spec baseUnit } } }
    }
  }
`;

// ---------------------------------------------------------------------------------------------
// /prices: base prices, level prices and volume tiers of one SKU

export const SKU_PRICES_QUERY = /* GraphQL */ `
  query PricingSkuPrices($skuId: ID!) {
    sku(id: $skuId) {
      id code spec baseUnit
      units { name factor }
      product { id name }
      volumeTiers { unit minQuantity price { amount currency } }
    }
    skuPrices(skuId: $skuId) { unit wholesale { amount currency } retail { amount currency } }
    levelPrices(skuId: $skuId, first: 1000) { levelId unit price { amount currency } }
    customerLevels { id code name nameEn rank }
  }
`;

export const SET_SKU_PRICE_MUTATION = /* GraphQL */ `
  mutation PricingSetSkuPrice($input: SkuPriceInput!) {
    setSkuPrice(input: $input) {
      __typename
      ... on MutationSetSkuPriceSuccess { data { unit wholesale { amount } retail { amount } } }
      ${VALIDATION_ERROR}
    }
  }
`;

export const REMOVE_SKU_PRICE_MUTATION = /* GraphQL */ `
  mutation PricingRemoveSkuPrice($skuId: ID!, $unit: String!) {
    removeSkuPrice(skuId: $skuId, unit: $unit) {
      __typename
      ... on MutationRemoveSkuPriceSuccess { data { unit } }
      ${VALIDATION_ERROR}
    }
  }
`;

export const SET_LEVEL_PRICE_MUTATION = /* GraphQL */ `
  mutation PricingSetLevelPrice($input: LevelPriceInput!) {
    setLevelPrice(input: $input) {
      __typename
      ... on MutationSetLevelPriceSuccess { data { levelId unit price { amount } } }
      ${VALIDATION_ERROR}
    }
  }
`;

export const REMOVE_LEVEL_PRICE_MUTATION = /* GraphQL */ `
  mutation PricingRemoveLevelPrice($skuId: ID!, $levelId: ID!, $unit: String!) {
    removeLevelPrice(skuId: $skuId, levelId: $levelId, unit: $unit) {
      __typename
      ... on MutationRemoveLevelPriceSuccess { data }
      ${VALIDATION_ERROR}
    }
  }
`;

export const SET_VOLUME_TIERS_MUTATION = /* GraphQL */ `
  mutation PricingSetVolumeTiers($input: SetVolumeTiersInput!) {
    setVolumeTiers(input: $input) {
      __typename
      ... on MutationSetVolumeTiersSuccess { data { unit minQuantity price { amount } } }
      ${VALIDATION_ERROR}
    }
  }
`;

// ---------------------------------------------------------------------------------------------
// /prices/customers: customer prices and what a customer pays

export const CUSTOMER_SEARCH_QUERY = /* GraphQL */ `
  query PricingCustomerSearch($search: String) {
    customers(search: $search, first: 20) {
      edges { node { id code name level { id name nameEn } } }
    }
  }
`;

export const CUSTOMER_PRICES_QUERY = /* GraphQL */ `
  query PricingCustomerPrices($customerId: ID!) {
    customer(id: $customerId) { id code name level { id name nameEn } }
    customerPrices(customerId: $customerId, first: 1000) {
      skuId unit
      price { amount currency }
      sku { id code spec baseUnit product { name } }
    }
  }
`;

export const PRICE_OPTIONS_QUERY = /* GraphQL */ `
  query PricingPriceOptions($skuId: ID!, $customerId: ID!, $unit: String) {
    sku(id: $skuId) {
      id code spec baseUnit
      units { name factor }
      product { name }
      priceOptions(customerId: $customerId, unit: $unit) {
        source amount currency unit applies
        original { amount source }
      }
    }
  }
`;

export const SET_CUSTOMER_PRICE_MUTATION = /* GraphQL */ `
  mutation PricingSetCustomerPrice($input: CustomerPriceInput!) {
    setCustomerPrice(input: $input) {
      __typename
      ... on MutationSetCustomerPriceSuccess { data { skuId unit price { amount } } }
      ${VALIDATION_ERROR}
    }
  }
`;

export const REMOVE_CUSTOMER_PRICE_MUTATION = /* GraphQL */ `
  mutation PricingRemoveCustomerPrice($customerId: ID!, $skuId: ID!, $unit: String!) {
    removeCustomerPrice(customerId: $customerId, skuId: $skuId, unit: $unit) {
      __typename
      ... on MutationRemoveCustomerPriceSuccess { data }
      ${VALIDATION_ERROR}
    }
  }
`;

// ---------------------------------------------------------------------------------------------
// /prices/import: CSV export and import

export const PRICE_IMPORT_PAGE_QUERY = /* GraphQL */ `
  query PricingImportPage {
    customerLevels { id code name nameEn rank }
  }
`;

export const EXPORT_LEVEL_PRICES_QUERY = /* GraphQL */ `
  query PricingExportLevelPrices($levelId: ID) {
    exportLevelPrices(levelId: $levelId)
  }
`;

export const EXPORT_CUSTOMER_PRICES_QUERY = /* GraphQL */ `
  query PricingExportCustomerPrices($customerId: ID) {
    exportCustomerPrices(customerId: $customerId)
  }
`;

const IMPORT_RESULT = /* GraphQL */ `
  __typename
  ... on ImportRejected { message rows { line field message } }
  ${VALIDATION_ERROR}
`;

export const IMPORT_LEVEL_PRICES_MUTATION = /* GraphQL */ `
  mutation PricingImportLevelPrices($csv: String!) {
    importLevelPrices(csv: $csv) {
      ${IMPORT_RESULT}
      ... on MutationImportLevelPricesSuccess { data { created updated unchanged } }
    }
  }
`;

export const IMPORT_CUSTOMER_PRICES_MUTATION = /* GraphQL */ `
  mutation PricingImportCustomerPrices($csv: String!) {
    importCustomerPrices(csv: $csv) {
      ${IMPORT_RESULT}
      ... on MutationImportCustomerPricesSuccess { data { created updated unchanged } }
    }
  }
`;

// ---------------------------------------------------------------------------------------------
// /stock: stock per warehouse, ledger, adjustments

export const STOCK_WAREHOUSES_QUERY = /* GraphQL */ `
  query PricingStockWarehouses {
    warehouses { id code name nameEn }
    inventorySettings { defaultWarehouseId lowStockThreshold countInTransit }
  }
`;

export const STOCK_LEVELS_QUERY = /* GraphQL */ `
  query PricingStockLevels($warehouseId: ID!, $filter: StockLevelFilter, $after: String, $first: Int) {
    stockLevels(warehouseId: $warehouseId, filter: $filter, after: $after, first: $first) {
      edges {
        node {
          onHand reserved inTransit available level
          sku { id code spec baseUnit product { name } }
        }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

export const STOCK_SKU_QUERY = /* GraphQL */ `
  query PricingStockSku($skuId: ID!, $warehouseId: ID!) {
    sku(id: $skuId) {
      id code spec baseUnit
      product { name }
      stock(warehouseId: $warehouseId) { onHand reserved inTransit available level }
    }
    stockMovements(skuId: $skuId, warehouseId: $warehouseId, first: 30) {
      edges {
        node {
          id delta inTransitDelta kind reason note sourceType sourceId staffId onHandAfter inTransitAfter createdAt
        }
      }
    }
  }
`;

export const ADJUST_STOCK_MUTATION = /* GraphQL */ `
  mutation PricingAdjustStock($input: AdjustStockInput!) {
    adjustStock(input: $input) {
      __typename
      ... on MutationAdjustStockSuccess { data { onHand reserved inTransit available } }
      ${VALIDATION_ERROR}
    }
  }
`;

export const SET_IN_TRANSIT_MUTATION = /* GraphQL */ `
  mutation PricingSetInTransit($input: SetInTransitInput!) {
    setInTransit(input: $input) {
      __typename
      ... on MutationSetInTransitSuccess { data { onHand reserved inTransit available } }
      ${VALIDATION_ERROR}
    }
  }
`;

// ---------------------------------------------------------------------------------------------
// /home-layout

const HOME_LAYOUT_FIELDS = /* GraphQL */ `
  banners { imageUrl title link { kind targetId url } }
  navButtons { label labelEn icon link { kind targetId url } }
  notice { text startsAt endsAt active }
  zones { kind title titleEn enabled display limit pinnedProductIds }
`;

export const HOME_LAYOUT_QUERY = /* GraphQL */ `
  query PricingHomeLayout {
    homeLayout { ${HOME_LAYOUT_FIELDS} }
  }
`;

export const UPDATE_HOME_LAYOUT_MUTATION = /* GraphQL */ `
  mutation PricingUpdateHomeLayout($input: UpdateHomeLayoutInput!) {
    updateHomeLayout(input: $input) {
      __typename
      ... on MutationUpdateHomeLayoutSuccess { data { ${HOME_LAYOUT_FIELDS} } }
      ${VALIDATION_ERROR}
    }
  }
`;

/** Every operation these screens send, for the schema check of the browser test. */
export const ALL_PRICING_OPERATIONS = {
  PRODUCT_SEARCH_QUERY,
  SKU_PRICES_QUERY,
  SET_SKU_PRICE_MUTATION,
  REMOVE_SKU_PRICE_MUTATION,
  SET_LEVEL_PRICE_MUTATION,
  REMOVE_LEVEL_PRICE_MUTATION,
  SET_VOLUME_TIERS_MUTATION,
  CUSTOMER_SEARCH_QUERY,
  CUSTOMER_PRICES_QUERY,
  PRICE_OPTIONS_QUERY,
  SET_CUSTOMER_PRICE_MUTATION,
  REMOVE_CUSTOMER_PRICE_MUTATION,
  PRICE_IMPORT_PAGE_QUERY,
  EXPORT_LEVEL_PRICES_QUERY,
  EXPORT_CUSTOMER_PRICES_QUERY,
  IMPORT_LEVEL_PRICES_MUTATION,
  IMPORT_CUSTOMER_PRICES_MUTATION,
  STOCK_WAREHOUSES_QUERY,
  STOCK_LEVELS_QUERY,
  STOCK_SKU_QUERY,
  ADJUST_STOCK_MUTATION,
  SET_IN_TRANSIT_MUTATION,
  HOME_LAYOUT_QUERY,
  UPDATE_HOME_LAYOUT_MUTATION,
};

// ---------------------------------------------------------------------------------------------
// Result shapes

export interface MoneyAmount {
  amount: string;
  currency?: string;
}

export interface InputProblem {
  field: string;
  /** The API's message (zh-CN with English in brackets). */
  message?: string;
  /** A problem found before asking the API, as a key under `pricing.problems`. */
  messageKey?: string;
}

export interface ValidationErrorResult {
  __typename: 'ValidationError';
  message: string;
  code: string;
  problems: InputProblem[];
}

export interface SaleUnit {
  name: string;
  factor: number;
}

export interface SkuChoice {
  id: string;
  code: string;
  spec: string;
  baseUnit: string;
}

export interface ProductSearchData {
  products: { edges: { node: { id: string; name: string; skus: SkuChoice[] } }[] };
}

export interface CustomerLevel {
  id: string;
  code: string;
  name: string;
  nameEn: string;
  rank: number;
}

export interface SkuPricesData {
  sku: {
    id: string;
    code: string;
    spec: string;
    baseUnit: string;
    units: SaleUnit[];
    product: { id: string; name: string };
    volumeTiers: { unit: string; minQuantity: number; price: MoneyAmount }[];
  } | null;
  skuPrices: { unit: string; wholesale: MoneyAmount; retail: MoneyAmount }[];
  levelPrices: { levelId: string; unit: string; price: MoneyAmount }[];
  customerLevels: CustomerLevel[];
}

export interface CustomerChoice {
  id: string;
  code: string;
  name: string;
  level: { id: string; name: string; nameEn: string };
}

export interface CustomerSearchData {
  customers: { edges: { node: CustomerChoice }[] };
}

export interface CustomerPricesData {
  customer: CustomerChoice | null;
  customerPrices: {
    skuId: string;
    unit: string;
    price: MoneyAmount;
    sku: { id: string; code: string; spec: string; baseUnit: string; product: { name: string } };
  }[];
}

export type PriceSource =
  | 'CUSTOMER'
  | 'LAST_SALE'
  | 'LEVEL'
  | 'WHOLESALE'
  | 'RETAIL'
  | 'SPECIAL'
  | 'VOLUME_TIER';

export interface PriceOption {
  source: PriceSource;
  amount: string;
  currency: string;
  unit: string;
  applies: boolean;
  original: { amount: string; source: PriceSource } | null;
}

export interface PriceOptionsData {
  sku: {
    id: string;
    code: string;
    spec: string;
    baseUnit: string;
    units: SaleUnit[];
    product: { name: string };
    priceOptions: PriceOption[];
  } | null;
}

export interface ImportRowProblem {
  line: number;
  field: string;
  message: string;
}

export type ImportResult =
  | { __typename: 'ImportRejected'; message: string; rows: ImportRowProblem[] }
  | ValidationErrorResult
  | {
      __typename: 'MutationImportLevelPricesSuccess' | 'MutationImportCustomerPricesSuccess';
      data: { created: number; updated: number; unchanged: number };
    };

export interface Warehouse {
  id: string;
  code: string;
  name: string;
  nameEn: string;
}

export interface StockWarehousesData {
  warehouses: Warehouse[];
  inventorySettings: {
    defaultWarehouseId: string | null;
    lowStockThreshold: number;
    countInTransit: boolean;
  } | null;
}

export type StockLevelKind = 'IN_STOCK' | 'LOW' | 'OUT';

export interface StockFigures {
  onHand: number;
  reserved: number;
  inTransit: number;
  available: number | null;
  level?: StockLevelKind;
}

export interface StockLevelsData {
  stockLevels: {
    edges: {
      node: StockFigures & {
        sku: { id: string; code: string; spec: string; baseUnit: string; product: { name: string } };
      };
    }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

export interface StockMovement {
  id: string;
  delta: number;
  inTransitDelta: number;
  kind: string;
  reason: string | null;
  note: string | null;
  sourceType: string;
  sourceId: string;
  staffId: string | null;
  onHandAfter: number | null;
  inTransitAfter: number | null;
  createdAt: string;
}

export interface StockSkuData {
  sku: {
    id: string;
    code: string;
    spec: string;
    baseUnit: string;
    product: { name: string };
    stock: StockFigures | null;
  } | null;
  stockMovements: { edges: { node: StockMovement }[] };
}

export const STOCK_REASONS = [
  'STOCKTAKE',
  'DAMAGE',
  'EXPIRED',
  'FOUND',
  'RETURN',
  'PURCHASE',
  'TRANSFER',
  'CORRECTION',
  'OTHER',
] as const;
export type StockReason = (typeof STOCK_REASONS)[number];

export type HomeLinkKind = 'PRODUCT' | 'CATEGORY' | 'BRAND' | 'URL';
export interface HomeLink {
  kind: HomeLinkKind;
  targetId: string | null;
  url: string | null;
}
export type HomeZoneKind = 'NEW' | 'RECOMMENDED' | 'PROMOTION' | 'HOT' | 'CLEARANCE';
export type HomeZoneDisplay = 'GRID' | 'LIST' | 'CAROUSEL';

export interface HomeLayout {
  banners: { imageUrl: string; title: string; link: HomeLink | null }[];
  navButtons: { label: string; labelEn: string; icon: string; link: HomeLink | null }[];
  notice: { text: string; startsAt: string | null; endsAt: string | null; active: boolean } | null;
  zones: {
    kind: HomeZoneKind;
    title: string;
    titleEn: string;
    enabled: boolean;
    display: HomeZoneDisplay;
    limit: number;
    pinnedProductIds: string[];
  }[];
}

export interface HomeLayoutData {
  homeLayout: HomeLayout;
}

export type UpdateHomeLayoutResult =
  | { __typename: 'MutationUpdateHomeLayoutSuccess'; data: HomeLayout }
  | ValidationErrorResult;

// ---------------------------------------------------------------------------------------------
// Helpers (pure, shared by loaders, actions and pages)

/** A price as typed: digits with at most one point, optionally negative (the API judges the sign). */
const DECIMAL = /^-?\d+(\.\d+)?$/;

/**
 * A price field of a form, trimmed; a problem when it is not a decimal number at all (the
 * `Decimal` scalar would refuse the whole request). Negative and over-precise amounts go to the
 * API, which answers with its ValidationError.
 */
export function readDecimal(form: FormData, name: string, field: string, problems: InputProblem[]): string {
  const value = String(form.get(name) ?? '').trim();
  if (!DECIMAL.test(value)) problems.push({ field, messageKey: value ? 'notDecimal' : 'required' });
  return value;
}

/** An integer field of a form; a problem when it is not one. */
export function readInteger(form: FormData, name: string, field: string, problems: InputProblem[]): number {
  const value = String(form.get(name) ?? '').trim();
  if (!/^-?\d+$/.test(value)) {
    problems.push({ field, messageKey: value ? 'notInteger' : 'required' });
    return 0;
  }
  return Number.parseInt(value, 10);
}

/** The problems for one field (exact match, or below it: `tiers` takes `tiers.0.price`). */
export function problemsFor(problems: readonly InputProblem[] | undefined, field: string): InputProblem[] {
  return (problems ?? []).filter((p) => p.field === field);
}

/** `12.5` -> `¥12.5`: the amount as the API gave it, never through floating point. */
export function formatAmount(money: MoneyAmount | null | undefined): string {
  if (!money) return '';
  return `${!money.currency || money.currency === 'CNY' ? '¥' : `${money.currency} `}${money.amount}`;
}

/** Asia/Shanghai, the business's clock: ISO -> `2026-12-01T08:00` for a datetime-local input. */
export function isoToShanghaiLocal(iso: string | null | undefined): string {
  if (!iso) return '';
  const time = new Date(iso).getTime();
  if (Number.isNaN(time)) return '';
  return new Date(time + 8 * 3600_000).toISOString().slice(0, 16);
}

/** A datetime-local value read as Asia/Shanghai time -> ISO at UTC; null when empty. */
export function shanghaiLocalToIso(local: string): string | null {
  const value = local.trim();
  if (!value) return null;
  const time = new Date(`${value.length === 16 ? `${value}:00` : value}+08:00`).getTime();
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}
