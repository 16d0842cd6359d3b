/**
 * The GraphQL operations of the console's order screens (review queue, order page, order on
 * behalf) and of collections (收款), the shapes of their results and small pure helpers. Checked
 * against the composed schema by e2e/console-orders.test.ts (every entry of ALL_ORDERS_OPERATIONS).
 */

// ---------------------------------------------------------------------------------------------
// Shared pieces

const VALIDATION_ERROR = /* GraphQL */ `
  ... on ValidationError { message code problems { field message } }
`;

export interface MoneyAmount {
  amount: string;
  currency?: string;
}

export interface InputProblem {
  field: string;
  /** The API's message (zh-CN with English in brackets). */
  message?: string;
  /** A problem found before asking the API, as a key under `orders.problems`. */
  messageKey?: string;
}

export interface ValidationErrorResult {
  __typename: 'ValidationError';
  message: string;
  code: string;
  problems: InputProblem[];
}

export interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

export const ORDER_STATUSES = [
  'SUBMITTED',
  'APPROVED',
  'PICKING',
  'PACKED',
  'SHIPPED',
  'DELIVERED',
  'COMPLETED',
  'CANCELLED',
  'REJECTED',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

// ---------------------------------------------------------------------------------------------
// /orders: the review queue and the order list

const ORDER_ROW = /* GraphQL */ `
  fragment OrdersRow on Order {
    id number status channel rush createdAt
    total { amount currency }
    customer { id code name }
  }
`;

export const ORDERS_QUERY = /* GraphQL */ `
  query OrdersList($filter: OrderFilter, $first: Int, $after: String, $last: Int, $before: String) {
    orders(filter: $filter, first: $first, after: $after, last: $last, before: $before) {
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { node { ...OrdersRow } }
    }
  }
  ${ORDER_ROW}
`;

export interface OrderRow {
  id: string;
  number: string;
  status: OrderStatus;
  channel: string;
  rush: boolean;
  createdAt: string;
  total: MoneyAmount;
  customer: { id: string; code: string; name: string } | null;
}

export interface OrdersData {
  orders: { pageInfo: PageInfo; edges: { node: OrderRow }[] };
}

export const CUSTOMER_SEARCH_QUERY = /* GraphQL */ `
  query OrdersCustomerSearch($search: String, $first: Int) {
    customers(search: $search, first: $first) {
      edges { node { id code name phone address level { id name nameEn } } }
    }
  }
`;

export interface CustomerChoice {
  id: string;
  code: string;
  name: string;
  phone: string;
  address: string;
  level: { id: string; name: string; nameEn: string };
}

export interface CustomerSearchData {
  customers: { edges: { node: CustomerChoice }[] };
}

// ---------------------------------------------------------------------------------------------
// /orders/:id: one order, its lines, timeline and review

const ORDER_DETAIL = /* GraphQL */ `
  fragment OrderDetail on Order {
    id number status channel rush note createdAt updatedAt reviewStage priceApproval
    total { amount currency }
    customer { id code name contactName phone address }
    lines {
      id unit factor quantity priceSource isGift
      unitPrice { amount currency }
      levelPrice { amount currency }
      amount { amount currency }
      sku { id code spec baseUnit product { id name } }
    }
    timeline { id type fromStatus toStatus actorKind actorId note createdAt }
  }
`;

export const ORDER_QUERY = /* GraphQL */ `
  query OrdersOrder($id: ID!) {
    order(id: $id) { ...OrderDetail }
  }
  ${ORDER_DETAIL}
`;

/** Names for the timeline's actors (staff ids). */
export const STAFF_QUERY = /* GraphQL */ `
  query OrdersStaff {
    staffMembers { id name username }
  }
`;

export const CREDIT_QUERY = /* GraphQL */ `
  query OrdersCustomerCredit($id: ID!) {
    customer(id: $id) {
      id
      creditAccount {
        limit { amount currency }
        receivable { amount currency }
        openOrders { amount currency }
        available { amount currency }
        prepaidBalance { amount currency }
        paymentTermDays
      }
    }
  }
`;

export interface OrderLineData {
  id: string;
  unit: string;
  factor: number;
  quantity: number;
  priceSource: string;
  isGift: boolean;
  unitPrice: MoneyAmount;
  /** The store's level price of one unit when ordered (a typed price is held to it). */
  levelPrice: MoneyAmount | null;
  amount: MoneyAmount;
  sku: {
    id: string;
    code: string;
    spec: string;
    baseUnit: string;
    product: { id: string; name: string };
  } | null;
}

export interface OrderEventData {
  id: string;
  type: string;
  fromStatus: OrderStatus | null;
  toStatus: OrderStatus | null;
  actorKind: string;
  actorId: string;
  note: string;
  createdAt: string;
}

export interface OrderDetailData {
  id: string;
  number: string;
  status: OrderStatus;
  channel: string;
  rush: boolean;
  note: string;
  createdAt: string;
  updatedAt: string;
  /** BUSINESS (业务审核 next), FINANCE (财务审核 next) or DONE. */
  reviewStage: string;
  /** NONE, PENDING (a price below the level price waits for the boss) or APPROVED. */
  priceApproval: string;
  total: MoneyAmount;
  customer: {
    id: string;
    code: string;
    name: string;
    contactName: string;
    phone: string;
    address: string;
  } | null;
  lines: OrderLineData[];
  timeline: OrderEventData[];
}

export interface OrderData {
  order: OrderDetailData | null;
}

export interface StaffData {
  staffMembers: { id: string; name: string; username: string }[];
}

export interface CreditAccountData {
  limit: MoneyAmount;
  receivable: MoneyAmount;
  openOrders: MoneyAmount;
  available: MoneyAmount;
  prepaidBalance: MoneyAmount;
  paymentTermDays: number;
}

export interface CreditData {
  customer: { id: string; creditAccount: CreditAccountData } | null;
}

const REVIEWED_ORDER = /* GraphQL */ `
  data { id status timeline { id type toStatus note } }
`;

export const APPROVE_ORDER_MUTATION = /* GraphQL */ `
  mutation OrdersApprove($id: ID!) {
    approveOrder(id: $id) {
      __typename
      ... on MutationApproveOrderSuccess { ${REVIEWED_ORDER} }
      ${VALIDATION_ERROR}
    }
  }
`;

/** The boss approves the prices below the level price of an order (特价审批). */
export const APPROVE_PRICES_MUTATION = /* GraphQL */ `
  mutation OrdersApprovePrices($id: ID!) {
    approvePrices(id: $id) {
      __typename
      ... on MutationApprovePricesSuccess { data { id status priceApproval reviewStage } }
      ${VALIDATION_ERROR}
    }
  }
`;

export const REJECT_ORDER_MUTATION = /* GraphQL */ `
  mutation OrdersReject($id: ID!, $reason: String!) {
    rejectOrder(id: $id, reason: $reason) {
      __typename
      ... on MutationRejectOrderSuccess { ${REVIEWED_ORDER} }
      ${VALIDATION_ERROR}
    }
  }
`;

export const CANCEL_ORDER_MUTATION = /* GraphQL */ `
  mutation OrdersCancel($id: ID!, $reason: String!) {
    cancelOrder(id: $id, reason: $reason) {
      __typename
      ... on MutationCancelOrderSuccess { ${REVIEWED_ORDER} }
      ${VALIDATION_ERROR}
    }
  }
`;

// ---------------------------------------------------------------------------------------------
// /orders/new: an order on behalf of a store

const SKU_CHOICE = /* GraphQL */ `
  fragment OrdersSkuChoice on Sku {
    id code spec baseUnit barcode
    units { name factor barcode }
    product { id name }
  }
`;

/** The store being ordered for, with its latest order (to reuse its lines). */
export const ORDER_CUSTOMER_QUERY = /* GraphQL */ `
  query OrdersOrderCustomer($id: ID!) {
    customer(id: $id) {
      id code name phone address
      level { id name nameEn }
      recentOrders(limit: 1) {
        id number createdAt
        lines { unit quantity isGift sku { ...OrdersSkuChoice } }
      }
    }
  }
  ${SKU_CHOICE}
`;

export const PRODUCT_SEARCH_QUERY = /* GraphQL */ `
  query OrdersProductSearch($search: String, $first: Int) {
    products(filter: { search: $search }, first: $first) {
      edges { node { id name skus { ...OrdersSkuChoice } } }
    }
  }
  ${SKU_CHOICE}
`;

export const SKU_BY_BARCODE_QUERY = /* GraphQL */ `
  query OrdersSkuByBarcode($barcode: String!) {
    skuByBarcode(barcode: $barcode) { ...OrdersSkuChoice }
  }
  ${SKU_CHOICE}
`;

/** Every price the store could be charged for a SKU in a unit; `applies` marks the one it pays. */
export const PRICE_OPTIONS_QUERY = /* GraphQL */ `
  query OrdersPriceOptions($skuId: ID!, $customerId: ID!, $unit: String, $quantity: Int) {
    sku(id: $skuId) {
      id
      priceOptions(customerId: $customerId, unit: $unit, quantity: $quantity) {
        source amount currency unit applies
      }
    }
  }
`;

export const PLACE_ORDER_MUTATION = /* GraphQL */ `
  mutation OrdersPlaceOrder($input: PlaceOrderInput!) {
    placeOrder(input: $input) {
      __typename
      ... on PlaceOrderSuccess { order { id number status } }
      ... on CreditLimitExceeded {
        message
        limit { amount } receivable { amount } openOrders { amount } required { amount }
      }
      ... on OutOfStock {
        message
        lines { message requested available sku { id code product { name } } }
      }
      ... on BelowMinimum {
        message minimumQuantity quantity
        minimumAmount { amount } amount { amount }
      }
      ... on OutsideOrderingWindow { message nextOpensAt }
      ... on PriceChanged { message expectedTotal { amount } total { amount } }
      ... on OrderNotPlaceable { message problems { code message } }

      ${VALIDATION_ERROR}
    }
  }
`;

export interface SkuChoice {
  id: string;
  code: string;
  spec: string;
  baseUnit: string;
  barcode: string | null;
  units: { name: string; factor: number; barcode?: string | null }[];
  product: { id: string; name: string };
}

export interface OrderCustomerData {
  customer:
    | (CustomerChoice & {
        recentOrders: {
          id: string;
          number: string;
          createdAt: string;
          lines: { unit: string; quantity: number; isGift: boolean; sku: SkuChoice | null }[];
        }[];
      })
    | null;
}

export interface ProductSearchData {
  products: { edges: { node: { id: string; name: string; skus: SkuChoice[] } }[] };
}

export interface SkuByBarcodeData {
  skuByBarcode: SkuChoice | null;
}

export interface PriceOption {
  source: string;
  amount: string;
  currency: string;
  unit: string;
  applies: boolean;
}

export interface PriceOptionsData {
  sku: { id: string; priceOptions: PriceOption[] } | null;
}

/** A refusal of placeOrder, as the page shows it (figures included). */
export type PlaceOrderRefusal =
  | {
      __typename: 'CreditLimitExceeded';
      message: string;
      limit: MoneyAmount;
      receivable: MoneyAmount;
      openOrders: MoneyAmount;
      required: MoneyAmount;
    }
  | {
      __typename: 'OutOfStock';
      message: string;
      lines: {
        message: string;
        requested: number;
        available: number;
        sku: { id: string; code: string; product: { name: string } };
      }[];
    }
  | {
      __typename: 'BelowMinimum';
      message: string;
      minimumQuantity: number;
      quantity: number;
      minimumAmount: MoneyAmount;
      amount: MoneyAmount;
    }
  | { __typename: 'OutsideOrderingWindow'; message: string; nextOpensAt: string }
  | { __typename: 'PriceChanged'; message: string; expectedTotal: MoneyAmount; total: MoneyAmount }
  | { __typename: 'OrderNotPlaceable'; message: string; problems: { code: string; message: string }[] };

export type PlaceOrderResultData =
  | { __typename: 'PlaceOrderSuccess'; order: { id: string; number: string; status: OrderStatus } }
  | PlaceOrderRefusal;

export interface PlaceOrderData {
  /** the union itself: the order, a refusal with its figures, or a ValidationError */
  placeOrder: PlaceOrderResultData | ValidationErrorResult;
}

// ---------------------------------------------------------------------------------------------
// /collections: money collected from stores (收款), confirmed by finance

const COLLECTION_ROW = /* GraphQL */ `
  fragment OrdersCollectionRow on Collection {
    id method proofImageUrl orderIds note status submittedAt decidedAt rejectReason
    amount { amount currency }
    customer { id code name }
    submittedBy { id name }
    decidedBy { id name }
  }
`;

export const COLLECTIONS_QUERY = /* GraphQL */ `
  query OrdersCollections($filter: CollectionFilter, $first: Int, $after: String) {
    collections(filter: $filter, first: $first, after: $after) {
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { node { ...OrdersCollectionRow } }
    }
  }
  ${COLLECTION_ROW}
`;

/** The store a collection is for: its credit and its latest orders (to say what the money pays). */
export const COLLECTION_CUSTOMER_QUERY = /* GraphQL */ `
  query OrdersCollectionCustomer($id: ID!) {
    customer(id: $id) {
      id code name
      recentOrders(limit: 20) { id number status createdAt total { amount currency } }
    }
  }
`;

export const SUBMIT_COLLECTION_MUTATION = /* GraphQL */ `
  mutation OrdersSubmitCollection($input: SubmitCollectionInput!) {
    submitCollection(input: $input) {
      __typename
      ... on MutationSubmitCollectionSuccess { data { ...OrdersCollectionRow } }
      ${VALIDATION_ERROR}
    }
  }
  ${COLLECTION_ROW}
`;

export const CONFIRM_COLLECTION_MUTATION = /* GraphQL */ `
  mutation OrdersConfirmCollection($id: ID!) {
    confirmCollection(id: $id) {
      __typename
      ... on MutationConfirmCollectionSuccess { data { id status decidedAt } }
      ${VALIDATION_ERROR}
    }
  }
`;

export const REJECT_COLLECTION_MUTATION = /* GraphQL */ `
  mutation OrdersRejectCollection($id: ID!, $reason: String!) {
    rejectCollection(id: $id, reason: $reason) {
      __typename
      ... on MutationRejectCollectionSuccess { data { id status rejectReason } }
      ${VALIDATION_ERROR}
    }
  }
`;

export const COLLECTION_METHODS = ['CASH', 'TRANSFER', 'WECHAT', 'ALIPAY', 'OTHER'] as const;

export interface CollectionRow {
  id: string;
  method: (typeof COLLECTION_METHODS)[number];
  proofImageUrl: string | null;
  orderIds: string[];
  note: string | null;
  status: 'SUBMITTED' | 'CONFIRMED' | 'REJECTED';
  submittedAt: string;
  decidedAt: string | null;
  rejectReason: string | null;
  amount: MoneyAmount;
  customer: { id: string; code: string; name: string };
  submittedBy: { id: string; name: string } | null;
  decidedBy: { id: string; name: string } | null;
}

export interface CollectionsData {
  collections: { pageInfo: PageInfo; edges: { node: CollectionRow }[] };
}

export interface CollectionCustomerData {
  customer: {
    id: string;
    code: string;
    name: string;
    recentOrders: {
      id: string;
      number: string;
      status: OrderStatus;
      createdAt: string;
      total: MoneyAmount;
    }[];
  } | null;
}

// ---------------------------------------------------------------------------------------------
// /orders/settings: the ordering rules (review steps, auto approval, window, minimums)

const ORDER_SETTINGS = /* GraphQL */ `
  fragment OrdersSettings on OrderSettings {
    reviewSteps autoApproveLevelIds windowStart windowEnd timeZone minimumQuantity
    autoApproveBelow { amount }
    minimumAmount { amount }
    routeWindows { routeId windowStart windowEnd }
    levelMinimums { levelId minimumAmount { amount } minimumQuantity }
  }
`;

export const ORDER_SETTINGS_QUERY = /* GraphQL */ `
  query OrdersSettings {
    orderSettings { ...OrdersSettings }
  }
  ${ORDER_SETTINGS}
`;

export const UPDATE_ORDER_SETTINGS_MUTATION = /* GraphQL */ `
  mutation OrdersUpdateSettings($input: OrderSettingsInput!) {
    updateOrderSettings(input: $input) {
      __typename
      ... on MutationUpdateOrderSettingsSuccess { data { ...OrdersSettings } }
      ${VALIDATION_ERROR}
    }
  }
  ${ORDER_SETTINGS}
`;

export interface OrderSettingsValues {
  /** 1: 业务审核 only; 2: 业务审核 then 财务审核. */
  reviewSteps: number;
  autoApproveLevelIds: string[];
  autoApproveBelow: MoneyAmount | null;
  /** "HH:MM" in timeZone; both null: always open. */
  windowStart: string | null;
  windowEnd: string | null;
  timeZone: string;
  minimumAmount: MoneyAmount;
  minimumQuantity: number;
  routeWindows: { routeId: string; windowStart: string; windowEnd: string }[];
  levelMinimums: { levelId: string; minimumAmount: MoneyAmount; minimumQuantity: number }[];
}

export interface OrderSettingsData {
  orderSettings: OrderSettingsValues;
}

export interface UpdateOrderSettingsData {
  updateOrderSettings:
    | { __typename: 'MutationUpdateOrderSettingsSuccess'; data: OrderSettingsValues }
    | ValidationErrorResult;
}

// ---------------------------------------------------------------------------------------------
// The order page's store card: boss or finance change a store's credit limit and payment terms

export const SET_CREDIT_LIMIT_MUTATION = /* GraphQL */ `
  mutation OrdersSetCreditLimit($customerId: ID!, $limit: Decimal!, $paymentTermDays: Int) {
    setCreditLimit(customerId: $customerId, limit: $limit, paymentTermDays: $paymentTermDays) {
      __typename
      ... on MutationSetCreditLimitSuccess {
        data {
          limit { amount currency }
          receivable { amount currency }
          openOrders { amount currency }
          available { amount currency }
          prepaidBalance { amount currency }
          paymentTermDays
        }
      }
      ${VALIDATION_ERROR}
    }
  }
`;

export interface SetCreditLimitData {
  setCreditLimit:
    | { __typename: 'MutationSetCreditLimitSuccess'; data: CreditAccountData }
    | ValidationErrorResult;
}

export const ALL_ORDERS_OPERATIONS = {
  ORDERS_QUERY,
  CUSTOMER_SEARCH_QUERY,
  ORDER_QUERY,
  STAFF_QUERY,
  CREDIT_QUERY,
  APPROVE_ORDER_MUTATION,
  APPROVE_PRICES_MUTATION,
  REJECT_ORDER_MUTATION,
  CANCEL_ORDER_MUTATION,
  ORDER_CUSTOMER_QUERY,
  PRODUCT_SEARCH_QUERY,
  SKU_BY_BARCODE_QUERY,
  PRICE_OPTIONS_QUERY,
  PLACE_ORDER_MUTATION,
  COLLECTIONS_QUERY,
  COLLECTION_CUSTOMER_QUERY,
  SUBMIT_COLLECTION_MUTATION,
  CONFIRM_COLLECTION_MUTATION,
  REJECT_COLLECTION_MUTATION,
  ORDER_SETTINGS_QUERY,
  UPDATE_ORDER_SETTINGS_MUTATION,
  SET_CREDIT_LIMIT_MUTATION,
};

// ---------------------------------------------------------------------------------------------
// Helpers

const DECIMAL = /^\d+(\.\d{1,2})?$/;

/** A non-negative amount of yuan with at most two decimals (what the API takes as Decimal). */
export function isDecimal(value: string): boolean {
  return DECIMAL.test(value.trim());
}

/** `12.5` -> `¥12.5`: the amount as the API gave it, never through floating point. */
export function formatAmount(money: MoneyAmount | null | undefined): string {
  if (!money) return '';
  return `${!money.currency || money.currency === 'CNY' ? '¥' : `${money.currency} `}${money.amount}`;
}

/** Decimal yuan string -> integer fen (bigint), exact. */
export function toFen(value: string): bigint {
  const v = value.trim();
  const negative = v.startsWith('-');
  const [whole = '0', fraction = ''] = v.replace(/^[-+]/, '').split('.');
  const fen = BigInt(whole || '0') * 100n + BigInt(`${fraction}00`.slice(0, 2));
  return negative ? -fen : fen;
}

/** Integer fen -> `12.50`. */
export function fenToAmount(fen: bigint): string {
  const negative = fen < 0n;
  const abs = negative ? -fen : fen;
  const text = `${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
  return negative ? `-${text}` : text;
}

/** A unit price times a quantity, exact: `3.5` x 12 -> `42.00`. */
export function lineAmount(unitPrice: string, quantity: number): string {
  return fenToAmount(toFen(unitPrice) * BigInt(quantity));
}

/** Asia/Shanghai, the business's clock: ISO -> `2026-12-01 08:00`. */
export function formatShanghai(iso: string | null | undefined): string {
  if (!iso) return '';
  const time = new Date(iso).getTime();
  if (Number.isNaN(time)) return '';
  return new Date(time + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** The review queue: rush orders first, then oldest first. */
export function queueOrder<T extends { rush: boolean; createdAt: string; id: string }>(rows: T[]): T[] {
  return [...rows].sort(
    (a, b) =>
      Number(b.rush) - Number(a.rush) || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id),
  );
}

/** A key for one submit of an order on behalf: kept across retries so a repeat never orders twice. */
export function newIdempotencyKey(): string {
  const random =
    typeof crypto !== 'undefined' && 'randomUUID' in crypto
      ? crypto.randomUUID()
      : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  return `console-${random}`;
}
