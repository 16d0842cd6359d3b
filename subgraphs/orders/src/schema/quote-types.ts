import { formatMinor } from '@wholesail/platform';
import { builder } from '../builder';
import type { QuotedLine, QuoteProblem } from '../domain/quote';
import type { Quote } from '../services/quote';
import { SkuRef } from './external';

const money = (minor: bigint) => ({ minor });
const fen = (minor: bigint) => `¥${formatMinor(minor)}`;

/** Every ordering rule a cart or an order breaks is one of these, with its figures. */
export const OrderRuleProblemRef = builder.interfaceRef<QuoteProblem>('OrderRuleProblem').implement({
  description: 'A rule the cart or order breaks; `code` says which, `message` says it for people.',
  fields: (t) => ({
    code: t.string({ resolve: (p) => p.code }),
    message: t.string({ resolve: (p) => messageOf(p) }),
  }),
});

export function messageOf(p: QuoteProblem): string {
  switch (p.code) {
    case 'NOT_ORDERABLE':
      return '该商品不可订购 (this product cannot be ordered)';
    case 'NO_PRICE':
      return '该商品暂无价格 (this product has no price)';
    case 'UNKNOWN_UNIT':
      return `单位“${p.unit}”不存在 (unknown unit)`;
    case 'SHORT_STOCK':
      return `库存不足：需要 ${p.requested}，可用 ${p.available} (not enough stock)`;
    case 'BELOW_MINIMUM':
      return `未达起订标准：最低 ${fen(p.minimumAmountMinor)}${p.minimumQuantity ? ` / ${p.minimumQuantity} 件` : ''} (below the minimum order)`;
    case 'OUTSIDE_WINDOW':
      return `当前不在下单时间内，下次开放：${p.nextOpensAt.toISOString()} (outside the ordering hours)`;
    case 'OVER_CREDIT':
      return `超出信用额度，请先结清欠款：额度 ${fen(p.limitMinor)}，应收 ${fen(p.receivableMinor)}，未结订单 ${fen(p.openOrdersMinor)}，本单 ${fen(p.requiredMinor)} (credit limit exceeded: please settle first)`;
    case 'CUSTOMER_INACTIVE':
      return '客户账号未启用或已停用 (the store is not active)';
    case 'EMPTY':
      return '购物车是空的 (the cart is empty)';
    case 'COUPON_UNAVAILABLE':
      return `优惠券不可用：${p.reason} (the coupon cannot be used)`;
  }
}

type Of<C extends QuoteProblem['code']> = Extract<QuoteProblem, { code: C }>;
const problemType = <C extends QuoteProblem['code']>(
  name: string,
  code: C,
  description: string,
  fields: (t: any) => Record<string, any>,
) =>
  builder.objectRef<Of<C>>(name).implement({
    description,
    interfaces: [OrderRuleProblemRef],
    isTypeOf: (p: unknown) => (p as QuoteProblem).code === code,
    fields,
  });

export const NotOrderableRef = problemType(
  'NotOrderable',
  'NOT_ORDERABLE',
  'A SKU this store may not order (off the shelf, brand not authorised, unknown).',
  (t) => ({
    sku: t.field({ type: SkuRef, resolve: (p: Of<'NOT_ORDERABLE'>) => ({ id: p.skuId }) }),
    reason: t.string({ resolve: (p: Of<'NOT_ORDERABLE'>) => p.reason }),
  }),
);
export const NoPriceRef = problemType(
  'NoPrice',
  'NO_PRICE',
  'A SKU without a price for this store in this unit.',
  (t) => ({
    sku: t.field({ type: SkuRef, resolve: (p: Of<'NO_PRICE'>) => ({ id: p.skuId }) }),
    unit: t.string({ resolve: (p: Of<'NO_PRICE'>) => p.unit }),
  }),
);
export const UnknownUnitRef = problemType(
  'UnknownUnit',
  'UNKNOWN_UNIT',
  'A unit the SKU is not sold in.',
  (t) => ({
    sku: t.field({ type: SkuRef, resolve: (p: Of<'UNKNOWN_UNIT'>) => ({ id: p.skuId }) }),
    unit: t.string({ resolve: (p: Of<'UNKNOWN_UNIT'>) => p.unit }),
  }),
);
export const ShortStockRef = problemType(
  'ShortStock',
  'SHORT_STOCK',
  'Less stock than asked in the store warehouse (base units).',
  (t) => ({
    sku: t.field({ type: SkuRef, resolve: (p: Of<'SHORT_STOCK'>) => ({ id: p.skuId }) }),
    requested: t.int({ resolve: (p: Of<'SHORT_STOCK'>) => p.requested }),
    available: t.int({ resolve: (p: Of<'SHORT_STOCK'>) => p.available }),
  }),
);
export const BelowMinimumRef = problemType(
  'BelowMinimum',
  'BELOW_MINIMUM',
  'The order is below the minimum amount or quantity (起订).',
  (t) => ({
    minimumAmount: t.field({
      type: builder.MoneyRef,
      resolve: (p: Of<'BELOW_MINIMUM'>) => money(p.minimumAmountMinor),
    }),
    minimumQuantity: t.int({ resolve: (p: Of<'BELOW_MINIMUM'>) => p.minimumQuantity }),
    amount: t.field({ type: builder.MoneyRef, resolve: (p: Of<'BELOW_MINIMUM'>) => money(p.amountMinor) }),
    quantity: t.int({ resolve: (p: Of<'BELOW_MINIMUM'>) => p.quantity }),
  }),
);
export const OutsideOrderingWindowRef = problemType(
  'OutsideOrderingWindow',
  'OUTSIDE_WINDOW',
  'Outside the ordering hours; the cart stays.',
  (t) => ({
    nextOpensAt: t.field({ type: 'DateTime', resolve: (p: Of<'OUTSIDE_WINDOW'>) => p.nextOpensAt }),
  }),
);
export const CreditLimitExceededRef = problemType(
  'CreditLimitExceeded',
  'OVER_CREDIT',
  'Above the available credit: limit - receivable - open orders. Settle first, or staff raise the limit.',
  (t) => ({
    limit: t.field({ type: builder.MoneyRef, resolve: (p: Of<'OVER_CREDIT'>) => money(p.limitMinor) }),
    receivable: t.field({
      type: builder.MoneyRef,
      resolve: (p: Of<'OVER_CREDIT'>) => money(p.receivableMinor),
    }),
    openOrders: t.field({
      type: builder.MoneyRef,
      resolve: (p: Of<'OVER_CREDIT'>) => money(p.openOrdersMinor),
    }),
    required: t.field({ type: builder.MoneyRef, resolve: (p: Of<'OVER_CREDIT'>) => money(p.requiredMinor) }),
  }),
);
export const CustomerInactiveRef = problemType(
  'CustomerInactive',
  'CUSTOMER_INACTIVE',
  'The store is not active.',
  () => ({}),
);
export const EmptyOrderRef = problemType('EmptyOrder', 'EMPTY', 'Nothing to order.', () => ({}));
export const CouponUnavailableRef = problemType(
  'CouponUnavailable',
  'COUPON_UNAVAILABLE',
  'The coupon asked for cannot be used on this order (expired, used, minimum spend, scope).',
  (t) => ({
    couponCode: t.string({ resolve: (p: Of<'COUPON_UNAVAILABLE'>) => p.couponCode }),
    reason: t.string({ resolve: (p: Of<'COUPON_UNAVAILABLE'>) => p.reason }),
  }),
);

const AppliedPromotionRef = builder.objectRef<Quote['promotions'][number]>('AppliedPromotion').implement({
  description: 'An order-level promotion applied to this quote, and what it takes off.',
  fields: (t) => ({
    promotionId: t.id({ resolve: (p) => p.promotionId }),
    kind: t.string({ resolve: (p) => p.kind }),
    title: t.string({ resolve: (p) => p.title }),
    discount: t.field({ type: builder.MoneyRef, resolve: (p) => money(BigInt(p.discount)) }),
  }),
});

const QuoteCouponRef = builder.objectRef<NonNullable<Quote['coupon']>>('QuoteCoupon').implement({
  description: 'The coupon asked for: whether it applies and what it takes off.',
  fields: (t) => ({
    code: t.string({ resolve: (c) => c.code }),
    ok: t.boolean({ resolve: (c) => c.ok }),
    reason: t.string({ nullable: true, resolve: (c) => c.reason }),
    discount: t.field({ type: builder.MoneyRef, resolve: (c) => money(BigInt(c.discount)) }),
  }),
});

export const QuoteLineRef = builder.objectRef<QuotedLine>('QuoteLine').implement({
  description: 'A line as it would be ordered now: its price for this store and where it comes from.',
  fields: (t) => ({
    sku: t.field({ type: SkuRef, resolve: (l) => ({ id: l.skuId }) }),
    unit: t.string({ resolve: (l) => l.unit }),
    factor: t.int({ nullable: true, resolve: (l) => l.factor, description: 'Base units per unit.' }),
    quantity: t.int({ resolve: (l) => l.quantity, description: 'In `unit`.' }),
    baseQuantity: t.int({ resolve: (l) => l.baseQuantity }),
    unitPrice: t.field({
      type: builder.MoneyRef,
      nullable: true,
      resolve: (l) => (l.unitPriceMinor === null ? null : money(l.unitPriceMinor)),
    }),
    priceSource: t.string({
      nullable: true,
      resolve: (l) => l.priceSource,
      description: 'CUSTOMER, LAST_SALE, LEVEL, WHOLESALE, SPECIAL, VOLUME_TIER or OVERRIDE.',
    }),
    amount: t.field({ type: builder.MoneyRef, resolve: (l) => money(l.amountMinor) }),
    available: t.int({
      nullable: true,
      resolve: (l) => l.available,
      description: 'Base units available in the store warehouse.',
    }),
    isGift: t.boolean({ resolve: (l) => l.isGift === true }),
  }),
});

export const QuoteRef = builder.objectRef<Quote>('Quote').implement({
  description: 'What the lines cost this store now and every rule they break, before submitting.',
  fields: (t) => ({
    lines: t.field({ type: [QuoteLineRef], resolve: (q) => q.lines }),
    subtotal: t.field({ type: builder.MoneyRef, resolve: (q) => money(q.subtotalMinor) }),
    discount: t.field({ type: builder.MoneyRef, resolve: (q) => money(q.discountMinor) }),
    total: t.field({ type: builder.MoneyRef, resolve: (q) => money(q.totalMinor) }),
    baseQuantity: t.int({ resolve: (q) => q.baseQuantity }),
    problems: t.field({ type: [OrderRuleProblemRef], resolve: (q) => q.problems }),
    promotions: t.field({ type: [AppliedPromotionRef], resolve: (q) => q.promotions }),
    coupon: t.field({ type: QuoteCouponRef, nullable: true, resolve: (q) => q.coupon }),
    canPlace: t.boolean({
      resolve: (q) => q.problems.length === 0,
      description: 'True when no rule is broken.',
    }),
  }),
});
