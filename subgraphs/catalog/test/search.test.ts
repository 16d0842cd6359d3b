import { eventTablesSql, type RunningSubgraph, signGuestToken, startSubgraph } from '@wholesail/platform';
import {
  countStatements,
  createTestDatabase,
  gql,
  graphqlRequest,
  TEST_AUTH_SECRET,
  type TestDatabase,
} from '@wholesail/platform/testing';
import pg from 'pg';
import { catalog, database } from '../src/service';
import { seedCatalog, viewers } from './fixture';

let testDb: TestDatabase;
let server: RunningSubgraph;
let pool: pg.Pool;
const { vip, named, plain, office } = viewers();
const officeB = viewers('tnt_b').office;

beforeAll(async () => {
  testDb = await createTestDatabase('catalogsearch');
  pool = new pg.Pool({ connectionString: testDb.url });
  for (const source of ['crm', 'inventory', 'pricing', 'orders']) await pool.query(eventTablesSql(source));
  // no consumers here: their polling would add statements to the counts below
  server = await startSubgraph(catalog, {
    databaseUrl: testDb.url,
    port: 0,
    authSecret: TEST_AUTH_SECRET,
    consumers: false,
  });
  await seedCatalog(database.raw(), 'a');
  await seedCatalog(database.raw(), 'b');
}, 60_000);

afterAll(async () => {
  await server?.close();
  await pool?.end();
  await testDb?.drop();
});

const LIST = `query($f: ProductFilter, $s: ProductSort, $n: Int, $after: String) {
  products(first: $n, filter: $f, sort: $s, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } }`;
const list = async (viewer: any, f: object = {}, s = 'DEFAULT', n = 50) => {
  const res = await gql(server.url, LIST, { f, s, n }, viewer);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data.products.edges.map((e: any) => e.node.id.replace(/^[ab]_/, ''));
};

describe('who sees what on every path', () => {
  it('lists only on-shelf products of open brands, plus brands authorised by customer or by level', async () => {
    expect(await list(plain)).toEqual(['water', 'cola', 'zero', 'pepsi']);
    expect(await list(vip)).toEqual(['water', 'cola', 'zero', 'pepsi', 'moutai']);
    expect(await list(named)).toEqual(['water', 'cola', 'zero', 'pepsi', 'wly']);
    expect(await list(office)).toEqual(['water', 'cola', 'zero', 'pepsi', 'off', 'moutai', 'wly']);
  });

  const LOOKUPS = `query($r: [_Any!]!, $p: ID!, $s: ID!, $b: String!) {
    product(id: $p) { id } sku(id: $s) { id } skuByBarcode(barcode: $b) { id }
    _entities(representations: $r) { ... on Product { id } ... on Sku { id } ... on Brand { id } }
    brands { id } }`;
  const lookups = (viewer: any, p: string, brand: string, barcode: string) =>
    gql(
      server.url,
      LOOKUPS,
      {
        p: `a_${p}`,
        s: `a_${p}_s1`,
        b: barcode,
        r: [
          { __typename: 'Product', id: `a_${p}` },
          { __typename: 'Sku', id: `a_${p}_s1` },
          { __typename: 'Brand', id: `a_${brand}` },
        ],
      },
      viewer,
    );

  it('hides a restricted brand by id, barcode (also a sale unit barcode) and _entities from others', async () => {
    // moutai is index 5: base barcode 69100000050, box 169100000050
    for (const barcode of ['69100000050', '169100000050']) {
      const res = await lookups(plain, 'moutai', 'moutai', barcode);
      expect(res.data).toMatchObject({
        product: null,
        sku: null,
        skuByBarcode: null,
        _entities: [null, null, null],
      });
      expect(res.data.brands.map((b: any) => b.id)).toEqual(['a_coke', 'a_pepsi']);
      const own = await lookups(vip, 'moutai', 'moutai', barcode);
      expect(own.data).toMatchObject({
        product: { id: 'a_moutai' },
        sku: { id: 'a_moutai_s1' },
        skuByBarcode: { id: 'a_moutai_s1' },
        _entities: [{ id: 'a_moutai' }, { id: 'a_moutai_s1' }, { id: 'a_moutai' }],
      });
    }
    const byName = await lookups(named, 'wly', 'wly', '69100000060');
    expect(byName.data).toMatchObject({ product: { id: 'a_wly' }, skuByBarcode: { id: 'a_wly_s1' } });
    expect((await lookups(vip, 'wly', 'wly', '69100000060')).data).toMatchObject({
      product: null,
      skuByBarcode: null,
      _entities: [null, null, null],
    });
  });

  it('hides off-shelf products from customers on every path, not from staff', async () => {
    const res = await lookups(plain, 'off', 'coke', '69100000040');
    expect(res.data).toMatchObject({
      product: null,
      sku: null,
      skuByBarcode: null,
      _entities: [null, null, { id: 'a_coke' }],
    });
    const staff = await lookups(office, 'off', 'coke', '69100000040');
    expect(staff.data).toMatchObject({ product: { id: 'a_off' }, skuByBarcode: { id: 'a_off_s1' } });
    expect(await list(plain, { search: '雪碧' })).toEqual([]);
    expect(await list(office, { search: '雪碧' })).toEqual(['off']);
  });

  it('hides restricted and off-shelf products from search, facets and suggestions', async () => {
    expect(await list(plain, { search: '茅台' })).toEqual([]);
    expect(await list(vip, { search: 'mt' })).toEqual(['moutai']);
    const facets = await gql(
      server.url,
      '{ products(first: 1) { facets { brands { brand { id } count } categories { category { id } count } } } }',
      {},
      plain,
    );
    expect(facets.data.products.facets.brands.map((b: any) => b.brand.id)).toEqual(['a_coke', 'a_pepsi']);
    expect(facets.data.products.facets.categories.map((c: any) => c.category.id)).not.toContain('a_liquor');
    const SUGGEST = '{ searchSuggestions(text: "茅台") { kind id } }';
    expect((await gql(server.url, SUGGEST, {}, plain)).data.searchSuggestions).toEqual([]);
    expect((await gql(server.url, SUGGEST, {}, vip)).data.searchSuggestions).toEqual([
      { kind: 'BRAND', id: 'a_moutai' },
      { kind: 'PRODUCT', id: 'a_moutai' },
    ]);
  });

  it('shows guests only open brands', async () => {
    const token = await signGuestToken('tnt_a', TEST_AUTH_SECRET);
    const res = await graphqlRequest(
      server.url,
      '{ products(first: 20) { edges { node { id } } } brands { id } }',
      {},
      { token },
    );
    expect(res.data.products.edges.map((e: any) => e.node.id)).toEqual([
      'a_water',
      'a_cola',
      'a_zero',
      'a_pepsi',
    ]);
    expect(res.data.brands.map((b: any) => b.id)).toEqual(['a_coke', 'a_pepsi']);
  });
});

describe('search', () => {
  it('finds by Chinese name, English name, pinyin initials and barcode', async () => {
    expect(await list(plain, { search: '零度' })).toEqual(['zero']);
    expect(await list(plain, { search: 'Coke zero' })).toEqual(['zero']);
    expect(await list(plain, { search: 'KKKL' })).toEqual(['cola']);
    expect(await list(plain, { search: 'kk kl' })).toEqual(['cola']);
    expect(await list(plain, { search: '69100000020' })).toEqual(['pepsi']);
    expect(await list(plain, { search: '169100000020' })).toEqual(['pepsi']);
  });

  it('orders by relevance: exact barcode, then prefix, then contains; ties by sort order', async () => {
    // water's bottle barcode is "330"; cola only contains 330 in its name
    expect(await list(plain, { search: '330' })).toEqual(['water', 'cola']);
    // 可口可乐 starts with 可口, 冰露可口纯净水 contains it (and comes first in the catalog order)
    expect(await list(plain, { search: '可口' })).toEqual(['cola', 'water']);
    // pinyin contains kl: three products, in catalog order
    expect(await list(plain, { search: 'kl' })).toEqual(['cola', 'zero', 'pepsi']);
    // English: Coca-Cola starts with "co"; Coke Zero too; Pepsi Cola contains it
    expect(await list(plain, { search: 'co' })).toEqual(['cola', 'zero', 'pepsi']);
    expect(await list(plain, { search: 'cola' })).toEqual(['cola', 'pepsi']);
    // another sort than DEFAULT ignores relevance
    expect(await list(plain, { search: '可口' }, 'NEWEST')).toEqual(['cola', 'water']);
    expect(await list(plain, { search: '可口' }, 'PRICE_ASC')).toEqual(['water', 'cola']);
  });

  it('takes LIKE wildcards in the search text literally', async () => {
    expect(await list(plain, { search: '%' })).toEqual([]);
    expect(await list(plain, { search: '_' })).toEqual([]);
    expect(await list(plain, { search: 'k%l' })).toEqual([]);
    expect(await list(plain, { search: '可_可' })).toEqual([]);
  });
});

describe('filters', () => {
  it('takes a category and everything below it, at any depth', async () => {
    expect(await list(plain, { categoryId: 'a_drink' })).toEqual(['water', 'cola', 'zero', 'pepsi']);
    expect(await list(plain, { categoryId: 'a_soda' })).toEqual(['cola', 'zero', 'pepsi']);
    expect(await list(office, { categoryId: 'a_soda' })).toEqual(['cola', 'zero', 'pepsi', 'off']);
    expect(await list(plain, { categoryId: 'a_water' })).toEqual(['water']);
    expect(await list(plain, { categoryId: 'b_drink' })).toEqual([]);
  });

  it('filters by brand and by tags', async () => {
    expect(await list(plain, { brandId: 'a_pepsi' })).toEqual(['pepsi']);
    expect(await list(plain, { brandId: 'a_moutai' })).toEqual([]);
    expect(await list(plain, { tags: ['NEW'] })).toEqual(['zero']);
    expect(await list(plain, { tags: ['HOT', 'CLEARANCE'] })).toEqual(['water', 'cola', 'pepsi']);
    expect(await list(plain, { tags: ['HOT'], categoryId: 'a_soda', search: 'kl' })).toEqual([
      'cola',
      'pepsi',
    ]);
  });

  it('filters by stock in the customer`s warehouse, or any warehouse for staff', async () => {
    expect(await list(plain, { inStock: true })).toEqual(['water', 'cola']); // wh_main
    expect(await list(plain, { inStock: false })).toEqual(['zero', 'pepsi']);
    expect(await list(named, { inStock: true })).toEqual(['zero', 'pepsi']); // wh_north
    // a customer cannot look at another warehouse
    expect(await list(plain, { inStock: true, warehouseId: 'wh_north' })).toEqual(['water', 'cola']);
    expect(await list(office, { inStock: true })).toEqual(['water', 'cola', 'zero', 'pepsi']);
    expect(await list(office, { inStock: true, warehouseId: 'wh_north' })).toEqual(['zero', 'pepsi']);
  });
});

describe('sorts and pages', () => {
  it('sorts by newest, name, price and best-selling', async () => {
    expect(await list(plain, {}, 'NEWEST')).toEqual(['zero', 'pepsi', 'cola', 'water']);
    const byName = await pool.query(
      `SELECT id FROM catalog."Product" WHERE "tenantId" = 'tnt_a' AND "onShelf" AND "brandId" IN ('a_coke', 'a_pepsi') ORDER BY name, id`,
    );
    expect(await list(plain, {}, 'NAME')).toEqual(byName.rows.map((r) => r.id.slice(2)));
    // the lowest SKU wholesale price: cola has 300 and 250
    expect(await list(plain, {}, 'PRICE_ASC')).toEqual(['water', 'cola', 'pepsi', 'zero']);
    expect(await list(plain, {}, 'PRICE_DESC')).toEqual(['zero', 'pepsi', 'cola', 'water']);
    // unpriced products come last both ways
    expect(await list(office, {}, 'PRICE_ASC')).toEqual([
      'water',
      'cola',
      'pepsi',
      'zero',
      'wly',
      'moutai',
      'off',
    ]);
    expect(await list(office, {}, 'PRICE_DESC')).toEqual([
      'moutai',
      'wly',
      'zero',
      'pepsi',
      'cola',
      'water',
      'off',
    ]);
    expect(await list(plain, {}, 'BEST_SELLING')).toEqual(['pepsi', 'cola', 'water', 'zero']);
  });

  it('pages with cursors, the same order as one long page', async () => {
    const all = await list(office, {}, 'PRICE_ASC');
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 5; i++) {
      const res: any = await gql(server.url, LIST, { f: {}, s: 'PRICE_ASC', n: 3, after }, office);
      seen.push(...res.data.products.edges.map((e: any) => e.node.id.slice(2)));
      if (!res.data.products.pageInfo.hasNextPage) break;
      after = res.data.products.pageInfo.endCursor;
    }
    expect(seen).toEqual(all);
  });
});

describe('facets', () => {
  const FACETS = `query($f: ProductFilter) { products(first: 1, filter: $f) { facets {
    brands { brand { id name } count } categories { category { id name } count } } } }`;
  const facets = async (viewer: any, f: object) => {
    const res = await gql(server.url, FACETS, { f }, viewer);
    const { brands, categories } = res.data.products.facets;
    return {
      brands: Object.fromEntries(brands.map((b: any) => [b.brand.id.slice(2), b.count])),
      categories: Object.fromEntries(categories.map((c: any) => [c.category.id.slice(2), c.count])),
    };
  };

  it('counts per brand ignoring the brand filter, per category (with everything below) ignoring the category filter', async () => {
    expect(await facets(plain, { brandId: 'a_coke', categoryId: 'a_soda' })).toEqual({
      brands: { coke: 2, pepsi: 1 }, // in soda: cola, zero | pepsi
      categories: { drink: 3, soda: 2, cola: 2, water: 1 }, // coke products anywhere
    });
    expect(await facets(vip, {})).toEqual({
      brands: { coke: 3, pepsi: 1, moutai: 1 },
      categories: { drink: 4, liquor: 1, soda: 3, water: 1, baijiu: 1, cola: 3 },
    });
    expect(await facets(plain, { search: '可口', inStock: true })).toEqual({
      brands: { coke: 2 },
      categories: { drink: 2, soda: 1, water: 1, cola: 1 },
    });
  });

  it('orders brands by count and categories by depth then sort order', async () => {
    const res = await gql(server.url, FACETS, { f: {} }, office);
    expect(res.data.products.facets.brands[0]).toEqual({
      brand: { id: 'a_coke', name: '可口可乐' },
      count: 4,
    });
    expect(res.data.products.facets.categories.map((c: any) => c.category.id)).toEqual([
      'a_drink',
      'a_liquor',
      'a_baijiu',
      'a_soda',
      'a_water',
      'a_cola',
    ]);
  });
});

describe('suggestions', () => {
  const suggest = async (viewer: any, text: string, first?: number) =>
    (
      await gql(
        server.url,
        'query($t: String!, $n: Int) { searchSuggestions(text: $t, first: $n) { kind id text textEn product { id } brand { id } category { id } } }',
        { t: text, n: first },
        viewer,
      )
    ).data.searchSuggestions.map((s: any) => `${s.kind}:${s.id.slice(2)}`);

  it('suggests brands, categories and products by name, English name and pinyin, best first', async () => {
    expect(await suggest(plain, '可口')).toEqual(['BRAND:coke', 'PRODUCT:cola', 'PRODUCT:water']);
    expect(await suggest(plain, 'kkkl')).toEqual(['BRAND:coke', 'PRODUCT:cola']);
    expect(await suggest(plain, 'yl')).toEqual(['CATEGORY:drink', 'CATEGORY:soda']);
    expect(await suggest(plain, 'pepsi')).toEqual(['BRAND:pepsi', 'PRODUCT:pepsi']);
    expect(await suggest(plain, '可', 2)).toHaveLength(2);
    expect(await suggest(plain, '  ')).toEqual([]);
  });

  it('resolves the suggested object', async () => {
    const res = await gql(
      server.url,
      '{ searchSuggestions(text: "百事") { kind text product { id } brand { id } } }',
      {},
      plain,
    );
    expect(res.data.searchSuggestions).toEqual([
      { kind: 'BRAND', text: '百事', product: null, brand: { id: 'a_pepsi' } },
      { kind: 'PRODUCT', text: '百事可乐', product: { id: 'a_pepsi' }, brand: null },
    ]);
  });
});

describe('tenants', () => {
  it('never mixes tenants in lists, search, facets, suggestions or lookups', async () => {
    expect(await list(officeB, {}, 'DEFAULT')).toEqual([
      'water',
      'cola',
      'zero',
      'pepsi',
      'off',
      'moutai',
      'wly',
    ]);
    const res = await gql(
      server.url,
      `{ products(first: 50, filter: { search: "kl" }) { edges { node { id } } facets { brands { brand { id } count } } }
         product(id: "a_cola") { id } skuByBarcode(barcode: "69200000000") { id }
         searchSuggestions(text: "可口") { id }
         _entities(representations: [{ __typename: "Product", id: "a_cola" }, { __typename: "Sku", id: "a_cola_s1" }]) { ... on Product { id } ... on Sku { id } } }`,
      {},
      officeB,
    );
    expect(res.data.products.edges.map((e: any) => e.node.id)).toEqual(['b_cola', 'b_zero', 'b_pepsi']);
    expect(res.data.products.facets.brands).toEqual([
      { brand: { id: 'b_coke' }, count: 2 },
      { brand: { id: 'b_pepsi' }, count: 1 },
    ]);
    expect(res.data.product).toBeNull();
    expect(res.data.skuByBarcode).toEqual({ id: 'b_cola_s1' });
    expect(res.data.searchSuggestions.map((s: any) => s.id)).toEqual(['b_coke', 'b_cola', 'b_water']);
    expect(res.data._entities).toEqual([null, null]);
  });
});

describe('batching', () => {
  it('costs the same number of SQL statements for a page of 2 and of 7 products', async () => {
    const q = `query($n: Int) { products(first: $n, filter: { search: "" }, sort: PRICE_ASC) {
      edges { node { id name brand { name } category { name parent { name } } skus { code barcode barcodes units { name factor } } } }
      facets { brands { brand { id } count } categories { category { id } count } } } }`;
    const run = (n: number) => countStatements(() => gql(server.url, q, { n }, vip));
    const small = await run(2);
    const large = await run(7);
    expect(small.result.data.products.edges).toHaveLength(2);
    expect(large.result.data.products.edges).toHaveLength(5);
    expect(large.statements).toBe(small.statements);
  });

  it('resolves _entities of N products or SKUs in the same number of statements', async () => {
    const q = `query($r: [_Any!]!) { _entities(representations: $r) {
      ... on Product { id brand { name } skus { code units { name } } } ... on Sku { id baseUnit units { name factor } } } }`;
    const reps = (names: string[]) =>
      names.flatMap((n) => [
        { __typename: 'Product', id: `a_${n}` },
        { __typename: 'Sku', id: `a_${n}_s1` },
      ]);
    const two = await countStatements(() => gql(server.url, q, { r: reps(['cola', 'pepsi']) }, vip));
    const all = await countStatements(() =>
      gql(server.url, q, { r: reps(['cola', 'zero', 'pepsi', 'water', 'off', 'moutai', 'wly']) }, vip),
    );
    expect(all.result.data._entities.filter(Boolean)).toHaveLength(10); // off and wly hidden
    expect(all.statements).toBe(two.statements);
  });
});
