import {
  appendEvents,
  eventTablesSql,
  pgTransactionalDb,
  type RunningSubgraph,
  startSubgraph,
} from '@wholesail/platform';
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
let server: RunningSubgraph;
let pool: pg.Pool;

const boss = { kind: 'staff' as const, tenantId: 'tnt_a', staffId: 'boss1', roles: ['BOSS' as const] };
const office = { kind: 'staff' as const, tenantId: 'tnt_a', staffId: 'off1', roles: ['OFFICE' as const] };
const picker = { kind: 'staff' as const, tenantId: 'tnt_a', staffId: 'p1', roles: ['PICKER' as const] };
const store = { kind: 'customer' as const, tenantId: 'tnt_a', customerId: 'cus_1', customerUserId: 'u1' };
const storeB = { ...store, tenantId: 'tnt_b' };

const STOCK = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Sku { id
  stock { available level warehouse { id } } } } }`;
const STAFF_STOCK = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Sku { id
  stock(warehouseId: "wh_main") { available onHand reserved inTransit }
  stockByWarehouse { warehouse { id } onHand reserved inTransit available } } } }`;
const ADJUST = `mutation($i: AdjustStockInput!) { adjustStock(input: $i) {
  __typename ... on MutationAdjustStockSuccess { data { onHand reserved inTransit available sku { id } } }
  ... on ValidationError { message code problems { field message } } } }`;
const IN_TRANSIT = `mutation($i: SetInTransitInput!) { setInTransit(input: $i) {
  __typename ... on MutationSetInTransitSuccess { data { onHand inTransit available } }
  ... on ValidationError { problems { field } } } }`;
const SETTINGS =
  'mutation($i: InventorySettingsInput!) { updateInventorySettings(input: $i) { countInTransit showExactStock } }';
const sku = (id: string) => [{ __typename: 'Sku', id }];

async function outbox(tenantId: string) {
  const r = await pool.query(
    `SELECT "aggregateType", "aggregateId", "type", "version", "payload" FROM inventory."OutboxEvent"
     WHERE "tenantId" = $1 ORDER BY "position"`,
    [tenantId],
  );
  return r.rows;
}
async function ledger(tenantId: string, skuId: string, warehouseId: string) {
  const r = await pool.query(
    `SELECT "delta", "inTransitDelta", "kind", "reason", "note", "sourceType", "sourceId", "staffId", "onHandAfter"
     FROM inventory."StockMovement" WHERE "tenantId" = $1 AND "skuId" = $2 AND "warehouseId" = $3 ORDER BY "createdAt", "id"`,
    [tenantId, skuId, warehouseId],
  );
  return r.rows;
}
async function stockRow(tenantId: string, skuId: string, warehouseId: string) {
  const r = await pool.query(
    `SELECT "onHand", "reserved", "inTransit" FROM inventory."Stock" WHERE "tenantId" = $1 AND "skuId" = $2 AND "warehouseId" = $3`,
    [tenantId, skuId, warehouseId],
  );
  return r.rows[0] ?? null;
}

beforeAll(async () => {
  testDb = await createTestDatabase('inventoryadmin');
  pool = new pg.Pool({ connectionString: testDb.url });
  // crm's outbox (its migration may not be there yet): CREATE IF NOT EXISTS
  await pool.query(eventTablesSql('crm'));
  server = await startSubgraph(inventory, { databaseUrl: testDb.url, port: 0, authSecret: TEST_AUTH_SECRET });
  const raw = database.raw();
  for (const tenantId of ['tnt_a', 'tnt_b']) {
    await raw.inventorySettings.create({
      data: { tenantId, defaultWarehouseId: 'wh_main', showExactStock: true, lowStockThreshold: 10 },
    });
    await raw.stock.createMany({
      data: [
        { tenantId, skuId: 'sku_a', warehouseId: 'wh_main', onHand: 50, reserved: 10, inTransit: 30 },
        { tenantId, skuId: 'sku_a', warehouseId: 'wh_north', onHand: 5, reserved: 0, inTransit: 0 },
        { tenantId, skuId: 'sku_b', warehouseId: 'wh_main', onHand: 12, reserved: 12, inTransit: 0 },
      ],
    });
    await raw.stockMovement.createMany({
      data: [
        {
          tenantId,
          skuId: 'sku_a',
          warehouseId: 'wh_main',
          delta: 50,
          kind: 'OPENING',
          sourceType: 'seed',
          sourceId: 'o',
        },
      ],
    });
  }
  // the SKUs and warehouses inventory knows (projections of catalog and warehouse); sku_zz is not one
  for (const tenantId of ['tnt_a', 'tnt_b']) {
    await raw.skuRef.createMany({
      data: [
        'sku_a',
        'sku_b',
        'sku_new',
        ...Array.from({ length: 60 }, (_, i) => `sku_p${String(i).padStart(2, '0')}`),
      ].map((skuId) => ({ tenantId, skuId, productId: 'prd_1', code: skuId })),
    });
    await raw.warehouseRef.createMany({
      data: ['wh_main', 'wh_north', 'wh_page'].map((warehouseId) => ({
        tenantId,
        warehouseId,
        code: warehouseId,
        name: warehouseId,
      })),
    });
  }
  // 60 more rows for paging in tenant a
  await raw.stock.createMany({
    data: Array.from({ length: 60 }, (_, i) => ({
      tenantId: 'tnt_a',
      skuId: `sku_p${String(i).padStart(2, '0')}`,
      warehouseId: 'wh_page',
      onHand: i,
    })),
  });
}, 60_000);

afterAll(async () => {
  await server?.close();
  await pool?.end();
  await testDb?.drop();
});

describe('customer warehouse from crm events', () => {
  async function customerChanged(tenantId: string, warehouseId: string | null) {
    await pgTransactionalDb(pool).$transaction((tx) =>
      appendEvents(tx, 'crm', [
        {
          tenantId,
          aggregateType: 'Customer',
          aggregateId: 'cus_1',
          type: 'CustomerChanged',
          payload: {
            customerId: 'cus_1',
            code: 'store001',
            name: '便利店',
            levelId: 'lvl_vip',
            warehouseId,
            routeId: null,
            ownerRepId: null,
            status: 'ACTIVE',
          },
        },
      ]),
    );
    await server.drained();
  }

  it('shows a customer the stock of the warehouse crm assigns, following every change', async () => {
    const before = await gql(server.url, STOCK, { r: sku('sku_a') }, store);
    expect(before.data._entities[0].stock).toEqual({
      available: 40,
      level: 'IN_STOCK',
      warehouse: { id: 'wh_main' },
    });

    await customerChanged('tnt_a', 'wh_north');
    const north = await gql(server.url, STOCK, { r: sku('sku_a') }, store);
    expect(north.data._entities[0].stock).toEqual({
      available: 5,
      level: 'LOW',
      warehouse: { id: 'wh_north' },
    });
    // the same customer id in another tenant is untouched
    const other = await gql(server.url, STOCK, { r: sku('sku_a') }, storeB);
    expect(other.data._entities[0].stock.warehouse).toEqual({ id: 'wh_main' });

    await customerChanged('tnt_a', null); // back to the tenant's default
    const back = await gql(server.url, STOCK, { r: sku('sku_a') }, store);
    expect(back.data._entities[0].stock.warehouse).toEqual({ id: 'wh_main' });
    const rows = await pool.query(`SELECT * FROM inventory."CustomerWarehouse" WHERE "tenantId" = 'tnt_a'`);
    expect(rows.rowCount).toBe(0);
  });
});

describe('in-transit setting', () => {
  it('counts in-transit stock toward available only when the tenant turns it on', async () => {
    const off = await gql(server.url, STAFF_STOCK, { r: sku('sku_a') }, office);
    expect(off.data._entities[0].stock).toEqual({ available: 40, onHand: 50, reserved: 10, inTransit: 30 });
    const set = await gql(server.url, SETTINGS, { i: { countInTransit: true } }, boss);
    expect(set.data.updateInventorySettings).toEqual({ countInTransit: true, showExactStock: true });
    const on = await gql(server.url, STAFF_STOCK, { r: sku('sku_a') }, office);
    expect(on.data._entities[0].stock.available).toBe(70);
    expect(on.data._entities[0].stockByWarehouse).toEqual([
      { warehouse: { id: 'wh_main' }, onHand: 50, reserved: 10, inTransit: 30, available: 70 },
      { warehouse: { id: 'wh_north' }, onHand: 5, reserved: 0, inTransit: 0, available: 5 },
    ]);
    expect((await gql(server.url, STOCK, { r: sku('sku_a') }, store)).data._entities[0].stock.available).toBe(
      70,
    );
    // other tenant keeps its own setting
    expect(
      (await gql(server.url, STOCK, { r: sku('sku_a') }, storeB)).data._entities[0].stock.available,
    ).toBe(40);
    await gql(server.url, SETTINGS, { i: { countInTransit: false } }, boss);
  });

  it('shows customers only the level when exact stock is off: numbers are null, staff still see them', async () => {
    await gql(server.url, SETTINGS, { i: { showExactStock: false } }, boss);
    try {
      const c = await gql(server.url, STOCK, { r: sku('sku_b') }, store);
      expect(c.data._entities[0].stock).toEqual({
        available: null,
        level: 'OUT',
        warehouse: { id: 'wh_main' },
      });
      const s = await gql(server.url, STAFF_STOCK, { r: sku('sku_b') }, office);
      expect(s.data._entities[0].stock.available).toBe(0);
    } finally {
      await gql(server.url, SETTINGS, { i: { showExactStock: true } }, boss);
    }
  });
});

describe('adjustStock', () => {
  it('changes on hand with a ledger row and StockChanged in the same transaction', async () => {
    const events = (await outbox('tnt_a')).length;
    const plus = await gql(
      server.url,
      ADJUST,
      {
        i: {
          skuId: 'sku_a',
          warehouseId: 'wh_main',
          quantity: 7,
          reason: 'FOUND',
          note: '盘盈',
          documentNo: 'PD-001',
        },
      },
      boss,
    );
    expect(plus.data.adjustStock).toEqual({
      __typename: 'MutationAdjustStockSuccess',
      data: { onHand: 57, reserved: 10, inTransit: 30, available: 47, sku: { id: 'sku_a' } },
    });
    const minus = await gql(
      server.url,
      ADJUST,
      { i: { skuId: 'sku_a', warehouseId: 'wh_main', quantity: -4, reason: 'DAMAGE' } },
      office,
    );
    expect(minus.data.adjustStock.data.onHand).toBe(53);

    const rows = await ledger('tnt_a', 'sku_a', 'wh_main');
    expect(rows.slice(1)).toEqual([
      expect.objectContaining({
        delta: 7,
        kind: 'ADJUSTMENT',
        reason: 'FOUND',
        note: '盘盈',
        sourceId: 'PD-001',
        staffId: 'boss1',
        onHandAfter: 57,
      }),
      expect.objectContaining({
        delta: -4,
        kind: 'ADJUSTMENT',
        reason: 'DAMAGE',
        sourceType: 'STOCK_ADJUSTMENT',
        staffId: 'off1',
        onHandAfter: 53,
      }),
    ]);
    expect(rows.reduce((sum, r) => sum + r.delta, 0)).toBe(
      (await stockRow('tnt_a', 'sku_a', 'wh_main')).onHand,
    );

    const emitted = (await outbox('tnt_a')).slice(events);
    expect(emitted).toEqual([
      {
        aggregateType: 'Sku',
        aggregateId: 'sku_a',
        type: 'StockChanged',
        version: 1,
        payload: {
          skuId: 'sku_a',
          warehouseId: 'wh_main',
          onHand: 57,
          reserved: 10,
          inTransit: 30,
          available: 47,
        },
      },
      expect.objectContaining({ payload: expect.objectContaining({ onHand: 53, available: 43 }) }),
    ]);
  });

  it('creates the stock row of a SKU a warehouse did not hold yet', async () => {
    const res = await gql(
      server.url,
      ADJUST,
      { i: { skuId: 'sku_new', warehouseId: 'wh_north', quantity: 24, reason: 'PURCHASE' } },
      boss,
    );
    expect(res.data.adjustStock.data).toMatchObject({ onHand: 24, reserved: 0, available: 24 });
    expect(await ledger('tnt_a', 'sku_new', 'wh_north')).toHaveLength(1);
  });

  it('refuses going below reserved, bad quantities and other roles, changing nothing and emitting nothing', async () => {
    const events = (await outbox('tnt_a')).length;
    const movements = (await ledger('tnt_a', 'sku_b', 'wh_main')).length;
    const below = await gql(
      server.url,
      ADJUST,
      { i: { skuId: 'sku_b', warehouseId: 'wh_main', quantity: -1, reason: 'DAMAGE' } },
      boss,
    );
    expect(below.data.adjustStock).toMatchObject({
      __typename: 'ValidationError',
      problems: [{ field: 'quantity' }],
    });
    expect(below.data.adjustStock.message).toMatch(/reserved|预留/);
    const zero = await gql(
      server.url,
      ADJUST,
      { i: { skuId: 'sku_b', warehouseId: 'wh_main', quantity: 0, reason: 'OTHER' } },
      boss,
    );
    expect(zero.data.adjustStock.__typename).toBe('ValidationError');
    const nowhere = await gql(
      server.url,
      ADJUST,
      { i: { skuId: 'sku_zz', warehouseId: ' ', quantity: -1, reason: 'OTHER' } },
      boss,
    );
    expect(nowhere.data.adjustStock.problems.map((p: any) => p.field)).toEqual(['warehouseId']);
    const refusedNew = await gql(
      server.url,
      ADJUST,
      { i: { skuId: 'sku_zz', warehouseId: 'wh_main', quantity: -1, reason: 'OTHER' } },
      boss,
    );
    expect(refusedNew.data.adjustStock.__typename).toBe('ValidationError');
    expect(await stockRow('tnt_a', 'sku_zz', 'wh_main')).toBeNull(); // the row it tried is rolled back
    const fraction = await gql(
      server.url,
      ADJUST,
      { i: { skuId: 'sku_b', warehouseId: 'wh_main', quantity: 1.5, reason: 'OTHER' } },
      boss,
    );
    expect(fraction.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT'); // Int: refused by GraphQL
    for (const viewer of [picker, store]) {
      const r = await gql(
        server.url,
        ADJUST,
        { i: { skuId: 'sku_b', warehouseId: 'wh_main', quantity: 5, reason: 'FOUND' } },
        viewer,
      );
      expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    expect(await stockRow('tnt_a', 'sku_b', 'wh_main')).toEqual({ onHand: 12, reserved: 12, inTransit: 0 });
    expect(await ledger('tnt_a', 'sku_b', 'wh_main')).toHaveLength(movements);
    expect(await outbox('tnt_a')).toHaveLength(events);
  });

  it('only ever touches the caller tenant', async () => {
    const eventsB = (await outbox('tnt_b')).length;
    await gql(
      server.url,
      ADJUST,
      { i: { skuId: 'sku_a', warehouseId: 'wh_main', quantity: 1, reason: 'FOUND' } },
      boss,
    );
    expect(await stockRow('tnt_b', 'sku_a', 'wh_main')).toEqual({ onHand: 50, reserved: 10, inTransit: 30 });
    expect(await outbox('tnt_b')).toHaveLength(eventsB);
  });
});

describe('setInTransit', () => {
  it('records goods on the way with a ledger row and an event; on hand is untouched', async () => {
    const events = (await outbox('tnt_a')).length;
    const res = await gql(
      server.url,
      IN_TRANSIT,
      {
        i: { skuId: 'sku_a', warehouseId: 'wh_north', quantity: 48, reason: 'TRANSFER', documentNo: 'DB-7' },
      },
      office,
    );
    expect(res.data.setInTransit).toEqual({
      __typename: 'MutationSetInTransitSuccess',
      data: { onHand: 5, inTransit: 48, available: 5 },
    });
    expect((await ledger('tnt_a', 'sku_a', 'wh_north')).at(-1)).toMatchObject({
      delta: 0,
      inTransitDelta: 48,
      kind: 'IN_TRANSIT',
      reason: 'TRANSFER',
      sourceId: 'DB-7',
    });
    expect((await outbox('tnt_a')).slice(events)).toEqual([
      expect.objectContaining({
        type: 'StockChanged',
        payload: {
          skuId: 'sku_a',
          warehouseId: 'wh_north',
          onHand: 5,
          reserved: 0,
          inTransit: 48,
          available: 5,
        },
      }),
    ]);
    const bad = await gql(
      server.url,
      IN_TRANSIT,
      { i: { skuId: 'sku_a', warehouseId: 'wh_north', quantity: -2 } },
      office,
    );
    expect(bad.data.setInTransit).toEqual({
      __typename: 'ValidationError',
      problems: [{ field: 'quantity' }],
    });
    expect(await stockRow('tnt_a', 'sku_a', 'wh_north')).toMatchObject({ inTransit: 48 });
  });
});

describe('stockLevels and stockMovements', () => {
  const LEVELS = `query($w: ID!, $f: StockLevelFilter, $first: Int, $after: String) {
    stockLevels(warehouseId: $w, filter: $f, first: $first, after: $after) {
      edges { cursor node { sku { id } onHand available level } }
      pageInfo { hasNextPage endCursor } } }`;

  it('pages through a warehouse by SKU, with filters', async () => {
    const first = await gql(server.url, LEVELS, { w: 'wh_page', first: 25 }, office);
    const page1 = first.data.stockLevels;
    expect(page1.edges).toHaveLength(25);
    expect(page1.edges[0].node).toEqual({ sku: { id: 'sku_p00' }, onHand: 0, available: 0, level: 'OUT' });
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const second = await gql(
      server.url,
      LEVELS,
      { w: 'wh_page', first: 50, after: page1.pageInfo.endCursor },
      office,
    );
    expect(second.data.stockLevels.edges.map((e: any) => e.node.sku.id)[0]).toBe('sku_p25');
    expect(second.data.stockLevels.edges).toHaveLength(35);
    expect(second.data.stockLevels.pageInfo.hasNextPage).toBe(false);

    const low = await gql(server.url, LEVELS, { w: 'wh_page', f: { belowAvailable: 3 } }, office);
    expect(low.data.stockLevels.edges.map((e: any) => e.node.sku.id)).toEqual([
      'sku_p00',
      'sku_p01',
      'sku_p02',
    ]);
    const some = await gql(
      server.url,
      LEVELS,
      { w: 'wh_page', f: { skuIds: ['sku_p10', 'sku_p59', 'sku_a'] } },
      office,
    );
    expect(some.data.stockLevels.edges.map((e: any) => e.node.sku.id)).toEqual(['sku_p10', 'sku_p59']);
    const search = await gql(server.url, LEVELS, { w: 'wh_page', f: { search: 'P4' } }, office);
    expect(search.data.stockLevels.edges).toHaveLength(10);
  });

  it('is staff-only and per tenant', async () => {
    expect((await gql(server.url, LEVELS, { w: 'wh_page' }, store)).errors?.[0]?.extensions?.code).toBe(
      'FORBIDDEN',
    );
    const b = await gql(server.url, LEVELS, { w: 'wh_page' }, { ...office, tenantId: 'tnt_b' });
    expect(b.data.stockLevels.edges).toEqual([]);
  });

  it('costs the same number of SQL statements for a page of 10 as of 100', async () => {
    await server.drained();
    // the fewest of three runs: the event consumer's background poll may land inside one
    const fewest = async (first: number) => {
      const runs = [];
      for (let i = 0; i < 3; i++)
        runs.push(await countStatements(() => gql(server.url, LEVELS, { w: 'wh_page', first }, office)));
      return runs.reduce((a, b) => (b.statements < a.statements ? b : a));
    };
    const small = await fewest(10);
    const large = await fewest(100);
    expect(small.result.data.stockLevels.edges).toHaveLength(10);
    expect(large.result.data.stockLevels.edges).toHaveLength(60);
    expect(large.statements).toBe(small.statements);
    expect(small.statements).toBeLessThanOrEqual(3);
  });

  it('lists the ledger of a SKU newest first', async () => {
    const q = `query($s: ID!, $w: ID) { stockMovements(skuId: $s, warehouseId: $w, first: 10) {
      edges { node { delta inTransitDelta kind reason sourceId warehouse { id } } } } }`;
    const res = await gql(server.url, q, { s: 'sku_a', w: 'wh_main' }, office);
    const kinds = res.data.stockMovements.edges.map((e: any) => [e.node.kind, e.node.delta]);
    expect(kinds).toEqual([
      ['ADJUSTMENT', 1],
      ['ADJUSTMENT', -4],
      ['ADJUSTMENT', 7],
      ['OPENING', 50],
    ]);
    const all = await gql(server.url, q, { s: 'sku_a' }, office);
    expect(all.data.stockMovements.edges).toHaveLength(5);
    expect((await gql(server.url, q, { s: 'sku_a' }, store)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
