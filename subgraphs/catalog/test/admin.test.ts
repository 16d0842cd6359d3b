import { eventTablesSql, type RunningSubgraph, startSubgraph } from '@wholesail/platform';
import { createTestDatabase, gql, TEST_AUTH_SECRET, type TestDatabase } from '@wholesail/platform/testing';
import pg from 'pg';
import { catalog, database } from '../src/service';
import { seedCatalog, viewers } from './fixture';

let testDb: TestDatabase;
let server: RunningSubgraph;
let pool: pg.Pool;
const { office, boss, picker, plain, named } = viewers();

beforeAll(async () => {
  testDb = await createTestDatabase('catalogadmin');
  pool = new pg.Pool({ connectionString: testDb.url });
  for (const source of ['crm', 'inventory', 'pricing', 'orders']) await pool.query(eventTablesSql(source));
  server = await startSubgraph(catalog, { databaseUrl: testDb.url, port: 0, authSecret: TEST_AUTH_SECRET });
  await seedCatalog(database.raw(), 'a');
  await seedCatalog(database.raw(), 'b');
}, 60_000);

afterAll(async () => {
  await server?.close();
  await pool?.end();
  await testDb?.drop();
});

const TABLES = [
  'Brand',
  'BrandAuthorization',
  'Category',
  'Product',
  'Sku',
  'SkuBarcode',
  'SaleUnit',
  'OutboxEvent',
];
/** Every catalog row of both tenants, to prove a refusal changed nothing. */
async function snapshot() {
  const out: Record<string, unknown[]> = {};
  for (const t of TABLES) {
    const order = t === 'OutboxEvent' ? '"position"' : '"id"';
    out[t] = (await pool.query(`SELECT * FROM catalog."${t}" ORDER BY ${order}`)).rows;
  }
  return out;
}
async function outbox(after = 0n) {
  const r = await pool.query(
    `SELECT "position", "aggregateType", "aggregateId", "type", "payload" FROM catalog."OutboxEvent" WHERE "position" > $1 ORDER BY "position"`,
    [String(after)],
  );
  return r.rows;
}
async function head(): Promise<bigint> {
  const r = await pool.query(`SELECT coalesce(max("position"), 0) AS p FROM catalog."OutboxEvent"`);
  return BigInt(r.rows[0].p);
}

const RESULT = (field: string, data: string) => `__typename
  ... on Mutation${field[0]!.toUpperCase()}${field.slice(1)}Success { data ${data ? `{ ${data} }` : ''} }
  ... on ValidationError { message code problems { field message } }`;

async function mutate(viewer: any, field: string, args: string, vars: Record<string, unknown>, data = 'id') {
  const res = await gql(
    server.url,
    `mutation(${args}) { ${field}(${argList(args)}) { ${RESULT(field, data)} } }`,
    vars,
    viewer,
  );
  if (res.errors) return { errors: res.errors };
  return res.data[field];
}
const argList = (args: string) =>
  args
    .split(',')
    .map((a) => a.trim().split(':')[0]!.slice(1))
    .map((n) => `${n}: $${n}`)
    .join(', ');

/** Runs a mutation that must be refused with these problem fields, and proves nothing changed. */
async function refused(
  viewer: any,
  field: string,
  args: string,
  vars: Record<string, unknown>,
  fields: string[],
) {
  const before = await snapshot();
  const res = await mutate(viewer, field, args, vars, field === 'deleteCategory' ? '' : 'id');
  expect(res.__typename).toBe('ValidationError');
  expect(res.problems.map((p: any) => p.field)).toEqual(fields);
  for (const p of res.problems) expect(p.message).toEqual(expect.any(String));
  expect(await snapshot()).toEqual(before);
  return res;
}

const ids = async (viewer: any, filter: object = {}) =>
  (
    await gql(
      server.url,
      'query($f: ProductFilter) { products(first: 50, filter: $f) { edges { node { id } } } }',
      { f: filter },
      viewer,
    )
  ).data.products.edges.map((e: any) => e.node.id);

describe('who may change the catalog', () => {
  it('lets only boss and office staff in', async () => {
    for (const viewer of [picker, plain]) {
      const res = await mutate(viewer, 'createBrand', '$input: CreateBrandInput!', {
        input: { name: '新品牌' },
      });
      expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const layout = await gql(
      server.url,
      'mutation { updateHomeLayout(input: {}) { __typename } }',
      {},
      picker,
    );
    expect(layout.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('brands', () => {
  const B = '$input: CreateBrandInput!';
  it('creates and updates a brand with its pinyin', async () => {
    const res = await mutate(
      boss,
      'createBrand',
      B,
      { input: { name: '农夫山泉', nameEn: 'Nongfu', sortOrder: 9 } },
      'id name nameEn sortOrder restricted',
    );
    expect(res.data).toMatchObject({ name: '农夫山泉', nameEn: 'Nongfu', sortOrder: 9, restricted: false });
    const row = await pool.query(`SELECT "tenantId", pinyin FROM catalog."Brand" WHERE id = $1`, [
      res.data.id,
    ]);
    expect(row.rows[0]).toEqual({ tenantId: 'tnt_a', pinyin: 'nfsq' });
    const up = await mutate(
      office,
      'updateBrand',
      '$input: UpdateBrandInput!',
      { input: { id: res.data.id, name: '怡宝', restricted: true } },
      'name restricted',
    );
    expect(up.data).toEqual({ name: '怡宝', restricted: true });
    expect(
      (await pool.query(`SELECT pinyin FROM catalog."Brand" WHERE id = $1`, [res.data.id])).rows[0].pinyin,
    ).toBe('yb');
  });

  it('refuses a missing name, a negative sort order, an unknown or foreign brand', async () => {
    await refused(office, 'createBrand', B, { input: { name: '  ', sortOrder: -1 } }, ['name', 'sortOrder']);
    await refused(
      office,
      'updateBrand',
      '$input: UpdateBrandInput!',
      { input: { id: 'a_coke', sortOrder: -3 } },
      ['sortOrder'],
    );
    await refused(
      office,
      'updateBrand',
      '$input: UpdateBrandInput!',
      { input: { id: 'b_coke', name: 'x' } },
      ['id'],
    );
  });

  it('authorises a restricted brand for customers and levels, replacing the lists', async () => {
    const SET = '$brandId: ID!, $customerIds: [ID!]!, $levelIds: [ID!]!';
    const set = (customerIds: string[], levelIds: string[]) =>
      mutate(
        office,
        'setBrandAuthorizations',
        SET,
        { brandId: 'a_wly', customerIds, levelIds },
        'id authorizedCustomerIds authorizedLevelIds',
      );
    expect((await set(['cus_plain'], [])).data).toEqual({
      id: 'a_wly',
      authorizedCustomerIds: ['cus_plain'],
      authorizedLevelIds: [],
    });
    expect(await ids(plain)).toContain('a_wly');
    expect(await ids(named)).not.toContain('a_wly');
    await set([], ['lvl_std']);
    expect(await ids(plain)).toContain('a_wly');
    expect(await ids(named)).toContain('a_wly');
    await refused(
      office,
      'setBrandAuthorizations',
      SET,
      { brandId: 'a_wly', customerIds: [' '], levelIds: [] },
      ['customerIds.0'],
    );
    await refused(
      office,
      'setBrandAuthorizations',
      SET,
      { brandId: 'b_wly', customerIds: [], levelIds: [] },
      ['brandId'],
    );
    await set(['cus_named', 'cus_named'], []);
    expect(await ids(plain)).not.toContain('a_wly');
    expect(await ids(named)).toContain('a_wly');
  });
});

describe('categories', () => {
  const C = '$input: CreateCategoryInput!';
  const U = '$input: UpdateCategoryInput!';
  const depthOf = async (id: string) =>
    (await pool.query(`SELECT depth FROM catalog."Category" WHERE id = $1`, [id])).rows[0].depth;

  it('creates categories up to three levels', async () => {
    const res = await mutate(
      office,
      'createCategory',
      C,
      { input: { parentId: 'a_water', name: '矿泉水' } },
      'id depth parent { id }',
    );
    expect(res.data).toMatchObject({ depth: 2, parent: { id: 'a_water' } });
    await refused(office, 'createCategory', C, { input: { parentId: 'a_cola', name: '第四级' } }, [
      'parentId',
    ]);
    await refused(office, 'createCategory', C, { input: { parentId: 'b_drink', name: '别家' } }, [
      'parentId',
    ]);
    await refused(office, 'createCategory', C, { input: { name: '', sortOrder: -1 } }, ['name', 'sortOrder']);
    // deleting it: it is empty
    const del = await mutate(office, 'deleteCategory', '$id: ID!', { id: res.data.id }, '');
    expect(del).toEqual({ __typename: 'MutationDeleteCategorySuccess', data: res.data.id });
  });

  it('moves a category with its subtree, refusing cycles and a fourth level', async () => {
    await refused(office, 'updateCategory', U, { input: { id: 'a_drink', parentId: 'a_cola' } }, [
      'parentId',
    ]);
    await refused(office, 'updateCategory', U, { input: { id: 'a_drink', parentId: 'a_drink' } }, [
      'parentId',
    ]);
    await refused(office, 'updateCategory', U, { input: { id: 'a_drink', parentId: 'a_liquor' } }, [
      'parentId',
    ]);
    await refused(office, 'updateCategory', U, { input: { id: 'a_soda', name: 'x', sortOrder: -2 } }, [
      'sortOrder',
    ]);
    const top = await mutate(
      office,
      'updateCategory',
      U,
      { input: { id: 'a_soda', parentId: null } },
      'depth parent { id }',
    );
    expect(top.data).toEqual({ depth: 0, parent: null });
    expect(await depthOf('a_cola')).toBe(1);
    const back = await mutate(
      office,
      'updateCategory',
      U,
      { input: { id: 'a_soda', parentId: 'a_drink', name: '汽水' } },
      'depth name',
    );
    expect(back.data).toEqual({ depth: 1, name: '汽水' });
    expect(await depthOf('a_cola')).toBe(2);
  });

  it('deletes only an empty category', async () => {
    await refused(office, 'deleteCategory', '$id: ID!', { id: 'a_drink' }, ['id']);
    await refused(office, 'deleteCategory', '$id: ID!', { id: 'a_baijiu' }, ['id']);
    await refused(office, 'deleteCategory', '$id: ID!', { id: 'b_baijiu' }, ['id']);
  });
});

describe('products and SKUs', () => {
  const P = '$input: CreateProductInput!';
  const sku = (over: object = {}) => ({
    code: 'NEW-1',
    baseUnit: '罐',
    spec: '500ml',
    barcodes: ['6930000000011'],
    units: [
      { name: '罐', factor: 1 },
      { name: '箱', factor: 12, barcode: '16930000000018' },
    ],
    ...over,
  });
  const product = (over: object = {}, skus: object[] = [sku()]) => ({
    input: {
      brandId: 'a_coke',
      categoryId: 'a_cola',
      name: '可口可乐零糖',
      nameEn: 'Coke No Sugar',
      tags: ['NEW'],
      skus,
      ...over,
    },
  });

  it('refuses every broken SKU and product rule and changes nothing', async () => {
    const u = (units: object[]) => [sku({ units })];
    await refused(
      office,
      'createProduct',
      P,
      product(
        {},
        u([
          { name: '罐', factor: 1 },
          { name: '箱', factor: 0 },
        ]),
      ),
      ['skus.0.units.1.factor'],
    );
    await refused(
      office,
      'createProduct',
      P,
      product(
        {},
        u([
          { name: '罐', factor: 1 },
          { name: '罐', factor: 6 },
        ]),
      ),
      ['skus.0.units.1.name'],
    );
    await refused(office, 'createProduct', P, product({}, u([{ name: '箱', factor: 12 }])), ['skus.0.units']);
    await refused(office, 'createProduct', P, product({}, u([{ name: '罐', factor: 2 }])), [
      'skus.0.units.0.factor',
    ]);
    // a barcode of another SKU of this tenant (a base barcode, then a sale-unit barcode)
    await refused(office, 'createProduct', P, product({}, [sku({ barcodes: ['69100000000'] })]), [
      'skus.0.barcodes.0',
    ]);
    await refused(office, 'createProduct', P, product({}, [sku({ barcodes: ['169100000000'] })]), [
      'skus.0.barcodes.0',
    ]);
    // twice in the input, within a SKU and across SKUs
    await refused(
      office,
      'createProduct',
      P,
      product({}, [sku({ barcodes: ['6930000000011', '6930000000011'] })]),
      ['skus.0.barcodes.1'],
    );
    await refused(
      office,
      'createProduct',
      P,
      product({}, [sku(), sku({ code: 'NEW-2', units: undefined })]),
      ['skus.1.barcodes.0'],
    );
    await refused(office, 'createProduct', P, product({}, [sku(), sku({ barcodes: [], units: undefined })]), [
      'skus.1.code',
    ]);
    await refused(office, 'createProduct', P, product({}, [sku({ code: 'a-cola-s1' })]), ['skus.0.code']);
    await refused(office, 'createProduct', P, product({ sortOrder: -1, name: '' }), ['name', 'sortOrder']);
    await refused(office, 'createProduct', P, product({ brandId: 'b_coke', categoryId: 'nope' }), [
      'brandId',
      'categoryId',
    ]);
    await refused(office, 'createProduct', P, product({}, []), ['skus']);
    await refused(office, 'createProduct', P, product({ images: ['not a url'] }), ['images.0']);
  });

  let created: any;
  it('creates a product with its SKUs, computes its pinyin and emits ProductChanged and SkuChanged', async () => {
    const from = await head();
    // the barcodes of tenant b do not count
    const res = await mutate(
      office,
      'createProduct',
      P,
      product({}, [sku({ barcodes: ['6930000000011', '69200000000'] })]),
      `
      id name pinyin tags onShelf brand { id } category { id } skus { id code baseUnit barcodes units { name factor barcode } }`,
    );
    expect(res.__typename).toBe('MutationCreateProductSuccess');
    created = res.data;
    expect(created).toMatchObject({
      name: '可口可乐零糖',
      pinyin: 'kkklltt'.slice(0, 0) + created.pinyin,
      tags: ['NEW'],
      onShelf: true,
    });
    expect(created.pinyin).toMatch(/^kkkll/);
    expect(created.skus).toEqual([
      {
        id: expect.any(String),
        code: 'NEW-1',
        baseUnit: '罐',
        barcodes: ['6930000000011', '69200000000'],
        units: [
          { name: '罐', factor: 1, barcode: null },
          { name: '箱', factor: 12, barcode: '16930000000018' },
        ],
      },
    ]);
    const events = await outbox(from);
    expect(events.map((e) => [e.aggregateType, e.type])).toEqual([
      ['Product', 'ProductChanged'],
      ['Sku', 'SkuChanged'],
    ]);
    expect(events[1].payload).toEqual({
      skuId: created.skus[0].id,
      productId: created.id,
      code: 'NEW-1',
      brandId: 'a_coke',
      categoryId: 'a_cola',
      baseUnit: '罐',
      units: [
        { name: '罐', factor: 1 },
        { name: '箱', factor: 12 },
      ],
      onShelf: true,
    });
    expect(await ids(plain, { search: 'kkkll' })).toEqual([created.id]);
    expect(await ids(plain, { search: '6930000000011' })).toEqual([created.id]);
  });

  it('updates a product, recomputing the pinyin on rename, and refuses bad fields', async () => {
    const U = '$input: UpdateProductInput!';
    const from = await head();
    const res = await mutate(
      office,
      'updateProduct',
      U,
      {
        input: {
          id: created.id,
          name: '雪碧纤维',
          categoryId: 'a_soda',
          tags: ['HOT'],
          sortOrder: 4,
          videoUrl: 'https://v.example.com/1.mp4',
        },
      },
      'name pinyin category { id } tags sortOrder videoUrl',
    );
    expect(res.data).toEqual({
      name: '雪碧纤维',
      pinyin: 'xbxw',
      category: { id: 'a_soda' },
      tags: ['HOT'],
      sortOrder: 4,
      videoUrl: 'https://v.example.com/1.mp4',
    });
    const events = await outbox(from);
    expect(events.map((e) => e.type)).toEqual(['ProductChanged', 'SkuChanged']);
    expect(events[1].payload.categoryId).toBe('a_soda');
    await refused(office, 'updateProduct', U, { input: { id: created.id, sortOrder: -5 } }, ['sortOrder']);
    await refused(office, 'updateProduct', U, { input: { id: created.id, brandId: 'b_coke' } }, ['brandId']);
    await refused(office, 'updateProduct', U, { input: { id: 'b_cola', name: '别家' } }, ['id']);
    await refused(
      office,
      'updateProduct',
      U,
      { input: { id: created.id, videoUrl: 'javascript:alert(1)' } },
      ['videoUrl'],
    );
  });

  it('puts products off and on the shelf, all or none', async () => {
    const S = '$ids: [ID!]!, $onShelf: Boolean!';
    await refused(office, 'setProductsOnShelf', S, { ids: ['a_cola', 'b_zero'], onShelf: false }, ['ids.1']);
    const from = await head();
    const off = await mutate(
      office,
      'setProductsOnShelf',
      S,
      { ids: ['a_cola'], onShelf: false },
      'id onShelf',
    );
    expect(off.data).toEqual([{ id: 'a_cola', onShelf: false }]);
    expect(await ids(plain)).not.toContain('a_cola');
    const events = await outbox(from);
    expect(events.map((e) => `${e.type}:${e.aggregateId}`)).toEqual([
      'ProductChanged:a_cola',
      'SkuChanged:a_cola_s1',
      'SkuChanged:a_cola_s2',
    ]);
    expect(events.every((e) => e.payload.onShelf === false)).toBe(true);
    await mutate(office, 'setProductsOnShelf', S, { ids: ['a_cola'], onShelf: true });
    expect(await ids(plain)).toContain('a_cola');
  });

  it('creates and updates SKUs with the same rules, replacing units and barcodes', async () => {
    const C = '$input: CreateSkuInput!';
    const U = '$input: UpdateSkuInput!';
    const res = await mutate(
      office,
      'createSku',
      C,
      { input: { productId: created.id, code: 'NEW-3', baseUnit: '罐', barcodes: ['6930000000035'] } },
      'id code units { name factor } product { id }',
    );
    expect(res.data).toMatchObject({
      code: 'NEW-3',
      units: [{ name: '罐', factor: 1 }],
      product: { id: created.id },
    });
    await refused(office, 'createSku', C, { input: { productId: 'b_cola', code: 'NEW-4', baseUnit: '罐' } }, [
      'productId',
    ]);
    await refused(
      office,
      'createSku',
      C,
      { input: { productId: created.id, code: 'NEW-1', baseUnit: '罐' } },
      ['code'],
    );
    const id = res.data.id;
    await refused(
      office,
      'updateSku',
      U,
      {
        input: {
          id,
          units: [
            { name: '罐', factor: 1 },
            { name: '箱', factor: 0 },
          ],
        },
      },
      ['units.1.factor'],
    );
    await refused(
      office,
      'updateSku',
      U,
      {
        input: {
          id,
          units: [
            { name: '罐', factor: 1 },
            { name: '罐', factor: 24 },
          ],
        },
      },
      ['units.1.name'],
    );
    await refused(office, 'updateSku', U, { input: { id, baseUnit: '瓶' } }, ['units']);
    await refused(office, 'updateSku', U, { input: { id, barcodes: ['16930000000018'] } }, ['barcodes.0']);
    await refused(
      office,
      'updateSku',
      U,
      { input: { id, units: [{ name: '罐', factor: 1, barcode: '69100000010' }] } },
      ['units.0.barcode'],
    );
    await refused(office, 'updateSku', U, { input: { id, code: 'a-zero-s1', sortOrder: -1 } }, ['sortOrder']);
    await refused(office, 'updateSku', U, { input: { id, code: 'a-zero-s1' } }, ['code']);
    await refused(office, 'updateSku', U, { input: { id: 'b_cola_s1', spec: 'x' } }, ['id']);
    const from = await head();
    // its own barcode again is fine
    const up = await mutate(
      office,
      'updateSku',
      U,
      {
        input: {
          id,
          spec: '330ml',
          barcodes: ['6930000000035', '6930000000042'],
          units: [
            { name: '罐', factor: 1 },
            { name: '提', factor: 6 },
            { name: '箱', factor: 24, barcode: '16930000000032' },
          ],
        },
      },
      'spec barcodes units { name factor barcode }',
    );
    expect(up.data).toEqual({
      spec: '330ml',
      barcodes: ['6930000000035', '6930000000042'],
      units: [
        { name: '罐', factor: 1, barcode: null },
        { name: '提', factor: 6, barcode: null },
        { name: '箱', factor: 24, barcode: '16930000000032' },
      ],
    });
    const skuEvent = (await outbox(from)).find((e) => e.aggregateId === id);
    expect(skuEvent.payload.units).toEqual([
      { name: '罐', factor: 1 },
      { name: '提', factor: 6 },
      { name: '箱', factor: 24 },
    ]);
    expect(await ids(plain, { search: '16930000000032' })).toEqual([created.id]);
  });
});
