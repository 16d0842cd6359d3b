import { type Browser, chromium } from 'playwright-core';

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
