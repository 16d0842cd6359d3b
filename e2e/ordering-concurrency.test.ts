import { jest } from '@jest/globals';
import { signToken } from '@wholesail/platform';
import { TEST_AUTH_SECRET } from '@wholesail/platform/testing';
import { useStack } from './helpers/stack';

// Many buyers at once through the gateway: stock is never oversold, credit never overspent, and
// every accepted order holds exactly its reservations while refused ones hold none.

jest.setTimeout(120_000);

const env = useStack(() => {
  // 200 submits at once in one process on 2 CPUs take far longer than in a deployment
  process.env.ORDERS_SAGA_LIMIT_MS = '180000';
  return {};
});
const { gql: post, tokenOf: login } = env.gateway;
const { q } = env;

const PLACE = `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { __typename
  ... on PlaceOrderSuccess { order { id } }
  ... on ValidationError { message } } }`;

describe('concurrent buyers', () => {
  it('200 stores ordering 10 scarce SKUs at once never take more than there is', async () => {
    // ten open SKUs in the main warehouse, each with only 12 units free
    const skus = (
      await q(
        `SELECT k.id FROM catalog."Sku" k JOIN catalog."Product" p ON p.id = k."productId"
         JOIN catalog."Brand" b ON b.id = p."brandId"
         JOIN inventory."Stock" s ON s."skuId" = k.id AND s."warehouseId" = 'wh_main'
         WHERE p."onShelf" AND NOT b.restricted ORDER BY k.id LIMIT 10`,
      )
    ).map((r: any) => r.id as string);
    expect(skus).toHaveLength(10);
    await q(
      `UPDATE inventory."Stock" SET "onHand" = "reserved" + 12, "inTransit" = 0 WHERE "skuId" = ANY($1) AND "warehouseId" = 'wh_main'`,
      [skus],
    );
    // every store served from the main warehouse for this test (inventory's own view of it)
    await q(
      `UPDATE inventory."CustomerWarehouse" SET "warehouseId" = 'wh_main' WHERE "tenantId" = 'tnt_demo'`,
    );
    await env.stack.settle();

    const buyers = Array.from({ length: 200 }, (_, i) => `store${String(i + 1).padStart(3, '0')}`);
    // tokens as login would sign them (200 password checks would only measure the hashing)
    const users = await q(
      `SELECT u.id, u."customerId", u.username FROM crm."CustomerUser" u WHERE u."tenantId" = 'tnt_demo' AND u.username = ANY($1)`,
      [buyers],
    );
    const userOf = new Map(users.map((u: any) => [u.username, u]));
    const tokens = await Promise.all(
      buyers.map((b) => {
        const u = userOf.get(b) as { id: string; customerId: string };
        return signToken(
          { kind: 'customer', tenantId: 'tnt_demo', customerId: u.customerId, customerUserId: u.id },
          TEST_AUTH_SECRET,
          3600,
        );
      }),
    );
    // each store puts 1-3 units of one SKU in its cart
    const wanted = buyers.map((_, i) => ({ skuId: skus[i % 10]!, quantity: (i % 3) + 1 }));
    for (const [i, token] of tokens.entries()) {
      await post('mutation { clearCart { id } }', {}, token);
      await post(
        'mutation($input: AddToCartInput!) { addToCart(input: $input) { __typename } }',
        { input: { skuId: wanted[i]!.skuId, quantity: wanted[i]!.quantity } },
        token,
      );
    }
    const reservedBefore = new Map(
      (
        await q(
          `SELECT "skuId", reserved FROM inventory."Stock" WHERE "skuId" = ANY($1) AND "warehouseId" = 'wh_main'`,
          [skus],
        )
      ).map((r: any) => [r.skuId, Number(r.reserved)]),
    );

    const answers = await Promise.all(
      tokens.map((token, i) =>
        post(PLACE, { input: { idempotencyKey: `concurrent-${i}-${Date.now()}` } }, token).catch((e) => ({
          error: String(e),
        })),
      ),
    );
    const errors = answers.filter((a: any) => a.error);
    expect(errors).toEqual([]);
    const placed = answers
      .map((a: any, i) => ({
        i,
        id: a.placeOrder?.order?.id as string | undefined,
        type: a.placeOrder?.__typename,
      }))
      .filter((a) => a.id);
    expect(placed.length).toBeGreaterThan(0);
    expect(placed.length).toBeLessThan(200); // 120 units for ~400 asked

    const stock = await q(
      `SELECT "skuId", "onHand", reserved FROM inventory."Stock" WHERE "skuId" = ANY($1) AND "warehouseId" = 'wh_main'`,
      [skus],
    );
    for (const row of stock as any[]) {
      expect(Number(row.reserved)).toBeLessThanOrEqual(Number(row.onHand)); // never below zero available
      const accepted = placed
        .filter((p) => wanted[p.i]!.skuId === row.skuId)
        .reduce((s, p) => s + wanted[p.i]!.quantity, 0);
      expect(Number(row.reserved) - reservedBefore.get(row.skuId)!).toBe(accepted);
    }
    // every accepted order holds its lines, every refused submit holds nothing
    const held = await q(
      `SELECT "orderId", sum(quantity)::int AS n FROM inventory."StockReservation" WHERE "skuId" = ANY($1) AND status IN ('HELD', 'CONFIRMED') GROUP BY "orderId"`,
      [skus],
    );
    const heldBy = new Map(held.map((r: any) => [r.orderId, r.n]));
    for (const p of placed) expect(heldBy.get(p.id)).toBe(wanted[p.i]!.quantity);
    expect(heldBy.size).toBe(placed.length);
  }, 240_000);

  it('one store ordering 20 times at once never goes over its credit limit', async () => {
    const office = await login('office1');
    const [customer] = await q(
      `SELECT id FROM crm."Customer" WHERE code = 'C0004' OR id = 'cus_0004' LIMIT 1`,
    );
    expect(customer).toBeTruthy();
    const sku = (
      await q(
        `SELECT k.id FROM catalog."Sku" k JOIN catalog."Product" p ON p.id = k."productId" JOIN catalog."Brand" b ON b.id = p."brandId"
         JOIN inventory."Stock" s ON s."skuId" = k.id AND s."warehouseId" = 'wh_main' WHERE p."onShelf" AND NOT b.restricted ORDER BY k.id DESC LIMIT 1`,
      )
    )[0].id as string;
    await q(`UPDATE inventory."Stock" SET "onHand" = "reserved" + 100000 WHERE "skuId" = $1`, [sku]);
    const limit = await post(
      `mutation($id: ID!) { setCreditLimit(customerId: $id, limit: "500.00", paymentTermDays: 30) { __typename } }`,
      { id: customer.id },
      await login('boss'),
    );
    expect(JSON.stringify(limit)).not.toContain('ValidationError');
    await env.stack.settle();
    const account = async () =>
      (
        await post(
          `query($id: ID!) { customer(id: $id) { creditAccount { limit { amount } receivable { amount } openOrders { amount } available { amount } } } }`,
          { id: customer.id },
          office,
        )
      ).customer.creditAccount;
    const before = await account();
    // each order costs 100.00 (price typed by the office), so at most floor(available / 100) fit
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        post(
          PLACE,
          {
            input: {
              idempotencyKey: `credit-${i}-${Date.now()}`,
              customerId: customer.id,
              lines: [{ skuId: sku, quantity: 1, price: '100.00' }],
            },
          },
          office,
        ),
      ),
    );
    const accepted = answers.filter((a: any) => a.placeOrder?.__typename === 'PlaceOrderSuccess').length;
    const refused = answers.filter((a: any) => a.placeOrder?.__typename === 'CreditLimitExceeded').length;
    expect(accepted + refused).toBe(20);
    const fits = Math.max(0, Math.floor(Number(before.available.amount) / 100));
    expect(accepted).toBe(Math.min(20, fits));
    const after = await account();
    expect(Number(after.openOrders.amount) - Number(before.openOrders.amount)).toBeCloseTo(accepted * 100, 2);
    expect(Number(after.available.amount)).toBeGreaterThanOrEqual(0);
  }, 120_000);
});
