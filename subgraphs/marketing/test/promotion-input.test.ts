import {
  endedWindow,
  type PromotionDraft,
  promotionRecord,
  promotionStatus,
} from '../src/domain/promotion-input';

const start = new Date('2026-06-01T00:00:00Z');
const end = new Date('2026-06-30T00:00:00Z');
const draft = (over: Partial<PromotionDraft>): PromotionDraft => ({
  kind: 'ORDER_AMOUNT_OFF',
  title: '满减',
  startsAt: start,
  endsAt: end,
  tiers: [{ threshold: '100', off: '10' }],
  ...over,
});
const fields = (d: PromotionDraft) => {
  const r = promotionRecord(d);
  return r.ok ? [] : r.problems.map((p) => p.field);
};

describe('promotion drafts', () => {
  it('stores whole-order tiers in fen with the generated badge', () => {
    const r = promotionRecord(
      draft({
        tiers: [
          { threshold: '100', off: '10' },
          { threshold: '200.00', off: '25' },
        ],
      }),
    );
    expect(r.ok && r.record).toMatchObject({
      rules: {
        tiers: [
          { thresholdMinor: 10_000, offMinor: 1_000 },
          { thresholdMinor: 20_000, offMinor: 2_500 },
        ],
      },
      badge: '满100减10/满200减25',
      titleEn: '¥10 off over ¥100 / ¥25 off over ¥200',
      levelIds: [],
      customerIds: [],
      targets: [],
      stackable: false,
    });
  });

  it('wants thresholds ascending and a higher threshold to give more', () => {
    expect(
      fields(
        draft({
          tiers: [
            { threshold: '200', off: '20' },
            { threshold: '100', off: '30' },
          ],
        }),
      ),
    ).toEqual(['tiers.1.threshold']);
    expect(
      fields(
        draft({
          tiers: [
            { threshold: '100', off: '20' },
            { threshold: '200', off: '20' },
          ],
        }),
      ),
    ).toEqual(['tiers.1.off']);
    expect(fields(draft({ tiers: [{ threshold: '100', off: '100' }] }))).toEqual(['tiers.0.off']);
    expect(fields(draft({ tiers: [] }))).toEqual(['tiers']);
    expect(fields(draft({ tiers: [{ threshold: '1.234', off: '1' }] }))).toEqual(['tiers.0.threshold']);
    expect(fields(draft({ tiers: [{ threshold: '0', off: '1' }] }))).toContain('tiers.0.threshold');
  });

  it('wants percent off between 1 and 99', () => {
    const pct = (percentOff: number) =>
      draft({ kind: 'ORDER_PERCENT_OFF', tiers: [{ threshold: '0', percentOff }] });
    expect(fields(pct(10))).toEqual([]);
    expect(fields(pct(0))).toEqual(['tiers.0.percentOff']);
    expect(fields(pct(100))).toEqual(['tiers.0.percentOff']);
    expect(promotionRecord(pct(10)).ok && (promotionRecord(pct(10)) as any).record.badge).toBe('9折');
  });

  it('wants the gift SKU and a whole quantity', () => {
    const gift = (t: object) => draft({ kind: 'ORDER_GIFT', tiers: [{ threshold: '200', ...t }] });
    expect(fields(gift({ giftSkuId: 's1', giftQuantity: 1, giftUnit: '箱' }))).toEqual([]);
    expect(
      (promotionRecord(gift({ giftSkuId: 's1', giftQuantity: 1, giftUnit: '箱' })) as any).record.badge,
    ).toBe('满200送1箱');
    expect(fields(gift({ giftQuantity: 1 }))).toEqual(['tiers.0.giftSkuId']);
    expect(fields(gift({ giftSkuId: 's1', giftQuantity: 0 }))).toEqual(['tiers.0.giftQuantity']);
  });

  it('wants item specials positive, once per SKU, and targets them at their SKUs', () => {
    const special = (specials: { skuId: string; price: string }[], extra: Partial<PromotionDraft> = {}) =>
      draft({ kind: 'ITEM_SPECIAL', specials, tiers: null, ...extra });
    const ok = promotionRecord(
      special([{ skuId: 's1', price: '3.50' }], { flashSale: true, targets: [{ brandId: 'b' }] }),
    );
    expect(ok.ok && ok.record).toMatchObject({
      rules: { skuPrices: { s1: 350 }, flashSale: true },
      badge: '限时特价',
      targets: [{ productId: null, skuId: 's1', brandId: null, categoryId: null }],
    });
    expect(fields(special([{ skuId: 's1', price: '0' }]))).toEqual(['specials.0.price']);
    expect(fields(special([{ skuId: 's1', price: '-1' }]))).toEqual(['specials.0.price']);
    expect(
      fields(
        special([
          { skuId: 's1', price: '1' },
          { skuId: 's1', price: '2' },
        ]),
      ),
    ).toEqual(['specials.1.skuId']);
    expect(fields(special([]))).toEqual(['specials']);
  });

  it('wants buy-N-get-M whole numbers and a product range', () => {
    const bg = (buy: number, get: number, targets = [{ productId: 'p1' }]) =>
      draft({ kind: 'BUY_N_GET_M', buyGet: { buy, get }, targets });
    expect((promotionRecord(bg(10, 1)) as any).record).toMatchObject({
      rules: { buy: 10, get: 1 },
      badge: '买10送1',
    });
    expect(fields(bg(0, 1))).toEqual(['buyGet.buy']);
    expect(fields(bg(10, 1, []))).toEqual(['targets']);
  });

  it('wants an end after the start, a title and targets that name something', () => {
    expect(fields(draft({ endsAt: start }))).toEqual(['endsAt']);
    expect(fields(draft({ title: '  ' }))).toEqual(['title']);
    expect(fields(draft({ targets: [{ brandId: 'b1' }, {}] }))).toEqual(['targets.1']);
  });

  it('tells scheduled, running and ended apart, and ends now', () => {
    const p = { active: true, startsAt: start, endsAt: end };
    expect(promotionStatus(p, new Date('2026-05-01'))).toBe('SCHEDULED');
    expect(promotionStatus(p, new Date('2026-06-10'))).toBe('RUNNING');
    expect(promotionStatus(p, end)).toBe('ENDED');
    expect(promotionStatus({ ...p, active: false }, new Date('2026-06-10'))).toBe('ENDED');
    expect(endedWindow(p, new Date('2026-06-10T00:00:00Z')).endsAt).toEqual(new Date('2026-06-10T00:00:00Z'));
    expect(endedWindow(p, new Date('2026-05-01')).endsAt).toEqual(start);
  });
});
