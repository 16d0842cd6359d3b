import type { Page } from 'playwright-core';
import { ALL_ORDERS_OPERATIONS } from '../console/app/lib/orders-queries';
import {
  expectOperationsValid,
  logIn as logInAt,
  PHONE,
  useBrowserStack,
  waitForHydratedMain,
} from './helpers/browser';
import { gatewayClient } from './helpers/gateway';

// The console's order screens in a real Chromium over the whole stack with the demo data: the
// review queue (rush first, then oldest), the order page with approve / reject and the API's
// refusals, an order on behalf of store001 (desktop, and the phone a rep carries into a shop),
// and collections confirmed by finance. Every outcome is checked through the gateway.

const TEST_TIMEOUT = 240_000;
/** placeOrder runs a saga over three services; on a busy machine it may take a while. */
const PLACE_TIMEOUT = 90_000;

const env = useBrowserStack({ device: 'desktop' });
const { gql, tokenOf } = gatewayClient(() => env.gatewayUrl());

function urls() {
  return { console: env.appUrl('console'), gateway: env.gatewayUrl() };
}

interface StockedSku {
  id: string;
  code: string;
  name: string;
  barcode: string;
  baseUnit: string;
  available: number;
}

/** SKUs store001 can order now: on the shelf, priced, with stock in its warehouse and a barcode. */
async function orderableSkus(): Promise<StockedSku[]> {
  const data = await gql<{
    products: {
      edges: {
        node: {
          name: string;
          skus: {
            id: string;
            code: string;
            barcode: string | null;
            baseUnit: string;
            price: { amount: string } | null;
            stock: { available: number } | null;
          }[];
        };
      }[];
    };
  }>(
    `{ products(filter: { inStock: true }, first: 40) { edges { node { name
        skus { id code barcode baseUnit price { amount } stock { available } } } } } }`,
    {},
    await tokenOf('store001'),
  );
  return data.products.edges.flatMap((e) =>
    e.node.skus
      .filter((s) => s.price && s.barcode && (s.stock?.available ?? 0) >= 50)
      .map((s) => ({
        id: s.id,
        code: s.code,
        name: e.node.name,
        barcode: s.barcode as string,
        baseUnit: s.baseUnit,
        available: s.stock?.available ?? 0,
      })),
  );
}

const PLACE = `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) {
  __typename
  ... on PlaceOrderSuccess { order { id number status } }
  ... on ValidationError { message problems { field message } } } }`;

/** store001 orders through its cart, as the shop does. */
async function placeAsStore(skuId: string, quantity: number, rush = false) {
  const token = await tokenOf('store001');
  await gql('mutation { clearCart { id } }', {}, token);
  const added = await gql<{ addToCart: { __typename: string } }>(
    'mutation($input: AddToCartInput!) { addToCart(input: $input) { __typename } }',
    { input: { skuId, quantity } },
    token,
  );
  expect(added.addToCart.__typename).toBe('MutationAddToCartSuccess');
  const placed = await gql<{
    placeOrder: { __typename: string; order?: { id: string; number: string; status: string } };
  }>(PLACE, { input: { idempotencyKey: `e2e-console-${Math.random().toString(36).slice(2)}`, rush } }, token);
  const order = placed.placeOrder?.order;
  if (!order) throw new Error(`placeOrder did not place: ${JSON.stringify(placed.placeOrder)}`);
  return order;
}

interface ApiOrder {
  id: string;
  status: string;
  channel: string;
  customer: { id: string } | null;
  lines: {
    sku: { id: string } | null;
    unit: string;
    quantity: number;
    unitPrice: { amount: string };
    priceSource: string;
  }[];
  timeline: { type: string; toStatus: string | null; actorKind: string; actorId: string; note: string }[];
}

async function apiOrder(id: string): Promise<ApiOrder> {
  const data = await gql<{ order: ApiOrder | null }>(
    `query($id: ID!) { order(id: $id) { id status channel customer { id }
      lines { sku { id } unit quantity unitPrice { amount } priceSource }
      timeline { type toStatus actorKind actorId note } } }`,
    { id },
    await tokenOf('office1'),
  );
  if (!data.order) throw new Error(`no order ${id}`);
  return data.order;
}

async function store001(): Promise<{ id: string; code: string; name: string }> {
  const data = await gql<{ me: { customer: { id: string; code: string; name: string } } }>(
    '{ me { ... on CustomerUser { customer { id code name } } } }',
    {},
    await tokenOf('store001'),
  );
  return data.me.customer;
}

async function priceOptions(skuId: string, customerId: string) {
  const data = await gql<{ sku: { priceOptions: { source: string; amount: string; applies: boolean }[] } }>(
    'query($id: ID!, $c: ID!) { sku(id: $id) { priceOptions(customerId: $c) { source amount applies } } }',
    { id: skuId, c: customerId },
    await tokenOf('office1'),
  );
  return data.sku.priceOptions;
}

const newPage = (device: 'phone' | 'desktop' = 'desktop') => env.newPage(device);

/** Opens a console page and waits until React has hydrated it (forms then submit through the router). */
async function open(page: Page, path: string) {
  await page.goto(`${urls().console}${path}`);
  await waitForHydratedMain(page);
}

const logIn = (page: Page, username = 'office1') => logInAt(page, urls().console, username);

let skus: StockedSku[] = [];

beforeAll(async () => {
  skus = await orderableSkus();
  if (skus.length < 3) throw new Error(`store001 has only ${skus.length} SKUs to order`);
}, 180_000);

describe('console orders in a browser', () => {
  it('sends only operations that are valid against the composed schema and the gateway depth limit', async () => {
    await expectOperationsValid(urls().gateway, ALL_ORDERS_OPERATIONS, { maxDepth: 12 });
  });

  it(
    'shows a store order in the review queue (rush first), approves it, and shows the refusal of a second approve',
    async () => {
      const [a, b] = skus;
      const plain = await placeAsStore(a!.id, 2);
      const rush = await placeAsStore(b!.id, 1, true);
      expect(plain.status).toBe('SUBMITTED');
      expect(rush.status).toBe('SUBMITTED');

      const page = await newPage();
      await logIn(page, 'office1');
      await open(page, '/orders');
      const row = page.locator(`[data-testid="order-row"][data-order="${plain.id}"]`);
      await row.waitFor();
      expect(await row.getByTestId('order-status').textContent()).toBe('待审核');
      // Rush orders come first in the queue, marked 加急.
      const first = page.getByTestId('order-row').first();
      expect(await first.getAttribute('data-rush')).toBe('true');
      const rushRow = page.locator(`[data-testid="order-row"][data-order="${rush.id}"]`);
      expect(await rushRow.getByTestId('rush-badge').textContent()).toBe('加急');
      // Every rush order before the others, and oldest first within each.
      const queue = await page.getByTestId('order-row').evaluateAll((rows) =>
        rows.map((r) => ({
          rush: r.getAttribute('data-rush'),
          created: r.getAttribute('data-created') ?? '',
        })),
      );
      const firstPlain = queue.findIndex((r) => r.rush === 'false');
      expect(queue.slice(firstPlain).every((r) => r.rush === 'false')).toBe(true);
      for (const group of [queue.slice(0, firstPlain), queue.slice(firstPlain)]) {
        const created = group.map((r) => r.created);
        expect(created).toEqual([...created].sort());
      }

      await row.getByTestId('order-link').click();
      await page.waitForURL((url) => url.pathname === `/orders/${plain.id}`);
      await page.getByTestId('order-line').first().waitFor();
      expect(await page.getByTestId('order-line').count()).toBe(1);
      expect(await page.getByTestId('order-store-name').textContent()).toContain((await store001()).name);
      expect(await page.getByTestId('timeline-event').first().getAttribute('data-type')).toBe('PLACED');
      await page.waitForFunction(() => {
        const main = document.querySelector('main');
        return !!main && Object.keys(main).some((k) => k.startsWith('__reactFiber'));
      });

      await page.getByTestId('approve-order').click();
      await page.locator('[data-testid="order-status"][data-status="APPROVED"]').first().waitFor();
      await page.locator('[data-testid="timeline-event"][data-type="APPROVED"]').waitFor();
      const approved = await apiOrder(plain.id);
      expect(approved.status).toBe('APPROVED');
      expect(approved.timeline.map((e) => e.type)).toEqual(['PLACED', 'APPROVED']);
      expect(approved.timeline[1]).toMatchObject({ toStatus: 'APPROVED', actorKind: 'staff' });
      // Who did it: office1 by name.
      const staff = await gql<{ staffMembers: { id: string; name: string; username: string }[] }>(
        '{ staffMembers { id name username } }',
        {},
        await tokenOf('office1'),
      );
      const office1 = staff.staffMembers.find((m) => m.username === 'office1');
      expect(approved.timeline[1]?.actorId).toBe(office1?.id);
      expect(
        await page
          .locator('[data-testid="timeline-event"][data-type="APPROVED"] [data-testid="timeline-actor"]')
          .textContent(),
      ).toBe(office1?.name);

      // Approving it again: the API refuses (illegal transition) and the page says so.
      await page.getByTestId('approve-order').click();
      const refusal = page.getByTestId('approve-error');
      await refusal.waitFor({ timeout: PLACE_TIMEOUT });
      expect(await refusal.textContent()).toContain('APPROVED');
      expect((await apiOrder(plain.id)).status).toBe('APPROVED');

      // The approved tab lists it.
      await open(page, '/orders?tab=approved');
      await page.locator(`[data-testid="order-row"][data-order="${plain.id}"]`).waitFor();
    },
    TEST_TIMEOUT,
  );

  it(
    'rejects an order with a reason (none given: refused at the field, nothing changes)',
    async () => {
      const order = await placeAsStore(skus[2]!.id, 1);
      const page = await newPage();
      await logIn(page, 'office1');
      await open(page, `/orders/${order.id}`);
      await page.getByTestId('reject-order').click();
      const fieldError = page.locator(
        '[data-testid="order-review"] [data-testid="field-error"][data-field="reason"]',
      );
      await fieldError.waitFor();
      expect((await apiOrder(order.id)).status).toBe('SUBMITTED');

      await page.getByTestId('reject-reason').fill('门店已停业，无法送货');
      await page.getByTestId('reject-order').click();
      await page.locator('[data-testid="order-status"][data-status="REJECTED"]').first().waitFor();
      const note = page.locator(
        '[data-testid="timeline-event"][data-type="REJECTED"] [data-testid="timeline-note"]',
      );
      expect(await note.textContent()).toBe('门店已停业，无法送货');
      const rejected = await apiOrder(order.id);
      expect(rejected.status).toBe('REJECTED');
      expect(rejected.timeline.at(-1)).toMatchObject({ type: 'REJECTED', note: '门店已停业，无法送货' });

      // Searching the store in the list finds its orders only.
      const customer = await store001();
      await open(page, `/orders?tab=rejected&q=${encodeURIComponent(customer.code)}`);
      await page.locator(`[data-testid="order-row"][data-order="${order.id}"]`).waitFor();
      expect(await page.getByTestId('orders-customer-filter').getAttribute('data-customer')).toBe(
        customer.id,
      );
    },
    TEST_TIMEOUT,
  );

  it(
    'places an order on behalf of store001 with two lines (product search and barcode), retrying with the same key',
    async () => {
      const customer = await store001();
      const [searched, scanned] = [skus[0]!, skus[1]!];
      const page = await newPage();
      await logIn(page, 'office1');
      await open(page, '/orders/new');
      await page.getByTestId('store-search').fill(customer.code);
      await page.getByTestId('store-search-submit').click();
      await page.locator(`[data-testid="store-choice"][data-customer="${customer.id}"]`).click();
      await page.locator(`[data-testid="picked-store"][data-customer="${customer.id}"]`).waitFor();
      await page.waitForFunction(
        () => !!document.querySelector('[data-testid="order-builder"]')?.getAttribute('data-idempotency-key'),
      );

      // Line 1 by product search, line 2 by barcode.
      await page.getByTestId('product-search').fill(searched.name);
      await page.getByTestId('product-search-submit').click();
      await page.locator(`[data-testid="add-sku"][data-sku="${searched.id}"]`).click();
      await page.getByTestId('barcode-input').fill(scanned.barcode);
      await page.getByTestId('barcode-submit').click();
      const line1 = page.locator(`[data-testid="draft-line"][data-sku="${searched.id}"]`);
      const line2 = page.locator(`[data-testid="draft-line"][data-sku="${scanned.id}"]`);
      await line2.waitFor();
      // The store's price: the option that applies, as the API says.
      const applying = (await priceOptions(searched.id, customer.id)).find((o) => o.applies);
      expect(applying).toBeDefined();
      await line1
        .getByTestId('line-total')
        .filter({ hasText: `¥${applying!.amount}` })
        .waitFor();

      // First submit asks for more than there is: OutOfStock with its figures; nothing ordered.
      await line1.getByTestId('line-quantity-input').fill(String(searched.available + 1));
      await line2.getByTestId('line-quantity-input').fill('3');
      // Office charges line 2 another price: typed by hand.
      await line2.getByTestId('line-price-option').selectOption('CUSTOM');
      await line2.getByTestId('line-custom-price').fill('1.23');
      await line2.getByTestId('line-total').filter({ hasText: '¥3.69' }).waitFor();
      const key = await page.getByTestId('order-builder').getAttribute('data-idempotency-key');
      await page.getByTestId('place-order').click();
      const refusal = page.getByTestId('place-refusal');
      await refusal.waitFor({ timeout: PLACE_TIMEOUT });
      const kind = await refusal.getAttribute('data-kind');
      expect(['OutOfStock', 'OrderNotPlaceable', 'CreditLimitExceeded']).toContain(kind);
      if (kind === 'OutOfStock')
        await refusal.locator(`[data-testid="short-line"][data-sku="${searched.id}"]`).waitFor();

      // Fixed and sent again under the same key.
      await line1.getByTestId('line-quantity-input').fill('2');
      expect(await page.getByTestId('order-builder').getAttribute('data-idempotency-key')).toBe(key);
      await page.getByTestId('place-order').click();
      await page.waitForURL((url) => /^\/orders\/ord_/.test(url.pathname), { timeout: PLACE_TIMEOUT });
      const id = new URL(page.url()).pathname.split('/').pop()!;
      await page.getByTestId('order-line').first().waitFor();

      const placed = await apiOrder(id);
      expect(placed.customer?.id).toBe(customer.id);
      expect(placed.channel).toBe('OFFICE');
      expect(['SUBMITTED', 'APPROVED']).toContain(placed.status);
      expect(placed.timeline[0]).toMatchObject({ type: 'PLACED', actorKind: 'staff' });
      const lines = placed.lines.map((l) => ({ sku: l.sku?.id, quantity: l.quantity, unit: l.unit }));
      expect(lines).toEqual(
        expect.arrayContaining([
          { sku: searched.id, quantity: 2, unit: searched.baseUnit },
          { sku: scanned.id, quantity: 3, unit: scanned.baseUnit },
        ]),
      );
      expect(lines).toHaveLength(2);
      const line1Placed = placed.lines.find((l) => l.sku?.id === searched.id);
      expect(line1Placed?.unitPrice.amount).toBe(applying!.amount);
      expect(line1Placed?.priceSource).toBe(applying!.source);
      expect(placed.lines.find((l) => l.sku?.id === scanned.id)).toMatchObject({
        unitPrice: { amount: '1.23' },
        priceSource: 'OVERRIDE',
      });
      expect(await page.getByTestId('order-status').first().getAttribute('data-status')).toBe(placed.status);
    },
    TEST_TIMEOUT,
  );

  it(
    'orders on a phone: picks the store, reuses its last order, and places it',
    async () => {
      const customer = await store001();
      const page = await newPage('phone');
      await logIn(page, 'office1');
      await open(page, `/orders/new?customer=${customer.id}`);
      const last = await gql<{
        customer: {
          recentOrders: {
            id: string;
            lines: { sku: { id: string }; quantity: number; unit: string; isGift: boolean }[];
          }[];
        };
      }>(
        'query($id: ID!) { customer(id: $id) { recentOrders(limit: 1) { id lines { sku { id } quantity unit isGift } } } }',
        { id: customer.id },
        await tokenOf('office1'),
      );
      const lastLines = last.customer.recentOrders[0]!.lines.filter((l) => !l.isGift);
      await page.getByTestId('reuse-last-order').click();
      await page
        .getByTestId('draft-line')
        .nth(lastLines.length - 1)
        .waitFor();
      expect(await page.getByTestId('draft-line').count()).toBe(lastLines.length);
      await page.waitForFunction(
        () => !document.querySelector('[data-testid="draft-total"]')?.textContent?.includes('—'),
      );
      // Fits the phone: nothing wider than the screen.
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > PHONE.width)
        console.log(
          await page.evaluate(() =>
            [...document.querySelectorAll('body *')]
              .filter((el) => el.getBoundingClientRect().right > 391)
              .slice(0, 15)
              .map((el) => `${el.tagName}.${el.className} ${Math.round(el.getBoundingClientRect().right)}`)
              .join('\n'),
          ),
        );
      expect(width).toBeLessThanOrEqual(PHONE.width);
      await page.getByTestId('place-order').tap();
      await page.waitForURL((url) => /^\/orders\/ord_/.test(url.pathname), { timeout: PLACE_TIMEOUT });
      const id = new URL(page.url()).pathname.split('/').pop()!;
      const placed = await apiOrder(id);
      expect(placed.lines.map((l) => ({ sku: l.sku?.id, quantity: l.quantity, unit: l.unit }))).toEqual(
        expect.arrayContaining(lastLines.map((l) => ({ sku: l.sku.id, quantity: l.quantity, unit: l.unit }))),
      );
      expect(placed.lines).toHaveLength(lastLines.length);
    },
    TEST_TIMEOUT,
  );

  it(
    'records a collection as office1 and finance confirms one and rejects another',
    async () => {
      const customer = await store001();
      const page = await newPage();
      await logIn(page, 'office1');
      await open(page, '/collections');
      await page.getByTestId('collection-store-search').fill(customer.code);
      await page.getByTestId('collection-store-search-submit').click();
      await page.locator(`[data-testid="collection-store-choice"][data-customer="${customer.id}"]`).click();
      await page.locator(`[data-testid="collection-store"][data-customer="${customer.id}"]`).waitFor();
      await page.waitForFunction(() => {
        const main = document.querySelector('main');
        return !!main && Object.keys(main).some((k) => k.startsWith('__reactFiber'));
      });

      // A transfer without its proof: the API's problem, nothing recorded.
      const before = await gql<{ collections: { edges: { node: { id: string } }[] } }>(
        'query($c: ID) { collections(filter: { customerId: $c }, first: 100) { edges { node { id } } } }',
        { c: customer.id },
        await tokenOf('office1'),
      );
      await page.getByTestId('collection-amount-input').fill('123.45');
      await page.getByTestId('collection-method').selectOption('TRANSFER');
      await page.getByTestId('submit-collection-button').click();
      await page
        .locator(
          '[data-testid="collection-form"] [data-testid="field-error"], [data-testid="collection-submit-error"]',
        )
        .first()
        .waitFor();
      const afterRefusal = await gql<{ collections: { edges: { node: { id: string } }[] } }>(
        'query($c: ID) { collections(filter: { customerId: $c }, first: 100) { edges { node { id } } } }',
        { c: customer.id },
        await tokenOf('office1'),
      );
      expect(afterRefusal.collections.edges.length).toBe(before.collections.edges.length);

      // With the proof and an order: submitted.
      await page.getByTestId('collection-proof-input').fill('https://example.com/receipt-e2e.jpg');
      await page.getByTestId('collection-order').first().check();
      await page.getByTestId('submit-collection-button').click();
      await page.getByTestId('collection-submitted').waitFor();
      // And a cash one, to reject.
      await page.getByTestId('collection-amount-input').fill('50.00');
      await page.getByTestId('collection-method').selectOption('CASH');
      await page.getByTestId('submit-collection-button').click();
      await page.getByTestId('pending-collection').filter({ hasText: '¥50.00' }).first().waitFor();
      const list = await gql<{
        collections: {
          edges: {
            node: {
              id: string;
              amount: { amount: string };
              method: string;
              status: string;
              orderIds: string[];
            };
          }[];
        };
      }>(
        `query($c: ID) { collections(filter: { customerId: $c, status: SUBMITTED }, first: 100) {
          edges { node { id amount { amount } method status orderIds } } } }`,
        { c: customer.id },
        await tokenOf('office1'),
      );
      const transfer = list.collections.edges.find(
        (e) => e.node.method === 'TRANSFER' && e.node.amount.amount === '123.45',
      )?.node;
      const cash = list.collections.edges.find(
        (e) => e.node.method === 'CASH' && e.node.amount.amount === '50.00',
      )?.node;
      expect(transfer?.orderIds).toHaveLength(1);
      expect(cash).toBeDefined();

      // Finance confirms the transfer and rejects the cash one with a reason.
      const financePage = await newPage();
      await logIn(financePage, 'finance1');
      await open(financePage, '/collections');
      const transferRow = financePage.locator(
        `[data-testid="pending-collection"][data-collection="${transfer!.id}"]`,
      );
      await transferRow.getByTestId('confirm-collection').click();
      await transferRow.waitFor({ state: 'detached' });
      const cashRow = financePage.locator(
        `[data-testid="pending-collection"][data-collection="${cash!.id}"]`,
      );
      await cashRow.getByTestId('collection-reject-reason').fill('现金未交到财务');
      await cashRow.getByTestId('reject-collection').click();
      await cashRow.waitFor({ state: 'detached' });

      const decided = await gql<{
        collections: { edges: { node: { id: string; status: string; rejectReason: string | null } }[] };
      }>(
        'query($c: ID) { collections(filter: { customerId: $c }, first: 100) { edges { node { id status rejectReason } } } }',
        { c: customer.id },
        await tokenOf('finance1'),
      );
      const byId = new Map(decided.collections.edges.map((e) => [e.node.id, e.node]));
      expect(byId.get(transfer!.id)?.status).toBe('CONFIRMED');
      expect(byId.get(cash!.id)).toMatchObject({ status: 'REJECTED', rejectReason: '现金未交到财务' });
      await financePage
        .locator(
          `[data-testid="decided-collection"][data-collection="${transfer!.id}"][data-status="CONFIRMED"]`,
        )
        .waitFor();
    },
    TEST_TIMEOUT,
  );

  it(
    'shows a typed price below the level price as 待特价审批 and the boss approves it (审批特价)',
    async () => {
      const customer = await store001();
      const sku = skus[0]!;
      const placed = await gql<{
        placeOrder: { __typename: string; order?: { id: string }; message?: string };
      }>(
        PLACE,
        {
          input: {
            idempotencyKey: `e2e-console-price-${Math.random().toString(36).slice(2)}`,
            customerId: customer.id,
            lines: [{ skuId: sku.id, quantity: 1, price: '0.01' }],
          },
        },
        await tokenOf('office1'),
      );
      const orderId = placed.placeOrder.order?.id;
      if (!orderId) throw new Error(`placeOrder did not place: ${JSON.stringify(placed.placeOrder)}`);
      const priceState = async () =>
        (
          await gql<{ order: { priceApproval: string; lines: { priceSource: string }[] } }>(
            'query($id: ID!) { order(id: $id) { priceApproval lines { priceSource } } }',
            { id: orderId },
            await tokenOf('boss'),
          )
        ).order;
      const before = await priceState();
      expect(before.priceApproval).toBe('PENDING');
      expect(before.lines[0]?.priceSource).toBe('OVERRIDE');

      const page = await newPage();
      await logIn(page, 'boss');
      await open(page, `/orders/${orderId}`);
      const approval = page.getByTestId('order-price-approval');
      expect(await approval.getAttribute('data-value')).toBe('PENDING');
      expect((await approval.textContent())?.trim()).toBe('待特价审批');
      expect(await page.getByTestId('line-level-price').count()).toBe(1);
      await page.getByTestId('approve-prices').click();
      await page.locator('[data-testid="order-price-approval"][data-value="APPROVED"]').waitFor();
      await page.getByTestId('approve-prices').waitFor({ state: 'detached' });
      expect((await priceState()).priceApproval).toBe('APPROVED');
    },
    TEST_TIMEOUT,
  );

  it(
    'lets the boss change the store credit limit and payment terms on the order page (a negative limit: the API refuses at the field, nothing changes)',
    async () => {
      const customer = await store001();
      const order = await placeAsStore(skus[0]!.id, 1);
      const bossToken = await tokenOf('boss');
      const creditOf = async () =>
        (
          await gql<{ customer: { creditAccount: { limit: { amount: string }; paymentTermDays: number } } }>(
            'query($id: ID!) { customer(id: $id) { creditAccount { limit { amount } paymentTermDays } } }',
            { id: customer.id },
            bossToken,
          )
        ).customer.creditAccount;
      const before = await creditOf();
      try {
        // office1 sees the figures but not the form.
        const office = await newPage();
        await logIn(office, 'office1');
        await open(office, `/orders/${order.id}`);
        await office.getByTestId('order-credit').waitFor();
        expect(await office.getByTestId('credit-form').count()).toBe(0);

        const page = await newPage();
        await logIn(page, 'boss');
        await open(page, `/orders/${order.id}`);
        const form = page.getByTestId('credit-form');
        await form.waitFor();
        await page.getByTestId('credit-limit-input').fill('12345.00');
        await page.getByTestId('credit-terms-input').fill('45');
        await page.getByTestId('credit-save').click();
        await page.getByTestId('credit-saved').waitFor();
        await page.locator('[data-testid="credit-limit"][data-amount="12345.00"]').waitFor();
        await page.locator('[data-testid="credit-terms"][data-days="45"]').waitFor();
        expect(await creditOf()).toEqual({ limit: { amount: '12345.00' }, paymentTermDays: 45 });

        // A negative limit: the API's problem at the field, what was typed kept, nothing saved.
        await page.getByTestId('credit-limit-input').fill('-5');
        await page.getByTestId('credit-terms-input').fill('30');
        await page.getByTestId('credit-save').click();
        const fieldError = form.locator('[data-testid="field-error"][data-field="limit"]');
        await fieldError.waitFor();
        expect(await fieldError.textContent()).toContain('金额不能为负');
        expect(await page.getByTestId('credit-limit-input').inputValue()).toBe('-5');
        expect(await page.getByTestId('credit-terms-input').inputValue()).toBe('30');
        expect(await page.getByTestId('credit-limit').getAttribute('data-amount')).toBe('12345.00');
        expect(await creditOf()).toEqual({ limit: { amount: '12345.00' }, paymentTermDays: 45 });
      } finally {
        await gql(
          'mutation($c: ID!, $l: Decimal!, $d: Int) { setCreditLimit(customerId: $c, limit: $l, paymentTermDays: $d) { __typename } }',
          { c: customer.id, l: before.limit.amount, d: before.paymentTermDays },
          bossToken,
        );
      }
    },
    TEST_TIMEOUT,
  );
});
