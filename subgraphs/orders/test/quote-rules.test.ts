import { isOpen, nextOpening } from '../src/domain/ordering-window';
import { autoApproves, evaluateQuote, type QuoteLineInput } from '../src/domain/quote';

const SH = 'Asia/Shanghai';
// 2026-12-03 02:30 in Shanghai is 2026-12-02 18:30 UTC
const at = (iso: string) => new Date(iso);

describe('ordering windows', () => {
  it('are open inside, closed outside, also across midnight', () => {
    const early = { start: '03:00', end: '05:00', timeZone: SH };
    expect(isOpen(early, at('2026-12-02T19:30:00Z'))).toBe(true); // 03:30
    expect(isOpen(early, at('2026-12-02T18:30:00Z'))).toBe(false); // 02:30
    expect(isOpen(early, at('2026-12-02T21:00:00Z'))).toBe(false); // 05:00 closes
    const night = { start: '22:00', end: '05:00', timeZone: SH };
    expect(isOpen(night, at('2026-12-02T15:00:00Z'))).toBe(true); // 23:00
    expect(isOpen(night, at('2026-12-02T20:00:00Z'))).toBe(true); // 04:00
    expect(isOpen(night, at('2026-12-02T06:00:00Z'))).toBe(false); // 14:00
    expect(isOpen(null, at('2026-12-02T06:00:00Z'))).toBe(true);
  });

  it('say when they open next: later today or tomorrow', () => {
    const early = { start: '03:00', end: '05:00', timeZone: SH };
    expect(nextOpening(early, at('2026-12-02T18:30:00Z')).toISOString()).toBe('2026-12-02T19:00:00.000Z');
    expect(nextOpening(early, at('2026-12-03T02:00:00Z')).toISOString()).toBe('2026-12-03T19:00:00.000Z'); // 10:00 -> tomorrow 03:00
  });
});

const line = (over: Partial<QuoteLineInput> = {}): QuoteLineInput => ({
  skuId: 's1',
  unit: '箱',
  factor: 24,
  quantity: 2,
  unitPriceMinor: 6000n,
  priceSource: 'LEVEL',
  notOrderable: null,
  available: 100,
  ...over,
});
const open = { outsideWindowNextOpensAt: null, credit: null, customerActive: true };

describe('quotes', () => {
  it('price lines per sale unit and count base units for stock and minimums', () => {
    const q = evaluateQuote({
      lines: [line(), line({ unit: '瓶', factor: 1, quantity: 5, unitPriceMinor: 260n })],
      minimums: { amountMinor: 0n, quantity: 0 },
      ...open,
    });
    expect(q.subtotalMinor).toBe(12000n + 1300n);
    expect(q.totalMinor).toBe(13300n);
    expect(q.baseQuantity).toBe(53);
    expect(q.problems).toEqual([]);
  });

  it('name every rule the cart breaks, with the figures', () => {
    const q = evaluateQuote({
      lines: [
        line({ available: 40 }),
        line({ skuId: 's2', notOrderable: 'NOT_AUTHORIZED' }),
        line({ skuId: 's3', unitPriceMinor: null }),
      ],
      minimums: { amountMinor: 50000n, quantity: 0 },
      outsideWindowNextOpensAt: at('2026-12-03T19:00:00Z'),
      credit: { limitMinor: 10000n, receivableMinor: 4000n, openOrdersMinor: 1000n, availableMinor: 5000n },
      customerActive: false,
    });
    expect(q.problems.map((p) => p.code)).toEqual([
      'CUSTOMER_INACTIVE',
      'NOT_ORDERABLE',
      'NO_PRICE',
      'SHORT_STOCK',
      'BELOW_MINIMUM',
      'OUTSIDE_WINDOW',
      'OVER_CREDIT',
    ]);
    expect(q.problems).toContainEqual({ code: 'SHORT_STOCK', skuId: 's1', requested: 48, available: 40 });
    expect(q.problems).toContainEqual({
      code: 'OVER_CREDIT',
      limitMinor: 10000n,
      receivableMinor: 4000n,
      openOrdersMinor: 1000n,
      requiredMinor: 24000n,
    });
  });

  it('add up a SKU over its units against stock', () => {
    const q = evaluateQuote({
      lines: [line({ available: 30 }), line({ unit: '瓶', factor: 1, quantity: 1, available: 30 })],
      minimums: { amountMinor: 0n, quantity: 0 },
      ...open,
    });
    expect(q.problems).toEqual([{ code: 'SHORT_STOCK', skuId: 's1', requested: 49, available: 30 }]);
  });

  it('refuse an empty cart and never total below zero', () => {
    expect(
      evaluateQuote({ lines: [], minimums: { amountMinor: 0n, quantity: 0 }, ...open }).problems,
    ).toEqual([{ code: 'EMPTY' }]);
    expect(
      evaluateQuote({
        lines: [line()],
        discountMinor: 99999n,
        minimums: { amountMinor: 0n, quantity: 0 },
        ...open,
      }).totalMinor,
    ).toBe(0n);
  });
});

describe('auto approval', () => {
  it('approves a listed level or a total below the bound, nothing else', () => {
    const rules = { levelIds: ['lvl_vip'], belowMinor: 10000n };
    expect(autoApproves(rules, { levelId: 'lvl_vip', totalMinor: 999999n })).toBe(true);
    expect(autoApproves(rules, { levelId: 'lvl_std', totalMinor: 9999n })).toBe(true);
    expect(autoApproves(rules, { levelId: 'lvl_std', totalMinor: 10000n })).toBe(false);
    expect(autoApproves({ levelIds: [], belowMinor: null }, { levelId: null, totalMinor: 1n })).toBe(false);
  });
});
