import type { Page } from 'playwright-core';
import { ALL_PRICING_OPERATIONS } from '../console/app/lib/pricing-queries';
import {
  expectOperationsValid,
  logIn as logInAt,
  useBrowserStack,
  waitForHydratedMain,
} from './helpers/browser';
import { gatewayClient } from './helpers/gateway';

// The console's price, stock and home layout screens in a real Chromium as office staff
// (office1), over the whole stack with the demo data. Every change made in a page is checked
// through the gateway as the store that should see it; every refusal shows the API's problem
// and changes nothing.

const TEST_TIMEOUT = 120_000;
/** 可口可乐苹果汁 葡萄味 450ml (SP000082), base unit 瓶: no customer price for store002/store003. */
const GRAPE = { id: 'sku_00082', code: 'SP000082', unit: '瓶' };
/** 可口可乐苹果汁 桃味 450ml (SP000083). */
const PEACH = { id: 'sku_00083', code: 'SP000083', unit: '瓶' };
/** 可口可乐苹果汁 苹果味 (SP000081): store001 (cus_0001) has a customer price on it. */
const APPLE = 'sku_00081';

const env = useBrowserStack({ device: 'desktop' });
const { gql, tokenOf } = gatewayClient(() => env.gatewayUrl());

function urls() {
  return { console: env.appUrl('console'), gateway: env.gatewayUrl() };
}

/** What a store pays for one base unit of a SKU, as the API says. */
async function storePrice(username: string, skuId: string) {
  const data = await gql<{ sku: { price: { amount: string; source: string } | null } }>(
    'query($id: ID!) { sku(id: $id) { price { amount source } } }',
    { id: skuId },
    await tokenOf(username),
  );
  return data.sku.price;
}

async function levelPrice(skuId: string, levelId: string, unit: string): Promise<string | undefined> {
  const data = await gql<{ levelPrices: { unit: string; price: { amount: string } }[] }>(
    'query($skuId: ID, $levelId: ID) { levelPrices(skuId: $skuId, levelId: $levelId) { unit price { amount } } }',
    { skuId, levelId },
    await tokenOf('office1'),
  );
  return data.levelPrices.find((p) => p.unit === unit)?.price.amount;
}

async function skuPrices(skuId: string) {
  const data = await gql<{
    skuPrices: { unit: string; wholesale: { amount: string }; retail: { amount: string } }[];
  }>(
    'query($skuId: ID!) { skuPrices(skuId: $skuId) { unit wholesale { amount } retail { amount } } }',
    { skuId },
    await tokenOf('office1'),
  );
  return data.skuPrices;
}

async function stockOf(skuId: string, warehouseId: string) {
  const data = await gql<{ stockLevels: { edges: { node: { onHand: number; available: number } }[] } }>(
    `query($wh: ID!, $ids: [ID!]) {
      stockLevels(warehouseId: $wh, filter: { skuIds: $ids }) { edges { node { onHand available } } }
    }`,
    { wh: warehouseId, ids: [skuId] },
    await tokenOf('office1'),
  );
  const node = data.stockLevels.edges[0]?.node;
  if (!node) throw new Error(`no stock row for ${skuId} in ${warehouseId}`);
  return node;
}

async function homeNotice() {
  const data = await gql<{
    homeLayout: { notice: { text: string } | null; zones: { kind: string; limit: number }[] };
  }>('{ homeLayout { notice { text } zones { kind limit } } }', {}, await tokenOf('office1'));
  return data.homeLayout;
}

const newPage = (device: 'phone' | 'desktop' = 'desktop') => env.newPage(device);

/** Opens a console page and waits until React has hydrated it (forms then submit through the router). */
async function open(page: Page, path: string) {
  await page.goto(`${urls().console}${path}`);
  await waitForHydratedMain(page);
}

const logIn = (page: Page, username = 'office1') => logInAt(page, urls().console, username);

describe('console prices, stock and home layout in a browser', () => {
  it('sends only operations that are valid against the composed schema', async () => {
    await expectOperationsValid(urls().gateway, ALL_PRICING_OPERATIONS);
  });

  it(
    'sets a level price in the page that the store of that level then pays, and refuses a negative price',
    async () => {
      const before = {
        wholesale: await storePrice('store002', GRAPE.id),
        standard: await storePrice('store003', GRAPE.id),
        vip: await storePrice('store001', GRAPE.id),
      };
      expect(before.wholesale?.source).not.toBe('CUSTOMER');
      expect(before.standard?.source).not.toBe('CUSTOMER');

      const page = await newPage();
      await logIn(page);
      await open(page, '/prices');
      await page.getByTestId('product-search').fill('kkkl');
      await page.getByTestId('product-search-submit').click();
      await page.locator(`[data-testid="sku-choice"][data-sku="${GRAPE.id}"]`).click();
      await page.locator(`[data-testid="sku-title"][data-sku="${GRAPE.id}"]`).waitFor();

      // 批发客户 (store002's level) gets its own price for a bottle.
      const cell = page.locator(
        `[data-testid="level-price-cell"][data-level="lvl_wholesale"][data-unit="${GRAPE.unit}"]`,
      );
      await cell.locator('input[name="price"]').fill('2.34');
      await cell.getByTestId('save-level-price').click();
      await cell
        .getByTestId('level-price-current')
        .filter({ hasText: /^¥2\.34$/ })
        .waitFor();

      expect(await storePrice('store002', GRAPE.id)).toEqual({ amount: '2.34', source: 'LEVEL' });
      // Other levels do not get it.
      expect(await storePrice('store003', GRAPE.id)).toEqual(before.standard);
      expect(await storePrice('store001', GRAPE.id)).toEqual(before.vip);

      // A negative level price: the API's problem next to the field, nothing changes.
      const cellAgain = page.locator(
        `[data-testid="level-price-cell"][data-level="lvl_wholesale"][data-unit="${GRAPE.unit}"]`,
      );
      await cellAgain.locator('input[name="price"]').fill('-1');
      await cellAgain.getByTestId('save-level-price').click();
      const error = cellAgain.locator('[data-testid="field-error"][data-field="price"]');
      await error.waitFor();
      expect(await error.textContent()).toContain('price must not be negative');
      expect(await cellAgain.locator('input[name="price"]').inputValue()).toBe('-1');
      expect(await levelPrice(GRAPE.id, 'lvl_wholesale', GRAPE.unit)).toBe('2.34');
      expect(await storePrice('store002', GRAPE.id)).toEqual({ amount: '2.34', source: 'LEVEL' });

      // A negative wholesale price: refused at its field, base prices unchanged.
      const basesBefore = await skuPrices(GRAPE.id);
      const row = page.locator(`[data-testid="sku-price-row"][data-unit="${GRAPE.unit}"]`);
      await row.locator('input[name="wholesale"]').fill('-5');
      await row.getByTestId('save-sku-price').click();
      await row.locator('[data-testid="field-error"][data-field="wholesale"]').waitFor();
      expect(await skuPrices(GRAPE.id)).toEqual(basesBefore);
    },
    TEST_TIMEOUT,
  );

  it(
    'shows every price option of a customer with the one it is charged',
    async () => {
      const page = await newPage();
      await logIn(page);
      await open(page, '/prices/customers');
      await page.getByTestId('customer-search').fill('store001');
      await page.getByTestId('customer-search-submit').click();
      await page.locator('[data-testid="customer-choice"][data-customer="cus_0001"]').click();
      await page.locator('[data-testid="customer-title"][data-customer="cus_0001"]').waitFor();
      expect(await page.locator(`[data-testid="customer-price-row"][data-sku="${APPLE}"]`).count()).toBe(1);

      await page.getByTestId('options-product-search').fill('kkkl');
      await page.getByTestId('options-product-search-submit').click();
      await page.locator(`[data-testid="options-sku-choice"][data-sku="${APPLE}"]`).click();
      const charged = page.locator('[data-testid="price-option"][data-applies="true"]');
      await charged.waitFor();
      expect(await charged.getAttribute('data-source')).toBe('CUSTOMER');
      const sources = await page
        .getByTestId('price-option')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-source')));
      expect(sources).toEqual(expect.arrayContaining(['CUSTOMER', 'LEVEL', 'WHOLESALE', 'RETAIL']));
      const api = await storePrice('store001', APPLE);
      expect((await charged.getByTestId('price-option-amount').textContent())?.trim()).toBe(
        `¥${api?.amount} / 瓶`,
      );
    },
    TEST_TIMEOUT,
  );

  it(
    'lists every bad row of a CSV by line and imports nothing, then imports a good file',
    async () => {
      const grapeBefore = await levelPrice(GRAPE.id, 'lvl_wholesale', GRAPE.unit);
      const peachBefore = await levelPrice(PEACH.id, 'lvl_wholesale', PEACH.unit);
      const page = await newPage();
      await logIn(page);
      await open(page, '/prices/import');
      await page.getByTestId('import-kind-level').check();
      await page
        .getByTestId('import-csv')
        .fill(
          [
            'sku_code,unit,level_code,price',
            `${GRAPE.code},${GRAPE.unit},B,2.11`,
            `NOPE999,${GRAPE.unit},B,1.00`,
            `${PEACH.code},${PEACH.unit},B,-3`,
            `${PEACH.code},${PEACH.unit},Z,2.00`,
          ].join('\n'),
        );
      await page.getByTestId('import-submit').click();
      await page.getByTestId('import-rejected').waitFor();
      const lines = await page
        .getByTestId('import-problem')
        .evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-line'))));
      expect([...new Set(lines)].sort()).toEqual([3, 4, 5]);
      expect(await levelPrice(GRAPE.id, 'lvl_wholesale', GRAPE.unit)).toBe(grapeBefore);
      expect(await levelPrice(PEACH.id, 'lvl_wholesale', PEACH.unit)).toBe(peachBefore);

      await page
        .getByTestId('import-csv')
        .fill(
          [
            'sku_code,unit,level_code,price',
            `${GRAPE.code},${GRAPE.unit},B,2.11`,
            `${PEACH.code},${PEACH.unit},B,2.22`,
          ].join('\r\n'),
        );
      await page.getByTestId('import-submit').click();
      const counts = page.getByTestId('import-counts');
      await counts.waitFor();
      const written =
        Number(await counts.getAttribute('data-created')) + Number(await counts.getAttribute('data-updated'));
      expect(written).toBe(2);
      expect(await levelPrice(GRAPE.id, 'lvl_wholesale', GRAPE.unit)).toBe('2.11');
      expect(await levelPrice(PEACH.id, 'lvl_wholesale', PEACH.unit)).toBe('2.22');
      expect(await storePrice('store002', PEACH.id)).toEqual({ amount: '2.22', source: 'LEVEL' });

      // The export holds what was imported.
      await open(page, '/prices/import?export=level&level=lvl_wholesale');
      expect(await page.getByTestId('export-csv').inputValue()).toContain(
        `${PEACH.code},${PEACH.unit},B,2.22`,
      );
    },
    TEST_TIMEOUT,
  );

  it(
    'adjusts stock with a reason: stockLevels changes and the movement shows in the history',
    async () => {
      const before = await stockOf(GRAPE.id, 'wh_main');
      const page = await newPage();
      await logIn(page);
      await open(page, '/stock');
      await page.getByTestId('stock-search').fill('kkkl');
      await page.getByTestId('stock-search-submit').click();
      await page
        .locator(`[data-testid="stock-row"][data-sku="${GRAPE.id}"]`)
        .getByTestId('stock-open')
        .click();
      await page.locator(`[data-testid="stock-detail-title"][data-sku="${GRAPE.id}"]`).waitFor();
      expect(
        Number(
          await page
            .locator(`[data-testid="stock-row"][data-sku="${GRAPE.id}"]`)
            .getByTestId('on-hand')
            .textContent(),
        ),
      ).toBe(before.onHand);

      // More than on hand: refused at the quantity, nothing changes.
      const form = page.getByTestId('adjust-form');
      await form.locator('input[name="quantity"]').fill(String(-(before.onHand + 1000)));
      await form.getByTestId('adjust-form-submit').click();
      await form.locator('[data-testid="field-error"][data-field="quantity"]').waitFor();
      expect((await stockOf(GRAPE.id, 'wh_main')).onHand).toBe(before.onHand);

      await form.locator('input[name="quantity"]').fill('-3');
      await form.locator('select[name="reason"]').selectOption('DAMAGE');
      await form.locator('input[name="note"]').fill('e2e 破损');
      await form.getByTestId('adjust-form-submit').click();
      const movement = page.locator('[data-testid="movement-row"][data-delta="-3"][data-reason="DAMAGE"]');
      await movement.waitFor();
      expect(await movement.textContent()).toContain('e2e 破损');
      const after = await stockOf(GRAPE.id, 'wh_main');
      expect(after.onHand).toBe(before.onHand - 3);
      await page
        .getByTestId('detail-onHand')
        .filter({ hasText: new RegExp(`^${before.onHand - 3}$`) })
        .waitFor();
    },
    TEST_TIMEOUT,
  );

  it(
    'changes the home notice, and refuses a zone limit of 0 at its field',
    async () => {
      const before = await homeNotice();
      const page = await newPage();
      await logIn(page);
      await open(page, '/home-layout');

      const firstZone = page.getByTestId('zone-row').first();
      await firstZone.getByTestId('zone-limit').fill('0');
      await page.getByTestId('layout-save').click();
      await page.getByTestId('layout-error').waitFor();
      await firstZone.locator('[data-testid="field-error"][data-field="zones.0.limit"]').waitFor();
      expect(await homeNotice()).toEqual(before);

      const text = `e2e 公告 ${Date.now()}`;
      await firstZone.getByTestId('zone-limit').fill(String(before.zones[0]?.limit ?? 10));
      await page.getByTestId('notice-text').fill(text);
      await page.getByTestId('layout-save').click();
      await page.getByTestId('layout-saved').waitFor();
      const after = await homeNotice();
      expect(after.notice?.text).toBe(text);
      expect(after.zones).toEqual(before.zones);
    },
    TEST_TIMEOUT,
  );
});
