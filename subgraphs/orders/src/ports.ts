import { callInternal, requireTenantId, serviceUrl } from '@wholesail/platform';

/**
 * What orders asks the other domains, as internal commands (docs: /internal/<name> of the
 * owning subgraph). Amounts travel as fen in decimal strings, quantities in base units.
 */

function call<O>(
  service: 'catalog' | 'pricing' | 'inventory' | 'crm' | 'marketing',
  command: string,
  input: unknown,
) {
  return callInternal<O>(serviceUrl(service), command, input, {
    service: 'orders',
    tenantId: requireTenantId(),
  });
}

export interface CustomerFacts {
  active: boolean;
  levelId: string | null;
  warehouseId: string | null;
  routeId: string | null;
  ownerRepId: string | null;
  name: string;
  code: string;
}

export interface SkuFacts {
  skuId: string;
  productId: string | null;
  code: string | null;
  name: string | null;
  spec: string | null;
  baseUnit: string | null;
  units: { name: string; factor: number }[];
  brandId: string | null;
  categoryIds: string[];
  notOrderable: string | null;
}

export interface LinePrice {
  skuId: string;
  unit: string;
  unitPrice: string | null;
  source: string | null;
  /** the customer's level price (else wholesale) for this unit: a typed price below it needs the boss */
  levelPrice: string | null;
}

export interface PromotionResult {
  /** fen: the order-level discounts and the coupon together */
  discount: string;
  applied: { promotionId: string; kind: string; title: string; discount: string }[];
  /** `quantity` counts `unit` when marketing names one (e.g. 箱), else base units */
  gifts: { skuId: string; quantity: number; promotionId: string; unit?: string | null }[];
  coupon: null | { code: string; discount: string; ok: boolean; reason: string | null };
}

export type ReserveCreditResult =
  | { kind: 'RESERVED'; available: string }
  | { kind: 'CREDIT_LIMIT_EXCEEDED'; limit: string; receivable: string; openOrders: string; required: string }
  | { kind: 'CUSTOMER_INACTIVE' }
  /** a reserve that arrived after its order id was released (a late retry): not a refusal */
  | { kind: 'ALREADY_RELEASED' };

export type ReserveStockResult =
  | {
      kind: 'RESERVED';
      warehouseId: string;
      lines: { skuId: string; quantity: number; availableAfter: number }[];
    }
  | {
      kind: 'OUT_OF_STOCK';
      warehouseId: string;
      lines: { skuId: string; requested: number; available: number }[];
    };

export const ports = {
  customersOfRep: (staffId: string) =>
    call<{ customerIds: string[] }>('crm', 'customersOfRep', { staffId }).then((r) => r.customerIds),
  customerFacts: (customerId: string) =>
    call<CustomerFacts | null>('crm', 'customerOrderingFacts', { customerId }),
  skuFacts: (customerId: string | null, skuIds: string[]) =>
    call<{ skus: SkuFacts[] }>('catalog', 'skuFacts', { customerId, skuIds }).then((r) => r.skus),
  prices: (customerId: string, lines: { skuId: string; unit: string; quantity: number }[]) =>
    call<{ lines: LinePrice[] }>('pricing', 'quotePrices', { customerId, lines }).then((r) => r.lines),
  checkStock: (customerId: string, lines: { skuId: string; quantity: number }[]) =>
    call<{ warehouseId: string; lines: { skuId: string; available: number; enough: boolean }[] }>(
      'inventory',
      'checkStock',
      { customerId, lines },
    ),
  checkCredit: (customerId: string, amount: bigint) =>
    call<{
      limit: string;
      receivable: string;
      openOrders: string;
      available: string;
      enough: boolean;
      active: boolean;
    }>('crm', 'checkCredit', { customerId, amount: amount.toString() }),
  applyPromotions: (input: {
    customerId: string;
    levelId: string | null;
    couponCode: string | null;
    lines: {
      skuId: string;
      productId: string | null;
      brandId: string | null;
      categoryIds: string[];
      quantity: number;
      amount: string;
    }[];
  }) => call<PromotionResult>('marketing', 'applyPromotions', input),
  redeemCoupon: (orderId: string, customerId: string, code: string, discount: string) =>
    call<{ kind: 'REDEEMED' } | { kind: 'COUPON_UNAVAILABLE'; reason: string }>('marketing', 'redeemCoupon', {
      orderId,
      customerId,
      code,
      discount,
    }),
  releaseCoupon: (orderId: string, reason: string) =>
    call<unknown>('marketing', 'releaseCoupon', { orderId, reason }),
  reserveCredit: (orderId: string, customerId: string, amount: bigint) =>
    call<ReserveCreditResult>('crm', 'reserveCredit', { orderId, customerId, amount: amount.toString() }),
  releaseCredit: (orderId: string, reason: string) =>
    call<unknown>('crm', 'releaseCredit', { orderId, reason }),
  reserveStock: (orderId: string, customerId: string, lines: { skuId: string; quantity: number }[]) =>
    call<ReserveStockResult>('inventory', 'reserveStock', { orderId, customerId, lines }),
  confirmStock: (orderId: string) => call<unknown>('inventory', 'confirmStock', { orderId }),
  releaseStock: (orderId: string, reason: string) =>
    call<unknown>('inventory', 'releaseStock', { orderId, reason }),
};
