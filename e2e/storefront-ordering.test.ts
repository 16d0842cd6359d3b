import pg from 'pg';
import type { Page } from 'playwright-core';
import { ALL_OPERATIONS } from '../storefront/app/lib/ordering-queries';
import { expectOperationsValid, logIn as logInAt, useBrowserStack } from './helpers/browser';
import { gatewayClient } from './helpers/gateway';

// The store's ordering pages in a real Chromium at phone size, over the whole stack with the demo
// data: add to cart on the product page, the cart with the quote's total, placing the order,
// the orders list, cancelling with a reason, a broken minimum, the statement, a coupon. Orders are
// placed as store003 (other test files use store001 and store002), except the coupon test: it
// uses store002's demo coupon WELCOME15S2.

const TEST_TIMEOUT = 120_000;
const STORE = 'store003';
/** 可口可乐苹果汁: SKUs sold by the bottle and by the box of 12. */
const APPLE_JUICE = 'prd_00038';

const env = useBrowserStack({ device: 'phone' });
const { gql, tokenOf } = gatewayClient(() => env.gatewayUrl());

function urls() {
  return { shop: env.appUrl('storefront'), gateway: env.gatewayUrl() };
}

/** As the store, through the gateway: the truth the pages must show. */
async function asStore<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  return gql<T>(query, variables, await tokenOf(STORE));
}

interface ApiCart {
  cart: { lines: { id: string; sku: { id: string }; unit: string; quantity: number }[] };
}

const API_CART = `{ cart { lines { id sku { id } unit quantity } } }`;
const API_QUOTE = `{ quote { total { amount } canPlace lines { sku { id } unit priceSource unitPrice { amount } }
  problems { __typename ... on BelowMinimum { minimumAmount { amount minor } amount { amount minor } } } } }`;

interface ApiQuote {
  quote: {
    total: { amount: string };
    canPlace: boolean;
    lines: { sku: { id: string }; unit: string; priceSource: string; unitPrice: { amount: string } | null }[];
    problems: {
      __typename: string;
      minimumAmount?: { amount: string; minor: string };
      amount?: { amount: string; minor: string };
    }[];
  };
}

async function sql(text: string, params: unknown[] = []) {
  const client = new pg.Client({ connectionString: env.stack.databaseUrl });
  await client.connect();
  try {
    return (await client.query(text, params)).rows;
  } finally {
    await client.end();
  }
}

/** A SKU of the apple juice that store003 can order 2 boxes of (by the API's stock for the store). */
async function boxSku(): Promise<string> {
  const data = await asStore<{
    product: {
      skus: {
        id: string;
        units: { name: string; factor: number }[];
        stock: { available: number | null } | null;
      }[];
    };
  }>(`query($id: ID!) { product(id: $id) { skus { id units { name factor } stock { available } } } }`, {
    id: APPLE_JUICE,
  });
  const sku = data.product.skus.find((s) => {
    const box = s.units.find((u) => u.name === '箱');
    return box && (s.stock?.available ?? 0) >= 2 * box.factor * 2;
  });
  if (!sku) throw new Error('no apple juice SKU with two boxes in stock');
  return sku.id;
}

const newPage = () => env.newPage();

const logIn = (page: Page, username: string) => logInAt(page, urls().shop, username);

/** Opens a page and waits until it is hydrated (its buttons run in the browser). */
async function open(page: Page, path: string) {
  await page.goto(`${urls().shop}${path}`);
  await page.waitForLoadState('networkidle');
}

/** `12345.60` -> `12,345.60`, as the pages show money. */
function grouped(amount: string): string {
  const [whole = '0', fraction = '00'] = amount.split('.');
  return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${fraction}`;
}

async function text(page: Page, testId: string): Promise<string> {
  return ((await page.getByTestId(testId).first().textContent()) ?? '').trim();
}

beforeAll(async () => {
  // As e2e/ordering.test.ts: store003 orders from the main warehouse (inventory's view of the
  // customer; the demo data's north warehouse has no stock rows in inventory yet).
  await sql(
    `UPDATE inventory."CustomerWarehouse" SET "warehouseId" = 'wh_main'
     WHERE "tenantId" = 'tnt_demo' AND "customerId" = 'cus_0003'`,
  );
  await env.stack.settle();
}, 180_000);

beforeEach(async () => {
  await asStore('mutation { clearCart { id } }');
});

describe('storefront ordering in a browser', () => {
  it('sends only operations that are valid against the composed schema and the gateway depth limit', async () => {
    await expectOperationsValid(urls().gateway, ALL_OPERATIONS, { maxDepth: 12 });
  });

  it(
    'asks to confirm a total that changed since the cart was shown, and places at the new total',
    async () => {
      const skuId = await boxSku();
      await asStore('mutation($input: AddToCartInput!) { addToCart(input: $input) { __typename } }', {
        input: { skuId, quantity: 1, unit: '箱' },
      });
      const before = (await asStore<ApiQuote>(API_QUOTE)).quote;
      expect(before.lines[0]?.priceSource).toBe('WHOLESALE');
      const page = await newPage();
      await logIn(page, STORE);
      await open(page, '/cart');
      expect(await page.getByTestId('cart-total').getAttribute('data-amount')).toBe(before.total.amount);

      // the distributor raises the wholesale price (¥0.10 a bottle) while the store looks at its cart
      await sql(
        `UPDATE pricing."SkuPrice" SET "wholesaleMinor" = "wholesaleMinor" + 10
         WHERE "tenantId" = 'tnt_demo' AND "skuId" = $1`,
        [skuId],
      );
      await env.stack.settle();
      const after = (await asStore<ApiQuote>(API_QUOTE)).quote;
      expect(after.total.amount).not.toBe(before.total.amount);

      const sentKey = await page.getByTestId('place-order-key').inputValue();
      await page.getByTestId('place-order').click();
      const refusal = page.locator('[data-testid="place-refusal"][data-kind="PriceChanged"]');
      await refusal.waitFor();
      expect(await refusal.getByTestId('new-total').getAttribute('data-amount')).toBe(after.total.amount);
      expect(await refusal.textContent()).toContain(grouped(before.total.amount));
      // nothing was ordered, the cart is as it was
      expect((await asStore<ApiCart>(API_CART)).cart.lines).toHaveLength(1);
      // confirming is a new submit: a new idempotency key, the new total expected
      expect(await page.getByTestId('confirm-new-total-key').inputValue()).not.toBe(sentKey);

      await page.getByTestId('confirm-new-total').click();
      await page.getByTestId('order-placed').waitFor({ timeout: 30_000 });
      expect(await page.getByTestId('order-total').getAttribute('data-amount')).toBe(after.total.amount);
    },
    TEST_TIMEOUT,
  );

  it(
    'adds 2 boxes on the product page, shows the quote total in the cart, places the order, lists and cancels it',
    async () => {
      const skuId = await boxSku();
      const page = await newPage();
      await logIn(page, STORE);
      await open(page, `/products/${APPLE_JUICE}?sku=${skuId}`);
      await page.locator('[data-testid="unit-option"][data-unit="箱"]').click();
      await page.waitForURL((url) => url.searchParams.get('unit') === '箱');
      await page.waitForSelector('[data-testid="add-to-cart"] input[name="unit"][value="箱"]', {
        state: 'attached',
      });

      // A quantity the API refuses: its ValidationError at the control, the cart unchanged.
      await page.getByTestId('add-quantity').fill('200000');
      await page.getByTestId('add-to-cart-submit').click();
      await page.getByTestId('add-to-cart-error').waitFor();
      expect(await text(page, 'add-to-cart-error')).toContain('100000');
      expect((await asStore<ApiCart>(API_CART)).cart.lines).toEqual([]);

      // 2 boxes: the stepper from 1 to 2, then 加入购物车.
      await page.getByTestId('add-quantity').fill('1');
      await page.getByTestId('add-quantity-more').click();
      expect(await page.getByTestId('add-quantity').inputValue()).toBe('2');
      await page.getByTestId('add-to-cart-submit').click();
      await page.getByTestId('add-to-cart-done').waitFor();
      expect(await text(page, 'add-to-cart-done')).toContain('2箱');
      const cart = (await asStore<ApiCart>(API_CART)).cart;
      expect(cart.lines.map((l) => ({ skuId: l.sku.id, unit: l.unit, quantity: l.quantity }))).toEqual([
        { skuId, unit: '箱', quantity: 2 },
      ]);
      // the frame's cart link counts the line
      await page.waitForSelector('[data-testid="cart-link"][data-count="1"]');

      await page.getByTestId('go-to-cart').click();
      await page.waitForURL((url) => url.pathname === '/cart');
      await page.getByTestId('cart-line').first().waitFor();
      const { quote } = await asStore<ApiQuote>(API_QUOTE);
      expect(quote.canPlace).toBe(true);
      const line = page.getByTestId('cart-line');
      expect(await line.count()).toBe(1);
      expect(await line.getAttribute('data-unit')).toBe('箱');
      expect(await line.getAttribute('data-quantity')).toBe('2');
      expect(await line.getByTestId('cart-line-name').textContent()).toContain('可口可乐苹果汁');
      expect(await line.getByTestId('cart-line-price').getAttribute('data-amount')).toBe(
        quote.lines[0]?.unitPrice?.amount,
      );
      expect(await line.getByTestId('price-source').getAttribute('data-source')).toBe(
        quote.lines[0]?.priceSource,
      );
      expect(await page.getByTestId('cart-total').getAttribute('data-amount')).toBe(quote.total.amount);
      expect(await text(page, 'cart-total')).toContain(quote.total.amount);
      expect(await page.getByTestId('place-order').isDisabled()).toBe(false);
      await page.screenshot({ path: '/tmp/sf-cart.png' });

      await page.getByTestId('place-order').click();
      // the order page, or else say what the cart page showed instead
      const outcome = page.locator(
        '[data-testid="order-placed"], [data-testid="place-refusal"], [data-testid="place-error"]',
      );
      await outcome.first().waitFor({ timeout: 30_000 });
      if ((await outcome.first().getAttribute('data-testid')) !== 'order-placed') {
        throw new Error(`placeOrder did not place: ${await outcome.first().textContent()}`);
      }
      expect(new URL(page.url()).pathname).toMatch(/^\/orders\/[^/]+$/);
      const orderId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');
      await page.getByTestId('order-placed').waitFor();
      expect(await page.getByTestId('order-status').first().getAttribute('data-status')).toBe('SUBMITTED');
      expect(await text(page, 'order-status')).toBe('待审核');
      expect(await page.getByTestId('order-total').getAttribute('data-amount')).toBe(quote.total.amount);
      const api = await asStore<{ order: { status: string; total: { amount: string } } }>(
        'query($id: ID!) { order(id: $id) { status total { amount } } }',
        { id: orderId },
      );
      expect(api.order).toEqual({ status: 'SUBMITTED', total: { amount: quote.total.amount } });
      // the cart was ordered
      expect((await asStore<ApiCart>(API_CART)).cart.lines).toEqual([]);
      await page.screenshot({ path: '/tmp/sf-order.png' });

      // In the orders list, newest first, 待审核 with its total.
      await open(page, '/orders');
      const row = page.getByTestId('order-row').first();
      expect(await row.getAttribute('data-order-id')).toBe(orderId);
      expect(await row.getByTestId('order-status').textContent()).toBe('待审核');
      expect(await row.getByTestId('order-total').getAttribute('data-amount')).toBe(quote.total.amount);

      // Cancel: a reason is required (nothing changes without one), then 已取消.
      await row.click();
      await page.waitForURL((url) => url.pathname === `/orders/${orderId}`);
      await page.waitForLoadState('networkidle');
      await page.getByTestId('cancel-open').click();
      await page.getByTestId('cancel-submit').click();
      await page.getByTestId('cancel-error').waitFor();
      expect(await page.getByTestId('cancel-error').getAttribute('data-code')).toBe('reasonRequired');
      expect(
        (
          await asStore<{ order: { status: string } }>('query($id: ID!) { order(id: $id) { status } }', {
            id: orderId,
          })
        ).order.status,
      ).toBe('SUBMITTED');
      await page.getByTestId('cancel-reason').fill('下错单了');
      await page.getByTestId('cancel-submit').click();
      await page.waitForSelector('[data-testid="order-status"][data-status="CANCELLED"]');
      expect(await text(page, 'order-status')).toBe('已取消');
      expect(await page.getByTestId('cancel-panel').count()).toBe(0);
      const cancelled = await asStore<{
        order: { status: string; timeline: { toStatus: string; note: string }[] };
      }>('query($id: ID!) { order(id: $id) { status timeline { toStatus note } } }', { id: orderId });
      expect(cancelled.order.status).toBe('CANCELLED');
      expect(cancelled.order.timeline.find((e) => e.toStatus === 'CANCELLED')?.note).toContain('下错单了');
      expect((await page.getByTestId('timeline-note').allTextContents()).join(' ')).toContain('下错单了');

      // Reorder puts the order's lines back into the cart.
      await page.getByTestId('reorder').click();
      await page.waitForURL((url) => url.pathname === '/cart');
      await page.getByTestId('reordered-notice').waitFor();
      const again = (await asStore<ApiCart>(API_CART)).cart;
      expect(again.lines.map((l) => ({ skuId: l.sku.id, unit: l.unit, quantity: l.quantity }))).toEqual([
        { skuId, unit: '箱', quantity: 2 },
      ]);
    },
    TEST_TIMEOUT,
  );

  it(
    'shows a broken minimum with how much is missing and disables the submit button',
    async () => {
      const skuId = await boxSku();
      await asStore('mutation($input: AddToCartInput!) { addToCart(input: $input) { __typename } }', {
        input: { skuId, quantity: 1, unit: '箱' },
      });
      await sql(
        `INSERT INTO orders."OrderSettings" ("tenantId", "minimumAmountMinor") VALUES ('tnt_demo', 1000000)
         ON CONFLICT ("tenantId") DO UPDATE SET "minimumAmountMinor" = 1000000`,
      );
      await env.stack.settle();
      try {
        const { quote } = await asStore<ApiQuote>(API_QUOTE);
        const below = quote.problems.find((p) => p.__typename === 'BelowMinimum');
        expect(below).toBeDefined();
        expect(quote.canPlace).toBe(false);

        const page = await newPage();
        await logIn(page, STORE);
        await open(page, '/cart');
        const problem = page.locator('[data-testid="quote-problem"][data-kind="BelowMinimum"]');
        await problem.waitFor();
        const missing = (BigInt(below?.minimumAmount?.minor ?? '0') - BigInt(below?.amount?.minor ?? '0'))
          .toString()
          .padStart(3, '0');
        const missingAmount = `${missing.slice(0, -2)}.${missing.slice(-2)}`;
        expect(await problem.getByTestId('below-minimum-amount').getAttribute('data-missing')).toBe(
          missingAmount,
        );
        const message = (await problem.textContent()) ?? '';
        expect(message).toContain('未达起订标准');
        expect(message).toContain('10,000.00');
        expect(message).toContain(`还差 ¥${grouped(missingAmount)}`);
        expect(await page.getByTestId('place-order').isDisabled()).toBe(true);
        expect(await text(page, 'place-blocked')).toContain('未达起订标准');
        await page.screenshot({ path: '/tmp/sf-cart-minimum.png' });
      } finally {
        await sql(`DELETE FROM orders."OrderSettings" WHERE "tenantId" = 'tnt_demo'`);
        await env.stack.settle();
      }
    },
    TEST_TIMEOUT,
  );

  it(
    'changes a line with the stepper and removes it',
    async () => {
      const skuId = await boxSku();
      await asStore('mutation($input: AddToCartInput!) { addToCart(input: $input) { __typename } }', {
        input: { skuId, quantity: 1, unit: '箱' },
      });
      const page = await newPage();
      await logIn(page, STORE);
      await open(page, '/cart');
      await page.getByTestId('cart-line-quantity-more').click();
      await page.waitForSelector('[data-testid="cart-line"][data-quantity="2"]');
      expect((await asStore<ApiCart>(API_CART)).cart.lines[0]?.quantity).toBe(2);
      const { quote } = await asStore<ApiQuote>(API_QUOTE);
      await page.waitForSelector(`[data-testid="cart-total"][data-amount="${quote.total.amount}"]`);

      await page.getByTestId('cart-line-remove').click();
      await page.getByTestId('cart-empty').waitFor();
      expect((await asStore<ApiCart>(API_CART)).cart.lines).toEqual([]);
      expect(await page.getByTestId('place-order').isDisabled()).toBe(true);
    },
    TEST_TIMEOUT,
  );

  it(
    "shows the store's statement for this month as the API gives it",
    async () => {
      const page = await newPage();
      await logIn(page, STORE);
      await open(page, '/statement');
      await page.getByTestId('statement-summary').waitFor();
      const month = (await page.getByTestId('statement-month').inputValue()).split('-').map(Number);
      const [year = 0, mm = 1] = month;
      const from = new Date(Date.UTC(year, mm - 1, 1) - 8 * 3600_000).toISOString();
      const to = new Date(
        Date.UTC(mm === 12 ? year + 1 : year, mm === 12 ? 0 : mm, 1) - 8 * 3600_000,
      ).toISOString();
      const api = await asStore<{
        myStatement: { data: { closingBalance: { amount: string }; entries: unknown[] } };
      }>(
        `query($from: DateTime!, $to: DateTime!) { myStatement(from: $from, to: $to) {
          ... on QueryMyStatementSuccess { data { closingBalance { amount } entries { id } } } } }`,
        { from, to },
      );
      expect(await page.getByTestId('statement-closingBalance').getAttribute('data-amount')).toBe(
        api.myStatement.data.closingBalance.amount,
      );
      expect(await page.getByTestId('statement-entry').count()).toBe(api.myStatement.data.entries.length);
    },
    TEST_TIMEOUT,
  );

  it(
    'takes the coupon code (优惠券) into the quote and places the order at the discounted total (store002)',
    async () => {
      // store002 holds WELCOME15S2 (满200减15); this test alone orders as store002.
      const token = await tokenOf('store002');
      await gql('mutation { clearCart { id } }', {}, token);
      const products = await gql<{
        products: {
          edges: {
            node: {
              skus: { id: string; price: { minor: string } | null; stock: { available: number } | null }[];
            };
          }[];
        };
      }>(
        '{ products(filter: { inStock: true }, first: 40) { edges { node { skus { id price { minor } stock { available } } } } } }',
        {},
        token,
      );
      const candidates = products.products.edges
        .flatMap((e) => e.node.skus)
        .filter((s) => s.price && BigInt(s.price.minor) > 0n)
        .map((s) => ({
          id: s.id,
          quantity: Number(20_000n / BigInt(s.price!.minor)) + 2,
          available: s.stock?.available ?? 0,
        }))
        .filter((s) => s.available >= s.quantity);
      const chosen = candidates[0];
      if (!chosen) throw new Error('store002 has no SKU to pass 200 yuan with');
      const added = await gql<{ addToCart: { __typename: string } }>(
        'mutation($input: AddToCartInput!) { addToCart(input: $input) { __typename } }',
        { input: { skuId: chosen.id, quantity: chosen.quantity } },
        token,
      );
      expect(added.addToCart.__typename).toBe('MutationAddToCartSuccess');
      const quoted = await gql<{
        quote: {
          total: { amount: string };
          discount: { amount: string; minor: string };
          canPlace: boolean;
          coupon: { code: string; ok: boolean; discount: { amount: string } } | null;
        };
      }>(
        'query($c: String) { quote(couponCode: $c) { total { amount } discount { amount minor } canPlace coupon { code ok discount { amount } } } }',
        { c: 'WELCOME15S2' },
        token,
      );
      expect(quoted.quote.coupon).toMatchObject({
        code: 'WELCOME15S2',
        ok: true,
        discount: { amount: '15.00' },
      });
      expect(quoted.quote.canPlace).toBe(true);

      const page = await newPage();
      await logIn(page, 'store002');
      await open(page, '/cart');
      await page.getByTestId('coupon-code').fill('WELCOME15S2');
      await page.getByTestId('coupon-apply').click();
      await page.waitForURL((url) => url.searchParams.get('coupon') === 'WELCOME15S2');
      await page.locator('[data-testid="coupon-status"][data-ok="true"]').waitFor();
      await page.waitForLoadState('networkidle');
      expect(await page.getByTestId('cart-total').getAttribute('data-amount')).toBe(
        quoted.quote.total.amount,
      );
      expect(await page.getByTestId('cart-coupon-discount').getAttribute('data-amount')).toBe('15.00');
      expect(await page.getByTestId('cart-discount').getAttribute('data-amount')).toBe(
        quoted.quote.discount.amount,
      );

      await page.getByTestId('place-order').click();
      await page.waitForURL(/\/orders\/[^/]+\?placed=1/, { timeout: 90_000 });
      const orderId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');
      const order = await gql<{ order: { total: { amount: string } } | null }>(
        'query($id: ID!) { order(id: $id) { total { amount } } }',
        { id: orderId },
        token,
      );
      expect(order.order?.total.amount).toBe(quoted.quote.total.amount);
    },
    TEST_TIMEOUT,
  );
});
