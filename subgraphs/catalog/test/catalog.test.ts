import { type RunningServer, startSubgraph } from '@wholesail/platform';
import {
  createTestDatabase,
  graphqlRequest,
  TEST_AUTH_SECRET,
  type TestDatabase,
} from '@wholesail/platform/testing';
import { catalog, database } from '../src/service';

let testDb: TestDatabase;
let server: RunningServer;

const customer = {
  kind: 'customer' as const,
  tenantId: 'tnt_a',
  customerId: 'cus_1',
  customerUserId: 'cu_1',
};
const otherCustomer = {
  kind: 'customer' as const,
  tenantId: 'tnt_a',
  customerId: 'cus_2',
  customerUserId: 'cu_2',
};
const staff = { kind: 'staff' as const, tenantId: 'tnt_a', staffId: 'stf_1', roles: ['OFFICE' as const] };

beforeAll(async () => {
  testDb = await createTestDatabase('catalog');
  server = await startSubgraph(catalog, { databaseUrl: testDb.url, port: 0, authSecret: TEST_AUTH_SECRET });
  const raw = database.raw();
  for (const t of ['a', 'b']) {
    const tenantId = `tnt_${t}`;
    await raw.brand.createMany({
      data: [
        { id: `br_${t}_open`, tenantId, name: '可口可乐', nameEn: 'Coca-Cola' },
        { id: `br_${t}_closed`, tenantId, name: '茅台', nameEn: 'Moutai', restricted: true },
      ],
    });
    await raw.brandAuthorization.create({
      data: { tenantId, brandId: `br_${t}_closed`, customerId: 'cus_1' },
    });
    await raw.category.create({ data: { id: `cat_${t}_1`, tenantId, name: '饮料', nameEn: 'Drinks' } });
    await raw.category.create({
      data: {
        id: `cat_${t}_2`,
        tenantId,
        parentId: `cat_${t}_1`,
        name: '碳酸饮料',
        nameEn: 'Soda',
        depth: 1,
      },
    });
    const products = [
      {
        id: `p_${t}_cola`,
        brandId: `br_${t}_open`,
        name: '可口可乐 330ml',
        nameEn: 'Coca-Cola 330ml',
        pinyin: 'kkkl',
        onShelf: true,
      },
      {
        id: `p_${t}_off`,
        brandId: `br_${t}_open`,
        name: '零度可乐',
        nameEn: 'Coke Zero',
        pinyin: 'ldkl',
        onShelf: false,
      },
      {
        id: `p_${t}_wine`,
        brandId: `br_${t}_closed`,
        name: '飞天茅台',
        nameEn: 'Feitian Moutai',
        pinyin: 'ftmt',
        onShelf: true,
      },
    ];
    for (const [i, p] of products.entries()) {
      await raw.product.create({
        data: { ...p, tenantId, categoryId: `cat_${t}_2`, images: [], tags: ['hot'], sortOrder: i },
      });
      await raw.sku.create({
        data: { id: `${p.id}_sku`, tenantId, productId: p.id, code: `${p.id}-1`, baseUnit: '瓶' },
      });
      await raw.skuBarcode.create({
        data: { tenantId, skuId: `${p.id}_sku`, barcode: `69${t === 'a' ? 1 : 2}000000000${i}` },
      });
      await raw.saleUnit.createMany({
        data: [
          { tenantId, skuId: `${p.id}_sku`, name: '瓶', factor: 1 },
          { tenantId, skuId: `${p.id}_sku`, name: '箱', factor: 24 },
        ],
      });
    }
  }
}, 60_000);

afterAll(async () => {
  await server?.close();
  await testDb?.drop();
});

const ids = (res: any) => res.data.products.edges.map((e: any) => e.node.id);
const LIST = 'query($f: ProductFilter) { products(first: 20, filter: $f) { edges { node { id } } } }';

describe('catalog read path', () => {
  it('shows a customer only on-shelf products of brands it may see', async () => {
    expect(ids(await graphqlRequest(server.url, LIST, {}, { viewer: customer }))).toEqual([
      'p_a_cola',
      'p_a_wine',
    ]);
    expect(ids(await graphqlRequest(server.url, LIST, {}, { viewer: otherCustomer }))).toEqual(['p_a_cola']);
    expect(ids(await graphqlRequest(server.url, LIST, {}, { viewer: staff }))).toEqual([
      'p_a_cola',
      'p_a_off',
      'p_a_wine',
    ]);
  });

  it('applies the same rules to lookups by id, barcode and entity representation', async () => {
    const q = `query($r: [_Any!]!) { product(id: "p_a_off") { id } sku(id: "p_a_wine_sku") { id }
      skuByBarcode(barcode: "6910000000002") { id } _entities(representations: $r) { ... on Product { id } } }`;
    const r = [
      { __typename: 'Product', id: 'p_a_off' },
      { __typename: 'Product', id: 'p_a_wine' },
      { __typename: 'Product', id: 'p_b_cola' },
      { __typename: 'Product', id: 'p_a_cola' },
    ];
    const res = await graphqlRequest(server.url, q, { r }, { viewer: otherCustomer });
    expect(res.data).toEqual({
      product: null,
      sku: null,
      skuByBarcode: null,
      _entities: [null, null, null, { id: 'p_a_cola' }],
    });
    const own = await graphqlRequest(server.url, q, { r }, { viewer: customer });
    expect(own.data.skuByBarcode).toEqual({ id: 'p_a_wine_sku' });
  });

  it('finds by Chinese name, English name, pinyin initials and barcode', async () => {
    for (const search of ['可口', 'coca', 'KKKL', '6910000000000']) {
      expect(ids(await graphqlRequest(server.url, LIST, { f: { search } }, { viewer: customer }))).toEqual([
        'p_a_cola',
      ]);
    }
  });

  it('filters by a parent category and by brand', async () => {
    expect(
      ids(await graphqlRequest(server.url, LIST, { f: { categoryId: 'cat_a_1' } }, { viewer: customer })),
    ).toHaveLength(2);
    expect(
      ids(await graphqlRequest(server.url, LIST, { f: { brandId: 'br_a_closed' } }, { viewer: customer })),
    ).toEqual(['p_a_wine']);
  });

  it('exposes SKUs with barcode and sale units', async () => {
    const res = await graphqlRequest(
      server.url,
      '{ product(id: "p_a_cola") { skus { barcode baseUnit units { name factor } } } }',
      {},
      { viewer: customer },
    );
    expect(res.data.product.skus).toEqual([
      {
        barcode: '6910000000000',
        baseUnit: '瓶',
        units: [
          { name: '瓶', factor: 1 },
          { name: '箱', factor: 24 },
        ],
      },
    ]);
  });

  it('never mixes tenants', async () => {
    const res = await graphqlRequest(server.url, LIST, {}, { viewer: { ...staff, tenantId: 'tnt_b' } });
    expect(ids(res)).toEqual(['p_b_cola', 'p_b_off', 'p_b_wine']);
    const anon = await graphqlRequest(server.url, '{ brands { id } }');
    expect(anon.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
