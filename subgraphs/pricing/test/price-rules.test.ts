import { checkPriceRows, readPriceFile, writePriceFile } from '../src/domain/price-file';
import { parseAmount, tierProblems, unitProblem } from '../src/domain/price-rules';
import { customerChanged, saleUnitsOf, skuChanged } from '../src/domain/projections';

describe('amounts', () => {
  it.each([
    ['3', 300n],
    ['3.5', 350n],
    ['0.01', 1n],
    [' 12.30 ', 1230n],
    ['0', 0n],
  ])('reads %p as %p fen', (text, minor) => {
    expect(parseAmount(text)).toEqual({ minor });
  });
  it.each([
    ['-1', /negative/],
    ['1.234', /2 decimals/],
    ['abc', /not a decimal/],
    ['1,5', /not a decimal/],
    ['', /required/],
    ['1e3', /not a decimal/],
    ['99999999999', /too large/],
  ])('refuses %p', (text, why) => {
    const r = parseAmount(text);
    expect('error' in r && r.error).toMatch(why);
  });
});

describe('units and tiers', () => {
  it('knows the units of a SKU', () => {
    const units = [
      { name: '瓶', factor: 1 },
      { name: '箱', factor: 24 },
    ];
    expect(unitProblem(units, '箱')).toBeNull();
    expect(unitProblem(units, '吨')?.field).toBe('unit');
  });
  it('accepts ascending breaks with positive prices, sorted', () => {
    const r = tierProblems([
      { minQuantity: 10, price: '2.5' },
      { minQuantity: 20, price: '2.4' },
    ]);
    expect(r.problems).toEqual([]);
    expect(r.tiers).toEqual([
      { minQuantity: 10, minor: 250n },
      { minQuantity: 20, minor: 240n },
    ]);
  });
  it('lists every bad tier', () => {
    const r = tierProblems([
      { minQuantity: 10, price: '2.5' },
      { minQuantity: 10, price: '0' },
      { minQuantity: 5, price: '-1' },
      { minQuantity: 1.5, price: '1' },
    ]);
    expect(r.problems.map((p) => p.field)).toEqual([
      'tiers.1.minQuantity',
      'tiers.1.price',
      'tiers.2.minQuantity',
      'tiers.2.price',
      'tiers.3.minQuantity',
    ]);
  });
});

describe('price files', () => {
  const lookups = {
    sku: (code: string) =>
      code === 'SP1'
        ? {
            skuId: 'sku_1',
            units: [
              { name: '瓶', factor: 1 },
              { name: '箱', factor: 24 },
            ],
          }
        : undefined,
    owner: (code: string) => (code === 'A' ? 'lvl_a' : undefined),
  };

  it('reads a file with a BOM, CRLF, quotes, columns in any order and blank lines', () => {
    const text = '\uFEFFPrice,level_code,sku_code,unit\r\n"2.50",A,SP1,瓶\r\n\r\n3,A,SP1,箱\r\n';
    const read = readPriceFile(text, 'level');
    expect(read.problems).toEqual([]);
    expect(read.rows).toEqual([
      { line: 2, skuCode: 'SP1', unit: '瓶', ownerCode: 'A', price: '2.50' },
      { line: 4, skuCode: 'SP1', unit: '箱', ownerCode: 'A', price: '3' },
    ]);
    expect(checkPriceRows(read.rows, 'level', lookups).rows.map((r) => r.minor)).toEqual([250n, 300n]);
  });
  it('names missing columns on line 1 and missing values on their line', () => {
    expect(
      readPriceFile('sku_code,unit\nSP1,瓶\n', 'customer').problems.map((p) => [p.line, p.field]),
    ).toEqual([
      [1, 'customer_code'],
      [1, 'price'],
    ]);
    expect(readPriceFile('sku_code,unit,level_code,price\nSP1,,A,1\n', 'level').problems).toEqual([
      { line: 2, field: 'unit', message: expect.any(String) },
    ]);
  });
  it('reports broken CSV as a problem, not a crash', () => {
    const r = readPriceFile('sku_code,unit,level_code,price\n"SP1,瓶,A,1\n', 'level');
    expect(r.problems[0]!.field).toBe('file');
  });
  it('checks every row: unknown sku, unit, owner, bad price and duplicates', () => {
    const rows = readPriceFile(
      'sku_code,unit,level_code,price\nSP1,瓶,A,1\nSP2,瓶,A,1\nSP1,吨,A,1\nSP1,箱,Z,-2\nSP1,瓶,A,1.1\n',
      'level',
    ).rows;
    const r = checkPriceRows(rows, 'level', lookups);
    expect(r.problems.map((p) => [p.line, p.field])).toEqual([
      [3, 'sku_code'],
      [4, 'unit'],
      [5, 'level_code'],
      [5, 'price'],
      [6, 'sku_code'],
    ]);
    expect(r.rows).toHaveLength(1);
  });
  it('writes what it reads, sorted', () => {
    const text = writePriceFile('customer', [
      { skuCode: 'SP2', unit: '瓶', ownerCode: 'S1', minor: 5n },
      { skuCode: 'SP1', unit: '箱', ownerCode: 'S1', minor: 12345n },
    ]);
    expect(text).toBe('sku_code,unit,customer_code,price\nSP1,箱,S1,123.45\nSP2,瓶,S1,0.05\n');
    expect(readPriceFile(text, 'customer').rows.map((r) => r.price)).toEqual(['123.45', '0.05']);
  });
});

describe('event payloads', () => {
  it('reads CustomerChanged and SkuChanged, the base unit always first', () => {
    expect(customerChanged.safeParse({ customerId: 'c', levelId: 'l' }).success).toBe(true);
    expect(customerChanged.safeParse({ customerId: 'c' }).success).toBe(false);
    const sku = skuChanged.parse({
      skuId: 's',
      productId: 'p',
      code: 'SP1',
      baseUnit: '瓶',
      units: [
        { name: '箱', factor: 24 },
        { name: '瓶', factor: 1 },
      ],
    });
    expect(saleUnitsOf(sku)).toEqual([
      { name: '瓶', factor: 1 },
      { name: '箱', factor: 24 },
    ]);
    expect(skuChanged.safeParse({ ...sku, units: [{ name: '箱', factor: 0 }] }).success).toBe(false);
  });
});
