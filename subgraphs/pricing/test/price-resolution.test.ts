import {
  priceForUnit,
  priceOptions,
  resolveCustomerPrice,
  resolveGuestPrice,
} from '../src/domain/price-resolution';

const m = (entries: [string, number][]) => new Map(entries.map(([u, p]) => [u, BigInt(p)]));
const base = { unit: '瓶', baseUnit: '瓶', factor: 1 };

describe('price resolution for a customer', () => {
  const all = {
    customer: m([['瓶', 250]]),
    lastSale: m([['瓶', 260]]),
    level: m([['瓶', 270]]),
    wholesale: m([['瓶', 300]]),
    retail: m([['瓶', 400]]),
  };

  it('takes the customer price first', () => {
    expect(resolveCustomerPrice({ ...base, ...all })).toEqual({
      minor: 250n,
      source: 'CUSTOMER',
      unit: '瓶',
    });
  });
  it('then the last sale price', () => {
    expect(resolveCustomerPrice({ ...base, ...all, customer: undefined })?.source).toBe('LAST_SALE');
  });
  it('then the level price', () => {
    expect(resolveCustomerPrice({ ...base, ...all, customer: m([]), lastSale: undefined })).toMatchObject({
      minor: 270n,
      source: 'LEVEL',
    });
  });
  it('then the wholesale price', () => {
    expect(resolveCustomerPrice({ ...base, wholesale: all.wholesale })).toMatchObject({
      minor: 300n,
      source: 'WHOLESALE',
    });
  });
  it('is null when nothing is priced', () => {
    expect(resolveCustomerPrice({ ...base })).toBeNull();
  });
  it('gives guests the retail price', () => {
    expect(resolveGuestPrice({ ...base, ...all })).toEqual({ minor: 400n, source: 'RETAIL', unit: '瓶' });
  });
});

describe('sale units', () => {
  it('uses a box price set on its own', () => {
    expect(
      priceForUnit(
        m([
          ['瓶', 300],
          ['箱', 6800],
        ]),
        '箱',
        '瓶',
        24,
      ),
    ).toBe(6800n);
  });
  it('otherwise multiplies the base price by the factor', () => {
    expect(priceForUnit(m([['瓶', 300]]), '箱', '瓶', 24)).toBe(7200n);
  });
  it('a customer box price beats a level unit price', () => {
    const r = resolveCustomerPrice({
      unit: '箱',
      baseUnit: '瓶',
      factor: 24,
      customer: m([['箱', 6000]]),
      level: m([['瓶', 280]]),
    });
    expect(r).toEqual({ minor: 6000n, source: 'CUSTOMER', unit: '箱' });
  });
  it('a customer unit price applies to the box times the factor', () => {
    const r = resolveCustomerPrice({
      unit: '箱',
      baseUnit: '瓶',
      factor: 12,
      customer: m([['瓶', 250]]),
      wholesale: m([['箱', 3000]]),
    });
    expect(r).toEqual({ minor: 3000n, source: 'CUSTOMER', unit: '箱' });
  });
});

describe('price options for reps', () => {
  it('lists every source that has a price, last sale first', () => {
    const options = priceOptions({
      ...base,
      lastSale: m([['瓶', 260]]),
      level: m([['瓶', 270]]),
      wholesale: m([['瓶', 300]]),
      retail: m([['瓶', 400]]),
    });
    expect(options.map((o) => o.source)).toEqual(['LAST_SALE', 'LEVEL', 'WHOLESALE', 'RETAIL']);
  });
});
