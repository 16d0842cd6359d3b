import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TEST_AUTH_SECRET } from '@wholesail/platform/testing';
import { type Stack, startStack } from '@wholesail/stack';
import { stopChild } from '@wholesail/stack/apps';
import { freePort, waitForHttp } from '@wholesail/stack/ports';
import pg from 'pg';
import { gatewayClient } from './helpers/gateway';

// The orders process dies between reserving credit and stock and committing the order. After
// a restart nothing stays reserved without an order, and the retried submit succeeds once.

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
let stack: Stack | undefined;
let db: pg.Client | undefined;
let orders: ChildProcess | undefined;
let ordersUrl = '';
let exited: Promise<number | null> = Promise.resolve(null);

function startOrders(env: Record<string, string>) {
  const port = new URL(ordersUrl).port;
  orders = spawn(process.execPath, ['--import', 'tsx', path.join('subgraphs', 'orders', 'src', 'index.ts')], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: stack!.databaseUrl,
      AUTH_SECRET: TEST_AUTH_SECRET,
      ORDERS_PORT: port,
      MIGRATE_ON_START: 'false',
      LOG_LEVEL: 'error',
      ...env,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const child = orders;
  exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  return waitForHttp(ordersUrl.replace('/graphql', '/readyz'), 60_000);
}

/** post: one request through the gateway, its answer as it came (GraphQL errors not thrown). */
const { post, tokenOf } = gatewayClient(() => stack!.urls.gateway);

const q = async (text: string, params: unknown[] = []) => (await db!.query(text, params)).rows;
const until = async (check: () => Promise<boolean>, ms: number) => {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 200));
  }
};

beforeAll(async () => {
  ordersUrl = `http://127.0.0.1:${await freePort()}/graphql`;
  stack = await startStack({ external: { orders: ordersUrl } });
  db = new pg.Client({ connectionString: stack.databaseUrl });
  await db.connect();
}, 180_000);

afterAll(async () => {
  if (orders) await stopChild(orders);
  await db?.end();
  await stack?.stop();
}, 60_000);

it('releases what an interrupted submit reserved and places the retried submit once', async () => {
  // its submits hold a lease of 1 s: the interrupted one may be recovered a second after it began
  await startOrders({ ORDERS_FAULT: 'exit-after-reserve', ORDERS_SAGA_LIMIT_MS: '1000' });
  const token = await tokenOf('store005');
  const [sku] = await q(
    `SELECT k.id FROM catalog."Sku" k JOIN catalog."Product" p ON p.id = k."productId" JOIN catalog."Brand" b ON b.id = p."brandId"
     WHERE p."onShelf" AND NOT b.restricted ORDER BY k.id LIMIT 1`,
  );
  await q(`UPDATE inventory."Stock" SET "onHand" = "reserved" + 100 WHERE "skuId" = $1`, [sku.id]);
  await stack!.settle();
  await post('mutation { clearCart { id } }', {}, token);
  await post(
    'mutation($input: AddToCartInput!) { addToCart(input: $input) { __typename } }',
    { input: { skuId: sku.id, quantity: 4 } },
    token,
  );

  const PLACE = `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { __typename
    ... on PlaceOrderSuccess { order { id status } } } }`;
  const idempotencyKey = `crash-${Date.now()}`;
  const first = await post(PLACE, { input: { idempotencyKey } }, token);
  expect(first.errors?.length).toBeGreaterThan(0); // the process died under it
  expect(await exited).toBe(70);

  // what it held when it died: the attempt, a stock hold and the store's open credit
  const [attempt] = await q(
    `SELECT "orderId", state FROM orders."OrderAttempt" WHERE "idempotencyKey" = $1`,
    [idempotencyKey],
  );
  expect(attempt.state).toBe('RESERVING');
  const held = async () =>
    (
      await q(
        `SELECT coalesce(sum(quantity), 0)::int AS n FROM inventory."StockReservation" WHERE "orderId" = $1 AND status IN ('HELD', 'CONFIRMED')`,
        [attempt.orderId],
      )
    )[0].n;
  expect(await held()).toBe(4);
  expect(await q(`SELECT 1 FROM orders."Order" WHERE id = $1`, [attempt.orderId])).toEqual([]);

  // restarted, it recovers: releases what the interrupted submit held
  await startOrders({ ORDERS_RECOVER_EVERY_MS: '300' });
  await until(async () => (await held()) === 0, 20_000);
  await until(
    async () =>
      (await q(`SELECT state FROM orders."OrderAttempt" WHERE "idempotencyKey" = $1`, [idempotencyKey]))[0]
        .state === 'FAILED',
    20_000,
  );

  // the store submits again with the same key: one order, holding its own reservation only
  const retried = await post(PLACE, { input: { idempotencyKey } }, token);
  expect(retried.errors).toBeUndefined();
  const order = retried.data.placeOrder.order;
  expect(order.status).toMatch(/SUBMITTED|APPROVED/);
  const again = await post(PLACE, { input: { idempotencyKey } }, token);
  expect(again.data.placeOrder.order.id).toBe(order.id);
  expect(
    (
      await q(`SELECT count(*)::int AS n FROM orders."Order" WHERE "idempotencyKey" = $1`, [idempotencyKey])
    )[0].n,
  ).toBe(1);
  const holds = await q(
    `SELECT "orderId", sum(quantity)::int AS n FROM inventory."StockReservation" WHERE "skuId" = $1 AND status IN ('HELD', 'CONFIRMED') GROUP BY "orderId"`,
    [sku.id],
  );
  expect(holds.filter((h: any) => h.orderId === attempt.orderId)).toEqual([]);
  expect(holds.find((h: any) => h.orderId === order.id)?.n).toBe(4);
}, 180_000);
