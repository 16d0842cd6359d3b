import { customerWarehouseChange } from '../src/domain/customer-warehouse';
import { adjustOnHand, setInTransitQuantity, stockChangedPayload } from '../src/domain/stock-change';

const stock = { onHand: 20, reserved: 8, inTransit: 5 };

describe('adjusting on hand', () => {
  it('adds or removes whole base units', () => {
    expect(adjustOnHand(stock, 5)).toEqual({ ok: true, stock: { onHand: 25, reserved: 8, inTransit: 5 } });
    expect(adjustOnHand(stock, -12)).toEqual({ ok: true, stock: { onHand: 8, reserved: 8, inTransit: 5 } });
  });
  it('never goes below what is reserved, nor below zero', () => {
    const below = adjustOnHand(stock, -13);
    expect(below.ok).toBe(false);
    expect(!below.ok && below.problems[0]!.field).toBe('quantity');
    expect(!below.ok && below.problems[0]!.message).toMatch(/reserved/);
    expect(adjustOnHand({ onHand: 2, reserved: 0, inTransit: 0 }, -3).ok).toBe(false);
  });
  it('refuses zero, fractions, huge numbers and long notes', () => {
    for (const q of [0, 1.5, 1e9]) expect(adjustOnHand(stock, q).ok).toBe(false);
    const r = adjustOnHand(stock, 1, 'x'.repeat(501));
    expect(!r.ok && r.problems.map((p) => p.field)).toEqual(['note']);
  });
});

describe('in transit', () => {
  it('sets a non-negative whole quantity, 0 meaning arrived', () => {
    expect(setInTransitQuantity(stock, 40)).toEqual({ ok: true, stock: { ...stock, inTransit: 40 } });
    expect(setInTransitQuantity(stock, 0).ok).toBe(true);
    expect(setInTransitQuantity(stock, -1).ok).toBe(false);
    expect(setInTransitQuantity(stock, 2.5).ok).toBe(false);
  });
});

describe('StockChanged payload', () => {
  it('carries the quantities and available per the tenant setting', () => {
    expect(stockChangedPayload('s1', 'w1', stock, false)).toEqual({
      skuId: 's1',
      warehouseId: 'w1',
      onHand: 20,
      reserved: 8,
      inTransit: 5,
      available: 12,
    });
    expect(stockChangedPayload('s1', 'w1', stock, true).available).toBe(17);
  });
});

describe('CustomerChanged -> warehouse', () => {
  it('reads the customer and its warehouse, null meaning the default', () => {
    const full = {
      customerId: 'c1',
      code: 'store001',
      name: 'x',
      levelId: 'l',
      warehouseId: 'wh_n',
      routeId: null,
      ownerRepId: null,
      status: 'ACTIVE',
    };
    expect(customerWarehouseChange(full)).toEqual({ customerId: 'c1', warehouseId: 'wh_n' });
    expect(customerWarehouseChange({ ...full, warehouseId: null })).toEqual({
      customerId: 'c1',
      warehouseId: null,
    });
    expect(customerWarehouseChange({ warehouseId: 'x' })).toBeNull();
    expect(customerWarehouseChange(null)).toBeNull();
  });
});
