import { eventTablesSql, type RunningServer, startSubgraph } from '@wholesail/platform';
import {
  countStatements,
  createTestDatabase,
  gql,
  TEST_AUTH_SECRET,
  type TestDatabase,
} from '@wholesail/platform/testing';
import pg from 'pg';
import { database, inventory } from '../src/service';

let testDb: TestDatabase;
let server: RunningServer;

const north = { kind: 'customer' as const, tenantId: 'tnt_a', customerId: 'cus_north', customerUserId: 'u1' };
const main = { kind: 'customer' as const, tenantId: 'tnt_a', customerId: 'cus_main', customerUserId: 'u2' };
const office = { kind: 'staff' as const, tenantId: 'tnt_a', staffId: 's1', roles: ['OFFICE' as const] };
const skus = (ids: string[]) => ids.map((id) => ({ __typename: 'Sku', id }));
const STOCK = `query($r: [_Any!]!, $w: ID) { _entities(representations: $r) { ... on Sku { id
  stock(warehouseId: $w) { available level warehouse { id } } } } }`;

beforeAll(async () => {
  testDb = await createTestDatabase('inventory');
  const admin = new pg.Client({ connectionString: testDb.url });
  await admin.connect();
  await admin.query(eventTablesSql('crm')); // the outbox the consumer reads, if crm has none yet
  await admin.end();
  server = await startSubgraph(inventory, { databaseUrl: testDb.url, port: 0, authSecret: TEST_AUTH_SECRET });
  const raw = database.raw();
  for (const t of ['a', 'b']) {
    const tenantId = `tnt_${t}`;
    await raw.inventorySettings.create({
      data: { tenantId, defaultWarehouseId: 'wh_main', showExactStock: t === 'a', lowStockThreshold: 10 },
    });
    await raw.customerWarehouse.createMany({
      data: [
        { tenantId, customerId: 'cus_north', warehouseId: 'wh_north' },
        { tenantId, customerId: 'cus_main', warehouseId: 'wh_main' },
      ],
    });
    await raw.stock.createMany({
      data: [
        { tenantId, skuId: 'sku_1', warehouseId: 'wh_main', onHand: 100, reserved: 30, inTransit: 5 },
        { tenantId, skuId: 'sku_1', warehouseId: 'wh_north', onHand: 8, reserved: 0 },
        { tenantId, skuId: 'sku_2', warehouseId: 'wh_main', onHand: 4, reserved: 4 },
      ],
    });
  }
}, 60_000);

afterAll(async () => {
  await server?.close();
  await testDb?.drop();
});

describe('Sku.stock', () => {
  it("shows each customer its own warehouse's available stock", async () => {
    const a = await gql(server.url, STOCK, { r: skus(['sku_1', 'sku_2', 'sku_x']) }, main);
    expect(a.data._entities).toEqual([
      { id: 'sku_1', stock: { available: 70, level: 'IN_STOCK', warehouse: { id: 'wh_main' } } },
      { id: 'sku_2', stock: { available: 0, level: 'OUT', warehouse: { id: 'wh_main' } } },
      { id: 'sku_x', stock: { available: 0, level: 'OUT', warehouse: { id: 'wh_main' } } },
    ]);
    const b = await gql(server.url, STOCK, { r: skus(['sku_1']), w: 'wh_main' }, north);
    expect(b.data._entities[0].stock).toEqual({ available: 8, level: 'LOW', warehouse: { id: 'wh_north' } });
  });

  it('hides exact numbers from customers when the tenant says so, but not from staff', async () => {
    const c = await gql(server.url, STOCK, { r: skus(['sku_1']) }, { ...main, tenantId: 'tnt_b' });
    expect(c.data._entities[0].stock).toEqual({
      available: null,
      level: 'IN_STOCK',
      warehouse: { id: 'wh_main' },
    });
    const s = await gql(server.url, STOCK, { r: skus(['sku_1']) }, { ...office, tenantId: 'tnt_b' });
    expect(s.data._entities[0].stock.available).toBe(70);
  });

  it('gives staff on hand, reserved, in transit per warehouse; customers may not ask', async () => {
    const q = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Sku {
      stockByWarehouse { warehouse { id } onHand reserved inTransit available } } } }`;
    const s = await gql(server.url, q, { r: skus(['sku_1']) }, office);
    expect(s.data._entities[0].stockByWarehouse).toEqual([
      { warehouse: { id: 'wh_main' }, onHand: 100, reserved: 30, inTransit: 5, available: 70 },
      { warehouse: { id: 'wh_north' }, onHand: 8, reserved: 0, inTransit: 0, available: 8 },
    ]);
    const c = await gql(server.url, q, { r: skus(['sku_1']) }, main);
    expect(c.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const onHand = await gql(
      server.url,
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Sku { stock { onHand } } } }',
      { r: skus(['sku_1']) },
      main,
    );
    expect(onHand.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('costs the same number of SQL statements for 2 SKUs as for 80', async () => {
    const ids = Array.from({ length: 80 }, (_, i) => `sku_${i}`);
    // the fewest of three runs: the event consumer's background poll may land inside one
    const fewest = async (keys: string[]) => {
      let least = Number.POSITIVE_INFINITY;
      for (let i = 0; i < 3; i++)
        least = Math.min(
          least,
          (await countStatements(() => gql(server.url, STOCK, { r: skus(keys) }, main))).statements,
        );
      return least;
    };
    expect(await fewest(ids)).toBe(await fewest(ids.slice(0, 2)));
  });
});

describe('inventory settings', () => {
  const UPDATE =
    'mutation($i: InventorySettingsInput!) { updateInventorySettings(input: $i) { showExactStock lowStockThreshold } }';

  it('lets boss or office switch exact stock off, and customers then see levels only', async () => {
    const boss = { kind: 'staff' as const, tenantId: 'tnt_a', staffId: 'b', roles: ['BOSS' as const] };
    const res = await gql(server.url, UPDATE, { i: { showExactStock: false, lowStockThreshold: 80 } }, boss);
    expect(res.data.updateInventorySettings).toEqual({ showExactStock: false, lowStockThreshold: 80 });
    const seen = await gql(server.url, STOCK, { r: skus(['sku_1']) }, main);
    expect(seen.data._entities[0].stock).toEqual({
      available: null,
      level: 'LOW',
      warehouse: { id: 'wh_main' },
    });
    await gql(server.url, UPDATE, { i: { showExactStock: true, lowStockThreshold: 10 } }, boss);
  });

  it('refuses other roles and bad thresholds, changing nothing', async () => {
    const picker = { kind: 'staff' as const, tenantId: 'tnt_a', staffId: 'p', roles: ['PICKER' as const] };
    expect(
      (await gql(server.url, UPDATE, { i: { showExactStock: false } }, picker)).errors?.[0]?.extensions?.code,
    ).toBe('FORBIDDEN');
    const bad = await gql(server.url, UPDATE, { i: { lowStockThreshold: -1 } }, office);
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const now = await gql(
      server.url,
      '{ inventorySettings { showExactStock lowStockThreshold } }',
      {},
      office,
    );
    expect(now.data.inventorySettings).toEqual({ showExactStock: true, lowStockThreshold: 10 });
  });
});
