import type { Page } from 'playwright-core';
import { ALL_ORDERS_OPERATIONS } from '../console/app/lib/orders-queries';
import { expectOperationsValid, logIn, useBrowserStack, waitForHydratedMain } from './helpers/browser';
import { gatewayClient } from './helpers/gateway';

// The console's ordering rules (/orders/settings) in a real Chromium over the whole stack with the
// demo data, as office1: the defaults shown, a save checked through the gateway, and a bad time
// refused by the API at its field with nothing changed.

const TEST_TIMEOUT = 180_000;

const env = useBrowserStack({ device: 'desktop' });
const { gql, tokenOf } = gatewayClient(() => env.gatewayUrl());

interface ApiSettings {
  reviewSteps: number;
  windowStart: string | null;
  windowEnd: string | null;
  minimumAmount: { amount: string };
  minimumQuantity: number;
  autoApproveBelow: { amount: string } | null;
}

async function apiSettings(): Promise<ApiSettings> {
  const data = await gql<{ orderSettings: ApiSettings }>(
    '{ orderSettings { reviewSteps windowStart windowEnd minimumQuantity minimumAmount { amount } autoApproveBelow { amount } } }',
    {},
    await tokenOf('office1'),
  );
  return data.orderSettings;
}

async function open(page: Page) {
  await page.goto(`${env.appUrl('console')}/orders/settings`);
  await waitForHydratedMain(page);
}

describe('console ordering rules in a browser', () => {
  it('sends only operations that are valid against the composed schema', async () => {
    await expectOperationsValid(env.gatewayUrl(), ALL_ORDERS_OPERATIONS, { maxDepth: 12 });
  });

  it(
    'shows the defaults, saves a minimum and a window past midnight, and shows the API refusal of 25:00 at its field',
    async () => {
      const before = await apiSettings();
      expect(before.reviewSteps).toBe(1);
      expect(before.windowStart).toBeNull();
      expect(before.minimumQuantity).toBe(0);

      const page = await env.newPage();
      await logIn(page, env.appUrl('console'), 'office1');
      await page.goto(`${env.appUrl('console')}/orders`);
      await waitForHydratedMain(page);
      expect(await page.getByTestId('orders-settings-link').textContent()).toBe('下单规则');
      await page.getByTestId('orders-settings-link').click();
      await page.waitForURL((url) => url.pathname === '/orders/settings');
      await waitForHydratedMain(page);

      // The defaults: one review step, always open, no minimum.
      expect(await page.getByTestId('settings-review-steps-1').isChecked()).toBe(true);
      expect(await page.getByTestId('settings-review-steps-2').isChecked()).toBe(false);
      expect(await page.getByTestId('settings-always-open').isChecked()).toBe(true);
      expect(await page.getByTestId('settings-window-start').isDisabled()).toBe(true);
      expect(await page.getByTestId('settings-minimum-amount').inputValue()).toBe(
        before.minimumAmount.amount,
      );
      expect(await page.getByTestId('settings-minimum-quantity').inputValue()).toBe('0');
      expect(await page.getByTestId('settings-auto-approve-below').inputValue()).toBe('');

      // A minimum of 300 and a window 22:00-05:00.
      await page.getByTestId('settings-minimum-amount').fill('300');
      await page.getByTestId('settings-always-open').uncheck();
      await page.getByTestId('settings-window-start').fill('22:00');
      await page.getByTestId('settings-window-end').fill('05:00');
      await page.getByTestId('settings-save').click();
      await page.getByTestId('settings-saved').waitFor();
      const saved = await apiSettings();
      expect(saved.windowStart).toBe('22:00');
      expect(saved.windowEnd).toBe('05:00');
      expect(saved.minimumAmount.amount).toMatch(/^300(\.0+)?$/);
      expect(saved.reviewSteps).toBe(1);
      expect(saved.autoApproveBelow).toBeNull();
      // The page shows what was saved, after a reload too.
      await open(page);
      expect(await page.getByTestId('settings-always-open').isChecked()).toBe(false);
      expect(await page.getByTestId('settings-window-start').inputValue()).toBe('22:00');
      expect(await page.getByTestId('settings-window-end').inputValue()).toBe('05:00');
      expect(await page.getByTestId('settings-minimum-amount').inputValue()).toBe(saved.minimumAmount.amount);

      // 25:00 is not a time: the API's message at the start field, what was typed kept, nothing changed.
      await page.getByTestId('settings-window-start').fill('25:00');
      await page.getByTestId('settings-minimum-quantity').fill('5');
      await page.getByTestId('settings-save').click();
      const error = page.locator('[data-testid="field-error"][data-field="windowStart"]');
      await error.waitFor();
      expect(await error.textContent()).toContain('HH:MM');
      expect(await page.getByTestId('settings-window-start').inputValue()).toBe('25:00');
      expect(await page.getByTestId('settings-window-start').getAttribute('aria-invalid')).toBe('true');
      expect(await page.getByTestId('settings-minimum-quantity').inputValue()).toBe('5');
      expect(await page.getByTestId('settings-saved').count()).toBe(0);
      const after = await apiSettings();
      expect(after.windowStart).toBe('22:00');
      expect(after.windowEnd).toBe('05:00');
      expect(after.minimumQuantity).toBe(0);
    },
    TEST_TIMEOUT,
  );
});
