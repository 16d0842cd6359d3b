/** The GraphQL operations of the storefront's ordering pages (cart, checkout, orders, statement). */

// ---------------------------------------------------------------------------------------------
// Fragments

const MONEY = /* GraphQL */ `amount currency minor`;

/** What a line needs to name its SKU: product name, spec, code, units, a picture. */
const LINE_SKU = /* GraphQL */ `
  fragment OrderingSku on Sku {
    id
    code
    spec
    baseUnit
    units { name factor }
    product { id name nameEn images }
  }
`;

/** The SKU of a broken rule, inline: the gateway allows a depth of 12 and a fragment costs one. */
const PROBLEM_SKU = /* GraphQL */ `sku { id code spec baseUnit units { name factor } product { id name nameEn images } }`;

/** Every rule a cart or an order breaks, with its figures. */
const RULE_PROBLEM = /* GraphQL */ `
  fragment OrderingRuleProblem on OrderRuleProblem {
    __typename
    code
    message
    ... on BelowMinimum {
      minimumAmount { ${MONEY} }
      minimumQuantity
      amount { ${MONEY} }
      quantity
    }
    ... on OutsideOrderingWindow { nextOpensAt }
    ... on CreditLimitExceeded {
      limit { ${MONEY} }
      receivable { ${MONEY} }
      openOrders { ${MONEY} }
      required { ${MONEY} }
    }
    ... on ShortStock { ${PROBLEM_SKU} requested available }
    ... on NotOrderable { ${PROBLEM_SKU} reason }
    ... on NoPrice { ${PROBLEM_SKU} unit }
    ... on UnknownUnit { ${PROBLEM_SKU} unit }
  }
`;

const CART_FIELDS = /* GraphQL */ `
  fragment OrderingCart on Cart {
    id
    updatedAt
    lines { id unit quantity addedAt sku { ...OrderingSku } }
  }
`;

const QUOTE_FIELDS = /* GraphQL */ `
  fragment OrderingQuote on Quote {
    lines {
      sku { id }
      unit
      factor
      quantity
      baseQuantity
      unitPrice { ${MONEY} }
      priceSource
      amount { ${MONEY} }
      available
      isGift
    }
    subtotal { ${MONEY} }
    discount { ${MONEY} }
    total { ${MONEY} }
    baseQuantity
    canPlace
    problems { ...OrderingRuleProblem }
    promotions { promotionId title discount { ${MONEY} } }
    coupon { code ok reason discount { ${MONEY} } }
  }
`;

const ORDER_FIELDS = /* GraphQL */ `
  fragment OrderingOrder on Order {
    id
    number
    status
    channel
    total { ${MONEY} }
    rush
    note
    createdAt
    updatedAt
    lines {
      id
      unit
      factor
      quantity
      unitPrice { ${MONEY} }
      priceSource
      amount { ${MONEY} }
      isGift
      sku { ...OrderingSku }
    }
    timeline { id type fromStatus toStatus actorKind actorId note createdAt }
  }
`;

const VALIDATION_ERROR = /* GraphQL */ `... on ValidationError { message code problems { field message } }`;

// ---------------------------------------------------------------------------------------------
// Operations

/** How many lines the cart has, for the cart link of the frame. */
export const CART_COUNT_QUERY = /* GraphQL */ `
  query StorefrontCartCount { cart { id lines { id } } }
`;

/**
 * The cart page: the lines and the quote priced now, with every rule it breaks, the promotions
 * applied and the coupon (优惠券) tried, if any.
 */
export const CART_QUERY = /* GraphQL */ `
  ${LINE_SKU}
  ${RULE_PROBLEM}
  ${CART_FIELDS}
  ${QUOTE_FIELDS}
  query StorefrontCart($couponCode: String) {
    cart { ...OrderingCart }
    quote(couponCode: $couponCode) { ...OrderingQuote }
  }
`;

export const ADD_TO_CART_MUTATION = /* GraphQL */ `
  mutation StorefrontAddToCart($input: AddToCartInput!) {
    addToCart(input: $input) {
      __typename
      ... on MutationAddToCartSuccess { data { id lines { id sku { id } unit quantity } } }
      ${VALIDATION_ERROR}
    }
  }
`;

export const UPDATE_CART_LINE_MUTATION = /* GraphQL */ `
  mutation StorefrontUpdateCartLine($input: UpdateCartLineInput!) {
    updateCartLine(input: $input) {
      __typename
      ... on MutationUpdateCartLineSuccess { data { id lines { id unit quantity } } }
      ${VALIDATION_ERROR}
    }
  }
`;

export const REMOVE_CART_LINE_MUTATION = /* GraphQL */ `
  mutation StorefrontRemoveCartLine($lineId: ID!) {
    removeCartLine(lineId: $lineId) { id lines { id } }
  }
`;

export const CLEAR_CART_MUTATION = /* GraphQL */ `
  mutation StorefrontClearCart { clearCart { id lines { id } } }
`;

export const PLACE_ORDER_MUTATION = /* GraphQL */ `
  ${RULE_PROBLEM}
  mutation StorefrontPlaceOrder($input: PlaceOrderInput!) {
    placeOrder(input: $input) {
      __typename
      ... on PlaceOrderSuccess { order { id number status total { ${MONEY} } } }
      ... on CreditLimitExceeded {
        message
        limit { ${MONEY} }
        receivable { ${MONEY} }
        openOrders { ${MONEY} }
        required { ${MONEY} }
      }
      ... on OutOfStock { message lines { ${PROBLEM_SKU} requested available } }
      ... on BelowMinimum {
        message
        minimumAmount { ${MONEY} }
        minimumQuantity
        amount { ${MONEY} }
        quantity
      }
      ... on OutsideOrderingWindow { message nextOpensAt }
      ... on PriceChanged { message expectedTotal { ${MONEY} } total { ${MONEY} } }
      ... on OrderNotPlaceable { message problems { ...OrderingRuleProblem } }

      ${VALIDATION_ERROR}
    }
  }
`;

/** The store's orders, newest first. */
export const ORDERS_QUERY = /* GraphQL */ `
  query StorefrontOrders($filter: OrderFilter, $first: Int, $after: String) {
    orders(filter: $filter, first: $first, after: $after) {
      edges {
        cursor
        node {
          id
          number
          status
          total { ${MONEY} }
          rush
          createdAt
          lines { id quantity unit sku { id product { id name nameEn images } } }
        }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

export const ORDER_QUERY = /* GraphQL */ `
  ${LINE_SKU}
  ${ORDER_FIELDS}
  query StorefrontOrder($id: ID!) { order(id: $id) { ...OrderingOrder } }
`;

export const CANCEL_ORDER_MUTATION = /* GraphQL */ `
  ${LINE_SKU}
  ${ORDER_FIELDS}
  mutation StorefrontCancelOrder($id: ID!, $reason: String!) {
    cancelOrder(id: $id, reason: $reason) {
      __typename
      ... on MutationCancelOrderSuccess { data { ...OrderingOrder } }
      ${VALIDATION_ERROR}
    }
  }
`;

/** The store's own statement (对账单) for [from, to). */
export const MY_STATEMENT_QUERY = /* GraphQL */ `
  query StorefrontMyStatement($from: DateTime!, $to: DateTime!) {
    myStatement(from: $from, to: $to) {
      __typename
      ... on QueryMyStatementSuccess {
        data {
          from
          to
          openingBalance { ${MONEY} }
          orders { ${MONEY} }
          returns { ${MONEY} }
          receipts { ${MONEY} }
          adjustments { ${MONEY} }
          closingBalance { ${MONEY} }
          entries { id kind at amount { ${MONEY} } change { ${MONEY} } balance { ${MONEY} } orderId note }
        }
      }
      ${VALIDATION_ERROR}
    }
  }
`;

/** Every operation above, so a test can validate them against the schema. */
export const ALL_OPERATIONS = {
  CART_COUNT_QUERY,
  CART_QUERY,
  ADD_TO_CART_MUTATION,
  UPDATE_CART_LINE_MUTATION,
  REMOVE_CART_LINE_MUTATION,
  CLEAR_CART_MUTATION,
  PLACE_ORDER_MUTATION,
  ORDERS_QUERY,
  ORDER_QUERY,
  CANCEL_ORDER_MUTATION,
  MY_STATEMENT_QUERY,
};

// ---------------------------------------------------------------------------------------------
// Result shapes

export interface Money {
  amount: string;
  currency: string;
  /** Integer fen as a string. */
  minor: string;
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

export interface LineSku {
  id: string;
  code: string;
  spec: string;
  baseUnit: string;
  units: { name: string; factor: number }[];
  product: { id: string; name: string; nameEn: string; images: string[] };
}

export type RuleProblem =
  | {
      __typename: 'BelowMinimum';
      code: string;
      message: string;
      minimumAmount: Money;
      minimumQuantity: number;
      amount: Money;
      quantity: number;
    }
  | { __typename: 'OutsideOrderingWindow'; code: string; message: string; nextOpensAt: string }
  | {
      __typename: 'CreditLimitExceeded';
      code: string;
      message: string;
      limit: Money;
      receivable: Money;
      openOrders: Money;
      required: Money;
    }
  | {
      __typename: 'ShortStock';
      code: string;
      message: string;
      sku: LineSku;
      requested: number;
      available: number;
    }
  | { __typename: 'NotOrderable'; code: string; message: string; sku: LineSku; reason: string }
  | { __typename: 'NoPrice'; code: string; message: string; sku: LineSku; unit: string }
  | { __typename: 'UnknownUnit'; code: string; message: string; sku: LineSku; unit: string }
  | { __typename: 'CustomerInactive' | 'EmptyOrder'; code: string; message: string };

export interface CartLine {
  id: string;
  unit: string;
  quantity: number;
  addedAt: string;
  sku: LineSku;
}

export interface Cart {
  id: string;
  updatedAt: string;
  lines: CartLine[];
}

export interface QuoteLine {
  sku: { id: string };
  unit: string;
  factor: number | null;
  quantity: number;
  baseQuantity: number;
  unitPrice: Money | null;
  priceSource: string | null;
  amount: Money;
  available: number | null;
  isGift: boolean;
}

export interface AppliedPromotion {
  promotionId: string;
  title: string;
  discount: Money;
}

/** The coupon tried on the quote: whether it applies and what it takes off. */
export interface QuoteCoupon {
  code: string;
  ok: boolean;
  reason: string | null;
  discount: Money;
}

export interface Quote {
  promotions: AppliedPromotion[];
  coupon: QuoteCoupon | null;
  lines: QuoteLine[];
  subtotal: Money;
  discount: Money;
  total: Money;
  baseQuantity: number;
  canPlace: boolean;
  problems: RuleProblem[];
}

export interface CartData {
  cart: Cart;
  quote: Quote | null;
}

export interface CartCountData {
  cart: { id: string; lines: { id: string }[] } | null;
}

export type MutationAnswer<T> = ({ __typename: string } & { data: T }) | ValidationErrorShape;

export interface ShortLine {
  sku: LineSku;
  requested: number;
  available: number;
}

/** What placeOrder did: the order, or the rule that refused it with its figures. */
export type PlaceOrderResult =
  | {
      __typename: 'PlaceOrderSuccess';
      order: { id: string; number: string; status: OrderStatus; total: Money };
    }
  | {
      __typename: 'CreditLimitExceeded';
      message: string;
      limit: Money;
      receivable: Money;
      openOrders: Money;
      required: Money;
    }
  | { __typename: 'OutOfStock'; message: string; lines: ShortLine[] }
  | {
      __typename: 'BelowMinimum';
      message: string;
      minimumAmount: Money;
      minimumQuantity: number;
      amount: Money;
      quantity: number;
    }
  | { __typename: 'OutsideOrderingWindow'; message: string; nextOpensAt: string }
  | { __typename: 'PriceChanged'; message: string; expectedTotal: Money; total: Money }
  | { __typename: 'OrderNotPlaceable'; message: string; problems: RuleProblem[] };

export type PlaceOrderRefusal = Exclude<PlaceOrderResult, { __typename: 'PlaceOrderSuccess' }>;

export type OrderStatus =
  | 'SUBMITTED'
  | 'APPROVED'
  | 'PICKING'
  | 'PACKED'
  | 'SHIPPED'
  | 'DELIVERED'
  | 'COMPLETED'
  | 'CANCELLED'
  | 'REJECTED';

export const ORDER_STATUSES: OrderStatus[] = [
  'SUBMITTED',
  'APPROVED',
  'PICKING',
  'PACKED',
  'SHIPPED',
  'DELIVERED',
  'COMPLETED',
  'CANCELLED',
  'REJECTED',
];

export interface OrderSummary {
  id: string;
  number: string;
  status: OrderStatus;
  total: Money;
  rush: boolean;
  createdAt: string;
  lines: {
    id: string;
    quantity: number;
    unit: string;
    sku: { id: string; product: { id: string; name: string; nameEn: string; images: string[] } } | null;
  }[];
}

export interface OrdersData {
  orders: {
    edges: { cursor: string; node: OrderSummary }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

export interface OrderLine {
  id: string;
  unit: string;
  factor: number;
  quantity: number;
  unitPrice: Money;
  priceSource: string;
  amount: Money;
  isGift: boolean;
  sku: LineSku | null;
}

export interface OrderEvent {
  id: string;
  type: string;
  fromStatus: OrderStatus | null;
  toStatus: OrderStatus | null;
  actorKind: string;
  actorId: string;
  note: string;
  createdAt: string;
}

export interface OrderDetail {
  id: string;
  number: string;
  status: OrderStatus;
  channel: string;
  total: Money;
  rush: boolean;
  note: string;
  createdAt: string;
  updatedAt: string;
  lines: OrderLine[];
  timeline: OrderEvent[];
}

export interface OrderData {
  order: OrderDetail | null;
}

export type LedgerKind =
  | 'ORDER_OPENED'
  | 'ORDER_RELEASED'
  | 'ORDER_INVOICED'
  | 'ORDER_VOIDED'
  | 'CREDIT_NOTE'
  | 'PAYMENT'
  | 'PREPAID_TOPUP'
  | 'PREPAID_USED'
  | 'ADJUSTMENT';

export interface Statement {
  from: string;
  to: string;
  openingBalance: Money;
  orders: Money;
  returns: Money;
  receipts: Money;
  adjustments: Money;
  closingBalance: Money;
  entries: {
    id: string;
    kind: LedgerKind;
    at: string;
    amount: Money;
    change: Money;
    balance: Money;
    orderId: string | null;
    note: string | null;
  }[];
}

export interface MyStatementData {
  myStatement: { __typename: 'QueryMyStatementSuccess'; data: Statement } | ValidationErrorShape;
}
