import {
  appliesToAudience,
  appliesToLevel,
  appliesToProduct,
  isRunning,
  qualifies,
} from '../src/domain/eligibility';
import { specialSkus } from '../src/domain/special-skus';

const now = new Date('2026-06-01T00:00:00Z');
const promo = (over: Partial<Parameters<typeof isRunning>[0]> = {}) => ({
  active: true,
  startsAt: new Date('2026-05-01T00:00:00Z'),
  endsAt: new Date('2026-07-01T00:00:00Z'),
  levelIds: [] as string[],
  targets: [] as {
    productId: string | null;
    skuId: string | null;
    brandId: string | null;
    categoryId: string | null;
  }[],
  ...over,
});
const product = { id: 'p1', brandId: 'b1', categoryIds: ['c3', 'c2', 'c1'], skuIds: ['s1', 's2'] };
const target = (t: Partial<{ productId: string; skuId: string; brandId: string; categoryId: string }>) => ({
  productId: null,
  skuId: null,
  brandId: null,
  categoryId: null,
  ...t,
});

describe('promotion eligibility', () => {
  it('runs only when active and inside its dates', () => {
    expect(isRunning(promo(), now)).toBe(true);
    expect(isRunning(promo({ active: false }), now)).toBe(false);
    expect(isRunning(promo({ endsAt: now }), now)).toBe(false);
    expect(isRunning(promo({ startsAt: new Date('2026-06-02T00:00:00Z') }), now)).toBe(false);
  });
  it('restricts to levels when levels are named; staff see all', () => {
    const p = promo({ levelIds: ['vip'] });
    expect(appliesToLevel(p, 'vip')).toBe(true);
    expect(appliesToLevel(p, 'retail')).toBe(false);
    expect(appliesToLevel(p, null)).toBe(false);
    expect(appliesToLevel(p, undefined)).toBe(true);
    expect(appliesToLevel(promo(), null)).toBe(true);
  });
  it('matches products by product, sku, brand or any ancestor category; no targets = all', () => {
    expect(appliesToProduct(promo(), product)).toBe(true);
    expect(appliesToProduct(promo({ targets: [target({ productId: 'p1' })] }), product)).toBe(true);
    expect(appliesToProduct(promo({ targets: [target({ skuId: 's2' })] }), product)).toBe(true);
    expect(appliesToProduct(promo({ targets: [target({ brandId: 'b1' })] }), product)).toBe(true);
    expect(appliesToProduct(promo({ targets: [target({ categoryId: 'c1' })] }), product)).toBe(true);
    expect(
      appliesToProduct(promo({ targets: [target({ brandId: 'b2' }), target({ productId: 'p9' })] }), product),
    ).toBe(false);
  });
});

describe('audience and ranges', () => {
  const applies = appliesToProduct;
  it('lets in named customers only when customers are named; staff always', () => {
    const p = promo({ customerIds: ['c1'] } as never);
    expect(appliesToAudience(p, { customerId: 'c1', levelId: 'x' })).toBe(true);
    expect(appliesToAudience(p, { customerId: 'c2', levelId: 'x' })).toBe(false);
    expect(appliesToAudience(p, { customerId: null, levelId: null })).toBe(false);
    expect(appliesToAudience(p, undefined)).toBe(true);
    const both = promo({ customerIds: ['c1'], levelIds: ['vip'] } as never);
    expect(appliesToAudience(both, { customerId: 'c1', levelId: 'plain' })).toBe(false);
  });
  it('needs every field of one target to match', () => {
    const p = promo({ targets: [target({ productId: 'p1', skuId: 's1' })] });
    expect(applies(p, product)).toBe(true);
    expect(applies(p, { ...product, skuIds: ['s2'] })).toBe(false);
    expect(applies(promo({ targets: [target({ brandId: 'b1', categoryId: 'c9' })] }), product)).toBe(false);
  });
  it('shows an item special only on SKUs it prices', () => {
    const special = { ...promo(), kind: 'ITEM_SPECIAL', rules: { skuPrices: { s2: 100 } } };
    expect(qualifies(special, product, undefined, now, specialSkus)).toBe(true);
    expect(qualifies(special, { ...product, skuIds: ['s1'] }, undefined, now, specialSkus)).toBe(false);
    expect(qualifies({ ...special, rules: {} }, product, undefined, now, specialSkus)).toBe(false);
    const ended = { ...special, endsAt: now };
    expect(qualifies(ended, product, undefined, now, specialSkus)).toBe(false);
  });
});
