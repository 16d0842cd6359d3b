import {
  appendEvents,
  eventTablesSql,
  pgTransactionalDb,
  type RunningSubgraph,
  startSubgraph,
} from '@wholesail/platform';
import { createTestDatabase, gql, TEST_AUTH_SECRET, type TestDatabase } from '@wholesail/platform/testing';
import pg from 'pg';
import { database, pricing } from '../src/service';

let testDb: TestDatabase;
let server: RunningSubgraph;
let pool: pg.Pool;

const office = { kind: 'staff' as const, tenantId: 'tnt_a', staffId: 's1', roles: ['OFFICE' as const] };
const boss = { kind: 'staff' as const, tenantId: 'tnt_a', staffId: 's0', roles: ['BOSS' as const] };
const bossB = { ...boss, tenantId: 'tnt_b' };
const rep = { kind: 'staff' as const, tenantId: 'tnt_a', staffId: 's2', roles: ['REP' as const] };
const store1 = { kind: 'customer' as const, tenantId: 'tnt_a', customerId: 'cus_1', customerUserId: 'u1' };

const units = [
  { name: '瓶', factor: 1 },
  { name: '箱', factor: 24 },
];

/** Appends events to another subgraph's outbox, as that subgraph would. */
async function emit(
  source: string,
  tenantId: string,
  events: { type: string; id: string; payload: unknown }[],
) {
  await pgTransactionalDb(pool).$transaction((tx) =>
    appendEvents(
      tx,
      source,
      events.map((e) => ({
        tenantId,
        aggregateType: e.type.replace('Changed', ''),
        aggregateId: e.id,
        type: e.type,
        payload: e.payload,
      })),
    ),
  );
}

const sku = (skuId: string, code: string, extra: object = {}) => ({
  type: 'SkuChanged',
  id: skuId,
  payload: {
    skuId,
    productId: `prd_${skuId}`,
    code,
    brandId: 'b1',
    categoryId: 'c1',
    baseUnit: '瓶',
    units,
    onShelf: true,
    ...extra,
  },
});
const customer = (customerId: string, code: string, levelId: string, ownerRepId: string | null = 's2') => ({
  type: 'CustomerChanged',
  id: customerId,
  payload: {
    customerId,
    code,
    name: `店 ${code}`,
    levelId,
    warehouseId: null,
    routeId: null,
    ownerRepId,
    status: 'ACTIVE',
  },
});
const level = (levelId: string, code: string, rank: number) => ({
  type: 'CustomerLevelChanged',
  id: levelId,
  payload: { levelId, code, name: `等级 ${code}`, rank },
});

async function outbox() {
  const { rows } = await pool.query(
    `SELECT "tenantId", "type", "aggregateType", "aggregateId", "payload" FROM pricing."OutboxEvent" ORDER BY "position"`,
  );
  return rows;
}

/** Every price row of both tenants, to prove a refused change changed nothing. */
async function snapshot() {
  const q = (t: string) => pool.query(`SELECT * FROM pricing."${t}" ORDER BY 1`).then((r) => r.rows);
  return {
    sku: await q('SkuPrice'),
    level: await q('LevelPrice'),
    customer: await q('CustomerPrice'),
    tiers: await q('VolumeTier'),
    settings: await q('PricingSettings'),
    events: await outbox(),
  };
}

beforeAll(async () => {
  testDb = await createTestDatabase('pricingadmin');
  pool = new pg.Pool({ connectionString: testDb.url, max: 2 });
  // The producers' outboxes (their own migrations create them once they emit).
  await pool.query(eventTablesSql('crm'));
  await pool.query(eventTablesSql('catalog'));
  server = await startSubgraph(pricing, { databaseUrl: testDb.url, port: 0, authSecret: TEST_AUTH_SECRET });
  for (const t of ['tnt_a', 'tnt_b']) {
    await emit('crm', t, [level('lvl_a', 'A', 1), level('lvl_b', 'B', 2)]);
    await emit('crm', t, [customer('cus_1', 'S001', 'lvl_a'), customer('cus_2', 'S002', 'lvl_b', 's9')]);
    await emit('catalog', t, [sku('sku_1', 'SP0001'), sku('sku_2', 'SP0002'), sku('sku_3', 'SP0003')]);
  }
  // tenant b only: a customer code tenant a does not have
  await emit('crm', 'tnt_b', [customer('cus_b', 'SB01', 'lvl_a')]);
  await server.drained();
}, 60_000);

afterAll(async () => {
  await server?.close();
  await pool?.end();
  await testDb?.drop();
});

const SET_SKU = `mutation($input: SkuPriceInput!) { setSkuPrice(input: $input) { __typename
  ... on MutationSetSkuPriceSuccess { data { skuId unit wholesale { amount } retail { amount } } }
  ... on ValidationError { message problems { field message } } } }`;
const SET_LEVEL = `mutation($input: LevelPriceInput!) { setLevelPrice(input: $input) { __typename
  ... on MutationSetLevelPriceSuccess { data { skuId levelId unit price { amount } } }
  ... on ValidationError { problems { field message } } } }`;
const SET_CUSTOMER = `mutation($input: CustomerPriceInput!) { setCustomerPrice(input: $input) { __typename
  ... on MutationSetCustomerPriceSuccess { data { customerId skuId unit price { amount } } }
  ... on ValidationError { problems { field message } } } }`;
const SET_TIERS = `mutation($input: SetVolumeTiersInput!) { setVolumeTiers(input: $input) { __typename
  ... on MutationSetVolumeTiersSuccess { data { unit minQuantity price { amount } } }
  ... on ValidationError { problems { field message } } } }`;
const PRICE = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Sku { price { amount source } } } }`;
const skuRep = (id: string) => ({ __typename: 'Sku', id, baseUnit: '瓶', units });

describe('projections from crm and catalog events', () => {
  it('keeps SKU codes and units, customers (level, code, owner rep) and levels', async () => {
    const raw = database.raw();
    expect(await raw.skuRef.findFirst({ where: { tenantId: 'tnt_a', skuId: 'sku_1' } })).toMatchObject({
      code: 'SP0001',
      baseUnit: '瓶',
      unitNames: ['瓶', '箱'],
      unitFactors: [1, 24],
      onShelf: true,
    });
    expect(
      await raw.customerPriceProfile.findFirst({ where: { tenantId: 'tnt_a', customerId: 'cus_1' } }),
    ).toMatchObject({ levelId: 'lvl_a', code: 'S001', ownerRepId: 's2', status: 'ACTIVE' });
    expect(await raw.priceLevel.count({ where: { tenantId: 'tnt_a' } })).toBe(2);
    expect(await raw.customerPriceProfile.count({ where: { tenantId: 'tnt_a' } })).toBe(2);
  });

  it('applies a newer change over an older one, and skips payloads it does not understand', async () => {
    await emit('crm', 'tnt_a', [
      customer('cus_2', 'S002', 'lvl_a', 's9'),
      { type: 'CustomerChanged', id: 'x', payload: { nonsense: 1 } },
    ]);
    await emit('catalog', 'tnt_a', [
      sku('sku_3', 'SP0003', {
        units: [
          { name: '瓶', factor: 1 },
          { name: '提', factor: 6 },
        ],
      }),
    ]);
    await server.drained();
    const raw = database.raw();
    expect(
      (await raw.customerPriceProfile.findFirst({ where: { tenantId: 'tnt_a', customerId: 'cus_2' } }))
        ?.levelId,
    ).toBe('lvl_a');
    expect(
      (await raw.customerPriceProfile.findFirst({ where: { tenantId: 'tnt_b', customerId: 'cus_2' } }))
        ?.levelId,
    ).toBe('lvl_b');
    expect(await raw.skuRef.findFirst({ where: { tenantId: 'tnt_a', skuId: 'sku_3' } })).toMatchObject({
      unitNames: ['瓶', '提'],
      unitFactors: [1, 6],
    });
    expect(await raw.customerPriceProfile.count({ where: { tenantId: 'tnt_a' } })).toBe(2);
  });
});

describe('base wholesale and retail prices', () => {
  it('sets a unit price and emits SkuPriceChanged with it in the same transaction', async () => {
    const before = (await outbox()).length;
    const res = await gql(
      server.url,
      SET_SKU,
      { input: { skuId: 'sku_1', unit: '瓶', wholesale: '3', retail: '4.5' } },
      office,
    );
    expect(res.data.setSkuPrice).toEqual({
      __typename: 'MutationSetSkuPriceSuccess',
      data: { skuId: 'sku_1', unit: '瓶', wholesale: { amount: '3.00' }, retail: { amount: '4.50' } },
    });
    const events = (await outbox()).slice(before);
    expect(events).toEqual([
      {
        tenantId: 'tnt_a',
        type: 'SkuPriceChanged',
        aggregateType: 'Sku',
        aggregateId: 'sku_1',
        payload: { skuId: 'sku_1', wholesaleMinor: '300', retailMinor: '450' },
      },
    ]);
    // the customer sees it
    const price = await gql(server.url, PRICE, { r: [skuRep('sku_1')] }, store1);
    expect(price.data._entities[0].price).toEqual({ amount: '3.00', source: 'WHOLESALE' });
  });

  it('emits nothing for an unchanged price or a box price, which is its own price', async () => {
    const before = (await outbox()).length;
    await gql(
      server.url,
      SET_SKU,
      { input: { skuId: 'sku_1', unit: '瓶', wholesale: '3.00', retail: '4.50' } },
      boss,
    );
    const box = await gql(
      server.url,
      SET_SKU,
      { input: { skuId: 'sku_1', unit: '箱', wholesale: '68', retail: '99' } },
      boss,
    );
    expect(box.data.setSkuPrice.__typename).toBe('MutationSetSkuPriceSuccess');
    expect((await outbox()).length).toBe(before);
    const q = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Sku { price(unit: "箱") { amount source } } } }`;
    const price = await gql(server.url, q, { r: [skuRep('sku_1')] }, store1);
    expect(price.data._entities[0].price).toEqual({ amount: '68.00', source: 'WHOLESALE' });
    const removed = await gql(
      server.url,
      `mutation { removeSkuPrice(skuId: "sku_1", unit: "箱") { __typename ... on MutationRemoveSkuPriceSuccess { data { unit } } } }`,
      {},
      boss,
    );
    expect(removed.data.removeSkuPrice.data).toEqual([{ unit: '瓶' }]);
    const after = await gql(server.url, q, { r: [skuRep('sku_1')] }, store1);
    expect(after.data._entities[0].price).toEqual({ amount: '72.00', source: 'WHOLESALE' });
  });

  it.each([
    ['a negative price', { wholesale: '-1', retail: '4' }, 'wholesale'],
    ['more than two decimals', { wholesale: '3', retail: '4.555' }, 'retail'],
    ['a unit the SKU is not sold in', { unit: '吨', wholesale: '3', retail: '4' }, 'unit'],
    ['an unknown SKU', { skuId: 'sku_nope', wholesale: '3', retail: '4' }, 'skuId'],
  ])('refuses %s with a typed error and changes nothing', async (_label, change, field) => {
    const before = await snapshot();
    const input = { skuId: 'sku_1', unit: '瓶', ...change };
    const res = await gql(server.url, SET_SKU, { input }, office);
    expect(res.data.setSkuPrice.__typename).toBe('ValidationError');
    expect(res.data.setSkuPrice.problems.map((p: { field: string }) => p.field)).toContain(field);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a non-decimal amount at the door, and every problem at once', async () => {
    const before = await snapshot();
    const bad = await gql(
      server.url,
      SET_SKU,
      { input: { skuId: 'sku_1', unit: '瓶', wholesale: 'abc', retail: '4' } },
      office,
    );
    expect(bad.errors?.[0]?.message).toMatch(/Decimal/);
    const many = await gql(
      server.url,
      SET_SKU,
      { input: { skuId: 'sku_1', unit: '吨', wholesale: '-2', retail: '1.001' } },
      office,
    );
    expect(many.data.setSkuPrice.problems.map((p: { field: string }) => p.field).sort()).toEqual([
      'retail',
      'unit',
      'wholesale',
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it('is for boss and office only', async () => {
    const input = { skuId: 'sku_1', unit: '瓶', wholesale: '1', retail: '2' };
    for (const viewer of [rep, store1]) {
      const res = await gql(server.url, SET_SKU, { input }, viewer);
      expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const res = await gql(
      server.url,
      `{ skuPrices(skuId: "sku_1") { unit wholesale { amount } } }`,
      {},
      office,
    );
    expect(res.data.skuPrices).toEqual([{ unit: '瓶', wholesale: { amount: '3.00' } }]);
  });
});

describe('level and customer prices', () => {
  it('sets a level price the level customers then pay; refuses an unknown level or unit', async () => {
    const ok = await gql(
      server.url,
      SET_LEVEL,
      { input: { skuId: 'sku_1', levelId: 'lvl_a', unit: '瓶', price: '2.8' } },
      office,
    );
    expect(ok.data.setLevelPrice.data).toEqual({
      skuId: 'sku_1',
      levelId: 'lvl_a',
      unit: '瓶',
      price: { amount: '2.80' },
    });
    const price = await gql(server.url, PRICE, { r: [skuRep('sku_1')] }, store1);
    expect(price.data._entities[0].price).toEqual({ amount: '2.80', source: 'LEVEL' });
    const before = await snapshot();
    const unknown = await gql(
      server.url,
      SET_LEVEL,
      { input: { skuId: 'sku_1', levelId: 'lvl_x', unit: '提', price: '2' } },
      office,
    );
    expect(unknown.data.setLevelPrice.problems.map((p: { field: string }) => p.field).sort()).toEqual([
      'levelId',
      'unit',
    ]);
    const negative = await gql(
      server.url,
      SET_LEVEL,
      { input: { skuId: 'sku_1', levelId: 'lvl_a', unit: '瓶', price: '-0.01' } },
      office,
    );
    expect(negative.data.setLevelPrice.problems[0].field).toBe('price');
    expect(await snapshot()).toEqual(before);
    const listed = await gql(
      server.url,
      `{ levelPrices(levelId: "lvl_a") { skuId unit price { amount } } }`,
      {},
      office,
    );
    expect(listed.data.levelPrices).toEqual([{ skuId: 'sku_1', unit: '瓶', price: { amount: '2.80' } }]);
  });

  it('sets and removes a customer price with CustomerPriceChanged; refuses an unknown customer', async () => {
    const start = (await outbox()).length;
    const ok = await gql(
      server.url,
      SET_CUSTOMER,
      { input: { customerId: 'cus_1', skuId: 'sku_1', unit: '瓶', price: '2.50' } },
      office,
    );
    expect(ok.data.setCustomerPrice.data).toEqual({
      customerId: 'cus_1',
      skuId: 'sku_1',
      unit: '瓶',
      price: { amount: '2.50' },
    });
    expect((await gql(server.url, PRICE, { r: [skuRep('sku_1')] }, store1)).data._entities[0].price).toEqual({
      amount: '2.50',
      source: 'CUSTOMER',
    });
    const before = await snapshot();
    const unknown = await gql(
      server.url,
      SET_CUSTOMER,
      { input: { customerId: 'cus_b', skuId: 'sku_1', unit: '瓶', price: '2' } },
      office,
    );
    expect(unknown.data.setCustomerPrice.problems).toEqual([
      { field: 'customerId', message: expect.any(String) },
    ]);
    expect(await snapshot()).toEqual(before);
    const removed = await gql(
      server.url,
      `mutation { removeCustomerPrice(customerId: "cus_1", skuId: "sku_1", unit: "瓶") { ... on MutationRemoveCustomerPriceSuccess { data } } }`,
      {},
      office,
    );
    expect(removed.data.removeCustomerPrice.data).toBe(true);
    expect(
      (await gql(server.url, PRICE, { r: [skuRep('sku_1')] }, store1)).data._entities[0].price.source,
    ).toBe('LEVEL');
    const events = (await outbox()).slice(start).map((e) => [e.type, e.aggregateId, e.payload.priceMinor]);
    expect(events).toEqual([
      ['CustomerPriceChanged', 'cus_1', '250'],
      ['CustomerPriceChanged', 'cus_1', null],
    ]);
  });

  it('keeps tenants apart: tenant b prices its own sku_1 and cannot price tenant a customers', async () => {
    const b = await gql(
      server.url,
      SET_SKU,
      { input: { skuId: 'sku_1', unit: '瓶', wholesale: '9', retail: '12' } },
      bossB,
    );
    expect(b.data.setSkuPrice.__typename).toBe('MutationSetSkuPriceSuccess');
    const a = await gql(
      server.url,
      `{ skuPrices(skuId: "sku_1") { unit wholesale { amount } } }`,
      {},
      office,
    );
    expect(a.data.skuPrices).toEqual([{ unit: '瓶', wholesale: { amount: '3.00' } }]);
    // cus_b exists in tenant b only; tenant a's office cannot see it (above), tenant b can price it
    const ok = await gql(
      server.url,
      SET_CUSTOMER,
      { input: { customerId: 'cus_b', skuId: 'sku_1', unit: '瓶', price: '8' } },
      bossB,
    );
    expect(ok.data.setCustomerPrice.__typename).toBe('MutationSetCustomerPriceSuccess');
    const listA = await gql(server.url, `{ customerPrices { customerId } }`, {}, office);
    expect(listA.data.customerPrices).toEqual([]);
  });
});

describe('volume tiers', () => {
  it('replaces the tiers of a unit, sorted, and clears them with an empty list', async () => {
    const res = await gql(
      server.url,
      SET_TIERS,
      {
        input: {
          skuId: 'sku_1',
          unit: '瓶',
          tiers: [
            { minQuantity: 48, price: '2.70' },
            { minQuantity: 120, price: '2.60' },
          ],
        },
      },
      office,
    );
    expect(res.data.setVolumeTiers.data).toEqual([
      { unit: '瓶', minQuantity: 48, price: { amount: '2.70' } },
      { unit: '瓶', minQuantity: 120, price: { amount: '2.60' } },
    ]);
    const q = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Sku { price(quantity: 130) { amount source } } } }`;
    expect((await gql(server.url, q, { r: [skuRep('sku_1')] }, store1)).data._entities[0].price).toEqual({
      amount: '2.60',
      source: 'VOLUME_TIER',
    });
    const cleared = await gql(
      server.url,
      SET_TIERS,
      { input: { skuId: 'sku_2', unit: '瓶', tiers: [] } },
      office,
    );
    expect(cleared.data.setVolumeTiers.data).toEqual([]);
  });

  it.each([
    [
      'duplicate breaks',
      [
        { minQuantity: 10, price: '1' },
        { minQuantity: 10, price: '0.9' },
      ],
      'tiers.1.minQuantity',
    ],
    [
      'descending breaks',
      [
        { minQuantity: 20, price: '1' },
        { minQuantity: 10, price: '0.9' },
      ],
      'tiers.1.minQuantity',
    ],
    ['a break of zero', [{ minQuantity: 0, price: '1' }], 'tiers.0.minQuantity'],
    ['a zero price', [{ minQuantity: 10, price: '0' }], 'tiers.0.price'],
    ['a negative price', [{ minQuantity: 10, price: '-1' }], 'tiers.0.price'],
    ['three decimals', [{ minQuantity: 10, price: '1.234' }], 'tiers.0.price'],
  ])('refuses %s and keeps the tiers', async (_label, tiers, field) => {
    const before = await snapshot();
    const res = await gql(server.url, SET_TIERS, { input: { skuId: 'sku_1', unit: '瓶', tiers } }, office);
    expect(res.data.setVolumeTiers.__typename).toBe('ValidationError');
    expect(res.data.setVolumeTiers.problems.map((p: { field: string }) => p.field)).toContain(field);
    expect(await snapshot()).toEqual(before);
  });
});

describe('pricing settings', () => {
  it('switches last-price tracking', async () => {
    const m = `mutation($v: Boolean) { updatePricingSettings(input: { trackLastPrice: $v }) {
      ... on MutationUpdatePricingSettingsSuccess { data { trackLastPrice } } } }`;
    expect(
      (await gql(server.url, `{ pricingSettings { trackLastPrice } }`, {}, office)).data.pricingSettings,
    ).toEqual({
      trackLastPrice: false,
    });
    const on = await gql(server.url, m, { v: true }, boss);
    expect(on.data.updatePricingSettings.data).toEqual({ trackLastPrice: true });
    const b = await gql(server.url, `{ pricingSettings { trackLastPrice } }`, {}, bossB);
    expect(b.data.pricingSettings.trackLastPrice).toBe(false);
    expect((await gql(server.url, m, { v: true }, rep)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    await gql(server.url, m, { v: false }, boss);
  });
});

const IMPORT_LEVEL = `mutation($csv: String!) { importLevelPrices(csv: $csv) { __typename
  ... on MutationImportLevelPricesSuccess { data { created updated unchanged } }
  ... on ImportRejected { message rows { line field message } } } }`;
const IMPORT_CUSTOMER = `mutation($csv: String!) { importCustomerPrices(csv: $csv) { __typename
  ... on MutationImportCustomerPricesSuccess { data { created updated unchanged } }
  ... on ImportRejected { message rows { line field message } } } }`;

describe('CSV import and export', () => {
  it('reports every bad row by line and imports nothing', async () => {
    const before = await snapshot();
    const csv = [
      '\uFEFFsku_code,unit,level_code,price',
      'SP0001,瓶,A,2.75', // 2: good
      'SP9999,瓶,A,1.00', // 3: unknown sku
      'SP0001,吨,A,1.00', // 4: unknown unit
      'SP0002,瓶,Z,1.00', // 5: unknown level
      'SP0002,瓶,A,-1', // 6: negative
      'SP0002,箱,A,abc', // 7: not a number
      'SP0001,瓶,A,2.70', // 8: duplicate of line 2
      'SP0003,瓶,B', // 9: missing price
      '',
      'SP0003,瓶,B,1.005', // 11: three decimals (after an empty line)
    ].join('\r\n');
    const res = await gql(server.url, IMPORT_LEVEL, { csv }, office);
    expect(res.data.importLevelPrices.__typename).toBe('ImportRejected');
    expect(
      res.data.importLevelPrices.rows.map((r: { line: number; field: string }) => [r.line, r.field]),
    ).toEqual([
      [3, 'sku_code'],
      [4, 'unit'],
      [5, 'level_code'],
      [6, 'price'],
      [7, 'price'],
      [8, 'sku_code'],
      [9, 'price'],
      [11, 'price'],
    ]);
    expect(res.data.importLevelPrices.rows[5].message).toMatch(/line 2/);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a file without the needed columns, naming each', async () => {
    const res = await gql(server.url, IMPORT_CUSTOMER, { csv: 'sku_code,price\nSP0001,1.00\n' }, office);
    expect(res.data.importCustomerPrices.rows).toEqual([
      { line: 1, field: 'unit', message: expect.any(String) },
      { line: 1, field: 'customer_code', message: expect.any(String) },
    ]);
    const empty = await gql(server.url, IMPORT_CUSTOMER, { csv: '' }, office);
    expect(empty.data.importCustomerPrices.__typename).toBe('ImportRejected');
    const forbidden = await gql(server.url, IMPORT_CUSTOMER, { csv: 'x' }, rep);
    expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('imports a good file in one go with counts, and exports what imports back unchanged', async () => {
    // lvl_a has SP0001/瓶 at 2.80 already
    const csv =
      'sku_code,unit,level_code,price\r\nSP0001,瓶,A,2.80\r\nSP0002,瓶,A,4.6\r\nSP0002,箱,B,100\r\nSP0001,瓶,B,2.9\r\n';
    const res = await gql(server.url, IMPORT_LEVEL, { csv }, office);
    expect(res.data.importLevelPrices.data).toEqual({ created: 3, updated: 0, unchanged: 1 });
    const again = await gql(server.url, IMPORT_LEVEL, { csv: csv.replace('2.9', '2.95') }, office);
    expect(again.data.importLevelPrices.data).toEqual({ created: 0, updated: 1, unchanged: 3 });

    const exported = await gql(server.url, `{ exportLevelPrices }`, {}, office);
    expect(exported.data.exportLevelPrices).toBe(
      'sku_code,unit,level_code,price\nSP0001,瓶,A,2.80\nSP0001,瓶,B,2.95\nSP0002,瓶,A,4.60\nSP0002,箱,B,100.00\n',
    );
    const one = await gql(server.url, `{ exportLevelPrices(levelId: "lvl_b") }`, {}, office);
    expect(one.data.exportLevelPrices.split('\n').filter(Boolean)).toHaveLength(3);
    const round = await gql(server.url, IMPORT_LEVEL, { csv: exported.data.exportLevelPrices }, office);
    expect(round.data.importLevelPrices.data).toEqual({ created: 0, updated: 0, unchanged: 4 });
    // other tenant untouched
    expect((await gql(server.url, `{ exportLevelPrices }`, {}, bossB)).data.exportLevelPrices).toBe(
      'sku_code,unit,level_code,price\n',
    );
  });

  it('imports customer prices with CustomerPriceChanged per changed row, and round-trips them', async () => {
    const start = (await outbox()).length;
    const csv = 'customer_code,sku_code,unit,price\nS001,SP0001,瓶,2.40\nS002,SP0002,箱,"98.50"\n';
    const res = await gql(server.url, IMPORT_CUSTOMER, { csv }, office);
    expect(res.data.importCustomerPrices.data).toEqual({ created: 2, updated: 0, unchanged: 0 });
    const events = (await outbox()).slice(start);
    expect(events.map((e) => [e.type, e.payload])).toEqual([
      ['CustomerPriceChanged', { customerId: 'cus_1', skuId: 'sku_1', unit: '瓶', priceMinor: '240' }],
      ['CustomerPriceChanged', { customerId: 'cus_2', skuId: 'sku_2', unit: '箱', priceMinor: '9850' }],
    ]);
    expect((await gql(server.url, PRICE, { r: [skuRep('sku_1')] }, store1)).data._entities[0].price).toEqual({
      amount: '2.40',
      source: 'CUSTOMER',
    });
    const exported = await gql(server.url, `{ exportCustomerPrices(customerId: "cus_1") }`, {}, office);
    expect(exported.data.exportCustomerPrices).toBe(
      'sku_code,unit,customer_code,price\nSP0001,瓶,S001,2.40\n',
    );
    const all = await gql(server.url, `{ exportCustomerPrices }`, {}, office);
    const round = await gql(server.url, IMPORT_CUSTOMER, { csv: all.data.exportCustomerPrices }, office);
    expect(round.data.importCustomerPrices.data).toEqual({ created: 0, updated: 0, unchanged: 2 });
    expect((await outbox()).length).toBe(start + 2);
    // a customer code of tenant b is unknown in tenant a
    const other = await gql(
      server.url,
      IMPORT_CUSTOMER,
      { csv: 'sku_code,unit,customer_code,price\nSP0001,瓶,SB01,1\n' },
      office,
    );
    expect(other.data.importCustomerPrices.rows).toEqual([
      { line: 2, field: 'customer_code', message: expect.any(String) },
    ]);
  });
});
