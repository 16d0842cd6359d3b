import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { type Stack, type StackOptions, startStack } from '@wholesail/stack';
import { buildClientSchema, getIntrospectionQuery, type IntrospectionQuery, parse, validate } from 'graphql';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { DEMO_PASSWORD, gatewayClient } from './gateway';

/**
 * Launches the system (Debian) Chromium headless for browser tests; no browser download needed.
 * Set CHROMIUM_PATH to use another binary. The flags keep it from calling home (no internet here).
 */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    // biome-ignore lint/suspicious/noUndeclaredEnvVars: a local override for tests, not a turbo task input
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

export type Device = 'phone' | 'desktop';
export interface Viewport {
  width: number;
  height: number;
}

/** A phone the size of an iPhone 12–15, as the shop is used in a store. */
export const PHONE: Viewport = { width: 390, height: 844 };
/** The console's usual desk screen. */
export const DESKTOP: Viewport = { width: 1280, height: 900 };

/**
 * A fresh browser context (no cookies, no language carried over): a phone is a touch screen at
 * twice the pixel density, a desktop only its viewport. `viewport` overrides the device's size.
 */
export function newContext(browser: Browser, device: Device, viewport?: Viewport): Promise<BrowserContext> {
  if (device === 'phone')
    return browser.newContext({
      viewport: viewport ?? PHONE,
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
    });
  return browser.newContext({ viewport: viewport ?? DESKTOP });
}

/** Fills the login page of the app at `baseUrl` and submits it; does not wait for where it leads. */
export async function submitLogin(page: Page, baseUrl: string, username: string, password = DEMO_PASSWORD) {
  await page.goto(`${baseUrl}/login`);
  await page.locator('input[name="username"]').fill(username);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('button[type="submit"]').click();
}

/** Logs a demo user in through the login page of the app at `baseUrl` and waits for its home page. */
export async function logIn(page: Page, baseUrl: string, username: string, password = DEMO_PASSWORD) {
  await submitLogin(page, baseUrl, username, password);
  await page.waitForURL((url) => url.pathname === '/');
}

/** Waits until React has hydrated a console page (forms then submit through the router). */
export async function waitForHydratedMain(page: Page) {
  await page.waitForFunction(() => {
    const main = document.querySelector('main');
    return !!main && Object.keys(main).some((k) => k.startsWith('__reactFiber'));
  });
}

/**
 * Expects every operation to be valid against the schema the gateway at `gatewayUrl` serves and,
 * with `maxDepth`, within the gateway's depth limit (its graphql-armor maxDepth; fragments count).
 * One expectation per operation, naming it.
 */
export async function expectOperationsValid(
  gatewayUrl: string,
  operations: Record<string, string>,
  options: { maxDepth?: number } = {},
) {
  const introspection = await gatewayClient(gatewayUrl).gql<IntrospectionQuery>(getIntrospectionQuery());
  const schema = buildClientSchema(introspection);
  for (const [name, text] of Object.entries(operations)) {
    const problems = validate(schema, parse(text)).map((e) => e.message);
    expect({ name, problems }).toEqual({ name, problems: [] });
    if (options.maxDepth === undefined) continue;
    let tooDeep: string[] = [];
    try {
      tooDeep = validate(schema, parse(text), [maxDepthRule({ n: options.maxDepth })]).map((e) => e.message);
    } catch (error) {
      tooDeep = [(error as Error).message];
    }
    expect({ name, tooDeep }).toEqual({ name, tooDeep: [] });
  }
}

export interface BrowserStack {
  /** The running stack; throws while it has not started. */
  readonly stack: Stack;
  /** The running browser; throws while it has not started. */
  readonly browser: Browser;
  /** The base URL of an app, without a trailing slash. */
  appUrl(app: 'storefront' | 'console'): string;
  /** The gateway's GraphQL URL. */
  gatewayUrl(): string;
  /** A page in a fresh context of the file's device (or `device`); the previous context is closed. */
  newPage(device?: Device, viewport?: Viewport): Promise<Page>;
}

/**
 * The whole stack with the apps and a Chromium for the tests of one file: started before all of
 * them (180 s), a context closed after each test, browser and stack stopped after all (60 s).
 * Register a file's own beforeAll after calling this: it then runs once the stack is up.
 */
export function useBrowserStack(
  options: { device: Device; viewport?: Viewport; stack?: StackOptions } = { device: 'desktop' },
): BrowserStack {
  let stack: Stack | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;

  beforeAll(async () => {
    stack = await startStack({ apps: true, ...options.stack });
    browser = await launchBrowser();
  }, 180_000);

  afterEach(async () => {
    await context?.close();
    context = undefined;
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  }, 60_000);

  const running = {
    get stack(): Stack {
      if (!stack) throw new Error('The stack did not start');
      return stack;
    },
    get browser(): Browser {
      if (!browser) throw new Error('The browser did not start');
      return browser;
    },
    appUrl(app: 'storefront' | 'console') {
      return running.stack.urls[app].replace(/\/+$/, '');
    },
    gatewayUrl() {
      return running.stack.urls.gateway;
    },
    async newPage(device: Device = options.device, viewport?: Viewport) {
      const current = running.browser;
      await context?.close();
      context = await newContext(
        current,
        device,
        viewport ?? (device === options.device ? options.viewport : undefined),
      );
      return context.newPage();
    },
  };
  return running;
}
