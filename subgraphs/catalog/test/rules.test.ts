import {
  brandProblems,
  categoryPlacementProblems,
  categoryProblems,
  depths,
  productProblems,
  skuBarcodes,
  skuProblems,
} from '../src/domain/rules';

const fields = (problems: { field: string }[]) => problems.map((p) => p.field);

describe('SKU rules', () => {
  const base = {
    code: 'C1',
    baseUnit: '瓶',
    units: [
      { name: '瓶', factor: 1 },
      { name: '箱', factor: 24 },
    ],
  };
  it('accepts a base unit with factor 1 and other integer factors', () => {
    expect(skuProblems(base, true)).toEqual([]);
    // without units a new SKU gets its base unit
    expect(skuProblems({ code: 'C1', baseUnit: '瓶' }, true)).toEqual([]);
  });
  it('refuses a factor below 1 or not an integer', () => {
    expect(
      fields(
        skuProblems(
          {
            ...base,
            units: [
              { name: '瓶', factor: 1 },
              { name: '箱', factor: 0 },
            ],
          },
          true,
        ),
      ),
    ).toEqual(['units.1.factor']);
    expect(
      fields(
        skuProblems(
          {
            ...base,
            units: [
              { name: '瓶', factor: 1 },
              { name: '箱', factor: 2.5 },
            ],
          },
          true,
        ),
      ),
    ).toEqual(['units.1.factor']);
    expect(
      fields(
        skuProblems(
          {
            ...base,
            units: [
              { name: '瓶', factor: 1 },
              { name: '箱', factor: -6 },
            ],
          },
          true,
        ),
      ),
    ).toEqual(['units.1.factor']);
  });
  it('refuses a unit used twice, a missing base unit and a base unit factor other than 1', () => {
    expect(
      fields(
        skuProblems(
          {
            ...base,
            units: [
              { name: '瓶', factor: 1 },
              { name: ' 瓶 ', factor: 6 },
            ],
          },
          true,
        ),
      ),
    ).toEqual(['units.1.name']);
    expect(fields(skuProblems({ ...base, units: [{ name: '箱', factor: 24 }] }, true))).toEqual(['units']);
    expect(fields(skuProblems({ ...base, units: [{ name: '瓶', factor: 6 }] }, true))).toEqual([
      'units.0.factor',
    ]);
    expect(
      fields(
        skuProblems(
          {
            ...base,
            units: [
              { name: '', factor: 1 },
              { name: '瓶', factor: 1 },
            ],
          },
          true,
        ),
      ),
    ).toEqual(['units.0.name']);
  });
  it('checks a changed base unit against the stored units', () => {
    const current = { baseUnit: '瓶', units: [{ name: '瓶', factor: 1 }] };
    expect(fields(skuProblems({ baseUnit: '罐' }, false, '', current))).toEqual(['units']);
    expect(skuProblems({ spec: '1L' }, false, '', current)).toEqual([]);
  });
  it('refuses a missing code or base unit, a negative sort order and bad or repeated barcodes', () => {
    expect(fields(skuProblems({ code: ' ', baseUnit: '', sortOrder: -1 }, true))).toEqual([
      'code',
      'baseUnit',
      'sortOrder',
    ]);
    expect(
      fields(
        skuProblems(
          {
            ...base,
            barcodes: ['6901', '6901', 'bad code!'],
            units: [{ name: '瓶', factor: 1, barcode: '6901' }],
          },
          true,
        ),
      ),
    ).toEqual(['barcodes.1', 'barcodes.2', 'units.0.barcode']);
    expect(fields(skuProblems({ ...base, code: 'x'.repeat(33) }, true, 'skus.2.'))).toEqual(['skus.2.code']);
  });
  it('lists the barcodes of a SKU with their fields', () => {
    expect(
      skuBarcodes(
        {
          barcodes: [' 6901 '],
          units: [
            { name: '箱', factor: 6, barcode: '16901' },
            { name: '瓶', factor: 1 },
          ],
        },
        's.',
      ),
    ).toEqual([
      { field: 's.barcodes.0', barcode: '6901' },
      { field: 's.units.0.barcode', barcode: '16901' },
    ]);
  });
});

describe('category tree rules', () => {
  const tree = [
    { id: 'a', parentId: null, depth: 0 },
    { id: 'b', parentId: 'a', depth: 1 },
    { id: 'c', parentId: 'b', depth: 2 },
    { id: 'x', parentId: null, depth: 0 },
    { id: 'y', parentId: 'x', depth: 1 },
  ];
  it('refuses cycles: under itself or its descendants', () => {
    expect(fields(categoryPlacementProblems(tree, 'a', 'a'))).toEqual(['parentId']);
    expect(fields(categoryPlacementProblems(tree, 'a', 'c'))).toEqual(['parentId']);
    expect(fields(categoryPlacementProblems(tree, 'b', 'c'))).toEqual(['parentId']);
  });
  it('refuses a fourth level, counting the moved subtree', () => {
    expect(fields(categoryPlacementProblems(tree, null, 'c'))).toEqual(['parentId']);
    expect(fields(categoryPlacementProblems(tree, 'b', 'y'))).toEqual(['parentId']); // b has c below it
    expect(categoryPlacementProblems(tree, 'b', 'x')).toEqual([]);
    expect(categoryPlacementProblems(tree, 'c', 'y')).toEqual([]);
    expect(categoryPlacementProblems(tree, null, 'b')).toEqual([]);
    expect(categoryPlacementProblems(tree, 'b', null)).toEqual([]);
  });
  it('refuses an unknown parent', () => {
    expect(fields(categoryPlacementProblems(tree, null, 'nope'))).toEqual(['parentId']);
  });
  it('recomputes depths from the parent links', () => {
    const moved = tree.map((c) => (c.id === 'b' ? { ...c, parentId: null } : c));
    expect(Object.fromEntries(depths(moved))).toEqual({ a: 0, b: 0, c: 1, x: 0, y: 1 });
  });
  it('checks names and sort order', () => {
    expect(fields(categoryProblems({ name: '', sortOrder: -1 }, true))).toEqual(['name', 'sortOrder']);
    expect(categoryProblems({ sortOrder: 3 }, false)).toEqual([]);
  });
});

describe('brand and product rules', () => {
  it('checks brands', () => {
    expect(fields(brandProblems({ name: '  ' }, true))).toEqual(['name']);
    expect(fields(brandProblems({ sortOrder: -1, logoUrl: 'x'.repeat(501) }, false))).toEqual([
      'logoUrl',
      'sortOrder',
    ]);
    expect(brandProblems({ nameEn: 'Nongfu' }, false)).toEqual([]);
  });
  it('checks products', () => {
    expect(fields(productProblems({ name: '', sortOrder: -2 }, true))).toEqual(['name', 'sortOrder']);
    expect(fields(productProblems({ images: ['/a.png', 'nope'], videoUrl: 'ftp://x' }, false))).toEqual([
      'images.1',
      'videoUrl',
    ]);
    expect(fields(productProblems({ images: Array(21).fill('/a.png') }, false))).toEqual(['images']);
    expect(productProblems({ name: '可乐', images: ['https://cdn.example.com/a.png'] }, true)).toEqual([]);
  });
});
