import {
  appendEvents,
  eventTablesSql,
  type NewEvent,
  pgTransactionalDb,
  type RunningSubgraph,
  startSubgraph,
} from '@wholesail/platform';
import { createTestDatabase, gql, TEST_AUTH_SECRET, type TestDatabase } from '@wholesail/platform/testing';
import pg from 'pg';
import { catalog, database } from '../src/service';
import { seedCatalog, viewers } from './fixture';

let testDb: TestDatabase;
let server: RunningSubgraph;
let pool: pg.Pool;
const { plain, office } = viewers();

beforeAll(async () => {
  testDb = await createTestDatabase('catalogprojections');
  pool = new pg.Pool({ connectionString: testDb.url });
  // the source outboxes (their migrations may not be there yet): CREATE IF NOT EXISTS
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

async function send(source: string, events: (Omit<NewEvent, 'tenantId'> & { tenantId?: string })[]) {
  await pgTransactionalDb(pool).$transaction((tx) =>
    appendEvents(
      tx,
      source,
      events.map((e) => ({ tenantId: 'tnt_a', version: 1, ...e })),
    ),
  );
  await server.drained();
}

const list = async (viewer: any, f: object = {}, s = 'DEFAULT') =>
  (
    await gql(
      server.url,
      'query($f: ProductFilter, $s: ProductSort) { products(first: 50, filter: $f, sort: $s) { edges { node { id } } } }',
      { f, s },
      viewer,
    )
  ).data.products.edges.map((e: any) => e.node.id.slice(2));

const customerChanged = (
  customerId: string,
  levelId: string | null,
  warehouseId: string | null,
  tenantId = 'tnt_a',
) => ({
  tenantId,
  aggregateType: 'Customer',
  aggregateId: customerId,
  type: 'CustomerChanged',
  payload: { customerId, levelId, warehouseId, routeId: null, status: 'ACTIVE' },
});

describe('CustomerProfile from crm CustomerChanged', () => {
  it('follows the level (brand authorisation) and the warehouse (in stock), idempotently', async () => {
    expect(await list(plain)).not.toContain('moutai');
    await send('crm', [customerChanged('cus_plain', 'lvl_vip', 'wh_north')]);
    expect(await list(plain)).toContain('moutai');
    expect(await list(plain, { inStock: true })).toEqual(['zero', 'pepsi']);
    // the same event again changes nothing; another tenant's event does not reach tenant a
    await send('crm', [
      customerChanged('cus_plain', 'lvl_vip', 'wh_north'),
      customerChanged('cus_plain', 'lvl_std', 'wh_main', 'tnt_b'),
    ]);
    expect(await list(plain)).toContain('moutai');
    const rows = await pool.query(
      `SELECT "tenantId", "levelId", "warehouseId" FROM catalog."CustomerProfile" WHERE "customerId" = 'cus_plain' ORDER BY 1`,
    );
    expect(rows.rows).toEqual([
      { tenantId: 'tnt_a', levelId: 'lvl_vip', warehouseId: 'wh_north' },
      { tenantId: 'tnt_b', levelId: 'lvl_std', warehouseId: 'wh_main' },
    ]);
    await send('crm', [customerChanged('cus_plain', 'lvl_std', 'wh_main')]);
    expect(await list(plain)).not.toContain('moutai');
    // a customer crm just created
    await send('crm', [customerChanged('cus_new', 'lvl_vip', 'wh_main')]);
    const fresh = { ...plain, customerId: 'cus_new', customerUserId: 'cu_new' };
    expect(await list(fresh)).toContain('moutai');
  });
});

describe('SkuStock from inventory StockChanged', () => {
  const stockChanged = (skuId: string, warehouseId: string, available: number) => ({
    aggregateType: 'Sku',
    aggregateId: skuId,
    type: 'StockChanged',
    payload: { skuId, warehouseId, onHand: available, reserved: 0, inTransit: 0, available },
  });
  it('keeps the in-stock filter true to the last event', async () => {
    expect(await list(plain, { inStock: true })).toEqual(['water', 'cola']);
    await send('inventory', [
      stockChanged('a_zero_s1', 'wh_main', 4),
      stockChanged('a_water_s1', 'wh_main', 0),
    ]);
    expect(await list(plain, { inStock: true })).toEqual(['cola', 'zero']);
    await send('inventory', [stockChanged('a_zero_s1', 'wh_main', 4)]);
    expect(await list(plain, { inStock: true })).toEqual(['cola', 'zero']);
    await send('inventory', [
      stockChanged('a_water_s1', 'wh_main', 2),
      stockChanged('a_zero_s1', 'wh_main', 0),
    ]);
    expect(await list(plain, { inStock: true })).toEqual(['water', 'cola']);
  });
});

describe('prices from pricing SkuPriceChanged', () => {
  const priceChanged = (skuId: string, wholesaleMinor: string | null) => ({
    aggregateType: 'Sku',
    aggregateId: skuId,
    type: 'SkuPriceChanged',
    payload: { skuId, wholesaleMinor, retailMinor: null },
  });
  it('sorts by the lowest SKU wholesale price as it changes', async () => {
    expect(await list(plain, {}, 'PRICE_ASC')).toEqual(['water', 'cola', 'pepsi', 'zero']);
    // water dearer; cola's cheaper SKU loses its price, so cola's lowest is 300
    await send('pricing', [priceChanged('a_water_s1', '5000'), priceChanged('a_cola_s2', null)]);
    expect(await list(plain, {}, 'PRICE_ASC')).toEqual(['pepsi', 'zero', 'cola', 'water']);
    await send('pricing', [priceChanged('a_water_s1', '5000')]);
    expect(await list(plain, {}, 'PRICE_ASC')).toEqual(['pepsi', 'zero', 'cola', 'water']);
    // a product that had no price yet (off: no ranking row)
    await send('pricing', [priceChanged('a_off_s1', '1')]);
    expect((await list(office, {}, 'PRICE_ASC'))[0]).toBe('off');
    const min = await pool.query(
      `SELECT "minWholesaleMinor"::text AS m FROM catalog."ProductRanking" WHERE "tenantId" = 'tnt_a' AND "productId" = 'a_cola'`,
    );
    expect(min.rows[0].m).toBe('300');
  });
});

describe('sales from orders OrderPlaced', () => {
  const placed = (orderId: string, lines: { skuId: string; quantity: number }[]) => ({
    aggregateType: 'Order',
    aggregateId: orderId,
    type: 'OrderPlaced',
    payload: { orderId, customerId: 'cus_plain', lines },
  });
  const sold = async (productId: string) =>
    (
      await pool.query(
        `SELECT "soldQuantity"::int AS q FROM catalog."ProductRanking" WHERE "tenantId" = 'tnt_a' AND "productId" = $1`,
        [productId],
      )
    ).rows[0]?.q;

  it('counts base units sold per product once per order', async () => {
    expect(await list(plain, {}, 'BEST_SELLING')).toEqual(['pepsi', 'cola', 'water', 'zero']);
    await send('orders', [
      placed('ord_1', [
        { skuId: 'a_zero_s1', quantity: 480 },
        { skuId: 'a_zero_s1', quantity: 120 },
        { skuId: 'a_cola_s2', quantity: 24 },
      ]),
    ]);
    expect(await sold('a_zero')).toBe(600);
    expect(await sold('a_cola')).toBe(324);
    expect(await list(plain, {}, 'BEST_SELLING')).toEqual(['zero', 'pepsi', 'cola', 'water']);
    // the same order delivered twice, and an unknown SKU, change nothing
    await send('orders', [
      placed('ord_1', [{ skuId: 'a_zero_s1', quantity: 480 }]),
      placed('ord_2', [{ skuId: 'nope', quantity: 5 }]),
    ]);
    expect(await sold('a_zero')).toBe(600);
    // the same order id in another tenant is another order
    await send('orders', [{ ...placed('ord_1', [{ skuId: 'b_water_s1', quantity: 7 }]), tenantId: 'tnt_b' }]);
    expect(await sold('a_water')).toBe(10);
    const b = await pool.query(
      `SELECT "soldQuantity"::int AS q FROM catalog."ProductRanking" WHERE "tenantId" = 'tnt_b' AND "productId" = 'b_water'`,
    );
    expect(b.rows[0].q).toBe(17);
  });

  it('skips events it cannot use without blocking the ones after', async () => {
    await send('orders', [
      { aggregateType: 'Order', aggregateId: 'x', type: 'OrderPlaced', payload: { lines: 'bad' } },
      placed('ord_3', [{ skuId: 'a_water_s1', quantity: 1000 }]),
    ]);
    expect(await sold('a_water')).toBe(1010);
  });
});
