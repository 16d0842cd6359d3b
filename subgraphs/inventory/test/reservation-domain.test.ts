import { orderPlacedOf, orderReleaseOf, skuRefChange } from '../src/domain/projections';
import { lockOrder, mergeLines, reserveStockInput, unknownProblems } from '../src/domain/reservation';

describe('reservation rules', () => {
  it('merges a SKU given twice into one line, keeping the first-seen order', () => {
    expect(
      mergeLines([
        { skuId: 'b', quantity: 2 },
        { skuId: 'a', quantity: 1 },
        { skuId: 'b', quantity: 3 },
      ]),
    ).toEqual([
      { skuId: 'b', quantity: 5 },
      { skuId: 'a', quantity: 1 },
    ]);
  });

  it('locks in one order: by SKU, then warehouse', () => {
    expect(
      lockOrder([
        { skuId: 'b', warehouseId: 'w1' },
        { skuId: 'a', warehouseId: 'w2' },
        { skuId: 'a', warehouseId: 'w1' },
      ]),
    ).toEqual([
      { skuId: 'a', warehouseId: 'w1' },
      { skuId: 'a', warehouseId: 'w2' },
      { skuId: 'b', warehouseId: 'w1' },
    ]);
  });

  it('names every unknown SKU by its line, and a missing or unknown warehouse', () => {
    const lines = [
      { skuId: 'a', quantity: 1 },
      { skuId: 'x', quantity: 1 },
    ];
    expect(unknownProblems(lines, new Set(['a']), 'wh', true).map((p) => p.field)).toEqual(['lines.1.skuId']);
    expect(unknownProblems(lines, new Set(['a', 'x']), null, false).map((p) => p.field)).toEqual([
      'warehouseId',
    ]);
    expect(unknownProblems(lines, new Set(['a', 'x']), 'wh', false)[0]!.message).toContain('wh');
  });

  it('accepts only whole positive quantities and at least one line', () => {
    const ok = { orderId: 'o', customerId: 'c', lines: [{ skuId: 's', quantity: 2 }] };
    expect(reserveStockInput.safeParse(ok).success).toBe(true);
    for (const quantity of [0, -1, 1.5]) {
      expect(reserveStockInput.safeParse({ ...ok, lines: [{ skuId: 's', quantity }] }).success).toBe(false);
    }
    expect(reserveStockInput.safeParse({ ...ok, lines: [] }).success).toBe(false);
  });

  it('reads the events it consumes, skipping what it does not understand', () => {
    expect(orderReleaseOf('OrderCancelled', { orderId: 'o1', reason: 'x', by: 'CUSTOMER' })).toEqual({
      orderId: 'o1',
      reason: 'ORDER_CANCELLED',
    });
    expect(orderReleaseOf('OrderRejected', { orderId: 'o1', reason: null })).toEqual({
      orderId: 'o1',
      reason: 'ORDER_REJECTED',
    });
    expect(orderReleaseOf('OrderApproved', { orderId: 'o1' })).toBeNull();
    expect(orderReleaseOf('OrderCancelled', { nope: 1 })).toBeNull();
    expect(orderPlacedOf('OrderPlaced', { orderId: 'o2', lines: [] })).toEqual({ orderId: 'o2' });
    expect(skuRefChange({ skuId: 's', productId: 'p', code: 'C1', units: [] })).toEqual({
      skuId: 's',
      productId: 'p',
      code: 'C1',
    });
    expect(skuRefChange({ skuId: 's' })).toBeNull();
  });
});
