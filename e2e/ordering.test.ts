import { jest } from '@jest/globals';
import { useStack } from './helpers/stack';

// Ordering through the gateway with the demo data: cart, quote, placeOrder with its checks and
// reservations, idempotency, refusals with their figures, review, and concurrent buyers.

jest.setTimeout(120_000);

const env = useStack();
const { tokenOf } = env.gateway;

/** The data of one operation as `username` (or anonymous); throws on errors. */
async function gql(query: string, variables: Record<string, unknown>, username?: string) {
  return env.gateway.gql(query, variables, username ? await tokenOf(username) : undefined);
}

const sql = async (text: string, params: unknown[] = []) => {
  const rows = await env.q(text, params);
  await env.stack.settle();
  return rows;
};

const CART = `fragment C on Cart { id lines { id sku { id } unit quantity } }`;
const ADD = `mutation($input: AddToCartInput!) { addToCart(input: $input) {
  __typename ... on MutationAddToCartSuccess { data { ...C } } ... on ValidationError { message problems { field message } } } } ${CART}`;
const QUOTE = `query { quote { total { amount } subtotal { amount } canPlace
  lines { sku { id } unit quantity baseQuantity unitPrice { amount } priceSource amount { amount } available }
  problems { __typename code message ... on BelowMinimum { minimumAmount { amount } amount { amount } }
    ... on OutsideOrderingWindow { nextOpensAt } ... on ShortStock { requested available } } } }`;
const PLACE = `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) {
  __typename
    ... on PlaceOrderSuccess { order { id number status total { amount } lines { sku { id } unit quantity unitPrice { amount } priceSource } timeline { type toStatus } } }
    ... on OutOfStock { lines { sku { id } requested available } }
    ... on CreditLimitExceeded { limit { amount } receivable { amount } openOrders { amount } required { amount } }
    ... on BelowMinimum { minimumAmount { amount } amount { amount } }
    ... on OutsideOrderingWindow { nextOpensAt }
    ... on PriceChanged { expectedTotal { amount } total { amount } }
    ... on OrderNotPlaceable { problems { code message } }
  ... on ValidationError { message problems { field message } } } }`;

async function skuWithStock(minimum: number): Promise<{ skuId: string; available: number }> {
  const rows = await sql(
    `SELECT s."skuId", s."onHand" - s."reserved" AS available FROM inventory."Stock" s
     JOIN catalog."Sku" k ON k.id = s."skuId" JOIN catalog."Product" p ON p.id = k."productId"
     JOIN catalog."Brand" b ON b.id = p."brandId"
     WHERE s."warehouseId" = 'wh_main' AND p."onShelf" AND NOT b.restricted AND s."onHand" - s."reserved" >= $1
     ORDER BY s."skuId" LIMIT 1`,
    [minimum],
  );
  if (!rows[0]) throw new Error('no SKU with stock');
  return { skuId: rows[0].skuId, available: Number(rows[0].available) };
}

async function emptyCart(username: string) {
  await gql('mutation { clearCart { id } }', {}, username);
}

const key = () => `test-${Math.random().toString(36).slice(2)}-${Date.now()}`;

beforeAll(async () => {
  // the stores of these tests order from the main warehouse (inventory's view of the customer)
  await sql(
    `UPDATE inventory."CustomerWarehouse" SET "warehouseId" = 'wh_main' WHERE "tenantId" = 'tnt_demo'`,
  );
}, 180_000);

describe('a store orders its cart', () => {
  it('fills the cart, sees the quote, places the order, and the order holds its reservations', async () => {
    await emptyCart('store003');
    const { skuId } = await skuWithStock(50);
    const added = await gql(ADD, { input: { skuId, quantity: 3 } }, 'store003');
    expect(added.addToCart.__typename).toBe('MutationAddToCartSuccess');
    const again = await gql(ADD, { input: { skuId, quantity: 2 } }, 'store003');
    expect(again.addToCart.data.lines).toEqual([
      expect.objectContaining({ sku: { id: skuId }, quantity: 5 }),
    ]);

    const { quote } = await gql(QUOTE, {}, 'store003');
    expect(quote.canPlace).toBe(true);
    expect(quote.lines[0]).toMatchObject({ sku: { id: skuId }, quantity: 5, baseQuantity: 5 });
    expect(quote.lines[0].priceSource).toBeTruthy();

    const before = await sql(
      `SELECT reserved FROM inventory."Stock" WHERE "skuId" = $1 AND "warehouseId" = 'wh_main'`,
      [skuId],
    );
    const placed = await gql(
      PLACE,
      { input: { idempotencyKey: key(), expectedTotal: quote.total.amount } },
      'store003',
    );
    const result = placed.placeOrder;
    expect(result.__typename).toBe('PlaceOrderSuccess');
    expect(result.order.total.amount).toBe(quote.total.amount);
    expect(result.order.lines).toEqual([
      expect.objectContaining({ sku: { id: skuId }, quantity: 5, unitPrice: quote.lines[0].unitPrice }),
    ]);
    expect(result.order.timeline[0]).toMatchObject({ type: 'PLACED', toStatus: 'SUBMITTED' });
    const after = await sql(
      `SELECT reserved FROM inventory."Stock" WHERE "skuId" = $1 AND "warehouseId" = 'wh_main'`,
      [skuId],
    );
    expect(Number(after[0].reserved) - Number(before[0].reserved)).toBe(5);
    const cart = await gql(`query { cart { lines { id } } }`, {}, 'store003');
    expect(cart.cart.lines).toEqual([]);
    const events = await sql(`SELECT type FROM orders."OutboxEvent" WHERE "aggregateId" = $1`, [
      result.order.id,
    ]);
    expect(events.map((e: any) => e.type)).toContain('OrderPlaced');
  });

  it('makes one order of the same submit sent five times at once', async () => {
    await emptyCart('store002');
    const { skuId } = await skuWithStock(20);
    await gql(ADD, { input: { skuId, quantity: 1 } }, 'store002');
    const idempotencyKey = key();
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => gql(PLACE, { input: { idempotencyKey } }, 'store002')),
    );
    const ids = new Set(answers.map((a) => a.placeOrder.order?.id));
    expect(ids.size).toBe(1);
    const [id] = [...ids];
    expect(id).toBeTruthy();
    const orders = await sql(`SELECT count(*)::int AS n FROM orders."Order" WHERE "idempotencyKey" = $1`, [
      idempotencyKey,
    ]);
    expect(orders[0].n).toBe(1);
    const held = await sql(
      `SELECT count(*)::int AS n FROM inventory."StockReservation" WHERE "orderId" = $1`,
      [id],
    );
    expect(held[0].n).toBe(1);
  });

  it('refuses below the minimum and outside the ordering hours with the figures, and keeps the cart', async () => {
    await emptyCart('store003');
    const { skuId } = await skuWithStock(5);
    await gql(ADD, { input: { skuId, quantity: 1 } }, 'store003');
    await sql(
      `INSERT INTO orders."OrderSettings" ("tenantId", "minimumAmountMinor", "autoApproveLevelIds") VALUES ('tnt_demo', 99999900, '{}')
       ON CONFLICT ("tenantId") DO UPDATE SET "minimumAmountMinor" = 99999900`,
    );
    try {
      const { quote } = await gql(QUOTE, {}, 'store003');
      expect(quote.canPlace).toBe(false);
      expect(quote.problems).toContainEqual(
        expect.objectContaining({ __typename: 'BelowMinimum', minimumAmount: { amount: '999999.00' } }),
      );
      const placed = await gql(PLACE, { input: { idempotencyKey: key() } }, 'store003');
      expect(placed.placeOrder).toMatchObject({
        __typename: 'BelowMinimum',
        minimumAmount: { amount: '999999.00' },
      });

      await sql(
        `UPDATE orders."OrderSettings" SET "minimumAmountMinor" = 0, "windowStart" = '03:00', "windowEnd" = '03:01'`,
      );
      const outside = await gql(PLACE, { input: { idempotencyKey: key() } }, 'store003');
      // a one-minute window: outside it almost always; inside it the order goes through
      if (outside.placeOrder.__typename !== 'PlaceOrderSuccess') {
        expect(outside.placeOrder.__typename).toBe('OutsideOrderingWindow');
        expect(new Date(outside.placeOrder.nextOpensAt).getTime()).toBeGreaterThan(Date.now());
        const cart = await gql(`query { cart { lines { id } } }`, {}, 'store003');
        expect(cart.cart.lines).toHaveLength(1);
      }
    } finally {
      await sql(
        `UPDATE orders."OrderSettings" SET "minimumAmountMinor" = 0, "windowStart" = NULL, "windowEnd" = NULL`,
      );
    }
  });

  it('says the price changed instead of charging a total the store did not see', async () => {
    await emptyCart('store003');
    const { skuId } = await skuWithStock(5);
    await gql(ADD, { input: { skuId, quantity: 1 } }, 'store003');
    const placed = await gql(PLACE, { input: { idempotencyKey: key(), expectedTotal: '0.01' } }, 'store003');
    expect(placed.placeOrder.__typename).toBe('PriceChanged');
    expect(placed.placeOrder.expectedTotal.amount).toBe('0.01');
  });

  it('refuses more than the warehouse has, listing the line, and reserves nothing', async () => {
    await emptyCart('store003');
    const { skuId, available } = await skuWithStock(1);
    await gql(ADD, { input: { skuId, quantity: Math.min(available + 1, 100_000) } }, 'store003');
    const before = await sql(
      `SELECT reserved FROM inventory."Stock" WHERE "skuId" = $1 AND "warehouseId" = 'wh_main'`,
      [skuId],
    );
    const placed = await gql(PLACE, { input: { idempotencyKey: key() } }, 'store003');
    expect(placed.placeOrder.__typename).toBe('OutOfStock');
    expect(placed.placeOrder.lines).toEqual([{ sku: { id: skuId }, requested: available + 1, available }]);
    const after = await sql(
      `SELECT reserved FROM inventory."Stock" WHERE "skuId" = $1 AND "warehouseId" = 'wh_main'`,
      [skuId],
    );
    expect(after[0].reserved).toBe(before[0].reserved);
  });
});

describe('coupons', () => {
  it('take their amount off the quote, and a single-use one goes to exactly one of ten submits at once', async () => {
    const created = await gql(
      `mutation($input: CouponTemplateInput!) { createCouponTemplate(input: $input) { __typename
        ... on MutationCreateCouponTemplateSuccess { data { id } } ... on ValidationError { message problems { field message } } } }`,
      {
        input: {
          title: '满减券 5 元',
          kind: 'AMOUNT_OFF',
          off: '5.00',
          validFrom: new Date(Date.now() - 60_000).toISOString(),
          validTo: new Date(Date.now() + 86_400_000).toISOString(),
        },
      },
      'office1',
    );
    const templateId = created.createCouponTemplate.data?.id;
    expect(templateId).toBeTruthy();
    const claimed = await gql(
      `mutation($id: ID!) { claimCoupon(templateId: $id) { __typename ... on MutationClaimCouponSuccess { data { code status } } } }`,
      { id: templateId },
      'store003',
    );
    const code = claimed.claimCoupon.data.code as string;

    await emptyCart('store003');
    const { skuId } = await skuWithStock(30);
    await gql(ADD, { input: { skuId, quantity: 2 } }, 'store003');
    const QUOTE_WITH = `query($c: String) { quote(couponCode: $c) { subtotal { amount } discount { amount } total { amount } coupon { code ok reason discount { amount } } } }`;
    const plain = (await gql(QUOTE_WITH, { c: null }, 'store003')).quote;
    const withCoupon = (await gql(QUOTE_WITH, { c: code }, 'store003')).quote;
    expect(withCoupon.coupon).toMatchObject({ code, ok: true, discount: { amount: '5.00' } });
    expect(Number(withCoupon.total.amount)).toBeCloseTo(Number(plain.total.amount) - 5, 2);

    const keys = Array.from({ length: 10 }, () => key());
    const answers = await Promise.all(
      keys.map((k) => gql(PLACE, { input: { idempotencyKey: k, couponCode: code } }, 'store003')),
    );
    const kinds = answers.map((a) => a.placeOrder.__typename).sort();
    expect(kinds.filter((k) => k === 'PlaceOrderSuccess')).toHaveLength(1);
    expect(kinds.filter((k) => k !== 'PlaceOrderSuccess').every((k) => k === 'OrderNotPlaceable')).toBe(true);
    const winner = answers.find((a) => a.placeOrder.__typename === 'PlaceOrderSuccess')!.placeOrder.order;
    expect(winner.total.amount).toBe(withCoupon.total.amount);
    // of the ten submits only the winner holds stock
    const holds = await sql(
      `SELECT DISTINCT r."orderId" FROM inventory."StockReservation" r JOIN orders."OrderAttempt" a ON a."orderId" = r."orderId"
       WHERE a."idempotencyKey" = ANY($1) AND r.status IN ('HELD', 'CONFIRMED')`,
      [keys],
    );
    expect(holds.map((h: any) => h.orderId)).toEqual([winner.id]);
  });
});

describe('who sees which orders', () => {
  it('shows a rep without 店长 the orders of its own stores only, and office all of them', async () => {
    const [rep] = await sql(`SELECT id FROM crm."Staff" WHERE username = 'rep2'`);
    const own = new Set(
      (await sql(`SELECT id FROM crm."Customer" WHERE "ownerRepId" = $1`, [rep.id])).map(
        (r: any) => r.id as string,
      ),
    );
    expect(own.size).toBeGreaterThan(0);
    const LIST = `query { orders(first: 100) { edges { node { id customer { id } } } } }`;
    const repOrders = (await gql(LIST, {}, 'rep2')).orders.edges.map((e: any) => e.node);
    expect(repOrders.length).toBeGreaterThan(0);
    for (const o of repOrders) expect(own.has(o.customer.id)).toBe(true);
    const officeOrders = (await gql(LIST, {}, 'office1')).orders.edges.map((e: any) => e.node);
    const foreign = officeOrders.find((o: any) => !own.has(o.customer.id));
    expect(foreign).toBeTruthy();
    expect(
      (await gql(`query($id: ID!) { order(id: $id) { id } }`, { id: foreign.id }, 'rep2')).order,
    ).toBeNull();
  });
});

describe('review', () => {
  it('takes two steps when the tenant says so, and a price typed below the level price waits for the boss', async () => {
    const { skuId } = await skuWithStock(10);
    const APPROVE = `mutation($id: ID!) { approveOrder(id: $id) { __typename
      ... on MutationApproveOrderSuccess { data { status reviewStage timeline { type } } } ... on ValidationError { message code } } }`;
    await sql(
      `INSERT INTO orders."OrderSettings" ("tenantId", "reviewSteps", "autoApproveLevelIds") VALUES ('tnt_demo', 2, '{}')
       ON CONFLICT ("tenantId") DO UPDATE SET "reviewSteps" = 2`,
    );
    try {
      await emptyCart('store003');
      await gql(ADD, { input: { skuId, quantity: 1 } }, 'store003');
      const id = (await gql(PLACE, { input: { idempotencyKey: key() } }, 'store003')).placeOrder.order.id;
      const first = await gql(APPROVE, { id }, 'office1');
      expect(first.approveOrder.data).toMatchObject({ status: 'SUBMITTED', reviewStage: 'FINANCE' });
      expect(first.approveOrder.data.timeline.map((e: any) => e.type)).toEqual([
        'PLACED',
        'BUSINESS_APPROVED',
      ]);
      expect((await gql(APPROVE, { id }, 'office1')).approveOrder).toMatchObject({
        __typename: 'ValidationError',
        code: 'WRONG_REVIEWER',
      });
      expect((await gql(APPROVE, { id }, 'finance1')).approveOrder.data).toMatchObject({
        status: 'APPROVED',
        reviewStage: 'DONE',
      });
    } finally {
      await sql(`UPDATE orders."OrderSettings" SET "reviewSteps" = 1`);
    }

    const [customer] = await sql(`SELECT "customerId" FROM crm."CustomerUser" WHERE username = 'store003'`);
    const onBehalf = await gql(
      PLACE,
      {
        input: {
          idempotencyKey: key(),
          customerId: customer.customerId,
          lines: [{ skuId, quantity: 1, price: '0.01' }],
        },
      },
      'office1',
    );
    const order = onBehalf.placeOrder.order;
    expect(order.status).toBe('SUBMITTED');
    expect(order.lines[0]).toMatchObject({ priceSource: 'OVERRIDE', unitPrice: { amount: '0.01' } });
    const pending = await gql(APPROVE, { id: order.id }, 'office1');
    expect(pending.approveOrder).toMatchObject({
      __typename: 'ValidationError',
      code: 'PRICE_APPROVAL_PENDING',
    });
    const PRICES = `mutation($id: ID!) { approvePrices(id: $id) { __typename ... on MutationApprovePricesSuccess { data { priceApproval } } } }`;
    expect(await gql(PRICES, { id: order.id }, 'office1').catch((e) => String(e))).toContain('FORBIDDEN');
    expect((await gql(PRICES, { id: order.id }, 'boss')).approvePrices.data.priceApproval).toBe('APPROVED');
    expect((await gql(APPROVE, { id: order.id }, 'office1')).approveOrder.data.status).toBe('APPROVED');
  });

  it('office approves; a rejected order gives its stock back; a store cancels only before approval', async () => {
    const { skuId } = await skuWithStock(10);
    const place = async () => {
      await emptyCart('store003');
      await gql(ADD, { input: { skuId, quantity: 2 } }, 'store003');
      return (await gql(PLACE, { input: { idempotencyKey: key() } }, 'store003')).placeOrder.order
        .id as string;
    };
    const APPROVE = `mutation($id: ID!) { approveOrder(id: $id) { __typename ... on MutationApproveOrderSuccess { data { status timeline { type } } } ... on ValidationError { message } } }`;
    const REJECT = `mutation($id: ID!, $r: String!) { rejectOrder(id: $id, reason: $r) { __typename ... on MutationRejectOrderSuccess { data { status } } ... on ValidationError { message } } }`;
    const CANCEL = `mutation($id: ID!, $r: String!) { cancelOrder(id: $id, reason: $r) { __typename ... on MutationCancelOrderSuccess { data { status } } ... on ValidationError { message } } }`;

    const first = await place();
    const approved = await gql(APPROVE, { id: first }, 'office1');
    expect(approved.approveOrder.data.status).toBe('APPROVED');
    expect(approved.approveOrder.data.timeline.map((t: any) => t.type)).toEqual(['PLACED', 'APPROVED']);
    expect((await gql(CANCEL, { id: first, r: '不要了' }, 'store003')).cancelOrder.__typename).toBe(
      'ValidationError',
    );
    expect((await gql(APPROVE, { id: first }, 'office1')).approveOrder.__typename).toBe('ValidationError');

    const second = await place();
    const held = async () =>
      (
        await sql(
          `SELECT coalesce(sum(quantity), 0)::int AS n FROM inventory."StockReservation" WHERE "orderId" = $1 AND status <> 'RELEASED'`,
          [second],
        )
      )[0].n;
    expect(await held()).toBe(2);
    expect((await gql(REJECT, { id: second, r: '' }, 'office1')).rejectOrder.__typename).toBe(
      'ValidationError',
    );
    expect((await gql(REJECT, { id: second, r: '价格有误' }, 'office1')).rejectOrder.data.status).toBe(
      'REJECTED',
    );
    expect(await held()).toBe(0);

    const third = await place();
    expect((await gql(CANCEL, { id: third, r: '下错了' }, 'store003')).cancelOrder.data.status).toBe(
      'CANCELLED',
    );
    expect((await gql(REJECT, { id: third, r: 'x' }, 'office1')).rejectOrder.__typename).toBe(
      'ValidationError',
    );
  });
});
