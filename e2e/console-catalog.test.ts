import type { Page } from 'playwright-core';
import { CATALOG_OPERATIONS } from '../console/app/lib/catalog-queries';
import { expectOperationsValid, logIn as logInAt, newContext, useBrowserStack } from './helpers/browser';
import { gatewayClient } from './helpers/gateway';

// The console's catalog screens in a real Chromium, logged in as office staff (office1), over
// the whole stack with the demo data. Every change made in the page is checked through the
// gateway API: products with SKUs and sale units, a refused factor, bulk off-shelf as a store
// sees it, the category tree with a refused cycle, and a brand authorised for one store only.

const TEST_TIMEOUT = 120_000;
const DESKTOP = { width: 1400, height: 1000 };

const env = useBrowserStack({ device: 'desktop' });
const { as } = gatewayClient(() => env.gatewayUrl());
/** One page, logged in as office1, for all the tests of the file (closed with the browser). */
let page: Page;
/** A suffix that keeps names, codes and barcodes of this run apart. */
const run = String(Date.now()).slice(-7);

function urls() {
  return { console: env.appUrl('console'), gateway: env.gatewayUrl() };
}

interface ApiSku {
  code: string;
  baseUnit: string;
  barcodes: string[];
  units: { name: string; factor: number }[];
}

async function productById(username: string, id: string) {
  const data = await as<{ product: { id: string; name: string; onShelf: boolean; skus: ApiSku[] } | null }>(
    username,
    'query($id: ID!) { product(id: $id) { id name onShelf skus { code baseUnit barcodes units { name factor } } } }',
    { id },
  );
  return data.product;
}

async function searchIds(username: string, search: string): Promise<string[]> {
  const data = await as<{ products: { edges: { node: { id: string } }[] } }>(
    username,
    'query($s: String) { products(first: 50, filter: { search: $s }) { edges { node { id } } } }',
    { s: search },
  );
  return data.products.edges.map((e) => e.node.id);
}

interface ApiCategory {
  id: string;
  name: string;
  children: ApiCategory[];
}

async function categoryTree(): Promise<ApiCategory[]> {
  const data = await as<{ categories: ApiCategory[] }>(
    'office1',
    '{ categories { id name children { id name children { id name children { id name } } } } }',
  );
  return data.categories;
}

function parentOf(tree: ApiCategory[], id: string, parent: string | null = null): string | null | undefined {
  for (const node of tree) {
    if (node.id === id) return parent;
    const below = parentOf(node.children ?? [], id, node.id);
    if (below !== undefined) return below;
  }
  return undefined;
}

/** Waits until the page is hydrated, so buttons that only work in the browser (add a row) work. */
async function ready(p: Page) {
  await p.waitForLoadState('networkidle');
  await p.waitForFunction(() => '__reactRouterRouteModules' in window);
}

async function open(path: string) {
  await page.goto(`${urls().console}${path}`);
  await ready(page);
}

const logIn = (p: Page, username: string) => logInAt(p, urls().console, username);

async function productNames(): Promise<string[]> {
  return page.getByTestId('product-name').allTextContents();
}

/** Fills the new product form: one SKU with two barcodes and a box unit of the given factor. */
async function fillNewProduct(
  name: string,
  code: string,
  boxFactor: string,
  barcodes: [string, string, string],
) {
  await open('/products/new');
  await page.getByTestId('product-name-input').fill(name);
  await page.getByTestId('product-name-en-input').fill(`E2E ${code}`);
  await page.getByTestId('product-brand-select').selectOption('brd_coca_cola');
  await page.getByTestId('product-category-select').selectOption('cat_drinks_soda_cola');
  await page.getByTestId('product-tag-NEW').check();
  const sku = page.getByTestId('new-sku').first();
  await sku.getByTestId('sku-code').fill(code);
  await sku.getByTestId('sku-spec').fill('330ml');
  await sku.getByTestId('sku-base-unit').fill('罐');
  await sku.getByTestId('sku-barcode').first().fill(barcodes[0]);
  await sku.getByTestId('sku-add-barcode').click();
  await sku.getByTestId('sku-barcode').nth(1).fill(barcodes[1]);
  await sku.getByTestId('sku-add-unit').click();
  await sku.getByTestId('sku-unit-name').first().fill('箱');
  await sku.getByTestId('sku-unit-factor').first().fill(boxFactor);
  await sku.getByTestId('sku-unit-barcode').first().fill(barcodes[2]);
}

beforeAll(async () => {
  const context = await newContext(env.browser, 'desktop', DESKTOP);
  page = await context.newPage();
  await logIn(page, 'office1');
}, 180_000);

describe('console catalog in a browser (office1)', () => {
  it('sends only operations that are valid against the composed schema', async () => {
    await expectOperationsValid(urls().gateway, CATALOG_OPERATIONS);
  });

  it(
    'lists products and finds them by pinyin initials',
    async () => {
      await open('/products');
      expect(await page.getByTestId('product-row').count()).toBe(20);
      await expect(page.getByTestId('next-page').isVisible()).resolves.toBe(true);

      const expected = await searchIds('office1', 'kkkl');
      expect(expected.length).toBeGreaterThan(0);
      await page.getByTestId('product-search').fill('kkkl');
      await page.getByTestId('product-search-submit').click();
      await page.waitForURL(/q=kkkl/);
      await page.waitForFunction(
        (first) =>
          document.querySelector('[data-testid="product-row"]')?.getAttribute('data-product-id') === first,
        expected[0],
      );
      const ids = await page
        .getByTestId('product-row')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-product-id')));
      expect(ids).toEqual(expected.slice(0, 20));
      for (const name of await productNames()) expect(name).toContain('可口可乐');

      // The next page follows the Relay cursor.
      await open('/products');
      const firstPage = await page
        .getByTestId('product-row')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-product-id')));
      await page.getByTestId('next-page').click();
      await page.waitForURL(/after=/);
      await page.getByTestId('first-page').waitFor();
      const secondPage = await page
        .getByTestId('product-row')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-product-id')));
      expect(secondPage.length).toBeGreaterThan(0);
      expect(secondPage.some((id) => firstPage.includes(id))).toBe(false);
    },
    TEST_TIMEOUT,
  );

  it(
    'creates a product with a SKU, two barcodes and a box of 12 through the page',
    async () => {
      const name = `E2E可乐箱装${run}`;
      const code = `E2E${run}A`;
      await fillNewProduct(name, code, '12', [`69${run}0001`, `69${run}0002`, `169${run}0001`]);
      await page.getByTestId('product-submit').click();
      await page.waitForURL(/\/products\/[^/?]+\?created=1/);
      await page.getByTestId('product-created').waitFor();
      const id = new URL(page.url()).pathname.split('/').pop() ?? '';

      const product = await productById('office1', id);
      expect(product?.name).toBe(name);
      expect(product?.onShelf).toBe(true);
      expect(product?.skus).toEqual([
        {
          code,
          baseUnit: '罐',
          barcodes: [`69${run}0001`, `69${run}0002`],
          units: expect.arrayContaining([
            { name: '罐', factor: 1 },
            { name: '箱', factor: 12 },
          ]),
        },
      ]);
      expect(product?.skus[0]?.units).toHaveLength(2);
      // The product page shows what was saved.
      const form = page.getByTestId('sku-form').first();
      expect(await form.getByTestId('sku-unit-name').first().inputValue()).toBe('箱');
      expect(await form.getByTestId('sku-unit-factor').first().inputValue()).toBe('12');

      // A unit used twice on the SKU: the API's problem under that unit, nothing changed.
      await form.getByTestId('sku-add-unit').click();
      await form.getByTestId('sku-unit-name').nth(1).fill('箱');
      await form.getByTestId('sku-unit-factor').nth(1).fill('6');
      await form.getByTestId('sku-submit').click();
      const twice = page.locator(
        '[data-testid="sku-form"] [data-testid="field-error"][data-field="units.1.name"]',
      );
      await twice.waitFor();
      expect(await twice.textContent()).toContain('重复');
      expect(
        await page.getByTestId('sku-form').first().getByTestId('sku-unit-factor').nth(1).inputValue(),
      ).toBe('6');
      expect((await productById('office1', id))?.skus[0]?.units).toHaveLength(2);

      // A second SKU added on the product page.
      await page.getByTestId('add-sku').click();
      const added = page.getByTestId('new-sku-form');
      await added.getByTestId('sku-code').fill(`${code}2`);
      await added.getByTestId('sku-base-unit').fill('瓶');
      await added.getByTestId('sku-barcode').first().fill(`69${run}0003`);
      await added.getByTestId('sku-add-unit').click();
      await added.getByTestId('sku-unit-name').first().fill('提');
      await added.getByTestId('sku-unit-factor').first().fill('6');
      await added.getByTestId('sku-submit').click();
      await page.getByTestId('sku-created').waitFor();
      const withTwo = await productById('office1', id);
      expect(withTwo?.skus).toHaveLength(2);
      expect(withTwo?.skus[1]).toEqual({
        code: `${code}2`,
        baseUnit: '瓶',
        barcodes: [`69${run}0003`],
        units: expect.arrayContaining([
          { name: '瓶', factor: 1 },
          { name: '提', factor: 6 },
        ]),
      });
    },
    TEST_TIMEOUT,
  );

  it(
    'shows the API refusal of factor 0 next to the field, keeps what was typed and creates nothing',
    async () => {
      const name = `E2E零系数${run}`;
      const code = `E2E${run}Z`;
      await fillNewProduct(name, code, '0', [`69${run}0901`, `69${run}0902`, `169${run}0901`]);
      await page.getByTestId('product-submit').click();
      const error = page.locator('[data-testid="field-error"][data-field="skus.0.units.0.factor"]');
      await error.waitFor();
      expect(await error.textContent()).toContain('换算系数');
      expect(page.url()).toMatch(/\/products\/new$/);
      // What was typed is still there.
      expect(await page.getByTestId('product-name-input').inputValue()).toBe(name);
      const sku = page.getByTestId('new-sku').first();
      expect(await sku.getByTestId('sku-code').inputValue()).toBe(code);
      expect(await sku.getByTestId('sku-unit-name').first().inputValue()).toBe('箱');
      expect(await sku.getByTestId('sku-unit-factor').first().inputValue()).toBe('0');
      expect(await sku.getByTestId('sku-barcode').nth(1).inputValue()).toBe(`69${run}0902`);
      // Nothing was created.
      expect(await searchIds('office1', name)).toEqual([]);
      expect(await searchIds('office1', `69${run}0901`)).toEqual([]);
    },
    TEST_TIMEOUT,
  );

  it(
    'takes products off the shelf in bulk; the store no longer finds them',
    async () => {
      const visible = await searchIds('store001', 'kkkl');
      const [first, second] = visible;
      if (!first || !second) throw new Error('store001 should find two products for kkkl');

      await open('/products?q=kkkl');
      for (const id of [first, second]) {
        await page
          .locator(`[data-testid="product-row"][data-product-id="${id}"] [data-testid="product-select"]`)
          .check();
      }
      expect(await page.getByTestId('selected-count').textContent()).toContain('2');
      await page.getByTestId('bulk-off-shelf').click();
      await page.getByTestId('shelf-notice').waitFor();
      for (const id of [first, second]) {
        await page
          .locator(
            `[data-testid="product-row"][data-product-id="${id}"] [data-testid="product-status"][data-on-shelf="false"]`,
          )
          .waitFor();
      }

      // Staff still see them, off the shelf; the store does not.
      expect((await productById('office1', first))?.onShelf).toBe(false);
      expect(await productById('store001', first)).toBeNull();
      const after = await searchIds('store001', 'kkkl');
      expect(after).not.toContain(first);
      expect(after).not.toContain(second);

      // And back on the shelf.
      for (const id of [first, second]) {
        await page
          .locator(`[data-testid="product-row"][data-product-id="${id}"] [data-testid="product-select"]`)
          .check();
      }
      await page.getByTestId('bulk-on-shelf').click();
      await page
        .locator(
          `[data-testid="product-row"][data-product-id="${first}"] [data-testid="product-status"][data-on-shelf="true"]`,
        )
        .waitFor();
      expect(await searchIds('store001', 'kkkl')).toContain(first);
    },
    TEST_TIMEOUT,
  );

  it(
    'creates a category, moves it under another, and shows the API refusal of a cycle',
    async () => {
      await open('/categories');
      const create = page.getByTestId('category-create-form');
      const parentName = `E2E上级${run}`;
      const childName = `E2E下级${run}`;
      await create.getByTestId('category-name').fill(parentName);
      await create.getByTestId('category-create').click();
      await page.getByTestId('category-created').filter({ hasText: parentName }).waitFor();
      await page.getByTestId('category-create-form').getByTestId('category-name').fill(childName);
      await page.getByTestId('category-create-form').getByTestId('category-create').click();
      await page.getByTestId('category-created').filter({ hasText: childName }).waitFor();

      const tree = await categoryTree();
      const parentId = tree.find((c) => c.name === parentName)?.id;
      const childId = tree.find((c) => c.name === childName)?.id;
      if (!parentId || !childId) throw new Error('both categories should be at the top level');

      const row = (id: string) => page.locator(`[data-testid="category-row"][data-category-id="${id}"]`);
      await row(childId).getByTestId('category-row-parent').selectOption(parentId);
      await row(childId).getByTestId('category-save').click();
      await page
        .locator(`[data-testid="category-row"][data-category-id="${childId}"][data-parent-id="${parentId}"]`)
        .waitFor();
      expect(await row(childId).getAttribute('data-depth')).toBe('1');
      expect(parentOf(await categoryTree(), childId)).toBe(parentId);

      // Moving the parent under its own child is a cycle: refused, shown, nothing changed.
      await row(parentId).getByTestId('category-row-parent').selectOption(childId);
      await row(parentId).getByTestId('category-save').click();
      const error = row(parentId).getByTestId('category-error');
      await error.waitFor();
      expect(await error.textContent()).toContain('不能移到自身或其下级分类之下');
      expect(await row(parentId).getByTestId('category-row-parent').inputValue()).toBe(childId);
      const after = await categoryTree();
      expect(parentOf(after, parentId)).toBeNull();
      expect(parentOf(after, childId)).toBe(parentId);

      // A category with a subcategory cannot be deleted: the API says why.
      page.once('dialog', (dialog) => void dialog.accept());
      await row(parentId).getByTestId('category-delete').click();
      await page.waitForFunction(
        (id) =>
          document
            .querySelector(
              `[data-testid="category-row"][data-category-id="${id}"] [data-testid="category-error"]`,
            )
            ?.textContent?.includes('下级') ?? false,
        parentId,
      );
      expect(parentOf(await categoryTree(), parentId)).toBeNull();
    },
    TEST_TIMEOUT,
  );

  it(
    'authorises a restricted brand for one store only; another store does not see its products',
    async () => {
      // A new restricted brand through the page.
      await open('/brands');
      const brandName = `E2E限定品牌${run}`;
      const form = page.getByTestId('brand-create-form');
      await form.getByTestId('brand-name').fill(brandName);
      await form.getByTestId('brand-name-en').fill(`E2E Brand ${run}`);
      await form.getByTestId('brand-restricted').check();
      await form.getByTestId('brand-create').click();
      await page.waitForURL(/\/brands\/[^/?]+\?created=1/);
      await ready(page);
      const brandId = new URL(page.url()).pathname.split('/').pop() ?? '';

      // A product of it (through the API: the product form is covered above).
      const created = await as<{ createProduct: { __typename: string; data?: { id: string } } }>(
        'office1',
        `mutation($input: CreateProductInput!) { createProduct(input: $input) {
          __typename ... on MutationCreateProductSuccess { data { id } } } }`,
        {
          input: {
            brandId,
            categoryId: 'cat_drinks_soda_cola',
            name: `E2E限定商品${run}`,
            skus: [{ code: `E2E${run}R`, baseUnit: '瓶', barcodes: [`68${run}0001`] }],
          },
        },
      );
      const productId = created.createProduct.data?.id;
      if (!productId) throw new Error(`createProduct answered ${created.createProduct.__typename}`);
      // Restricted and authorised for no one yet: neither store sees it.
      expect(await productById('store002', productId)).toBeNull();

      // Pick store002 from the crm search and save.
      await page.getByTestId('customer-search').fill('store002');
      await page.getByTestId('customer-search-submit').click();
      const result = page.locator('[data-testid="customer-result"][data-customer-id="cus_0002"]');
      await result.waitFor();
      await result.getByTestId('add-customer').click();
      await page.locator('[data-testid="authorized-customer"][data-customer-id="cus_0002"]').waitFor();
      await page.getByTestId('authorization-submit').click();
      await page.getByTestId('authorization-saved').waitFor();
      // After the page reloaded its data, the pick is what the API stored.
      expect(
        await page
          .getByTestId('authorized-customer')
          .evaluateAll((items) => items.map((i) => i.getAttribute('data-customer-id'))),
      ).toEqual(['cus_0002']);

      const brand = await as<{
        brands: {
          id: string;
          restricted: boolean;
          authorizedCustomerIds: string[];
          authorizedLevelIds: string[];
        }[];
      }>('office1', '{ brands { id restricted authorizedCustomerIds authorizedLevelIds } }');
      expect(brand.brands.find((b) => b.id === brandId)).toEqual({
        id: brandId,
        restricted: true,
        authorizedCustomerIds: ['cus_0002'],
        authorizedLevelIds: [],
      });
      // store002 sees the brand and its product; store003 sees neither.
      expect((await productById('store002', productId))?.id).toBe(productId);
      expect(await searchIds('store002', `E2E限定商品${run}`)).toEqual([productId]);
      expect(await productById('store003', productId)).toBeNull();
      expect(await searchIds('store003', `E2E限定商品${run}`)).toEqual([]);
      const store003Brands = await as<{ brands: { id: string }[] }>('store003', '{ brands { id } }');
      expect(store003Brands.brands.map((b) => b.id)).not.toContain(brandId);
    },
    TEST_TIMEOUT,
  );
});
