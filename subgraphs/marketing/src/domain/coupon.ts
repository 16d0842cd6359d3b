/**
 * Pure rules of coupons (MKT-6): what staff may save as a template, what a coupon takes off an
 * order, and why one cannot be used. Money in integer fen (bigint).
 */
import { randomInt } from 'node:crypto';
import { type InputProblem, parseMinor } from '@wholesail/platform';
import { allocate, type OrderLine, percentOf } from './apply';

export type CouponKind = 'AMOUNT_OFF' | 'PERCENT_OFF';
export type CouponStatus = 'AVAILABLE' | 'RESERVED' | 'USED' | 'EXPIRED';

/** Why a coupon does not apply (the `reason` of applyPromotions' coupon and of COUPON_UNAVAILABLE). */
export type CouponRefusal =
  | 'NOT_FOUND'
  | 'NOT_YOURS'
  | 'IN_USE'
  | 'USED'
  | 'EXPIRED'
  | 'NOT_STARTED'
  | 'OUT_OF_SCOPE'
  | 'BELOW_MINIMUM'
  | 'RELEASED';

export const REFUSAL_MESSAGES: Record<CouponRefusal, string> = {
  NOT_FOUND: '没有这张优惠券 (no such coupon)',
  NOT_YOURS: '这张优惠券不属于本店 (the coupon belongs to another store)',
  IN_USE: '优惠券已被另一订单占用 (the coupon is held by another order)',
  USED: '优惠券已使用 (the coupon was used)',
  EXPIRED: '优惠券已过期 (the coupon has expired)',
  NOT_STARTED: '优惠券尚未生效 (the coupon is not valid yet)',
  OUT_OF_SCOPE: '订单中没有适用此券的商品 (nothing in the order is in the coupon’s range)',
  BELOW_MINIMUM: '未达到优惠券的最低消费 (below the coupon’s minimum spend)',
  RELEASED: '该订单的优惠券已释放 (the order’s coupon was released)',
};

export interface CouponTerms {
  kind: CouponKind;
  offMinor: bigint | null;
  percentOff: number | null;
  maxOffMinor: bigint | null;
  minSpendMinor: bigint;
  productIds: string[];
  skuIds: string[];
  brandIds: string[];
  categoryIds: string[];
}

export interface CouponFacts {
  code: string;
  customerId: string;
  status: CouponStatus;
  validFrom: Date;
  validTo: Date;
}

/** AVAILABLE past its end reads as EXPIRED. */
export function effectiveStatus(c: { status: CouponStatus; validTo: Date }, now: Date): CouponStatus {
  return c.status === 'AVAILABLE' && c.validTo.getTime() <= now.getTime() ? 'EXPIRED' : c.status;
}

/** Whether this customer may use the coupon now, before looking at the order. */
export function usable(c: CouponFacts, customerId: string, now: Date): CouponRefusal | null {
  if (c.customerId !== customerId) return 'NOT_YOURS';
  const status = effectiveStatus(c, now);
  if (status === 'USED') return 'USED';
  if (status === 'RESERVED') return 'IN_USE';
  if (status === 'EXPIRED') return 'EXPIRED';
  if (c.validFrom.getTime() > now.getTime()) return 'NOT_STARTED';
  return null;
}

/** A line is in range when any list names it (its product, SKU, brand or a category above it); all empty = every line. */
export function inScope(
  t: CouponTerms,
  line: Pick<OrderLine, 'skuId' | 'productId' | 'brandId' | 'categoryIds'>,
) {
  if (!t.productIds.length && !t.skuIds.length && !t.brandIds.length && !t.categoryIds.length) return true;
  return (
    t.productIds.includes(line.productId) ||
    t.skuIds.includes(line.skuId) ||
    t.brandIds.includes(line.brandId) ||
    line.categoryIds.some((c) => t.categoryIds.includes(c))
  );
}

/**
 * What the coupon takes off: measured on its range's lines after the promotions' shares
 * (`lineDiscounts`), which must reach the minimum spend; never more than they come to.
 */
export function couponDiscount(
  t: CouponTerms,
  lines: readonly OrderLine[],
  lineDiscounts: readonly bigint[],
): { ok: true; discount: bigint; lineShares: bigint[] } | { ok: false; reason: CouponRefusal } {
  const indexes = lines.flatMap((l, i) => (inScope(t, l) ? [i] : []));
  if (indexes.length === 0) return { ok: false, reason: 'OUT_OF_SCOPE' };
  const net = indexes.map((i) => lines[i]!.amount - (lineDiscounts[i] ?? 0n));
  const base = net.reduce((a, b) => a + b, 0n);
  if (base <= 0n || base < t.minSpendMinor) return { ok: false, reason: 'BELOW_MINIMUM' };
  let discount = t.kind === 'AMOUNT_OFF' ? (t.offMinor ?? 0n) : percentOf(base, t.percentOff ?? 0);
  if (t.kind === 'PERCENT_OFF' && t.maxOffMinor !== null && discount > t.maxOffMinor)
    discount = t.maxOffMinor;
  if (discount > base) discount = base;
  const shares = allocate(discount, net);
  const lineShares = lines.map(() => 0n);
  indexes.forEach((i, k) => {
    lineShares[i] = shares[k]!;
  });
  return { ok: true, discount, lineShares };
}

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
/** A coupon code: 10 characters without look-alikes (0/O, 1/I). */
export function newCouponCode(): string {
  let code = '';
  for (let i = 0; i < 10; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** What staff send to create or change a template; money as decimal strings. */
export interface CouponTemplateDraft {
  title: string;
  titleEn?: string | null;
  kind: CouponKind;
  off?: string | null;
  percentOff?: number | null;
  maxOff?: string | null;
  minSpend?: string | null;
  validFrom: Date;
  validTo: Date;
  productIds?: readonly string[] | null;
  skuIds?: readonly string[] | null;
  brandIds?: readonly string[] | null;
  categoryIds?: readonly string[] | null;
  levelIds?: readonly string[] | null;
  customerIds?: readonly string[] | null;
  totalLimit?: number | null;
  perCustomerLimit?: number | null;
  claimable?: boolean | null;
}

export interface CouponTemplateRecord {
  title: string;
  titleEn: string;
  kind: CouponKind;
  offMinor: bigint | null;
  percentOff: number | null;
  maxOffMinor: bigint | null;
  minSpendMinor: bigint;
  validFrom: Date;
  validTo: Date;
  productIds: string[];
  skuIds: string[];
  brandIds: string[];
  categoryIds: string[];
  levelIds: string[];
  customerIds: string[];
  totalLimit: number | null;
  perCustomerLimit: number;
  claimable: boolean;
}

const MAX_MONEY = 100_000_000_00n;

function money(
  text: string | null | undefined,
  field: string,
  problems: InputProblem[],
  required: boolean,
): bigint | null {
  if (text == null || text.trim() === '') {
    if (required) problems.push({ field, message: '请填写金额 (amount is required)' });
    return null;
  }
  try {
    const minor = parseMinor(text);
    if (minor < 0n) problems.push({ field, message: '金额不能为负 (amount cannot be negative)' });
    else if (minor > MAX_MONEY) problems.push({ field, message: '金额太大 (amount is too large)' });
    else return minor;
  } catch {
    problems.push({ field, message: '金额格式不正确，最多两位小数 (not an amount like 12.50)' });
  }
  return null;
}

const ids = (list: readonly string[] | null | undefined) => [
  ...new Set((list ?? []).map((s) => s.trim()).filter(Boolean)),
];

/** Checks a template draft; every problem names its input field. */
export function couponTemplateRecord(
  d: CouponTemplateDraft,
): { ok: true; record: CouponTemplateRecord } | { ok: false; problems: InputProblem[] } {
  const problems: InputProblem[] = [];
  const title = d.title.trim();
  if (!title) problems.push({ field: 'title', message: '请填写优惠券名称 (title is required)' });
  else if (title.length > 60)
    problems.push({ field: 'title', message: '名称最多 60 字 (title is too long)' });
  const minSpend = money(d.minSpend, 'minSpend', problems, false) ?? 0n;
  let offMinor: bigint | null = null;
  let percentOff: number | null = null;
  let maxOffMinor: bigint | null = null;
  if (d.kind === 'AMOUNT_OFF') {
    offMinor = money(d.off, 'off', problems, true);
    if (offMinor !== null && offMinor <= 0n)
      problems.push({ field: 'off', message: '减免金额必须大于 0 (off must be above 0)' });
    else if (offMinor !== null && minSpend > 0n && offMinor >= minSpend)
      problems.push({
        field: 'off',
        message: '减免金额必须小于最低消费 (off must be below the minimum spend)',
      });
  } else {
    const p = d.percentOff;
    if (p == null || !Number.isInteger(p) || p < 1 || p > 99)
      problems.push({ field: 'percentOff', message: '折扣必须在 1% 到 99% 之间 (percent off: 1 to 99)' });
    else percentOff = p;
    maxOffMinor = money(d.maxOff, 'maxOff', problems, false);
    if (maxOffMinor !== null && maxOffMinor <= 0n)
      problems.push({ field: 'maxOff', message: '封顶金额必须大于 0 (the cap must be above 0)' });
  }
  if (Number.isNaN(d.validFrom.getTime())) problems.push({ field: 'validFrom', message: 'not a date' });
  if (Number.isNaN(d.validTo.getTime())) problems.push({ field: 'validTo', message: 'not a date' });
  else if (d.validTo.getTime() <= d.validFrom.getTime())
    problems.push({ field: 'validTo', message: '结束时间必须晚于开始时间 (end must be after start)' });
  else if (d.validTo.getTime() - d.validFrom.getTime() > 366 * 2 * 86_400_000)
    problems.push({ field: 'validTo', message: '优惠券最长两年 (a coupon lasts at most two years)' });
  const totalLimit = d.totalLimit ?? null;
  if (totalLimit !== null && (!Number.isInteger(totalLimit) || totalLimit < 1 || totalLimit > 1_000_000))
    problems.push({ field: 'totalLimit', message: '发放总量为 1 到 1000000 (total: 1 to 1000000)' });
  const perCustomerLimit = d.perCustomerLimit ?? 1;
  if (!Number.isInteger(perCustomerLimit) || perCustomerLimit < 1 || perCustomerLimit > 100)
    problems.push({ field: 'perCustomerLimit', message: '每人限领 1 到 100 张 (per customer: 1 to 100)' });
  if (problems.length) return { ok: false, problems };
  return {
    ok: true,
    record: {
      title,
      titleEn: d.titleEn?.trim() || title,
      kind: d.kind,
      offMinor,
      percentOff,
      maxOffMinor,
      minSpendMinor: minSpend,
      validFrom: d.validFrom,
      validTo: d.validTo,
      productIds: ids(d.productIds),
      skuIds: ids(d.skuIds),
      brandIds: ids(d.brandIds),
      categoryIds: ids(d.categoryIds),
      levelIds: ids(d.levelIds),
      customerIds: ids(d.customerIds),
      totalLimit,
      perCustomerLimit,
      claimable: d.claimable ?? true,
    },
  };
}

/** Whether a customer of this level is one a template is for. */
export function inAudience(
  t: { levelIds: string[]; customerIds: string[] },
  customerId: string,
  levelId: string | null,
): boolean {
  if (t.levelIds.length && (levelId === null || !t.levelIds.includes(levelId))) return false;
  return t.customerIds.length === 0 || t.customerIds.includes(customerId);
}

/** Why a customer may not get one more coupon of a template now; null = may. */
export function issueRefusal(
  t: {
    active: boolean;
    validTo: Date;
    totalLimit: number | null;
    issuedCount: number;
    perCustomerLimit: number;
    levelIds: string[];
    customerIds: string[];
  },
  customer: { customerId: string; levelId: string | null; holds: number },
  now: Date,
): 'ENDED' | 'NOT_FOR_YOU' | 'SOLD_OUT' | 'LIMIT_REACHED' | null {
  if (!t.active || t.validTo.getTime() <= now.getTime()) return 'ENDED';
  if (!inAudience(t, customer.customerId, customer.levelId)) return 'NOT_FOR_YOU';
  if (t.totalLimit !== null && t.issuedCount >= t.totalLimit) return 'SOLD_OUT';
  if (customer.holds >= t.perCustomerLimit) return 'LIMIT_REACHED';
  return null;
}

export const ISSUE_MESSAGES = {
  ENDED: '优惠券活动已结束 (the coupon is no longer issued)',
  NOT_FOR_YOU: '本店不在此券的发放范围 (the coupon is not for this store)',
  SOLD_OUT: '优惠券已领完 (all coupons are taken)',
  LIMIT_REACHED: '已达到每人限领张数 (the per-store limit is reached)',
  UNKNOWN_CUSTOMER: '没有这个客户 (unknown customer)',
} as const;
