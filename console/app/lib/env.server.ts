/** Server-side settings, read from the environment at call time (so tests can set them before start). */

const DEV_SESSION_SECRET = 'wholesail-dev-session-secret-change-me';
let warnedAboutSecret = false;

export function gatewayUrl(): string {
  return process.env.GATEWAY_URL || 'http://127.0.0.1:4000/graphql';
}

/** The distributor this deployment serves; the login form may override it (advanced). */
export function defaultTenant(): string {
  return process.env.TENANT || 'demo';
}

export function sessionSecret(): string {
  const secret = process.env.SESSION_SECRET;
  if (secret) return secret;
  if (process.env.NODE_ENV === 'production' && !warnedAboutSecret) {
    warnedAboutSecret = true;
    console.warn('SESSION_SECRET is not set: using the development default. Set it in production.');
  }
  return DEV_SESSION_SECRET;
}

/** Milliseconds to wait for the gateway before answering "service unavailable". */
export function gatewayTimeoutMs(): number {
  return Number.parseInt(process.env.GATEWAY_TIMEOUT_MS ?? '', 10) || 15_000;
}
