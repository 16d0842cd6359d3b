import { available, stockLevel } from '../src/domain/availability';

describe('availability', () => {
  it('is on hand minus reserved, never negative', () => {
    expect(available({ onHand: 10, reserved: 3, inTransit: 5 })).toBe(7);
    expect(available({ onHand: 2, reserved: 5, inTransit: 0 })).toBe(0);
  });
  it('counts in-transit stock only when asked', () => {
    expect(available({ onHand: 10, reserved: 3, inTransit: 5 }, true)).toBe(12);
  });
  it('classifies levels', () => {
    expect(stockLevel(0, 10)).toBe('OUT');
    expect(stockLevel(10, 10)).toBe('LOW');
    expect(stockLevel(11, 10)).toBe('IN_STOCK');
  });
});
