import {
  type ApplicablePromotion,
  allocate,
  applyPromotions,
  type OrderLine,
  percentOf,
} from '../src/domain/apply';
import {
  type CouponTerms,
  couponDiscount,
  couponTemplateRecord,
  effectiveStatus,
  inScope,
  issueRefusal,
  newCouponCode,
  usable,
} from '../src/domain/coupon';
import { orderCouponEventOf } from '../src/domain/projections';

const now = new Date('2026-06-01T00:00:00Z');
const window = { startsAt: new Date('2026-05-01T00:00:00Z'), endsAt: new Date('2026-07-01T00:00:00Z') };
type Target = ApplicablePromotion['targets'][number];
const target = (t: Partial<Target>): Target => ({
  productId: null,
  skuId: null,
  brandId: null,
  categoryId: null,
  ...t,
});
const promo = (over: Partial<ApplicablePromotion> & Pick<ApplicablePromotion, 'id' | 'kind' | 'rules'>) =>
  ({
    title: over.id,
    titleEn: over.id,
    active: true,
    stackable: false,
    levelIds: [],
    customerIds: [],
    targets: [],
    ...window,
    ...over,
  }) as ApplicablePromotion;
const line = (over: Partial<OrderLine> & { amount: bigint }): OrderLine => ({
  skuId: 's1',
  productId: 'p1',
  brandId: 'b1',
  categoryIds: ['c_leaf', 'c_top'],
  quantity: 1,
  ...over,
});
const me = { customerId: 'cus_1', levelId: 'lvl_vip' };

describe('applyPromotions: whole-order thresholds', () => {
  const off = promo({
    id: 'p_off',
    kind: 'ORDER_AMOUNT_OFF',
    rules: {
      tiers: [
        { thresholdMinor: 10_000, offMinor: 1_000 },
        { thresholdMinor: 20_000, offMinor: 2_500 },
      ],
    },
  });
  const pct = promo({
    id: 'p_pct',
    kind: 'ORDER_PERCENT_OFF',
    rules: { thresholdMinor: 20_000, percentOff: 10 },
  });

  it('takes the highest tier reached and applies only the single best', () => {
    const lines = [line({ amount: 15_000n }), line({ skuId: 's2', amount: 5_000n })];
    const r = applyPromotions([off, pct], lines, me, now);
    // 20000: 满200减25 = 2500 vs 10% = 2000 -> the amount off only
    expect(r.applied.map((a) => [a.promotionId, a.discount])).toEqual([['p_off', 2_500n]]);
    expect(r.discount).toBe(2_500n);
    expect(r.lineDiscounts.reduce((a, b) => a + b, 0n)).toBe(2_500n);
    // 30000: 10% = 3000 beats 2500
    const more = applyPromotions([off, pct], [line({ amount: 30_000n })], me, now);
    expect(more.applied.map((a) => [a.promotionId, a.discount])).toEqual([['p_pct', 3_000n]]);
    // below every threshold: nothing
    expect(applyPromotions([off, pct], [line({ amount: 9_999n })], me, now).applied).toEqual([]);
  });

  it('adds a stackable one to the best of the others', () => {
    const stack = promo({
      id: 'p_stack',
      kind: 'ORDER_AMOUNT_OFF',
      stackable: true,
      rules: { thresholdMinor: 5_000, offMinor: 300 },
    });
    const r = applyPromotions([off, pct, stack], [line({ amount: 30_000n })], me, now);
    expect(r.applied.map((a) => [a.promotionId, a.discount]).sort()).toEqual([
      ['p_pct', 3_000n],
      ['p_stack', 300n],
    ]);
    expect(r.discount).toBe(3_300n);
  });

  it('weighs a gift at its list price against an amount off', () => {
    const gift = promo({
      id: 'p_gift',
      kind: 'ORDER_GIFT',
      rules: { thresholdMinor: 10_000, giftSkuId: 'g1', giftQuantity: 6 },
    });
    const lines = [line({ amount: 12_000n })];
    // gift worth 6 x 150 = 900 < 1000 off
    let r = applyPromotions([off, gift], lines, me, now, () => 150n);
    expect(r.applied.map((a) => a.promotionId)).toEqual(['p_off']);
    expect(r.gifts).toEqual([]);
    // gift worth 6 x 200 = 1200 > 1000
    r = applyPromotions([off, gift], lines, me, now, () => 200n);
    expect(r.applied).toEqual([
      expect.objectContaining({ promotionId: 'p_gift', kind: 'ORDER_GIFT', discount: 0n }),
    ]);
    expect(r.gifts).toEqual([{ skuId: 'g1', quantity: 6, promotionId: 'p_gift', unit: null }]);
    expect(r.discount).toBe(0n);
  });

  it('measures the threshold on the lines in its range only and discounts only them', () => {
    const brand = promo({
      id: 'p_brand',
      kind: 'ORDER_PERCENT_OFF',
      targets: [target({ brandId: 'b2' })],
      rules: { thresholdMinor: 10_000, percentOff: 10 },
    });
    const lines = [line({ amount: 50_000n }), line({ skuId: 's9', brandId: 'b2', amount: 9_000n })];
    expect(applyPromotions([brand], lines, me, now).applied).toEqual([]);
    lines[1] = { ...lines[1]!, amount: 10_000n };
    const r = applyPromotions([brand], lines, me, now);
    expect(r.discount).toBe(1_000n);
    expect(r.lineDiscounts).toEqual([0n, 1_000n]);
    // by category (an ancestor of the line's)
    const cat = promo({
      id: 'p_cat',
      kind: 'ORDER_AMOUNT_OFF',
      targets: [target({ categoryId: 'c_top' })],
      rules: { thresholdMinor: 100, offMinor: 50 },
    });
    expect(applyPromotions([cat], [line({ amount: 100n })], me, now).discount).toBe(50n);
    expect(applyPromotions([cat], [line({ amount: 100n, categoryIds: ['c_other'] })], me, now).discount).toBe(
      0n,
    );
    // by SKU and by product
    const sku = promo({
      id: 'p_sku',
      kind: 'ORDER_AMOUNT_OFF',
      targets: [target({ skuId: 's2' }), target({ productId: 'p7' })],
      rules: { thresholdMinor: 100, offMinor: 10 },
    });
    expect(applyPromotions([sku], [line({ amount: 500n })], me, now).discount).toBe(0n);
    expect(applyPromotions([sku], [line({ amount: 500n, skuId: 's2' })], me, now).discount).toBe(10n);
    expect(applyPromotions([sku], [line({ amount: 500n, productId: 'p7' })], me, now).discount).toBe(10n);
  });

  it('applies only running promotions of the customer’s audience', () => {
    const lines = [line({ amount: 20_000n })];
    const vip = promo({ ...off, id: 'p_vip', levelIds: ['lvl_vip'] });
    const named = promo({ ...off, id: 'p_named', customerIds: ['cus_2'] });
    const ended = promo({ ...off, id: 'p_ended', endsAt: now });
    const stopped = promo({ ...off, id: 'p_stopped', active: false });
    const later = promo({ ...off, id: 'p_later', startsAt: new Date('2026-06-02T00:00:00Z') });
    expect(applyPromotions([vip], lines, me, now).discount).toBe(2_500n);
    expect(applyPromotions([vip], lines, { customerId: 'cus_1', levelId: 'lvl_plain' }, now).discount).toBe(
      0n,
    );
    expect(applyPromotions([vip], lines, { customerId: 'cus_1', levelId: null }, now).discount).toBe(0n);
    expect(applyPromotions([named], lines, me, now).discount).toBe(0n);
    expect(applyPromotions([named], lines, { customerId: 'cus_2', levelId: null }, now).discount).toBe(
      2_500n,
    );
    expect(applyPromotions([ended, stopped, later], lines, me, now).applied).toEqual([]);
  });

  it('rounds a percentage half up to the fen, never more than the lines come to', () => {
    expect(percentOf(12_345n, 5)).toBe(617n); // 617.25
    expect(percentOf(12_350n, 5)).toBe(618n); // 617.5 -> 618 (the customer's way)
    expect(percentOf(1n, 33)).toBe(0n); // 0.33
    const p = promo({ id: 'p', kind: 'ORDER_PERCENT_OFF', rules: { thresholdMinor: 0, percentOff: 15 } });
    const r = applyPromotions([p], [line({ amount: 333n }), line({ skuId: 's2', amount: 667n })], me, now);
    expect(r.discount).toBe(150n);
    expect(r.lineDiscounts).toEqual([50n, 100n]);
    const r2 = applyPromotions([p], [line({ amount: 1_001n })], me, now);
    expect(r2.discount).toBe(150n); // 150.15
    const big = promo({
      id: 'p_big',
      kind: 'ORDER_AMOUNT_OFF',
      stackable: true,
      rules: { thresholdMinor: 100, offMinor: 5_000 },
    });
    expect(applyPromotions([big], [line({ amount: 300n })], me, now).discount).toBe(300n);
  });

  it('splits a discount over lines in proportion, the rest to the largest remainders', () => {
    expect(allocate(100n, [1n, 1n, 1n])).toEqual([34n, 33n, 33n]);
    expect(allocate(10n, [0n, 5n, 15n])).toEqual([0n, 3n, 7n]); // 2.5 / 7.5: tie to the first
    expect(allocate(0n, [5n])).toEqual([0n]);
  });
});

describe('applyPromotions: buy N get M', () => {
  const bg = promo({
    id: 'p_bg',
    kind: 'BUY_N_GET_M',
    targets: [target({ productId: 'p1' })],
    rules: { buy: 10, get: 1 },
  });

  it('gives `get` for every `buy` base units of each SKU in range', () => {
    const r = applyPromotions(
      [bg],
      [
        line({ quantity: 25, amount: 2_500n }),
        line({ skuId: 's2', quantity: 9, amount: 900n }),
        line({ productId: 'p2', skuId: 's3', quantity: 40, amount: 1n }),
      ],
      me,
      now,
    );
    expect(r.gifts).toEqual([{ skuId: 's1', quantity: 2, promotionId: 'p_bg', unit: null }]);
    expect(r.applied).toEqual([
      expect.objectContaining({ promotionId: 'p_bg', kind: 'BUY_N_GET_M', discount: 0n }),
    ]);
    expect(r.discount).toBe(0n);
  });

  it('adds up lines of the same SKU; a named SKU or gift SKU is honoured; applies beside a threshold one', () => {
    const named = promo({
      id: 'p_named',
      kind: 'BUY_N_GET_M',
      targets: [target({ brandId: 'b1' })],
      rules: { buy: 3, get: 2, skuId: 's2', giftSkuId: 'g9', giftUnit: '箱' },
    });
    const off = promo({
      id: 'p_off',
      kind: 'ORDER_AMOUNT_OFF',
      rules: { thresholdMinor: 100, offMinor: 10 },
    });
    const r = applyPromotions(
      [bg, named, off],
      [
        line({ quantity: 6, amount: 600n }),
        line({ quantity: 4, amount: 400n }),
        line({ skuId: 's2', quantity: 7, amount: 700n }),
      ],
      me,
      now,
    );
    expect(r.gifts).toEqual([
      { skuId: 's1', quantity: 1, promotionId: 'p_bg', unit: null },
      { skuId: 'g9', quantity: 4, promotionId: 'p_named', unit: '箱' },
    ]);
    expect(r.discount).toBe(10n);
    expect(applyPromotions([bg], [line({ quantity: 9, amount: 900n })], me, now).gifts).toEqual([]);
  });
});

describe('coupon rules', () => {
  const terms = (over: Partial<CouponTerms> = {}): CouponTerms => ({
    kind: 'AMOUNT_OFF',
    offMinor: 1_000n,
    percentOff: null,
    maxOffMinor: null,
    minSpendMinor: 10_000n,
    productIds: [],
    skuIds: [],
    brandIds: [],
    categoryIds: [],
    ...over,
  });

  it('needs the minimum spend after the promotions’ shares', () => {
    const lines = [line({ amount: 10_500n })];
    expect(couponDiscount(terms(), lines, [0n])).toMatchObject({ ok: true, discount: 1_000n });
    expect(couponDiscount(terms(), lines, [501n])).toEqual({ ok: false, reason: 'BELOW_MINIMUM' });
  });

  it('counts only lines in its range', () => {
    const t = terms({ brandIds: ['b2'], minSpendMinor: 0n });
    expect(couponDiscount(t, [line({ amount: 5_000n })], [0n])).toEqual({
      ok: false,
      reason: 'OUT_OF_SCOPE',
    });
    const r = couponDiscount(t, [line({ amount: 5_000n }), line({ brandId: 'b2', amount: 600n })], [0n, 0n]);
    expect(r).toEqual({ ok: true, discount: 600n, lineShares: [0n, 600n] });
    expect(inScope(terms({ categoryIds: ['c_top'] }), line({ amount: 1n }))).toBe(true);
    expect(inScope(terms({ skuIds: ['s2'], productIds: ['p9'] }), line({ amount: 1n }))).toBe(false);
  });

  it('takes a percentage with its cap, rounded half up', () => {
    const t = terms({
      kind: 'PERCENT_OFF',
      offMinor: null,
      percentOff: 12,
      maxOffMinor: null,
      minSpendMinor: 0n,
    });
    expect(couponDiscount(t, [line({ amount: 10_005n })], [0n])).toMatchObject({ discount: 1_201n }); // 1200.6
    expect(couponDiscount({ ...t, maxOffMinor: 800n }, [line({ amount: 10_005n })], [0n])).toMatchObject({
      discount: 800n,
    });
  });

  it('is usable only by its customer, while available and inside its dates', () => {
    const c = {
      code: 'X',
      customerId: 'cus_1',
      status: 'AVAILABLE' as const,
      validFrom: window.startsAt,
      validTo: window.endsAt,
    };
    expect(usable(c, 'cus_1', now)).toBeNull();
    expect(usable(c, 'cus_2', now)).toBe('NOT_YOURS');
    expect(usable({ ...c, status: 'RESERVED' }, 'cus_1', now)).toBe('IN_USE');
    expect(usable({ ...c, status: 'USED' }, 'cus_1', now)).toBe('USED');
    expect(usable({ ...c, validTo: now }, 'cus_1', now)).toBe('EXPIRED');
    expect(effectiveStatus({ ...c, validTo: now }, now)).toBe('EXPIRED');
    expect(usable({ ...c, validFrom: new Date('2026-06-02T00:00:00Z') }, 'cus_1', now)).toBe('NOT_STARTED');
  });

  it('issues within the limits and audience', () => {
    const t = {
      active: true,
      validTo: window.endsAt,
      totalLimit: 2,
      issuedCount: 1,
      perCustomerLimit: 1,
      levelIds: ['lvl_vip'],
      customerIds: [],
    };
    expect(issueRefusal(t, { customerId: 'c', levelId: 'lvl_vip', holds: 0 }, now)).toBeNull();
    expect(issueRefusal(t, { customerId: 'c', levelId: 'lvl_vip', holds: 1 }, now)).toBe('LIMIT_REACHED');
    expect(
      issueRefusal({ ...t, issuedCount: 2 }, { customerId: 'c', levelId: 'lvl_vip', holds: 0 }, now),
    ).toBe('SOLD_OUT');
    expect(issueRefusal(t, { customerId: 'c', levelId: 'lvl_plain', holds: 0 }, now)).toBe('NOT_FOR_YOU');
    expect(
      issueRefusal({ ...t, active: false }, { customerId: 'c', levelId: 'lvl_vip', holds: 0 }, now),
    ).toBe('ENDED');
    expect(newCouponCode()).toMatch(/^[A-HJ-NP-Z2-9]{10}$/);
  });

  it('checks a template draft field by field', () => {
    const base = {
      title: '满100减10',
      kind: 'AMOUNT_OFF' as const,
      off: '10',
      minSpend: '100',
      validFrom: window.startsAt,
      validTo: window.endsAt,
    };
    const ok = couponTemplateRecord(base);
    expect(ok).toMatchObject({
      ok: true,
      record: { offMinor: 1_000n, minSpendMinor: 10_000n, perCustomerLimit: 1, claimable: true },
    });
    const bad = couponTemplateRecord({
      ...base,
      title: ' ',
      off: '100',
      validTo: window.startsAt,
      perCustomerLimit: 0,
      totalLimit: -1,
    });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.problems.map((p) => p.field).sort()).toEqual([
      'off',
      'perCustomerLimit',
      'title',
      'totalLimit',
      'validTo',
    ]);
    const pct = couponTemplateRecord({
      ...base,
      kind: 'PERCENT_OFF',
      off: null,
      percentOff: 100,
      maxOff: '1.234',
    });
    expect(!pct.ok && pct.problems.map((p) => p.field).sort()).toEqual(['maxOff', 'percentOff']);
  });

  it('reads the orders events that use or release a coupon', () => {
    expect(orderCouponEventOf('OrderPlaced', { orderId: 'o1' })).toEqual({
      action: 'CONFIRM',
      orderId: 'o1',
    });
    expect(orderCouponEventOf('OrderCancelled', { orderId: 'o1', reason: 'x' })).toEqual({
      action: 'RELEASE',
      orderId: 'o1',
      reason: 'ORDER_CANCELLED',
    });
    expect(orderCouponEventOf('OrderRejected', { orderId: 'o1' })).toMatchObject({
      reason: 'ORDER_REJECTED',
    });
    expect(orderCouponEventOf('OrderApproved', { orderId: 'o1' })).toBeNull();
    expect(orderCouponEventOf('OrderCancelled', {})).toBeNull();
  });
});
