import type { Page } from 'playwright-core';
import { PHONE, submitLogin, useBrowserStack } from './helpers/browser';

// The whole stack (database, subgraphs, gateway, storefront, console) with the demo data, and a
// real headless Chromium driving the two apps the way a person would.

const TEST_TIMEOUT = 60_000;

// A fresh context per test: no cookies (session, language) carried from one test to the next.
// The phone's size only, without touch or pixel density.
const env = useBrowserStack({ device: 'desktop', viewport: PHONE });

function base(app: 'storefront' | 'console'): string {
  return env.appUrl(app);
}

const newPage = () => env.newPage();

async function logIn(page: Page, app: 'storefront' | 'console', username: string, password: string) {
  await submitLogin(page, base(app), username, password);
}

async function waitForLoginError(page: Page): Promise<{ code: string | null; text: string }> {
  const error = page.getByTestId('login-error');
  await error.waitFor({ state: 'visible' });
  return {
    code: await error.getAttribute('data-error-code'),
    text: (await error.textContent())?.trim() ?? '',
  };
}

describe('storefront in a browser', () => {
  it(
    'logs a store in and shows its name and products with its prices',
    async () => {
      const page = await newPage();
      await logIn(page, 'storefront', 'store001', 'demo1234');
      await page.waitForURL((url) => url.pathname === '/');

      expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
      const storeName = page.getByTestId('store-name');
      await storeName.waitFor();
      expect((await storeName.textContent())?.trim()).not.toBe('');

      const cards = page.getByTestId('product-card');
      await cards.first().waitFor();
      expect(await cards.count()).toBeGreaterThan(0);
      const prices = await cards.getByTestId('price').allTextContents();
      expect(prices.some((price) => price.includes('¥'))).toBe(true);
    },
    TEST_TIMEOUT,
  );

  it(
    'keeps a wrong password on the login page with the error message',
    async () => {
      const page = await newPage();
      await logIn(page, 'storefront', 'store001', 'not-the-password');

      const error = await waitForLoginError(page);
      expect(error.code).toBe('invalidCredentials');
      expect(error.text).not.toBe('');
      expect(new URL(page.url()).pathname).toBe('/login');
      expect(await page.getByTestId('store-name').count()).toBe(0);
    },
    TEST_TIMEOUT,
  );
});

describe('console in a browser', () => {
  it(
    "logs the boss in and shows the name and today's order count",
    async () => {
      const page = await newPage();
      await logIn(page, 'console', 'boss', 'demo1234');
      await page.waitForURL((url) => url.pathname === '/');

      const staffName = page.getByTestId('staff-name');
      await staffName.waitFor();
      expect((await staffName.textContent())?.trim()).not.toBe('');
      expect((await page.getByTestId('staff-roles').textContent())?.trim()).not.toBe('');
      const count = (await page.getByTestId('today-order-count').textContent())?.trim() ?? '';
      expect(count).toMatch(/^\d+$/);
    },
    TEST_TIMEOUT,
  );

  it(
    'refuses a customer account',
    async () => {
      const page = await newPage();
      await logIn(page, 'console', 'store001', 'demo1234');

      const error = await waitForLoginError(page);
      expect(error.code).toBe('wrongAccountType');
      expect(error.text).not.toBe('');
      expect(new URL(page.url()).pathname).toBe('/login');
      const cookies = await page.context().cookies(base('console'));
      expect(cookies.some((cookie) => cookie.name === '__wholesail_console')).toBe(false);
    },
    TEST_TIMEOUT,
  );
});
