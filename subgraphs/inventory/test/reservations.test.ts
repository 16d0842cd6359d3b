import {
  appendEvents,
  callInternal,
  type NewEvent,
  pgTransactionalDb,
  type RunningSubgraph,
  startSubgraph,
} from '@wholesail/platform';
import { createTestDatabase, gql, TEST_AUTH_SECRET, type TestDatabase } from '@wholesail/platform/testing';
import pg from 'pg';
import { database, inventory } from '../src/service';

let testDb: TestDatabase;
let server: RunningSubgraph;
let pool: pg.Pool;

const boss = { kind: 'staff' as const, tenantId: 'tnt_a', staffId: 'boss1', roles: ['BOSS' as const] };
const SKUS = Array.from({ length: 10 }, (_, i) => `sku_r${i}`);
/** little stock: 3..12 units, 75 in all, for 200 orders asking about 4 each */
const ON_HAND = SKUS.map((_, i) => 3 + i);

type Answer = any;
const call = (command: string, input: unknown, tenantId = 'tnt_a'): Promise<Answer> =>
  callInternal(server.url, command, input, {
    service: 'orders',
    tenantId,
    authSecret: TEST_AUTH_SECRET,
    timeoutMs: 60_000,
  });

async function q<T = any>(sql: string, params: unknown[] = []): Promise<T[]> {
  return (await pool.query(sql, params)).rows as T[];
}
const stockOf = async (skuId: string, warehouseId = 'wh_main', tenantId = 'tnt_a') =>
  (
    await q<{ onHand: number; reserved: number; inTransit: number }>(
      `SELECT "onHand", "reserved", "inTransit" FROM inventory."Stock" WHERE "tenantId" = $1 AND "skuId" = $2 AND "warehouseId" = $3`,
      [tenantId, skuId, warehouseId],
    )
  )[0];
const holdsOf = (orderId: string) =>
  q<{ skuId: string; warehouseId: string; quantity: number; status: string; releaseReason: string | null }>(
    `SELECT "skuId", "warehouseId", "quantity", "status", "releaseReason" FROM inventory."StockReservation"
     WHERE "tenantId" = 'tnt_a' AND "orderId" = $1 ORDER BY "skuId"`,
    [orderId],
  );
const movementsOf = (orderId: string) =>
  q<{ skuId: string; kind: string; reservedDelta: number; delta: number; reason: string | null }>(
    `SELECT "skuId", "kind", "reservedDelta", "delta", "reason" FROM inventory."StockMovement"
     WHERE "tenantId" = 'tnt_a' AND "sourceType" = 'ORDER' AND "sourceId" = $1 ORDER BY "createdAt", "id"`,
    [orderId],
  );
const stockEvents = async () =>
  Number(
    (await q(`SELECT count(*)::int AS n FROM inventory."OutboxEvent" WHERE "type" = 'StockChanged'`))[0].n,
  );
async function setStock(skuId: string, onHand: number, reserved = 0, inTransit = 0) {
  await pool.query(
    `INSERT INTO inventory."Stock" ("id", "tenantId", "skuId", "warehouseId", "onHand", "reserved", "inTransit")
     VALUES ($1, 'tnt_a', $2, 'wh_main', $3, $4, $5)
     ON CONFLICT ("tenantId", "skuId", "warehouseId") DO UPDATE SET "onHand" = $3, "reserved" = $4, "inTransit" = $5`,
    [`stk_${skuId}`, skuId, onHand, reserved, inTransit],
  );
}
async function settings(values: Record<string, unknown>) {
  const r = await gql(
    server.url,
    `mutation($i: InventorySettingsInput!) { updateInventorySettings(input: $i) { allowBackorder reservationHoldSeconds countInTransit } }`,
    { i: values },
    boss,
  );
  expect(r.errors).toBeUndefined();
  return r.data.updateInventorySettings;
}
async function emit(source: string, events: NewEvent[]) {
  await pgTransactionalDb(pool).$transaction((tx) => appendEvents(tx, source, events));
}

/** Deterministic pseudo-random numbers (mulberry32). */
function rng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

beforeAll(async () => {
  testDb = await createTestDatabase('inventoryres');
  pool = new pg.Pool({ connectionString: testDb.url, max: 4 });
  process.env.INVENTORY_SWEEP_MS = '250';
  server = await startSubgraph(inventory, {
    databaseUrl: testDb.url,
    port: 0,
    authSecret: TEST_AUTH_SECRET,
    poolSize: 10,
  });
  const raw = database.raw();
  await raw.inventorySettings.create({ data: { tenantId: 'tnt_a', defaultWarehouseId: 'wh_main' } });
  await raw.inventorySettings.create({ data: { tenantId: 'tnt_b', defaultWarehouseId: 'wh_main' } });
  for (const tenantId of ['tnt_a', 'tnt_b']) {
    await raw.skuRef.createMany({
      data: [...SKUS, 'sku_i', 'sku_x', 'sku_y', 'sku_c', 'sku_e'].map((skuId) => ({
        tenantId,
        skuId,
        productId: 'prd_1',
        code: skuId,
      })),
    });
    await raw.warehouseRef.createMany({
      data: ['wh_main', 'wh_north'].map((warehouseId) => ({
        tenantId,
        warehouseId,
        code: warehouseId,
        name: warehouseId,
      })),
    });
  }
  await raw.customerWarehouse.create({
    data: { tenantId: 'tnt_a', customerId: 'cus_north', warehouseId: 'wh_north' },
  });
  await raw.stock.createMany({
    data: SKUS.map((skuId, i) => ({ tenantId: 'tnt_a', skuId, warehouseId: 'wh_main', onHand: ON_HAND[i]! })),
  });
}, 60_000);

afterAll(async () => {
  await server?.close();
  await pool?.end();
  await testDb?.drop();
  delete process.env.INVENTORY_SWEEP_MS;
});

describe('reserveStock under concurrency', () => {
  it('200 concurrent orders on 10 SKUs with little stock: never below zero, reserved = accepted lines, refused orders hold nothing', async () => {
    const random = rng(4);
    const orders = Array.from({ length: 200 }, (_, n) => {
      const count = 1 + Math.floor(random() * 3);
      const picked = new Set<string>();
      while (picked.size < count) picked.add(SKUS[Math.floor(random() * SKUS.length)]!);
      return {
        orderId: `ord_c${n}`,
        customerId: `cus_${n % 7}`,
        lines: [...picked].map((skuId) => ({ skuId, quantity: 1 + Math.floor(random() * 2) })),
      };
    });
    const eventsBefore = await stockEvents();

    // a watcher reads the committed rows all along: available never below zero
    let watching = true;
    let lowest = Number.POSITIVE_INFINITY;
    const watcher = (async () => {
      while (watching) {
        const [row] = await q<{ low: number }>(
          `SELECT min("onHand" - "reserved")::int AS low FROM inventory."Stock" WHERE "tenantId" = 'tnt_a' AND "skuId" = ANY($1)`,
          [SKUS],
        );
        lowest = Math.min(lowest, row!.low);
        await new Promise((r) => setTimeout(r, 5));
      }
    })();
    const answers = await Promise.all(orders.map((o) => call('reserveStock', o)));
    watching = false;
    await watcher;
    expect(lowest).toBeGreaterThanOrEqual(0);

    const accepted = orders.filter((_, i) => answers[i].kind === 'RESERVED');
    const refused = orders.filter((_, i) => answers[i].kind === 'OUT_OF_STOCK');
    expect(accepted.length + refused.length).toBe(200);
    expect(accepted.length).toBeGreaterThan(10);
    expect(refused.length).toBeGreaterThan(10);

    // per SKU: reserved = the accepted lines, and never above on hand
    const wanted = new Map<string, number>();
    for (const o of accepted)
      for (const l of o.lines) wanted.set(l.skuId, (wanted.get(l.skuId) ?? 0) + l.quantity);
    let sumReserved = 0;
    for (const [i, skuId] of SKUS.entries()) {
      const s = await stockOf(skuId);
      expect(s!.reserved).toBe(wanted.get(skuId) ?? 0);
      expect(s!.onHand).toBe(ON_HAND[i]);
      expect(s!.onHand - s!.reserved).toBeGreaterThanOrEqual(0);
      sumReserved += s!.reserved;
    }
    const acceptedUnits = accepted.flatMap((o) => o.lines).reduce((a, l) => a + l.quantity, 0);
    expect(sumReserved).toBe(acceptedUnits);

    // the reservation rows are exactly the accepted lines, HELD; the refused have none
    const holds = await q<{ orderId: string; skuId: string; quantity: number; status: string }>(
      `SELECT "orderId", "skuId", "quantity", "status" FROM inventory."StockReservation" WHERE "orderId" LIKE 'ord_c%'`,
    );
    const expected = accepted
      .flatMap((o) => o.lines.map((l) => `${o.orderId}/${l.skuId}/${l.quantity}/HELD`))
      .sort();
    expect(holds.map((h) => `${h.orderId}/${h.skuId}/${h.quantity}/${h.status}`).sort()).toEqual(expected);

    // every refusal lists its short lines with what was there; a short line really was short
    for (const [i, o] of orders.entries()) {
      const a = answers[i];
      if (a.kind !== 'OUT_OF_STOCK') continue;
      expect(a.warehouseId).toBe('wh_main');
      expect(a.lines.length).toBeGreaterThan(0);
      for (const l of a.lines) {
        expect(l.requested).toBe(o.lines.find((x) => x.skuId === l.skuId)!.quantity);
        expect(l.available).toBeLessThan(l.requested);
      }
    }
    // ledger: the reserved deltas of each SKU add up to its reserved; one StockChanged per accepted line
    const ledger = await q<{ skuId: string; sum: number }>(
      `SELECT "skuId", sum("reservedDelta")::int AS sum FROM inventory."StockMovement" WHERE "skuId" = ANY($1) GROUP BY 1`,
      [SKUS],
    );
    for (const row of ledger) expect(row.sum).toBe(wanted.get(row.skuId) ?? 0);
    expect((await stockEvents()) - eventsBefore).toBe(accepted.flatMap((o) => o.lines).length);
    // an accepted answer's availableAfter is what was left right after it
    for (const [i] of orders.entries()) {
      if (answers[i].kind !== 'RESERVED') continue;
      for (const l of answers[i].lines) expect(l.availableAfter).toBeGreaterThanOrEqual(0);
    }
  }, 120_000);

  it('the same order sent 5 times at once reserves once, and every call gets the same answer', async () => {
    await setStock('sku_i', 10);
    const order = { orderId: 'ord_twice', customerId: 'cus_1', lines: [{ skuId: 'sku_i', quantity: 4 }] };
    const answers = await Promise.all(Array.from({ length: 5 }, () => call('reserveStock', order)));
    expect(answers[0].kind).toBe('RESERVED');
    for (const a of answers) expect(a).toEqual(answers[0]);
    expect(await holdsOf('ord_twice')).toHaveLength(1);
    expect((await stockOf('sku_i'))!.reserved).toBe(4);
    // a later repeat, even with other lines, is the first answer and changes nothing
    const again = await call('reserveStock', { ...order, lines: [{ skuId: 'sku_i', quantity: 9 }] });
    expect(again).toEqual(answers[0]);
    expect((await stockOf('sku_i'))!.reserved).toBe(4);
    expect(await movementsOf('ord_twice')).toEqual([
      { skuId: 'sku_i', kind: 'RESERVE', reservedDelta: 4, delta: 0, reason: null },
    ]);

    // a refusal is kept too: 5 at once asking too much are all refused, holding nothing
    const big = { orderId: 'ord_big', customerId: 'cus_1', lines: [{ skuId: 'sku_i', quantity: 7 }] };
    const refusals = await Promise.all(Array.from({ length: 5 }, () => call('reserveStock', big)));
    for (const a of refusals)
      expect(a).toEqual({
        kind: 'OUT_OF_STOCK',
        warehouseId: 'wh_main',
        lines: [{ skuId: 'sku_i', requested: 7, available: 6 }],
      });
    expect(await holdsOf('ord_big')).toHaveLength(0);
    expect((await stockOf('sku_i'))!.reserved).toBe(4);
  });

  it('all lines or none: one short line refuses the order and gives back the others', async () => {
    await setStock('sku_x', 5);
    await setStock('sku_y', 1);
    const before = await stockEvents();
    const a = await call('reserveStock', {
      orderId: 'ord_partial',
      customerId: 'cus_1',
      lines: [
        { skuId: 'sku_x', quantity: 2 },
        { skuId: 'sku_y', quantity: 2 },
        { skuId: 'sku_x', quantity: 1 }, // the same SKU twice is one line of 3
      ],
    });
    expect(a).toEqual({
      kind: 'OUT_OF_STOCK',
      warehouseId: 'wh_main',
      lines: [{ skuId: 'sku_y', requested: 2, available: 1 }],
    });
    expect((await stockOf('sku_x'))!.reserved).toBe(0);
    expect(await holdsOf('ord_partial')).toHaveLength(0);
    expect(await movementsOf('ord_partial')).toHaveLength(0);
    expect(await stockEvents()).toBe(before);
    const ok = await call('reserveStock', {
      orderId: 'ord_whole',
      customerId: 'cus_1',
      lines: [
        { skuId: 'sku_x', quantity: 2 },
        { skuId: 'sku_x', quantity: 1 },
        { skuId: 'sku_y', quantity: 1 },
      ],
    });
    expect(ok.kind).toBe('RESERVED');
    expect(ok.lines).toEqual([
      { skuId: 'sku_x', quantity: 3, availableAfter: 2 },
      { skuId: 'sku_y', quantity: 1, availableAfter: 0 },
    ]);
    await call('releaseStock', { orderId: 'ord_whole', reason: 'TEST' });
  });
});

describe('releaseStock, confirmStock and expiry', () => {
  it('releases once, however often it is sent; an order that reserved nothing is fine and cannot reserve later', async () => {
    await setStock('sku_c', 10);
    await call('reserveStock', {
      orderId: 'ord_rel',
      customerId: 'cus_1',
      lines: [{ skuId: 'sku_c', quantity: 6 }],
    });
    expect((await stockOf('sku_c'))!.reserved).toBe(6);
    const answers = await Promise.all(
      Array.from({ length: 4 }, () =>
        call('releaseStock', { orderId: 'ord_rel', reason: 'PLACEMENT_FAILED' }),
      ),
    );
    expect(answers[0]).toEqual({
      kind: 'RELEASED',
      lines: [{ skuId: 'sku_c', warehouseId: 'wh_main', quantity: 6, availableAfter: 10 }],
    });
    for (const a of answers) expect(a).toEqual(answers[0]);
    expect((await stockOf('sku_c'))!.reserved).toBe(0);
    expect(await holdsOf('ord_rel')).toEqual([
      {
        skuId: 'sku_c',
        warehouseId: 'wh_main',
        quantity: 6,
        status: 'RELEASED',
        releaseReason: 'PLACEMENT_FAILED',
      },
    ]);
    expect((await movementsOf('ord_rel')).map((m) => [m.kind, m.reservedDelta, m.reason])).toEqual([
      ['RESERVE', 6, null],
      ['RELEASE', -6, 'PLACEMENT_FAILED'],
    ]);
    // released: a repeat of the reservation reserves nothing and says so
    expect(
      await call('reserveStock', {
        orderId: 'ord_rel',
        customerId: 'cus_1',
        lines: [{ skuId: 'sku_c', quantity: 6 }],
      }),
    ).toEqual({ kind: 'RELEASED', warehouseId: 'wh_main', reason: 'PLACEMENT_FAILED' });
    expect((await stockOf('sku_c'))!.reserved).toBe(0);

    // nothing to release: fine, and a reservation arriving after it is not taken
    expect(await call('releaseStock', { orderId: 'ord_never', reason: 'RECOVERY' })).toEqual({
      kind: 'RELEASED',
      lines: [],
    });
    expect(
      (
        await call('reserveStock', {
          orderId: 'ord_never',
          customerId: 'cus_1',
          lines: [{ skuId: 'sku_c', quantity: 1 }],
        })
      ).kind,
    ).toBe('RELEASED');
    expect((await stockOf('sku_c'))!.reserved).toBe(0);
    expect(await call('confirmStock', { orderId: 'ord_nothing' })).toEqual({ kind: 'NOT_RESERVED' });
  });

  it('the sweeper releases HELD reservations after their expiry; confirmed ones stay', async () => {
    expect(await settings({ reservationHoldSeconds: 1 })).toMatchObject({ reservationHoldSeconds: 1 });
    await setStock('sku_e', 10);
    const line = [{ skuId: 'sku_e', quantity: 3 }];
    const held = await call('reserveStock', { orderId: 'ord_held', customerId: 'cus_1', lines: line });
    const kept = await call('reserveStock', { orderId: 'ord_kept', customerId: 'cus_1', lines: line });
    expect([held.kind, kept.kind]).toEqual(['RESERVED', 'RESERVED']);
    expect(new Date(held.expiresAt).getTime() - Date.now()).toBeLessThanOrEqual(1000);
    const confirmed = await call('confirmStock', { orderId: 'ord_kept' });
    expect(confirmed).toEqual({
      kind: 'CONFIRMED',
      warehouseId: 'wh_main',
      lines: [{ skuId: 'sku_e', quantity: 3 }],
    });
    expect(await call('confirmStock', { orderId: 'ord_kept' })).toEqual(confirmed); // idempotent
    expect((await stockOf('sku_e'))!.reserved).toBe(6);

    // the server's own sweeper (every 250 ms here) gets to it once it is past due
    const deadline = Date.now() + 10_000;
    while ((await holdsOf('ord_held'))[0]!.status === 'HELD') {
      if (Date.now() > deadline) throw new Error('the sweeper did not release the expired hold');
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(await holdsOf('ord_held')).toEqual([
      { skuId: 'sku_e', warehouseId: 'wh_main', quantity: 3, status: 'RELEASED', releaseReason: 'EXPIRED' },
    ]);
    await new Promise((r) => setTimeout(r, 1200)); // past the confirmed one's old expiry too
    expect((await holdsOf('ord_kept'))[0]!.status).toBe('CONFIRMED');
    expect((await stockOf('sku_e'))!.reserved).toBe(3);
    expect((await movementsOf('ord_held')).map((m) => [m.kind, m.reservedDelta, m.reason])).toEqual([
      ['RESERVE', 3, null],
      ['RELEASE', -3, 'EXPIRED'],
    ]);
    // too late to confirm an expired order: it is told
    expect(await call('confirmStock', { orderId: 'ord_held' })).toEqual({
      kind: 'RELEASED',
      reason: 'EXPIRED',
    });
    await settings({ reservationHoldSeconds: 120 });
    await call('releaseStock', { orderId: 'ord_kept', reason: 'TEST' });
    expect((await stockOf('sku_e'))!.reserved).toBe(0);
  }, 30_000);

  it('releases the stock of a cancelled or rejected order once, from orders events', async () => {
    await setStock('sku_c', 10);
    await call('reserveStock', {
      orderId: 'ord_cancel',
      customerId: 'cus_1',
      lines: [{ skuId: 'sku_c', quantity: 4 }],
    });
    await call('reserveStock', {
      orderId: 'ord_reject',
      customerId: 'cus_1',
      lines: [{ skuId: 'sku_c', quantity: 2 }],
    });
    await call('confirmStock', { orderId: 'ord_cancel' });
    expect((await stockOf('sku_c'))!.reserved).toBe(6);
    const cancelled: NewEvent = {
      tenantId: 'tnt_a',
      aggregateType: 'Order',
      aggregateId: 'ord_cancel',
      type: 'OrderCancelled',
      payload: { orderId: 'ord_cancel', customerId: 'cus_1', reason: '不要了', by: 'CUSTOMER' },
    };
    // delivered twice (at least once), plus other order events it ignores
    await emit('orders', [
      cancelled,
      {
        ...cancelled,
        type: 'OrderStatusChanged',
        payload: { orderId: 'ord_cancel', from: 'SUBMITTED', to: 'CANCELLED' },
      },
    ]);
    await emit('orders', [cancelled]);
    await server.drained();
    expect((await stockOf('sku_c'))!.reserved).toBe(2);
    expect((await holdsOf('ord_cancel'))[0]).toMatchObject({
      status: 'RELEASED',
      releaseReason: 'ORDER_CANCELLED',
    });
    expect((await movementsOf('ord_cancel')).map((m) => m.kind)).toEqual(['RESERVE', 'RELEASE']);
    // releaseStock after the event: the same release, nothing more
    expect(await call('releaseStock', { orderId: 'ord_cancel', reason: 'X' })).toEqual({
      kind: 'RELEASED',
      lines: [{ skuId: 'sku_c', warehouseId: 'wh_main', quantity: 4, availableAfter: 8 }],
    });
    expect((await movementsOf('ord_cancel')).map((m) => m.kind)).toEqual(['RESERVE', 'RELEASE']);

    await emit('orders', [
      {
        tenantId: 'tnt_a',
        aggregateType: 'Order',
        aggregateId: 'ord_reject',
        type: 'OrderRejected',
        payload: { orderId: 'ord_reject', customerId: 'cus_1', reason: '信用不足' },
      },
    ]);
    await server.drained();
    expect((await stockOf('sku_c'))!.reserved).toBe(0);
    expect((await holdsOf('ord_reject'))[0]).toMatchObject({
      status: 'RELEASED',
      releaseReason: 'ORDER_REJECTED',
    });

    // OrderPlaced confirms a held order (orders' own confirmStock may have been lost)
    await call('reserveStock', {
      orderId: 'ord_placed',
      customerId: 'cus_1',
      lines: [{ skuId: 'sku_c', quantity: 1 }],
    });
    await emit('orders', [
      {
        tenantId: 'tnt_a',
        aggregateType: 'Order',
        aggregateId: 'ord_placed',
        type: 'OrderPlaced',
        payload: {
          orderId: 'ord_placed',
          customerId: 'cus_1',
          lines: [{ skuId: 'sku_c', quantity: 1 }],
          status: 'SUBMITTED',
        },
      },
    ]);
    await server.drained();
    expect((await holdsOf('ord_placed'))[0]).toMatchObject({ status: 'CONFIRMED' });
    await call('releaseStock', { orderId: 'ord_placed', reason: 'TEST' });
  });
});

describe('unknown SKUs and warehouses, warehouses, backorders, checkStock', () => {
  const ADJUST = `mutation($i: AdjustStockInput!) { adjustStock(input: $i) { __typename
    ... on MutationAdjustStockSuccess { data { onHand } } ... on ValidationError { problems { field message } } } }`;
  const TRANSIT = `mutation($i: SetInTransitInput!) { setInTransit(input: $i) { __typename
    ... on ValidationError { problems { field } } } }`;

  it('adjustStock and setInTransit refuse a SKU or warehouse inventory does not know, writing nothing', async () => {
    const unknownSku = await gql(
      server.url,
      ADJUST,
      { i: { skuId: 'sku_ghost', warehouseId: 'wh_main', quantity: 5, reason: 'FOUND' } },
      boss,
    );
    expect(unknownSku.data.adjustStock).toMatchObject({
      __typename: 'ValidationError',
      problems: [{ field: 'skuId' }],
    });
    const unknownWarehouse = await gql(
      server.url,
      ADJUST,
      { i: { skuId: 'sku_x', warehouseId: 'wh_ghost', quantity: 5, reason: 'FOUND' } },
      boss,
    );
    expect(unknownWarehouse.data.adjustStock.problems.map((p: any) => p.field)).toEqual(['warehouseId']);
    const transit = await gql(
      server.url,
      TRANSIT,
      { i: { skuId: 'sku_ghost', warehouseId: 'wh_ghost', quantity: 5 } },
      boss,
    );
    expect(transit.data.setInTransit.problems.map((p: any) => p.field)).toEqual(['skuId', 'warehouseId']);
    expect(await stockOf('sku_ghost')).toBeUndefined();
    expect(await stockOf('sku_x', 'wh_ghost')).toBeUndefined();
    // another tenant's SKU is unknown here
    const other = await gql(
      server.url,
      ADJUST,
      { i: { skuId: 'sku_x', warehouseId: 'wh_main', quantity: 5, reason: 'FOUND' } },
      { ...boss, tenantId: 'tnt_c' },
    );
    expect(other.data.adjustStock.__typename).toBe('ValidationError');
  });

  it('learns new SKUs from catalog SkuChanged events', async () => {
    await emit('catalog', [
      {
        tenantId: 'tnt_a',
        aggregateType: 'Sku',
        aggregateId: 'sku_fresh',
        type: 'SkuChanged',
        payload: {
          skuId: 'sku_fresh',
          productId: 'prd_9',
          code: 'F-1',
          brandId: null,
          categoryId: 'cat_1',
          baseUnit: '瓶',
          units: [{ name: '瓶', factor: 1 }],
          onShelf: true,
        },
      },
    ]);
    await server.drained();
    const r = await gql(
      server.url,
      ADJUST,
      { i: { skuId: 'sku_fresh', warehouseId: 'wh_main', quantity: 5, reason: 'PURCHASE' } },
      boss,
    );
    expect(r.data.adjustStock).toEqual({ __typename: 'MutationAdjustStockSuccess', data: { onHand: 5 } });
    const refs = await q(
      `SELECT "tenantId", "productId", "code" FROM inventory."SkuRef" WHERE "skuId" = 'sku_fresh'`,
    );
    expect(refs).toEqual([{ tenantId: 'tnt_a', productId: 'prd_9', code: 'F-1' }]);
  });

  it('reserveStock refuses unknown SKUs and warehouses with the problems, keeping nothing', async () => {
    await setStock('sku_x', 5);
    const a = await call('reserveStock', {
      orderId: 'ord_unknown',
      customerId: 'cus_1',
      lines: [
        { skuId: 'sku_x', quantity: 1 },
        { skuId: 'sku_ghost', quantity: 1 },
      ],
    });
    expect(a).toEqual({
      kind: 'INVALID',
      warehouseId: 'wh_main',
      problems: [{ field: 'lines.1.skuId', message: expect.stringContaining('sku_ghost') }],
    });
    const w = await call('reserveStock', {
      orderId: 'ord_unknown',
      customerId: 'cus_1',
      warehouseId: 'wh_ghost',
      lines: [{ skuId: 'sku_x', quantity: 1 }],
    });
    expect(w.kind).toBe('INVALID');
    expect(w.problems.map((p: any) => p.field)).toEqual(['warehouseId']);
    expect(await holdsOf('ord_unknown')).toHaveLength(0);
    expect((await stockOf('sku_x'))!.reserved).toBe(0);
    // nothing kept: the corrected order goes through
    const ok = await call('reserveStock', {
      orderId: 'ord_unknown',
      customerId: 'cus_1',
      lines: [{ skuId: 'sku_x', quantity: 1 }],
    });
    expect(ok.kind).toBe('RESERVED');
    await call('releaseStock', { orderId: 'ord_unknown', reason: 'TEST' });
    // bad input is a 400 of the command, not a result
    await expect(
      call('reserveStock', { orderId: 'o', customerId: 'c', lines: [{ skuId: 'sku_x', quantity: 0 }] }),
    ).rejects.toMatchObject({ status: 400 });
  });

  it("takes from the customer's warehouse by default, and beyond stock only when the tenant allows backorders", async () => {
    await pool.query(
      `INSERT INTO inventory."Stock" ("id", "tenantId", "skuId", "warehouseId", "onHand") VALUES ('stk_n', 'tnt_a', 'sku_y', 'wh_north', 2)`,
    );
    const north = await call('reserveStock', {
      orderId: 'ord_north',
      customerId: 'cus_north',
      lines: [{ skuId: 'sku_y', quantity: 2 }],
    });
    expect(north).toMatchObject({
      kind: 'RESERVED',
      warehouseId: 'wh_north',
      lines: [{ availableAfter: 0 }],
    });
    expect(
      await call('checkStock', {
        customerId: 'cus_north',
        lines: [
          { skuId: 'sku_y', quantity: 1 },
          { skuId: 'sku_ghost', quantity: 1 },
        ],
      }),
    ).toEqual({
      warehouseId: 'wh_north',
      lines: [
        { skuId: 'sku_y', available: 0, enough: false, known: true },
        { skuId: 'sku_ghost', available: 0, enough: false, known: false },
      ],
    });
    const short = await call('reserveStock', {
      orderId: 'ord_back1',
      customerId: 'cus_north',
      lines: [{ skuId: 'sku_y', quantity: 5 }],
    });
    expect(short.kind).toBe('OUT_OF_STOCK');

    expect(await settings({ allowBackorder: true })).toMatchObject({ allowBackorder: true });
    expect(
      (await call('checkStock', { customerId: 'cus_north', lines: [{ skuId: 'sku_y', quantity: 5 }] }))
        .lines[0],
    ).toEqual({ skuId: 'sku_y', available: 0, enough: true, known: true });
    const back = await call('reserveStock', {
      orderId: 'ord_back2',
      customerId: 'cus_north',
      lines: [
        { skuId: 'sku_y', quantity: 5 },
        { skuId: 'sku_i', quantity: 3 }, // no stock row in wh_north at all
      ],
    });
    expect(back).toMatchObject({
      kind: 'RESERVED',
      warehouseId: 'wh_north',
      lines: [
        { skuId: 'sku_y', quantity: 5, availableAfter: 0 },
        { skuId: 'sku_i', quantity: 3, availableAfter: 0 },
      ],
    });
    expect(await stockOf('sku_y', 'wh_north')).toEqual({ onHand: 2, reserved: 7, inTransit: 0 });
    expect(await stockOf('sku_i', 'wh_north')).toEqual({ onHand: 0, reserved: 3, inTransit: 0 });
    await settings({ allowBackorder: false });
    await call('releaseStock', { orderId: 'ord_back2', reason: 'TEST' });
    await call('releaseStock', { orderId: 'ord_north', reason: 'TEST' });
    expect(await stockOf('sku_y', 'wh_north')).toEqual({ onHand: 2, reserved: 0, inTransit: 0 });
  });

  it('counts in transit toward what can be reserved when the tenant counts it', async () => {
    await setStock('sku_x', 2, 0, 5);
    const order = { customerId: 'cus_1', lines: [{ skuId: 'sku_x', quantity: 4 }] };
    expect((await call('reserveStock', { ...order, orderId: 'ord_t1' })).kind).toBe('OUT_OF_STOCK');
    await settings({ countInTransit: true });
    expect(await call('reserveStock', { ...order, orderId: 'ord_t2' })).toMatchObject({
      kind: 'RESERVED',
      lines: [{ availableAfter: 3 }],
    });
    await settings({ countInTransit: false });
    await call('releaseStock', { orderId: 'ord_t2', reason: 'TEST' });
  });

  it('lists holds for staff with stockReservations, and the settings', async () => {
    await call('reserveStock', {
      orderId: 'ord_list',
      customerId: 'cus_1',
      lines: [{ skuId: 'sku_i', quantity: 2 }],
    });
    const LIST = `query($f: StockReservationFilter) { stockReservations(filter: $f, first: 10) {
      edges { node { orderId quantity status expiresAt releaseReason sku { id } warehouse { id } } } } }`;
    const r = await gql(server.url, LIST, { f: { skuId: 'sku_i', warehouseId: 'wh_main' } }, boss);
    expect(r.errors).toBeUndefined();
    const nodes = r.data.stockReservations.edges.map((e: any) => e.node);
    expect(nodes.map((n: any) => [n.orderId, n.quantity, n.status])).toEqual([
      ['ord_list', 2, 'HELD'],
      ['ord_twice', 4, 'HELD'],
    ]);
    expect(nodes[0].expiresAt).toBeTruthy();
    const released = await gql(server.url, LIST, { f: { orderId: 'ord_rel', status: ['RELEASED'] } }, boss);
    expect(released.data.stockReservations.edges.map((e: any) => e.node.releaseReason)).toEqual([
      'PLACEMENT_FAILED',
    ]);
    const asStore = await gql(
      server.url,
      LIST,
      {},
      {
        kind: 'customer',
        tenantId: 'tnt_a',
        customerId: 'cus_1',
        customerUserId: 'u1',
      },
    );
    expect(asStore.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const s = await gql(
      server.url,
      '{ inventorySettings { allowBackorder reservationHoldSeconds } }',
      {},
      boss,
    );
    expect(s.data.inventorySettings).toEqual({ allowBackorder: false, reservationHoldSeconds: 120 });
    const ledger = await gql(
      server.url,
      `{ stockMovements(skuId: "sku_i", warehouseId: "wh_main", first: 1) { edges { node { kind reservedDelta reservedAfter sourceType sourceId } } } }`,
      {},
      boss,
    );
    expect(ledger.data.stockMovements.edges[0].node).toEqual({
      kind: 'RESERVE',
      reservedDelta: 2,
      reservedAfter: 6,
      sourceType: 'ORDER',
      sourceId: 'ord_list',
    });
  });
});
