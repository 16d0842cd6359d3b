import {
  priceForUnit,
  priceOptions,
  resolveCustomerPrice,
  resolveGuestPrice,
  tierPrice,
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

describe('item specials and volume tiers', () => {
  const bottle = { unit: '瓶', baseUnit: '瓶', factor: 1 };
  const box = { unit: '箱', baseUnit: '瓶', factor: 24 };
  const tiers = [
    { unit: '瓶', minQuantity: 48, minor: 280n },
    { unit: '瓶', minQuantity: 120, minor: 260n },
  ];

  it('a special wins only when lower than the regular price, and keeps the original', () => {
    expect(resolveCustomerPrice({ ...bottle, level: m([['瓶', 300]]), special: 250n })).toEqual({
      minor: 250n,
      source: 'SPECIAL',
      unit: '瓶',
      original: { minor: 300n, source: 'LEVEL', unit: '瓶' },
    });
    expect(resolveCustomerPrice({ ...bottle, level: m([['瓶', 300]]), special: 300n })?.source).toBe('LEVEL');
    expect(resolveCustomerPrice({ ...bottle, customer: m([['瓶', 200]]), special: 250n })?.source).toBe(
      'CUSTOMER',
    );
  });
  it('a special is per base unit: a box costs it times the factor', () => {
    expect(resolveCustomerPrice({ ...box, wholesale: m([['箱', 7000]]), special: 250n })?.minor).toBe(6000n);
  });
  it('a special alone does not make a price', () => {
    expect(resolveCustomerPrice({ ...bottle, special: 250n })).toBeNull();
  });
  it('the highest break reached applies, only when lower', () => {
    const wholesale = m([['瓶', 300]]);
    expect(resolveCustomerPrice({ ...bottle, wholesale, tiers, quantity: 47 })?.source).toBe('WHOLESALE');
    expect(resolveCustomerPrice({ ...bottle, wholesale, tiers, quantity: 48 })?.minor).toBe(280n);
    expect(resolveCustomerPrice({ ...bottle, wholesale, tiers, quantity: 1000 })?.minor).toBe(260n);
    expect(resolveCustomerPrice({ ...bottle, wholesale, tiers })?.source).toBe('WHOLESALE');
    expect(
      resolveCustomerPrice({ ...bottle, customer: m([['瓶', 250]]), tiers, quantity: 1000 })?.source,
    ).toBe('CUSTOMER');
  });
  it('box tiers: its own, else the base unit tier times the factor', () => {
    expect(tierPrice(tiers, '箱', '瓶', 24, 48)).toBe(6720n);
    expect(tierPrice([...tiers, { unit: '箱', minQuantity: 48, minor: 6500n }], '箱', '瓶', 24, 48)).toBe(
      6500n,
    );
    expect(tierPrice(tiers, '瓶', '瓶', 1, 10)).toBeUndefined();
  });
  it('the lower of special and tier wins', () => {
    const r = resolveCustomerPrice({
      ...bottle,
      wholesale: m([['瓶', 300]]),
      tiers,
      quantity: 120,
      special: 270n,
    });
    expect(r).toMatchObject({ minor: 260n, source: 'VOLUME_TIER' });
  });
  it('guests: retail, a lower special, never a tier', () => {
    const retail = m([['瓶', 400]]);
    expect(resolveGuestPrice({ ...bottle, retail, tiers, quantity: 1000 })?.source).toBe('RETAIL');
    expect(resolveGuestPrice({ ...bottle, retail, special: 350n })?.minor).toBe(350n);
  });
  it('options mark the one charged; the last sale price is listed even when not tracked', () => {
    const options = priceOptions({
      ...bottle,
      trackLastPrice: false,
      lastSale: m([['瓶', 260]]),
      level: m([['瓶', 270]]),
      wholesale: m([['瓶', 300]]),
      special: 265n,
    });
    expect(options.map((o) => [o.source, o.minor, o.applies])).toEqual([
      ['LAST_SALE', 260n, false],
      ['LEVEL', 270n, false],
      ['WHOLESALE', 300n, false],
      ['SPECIAL', 265n, true],
    ]);
  });
});
