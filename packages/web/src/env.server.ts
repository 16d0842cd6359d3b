/** Server-side settings, read from the environment at call time (so tests can set them before start). */

const DEV_SESSION_SECRET = 'wholesail-dev-session-secret-change-me';
/** The shortest SESSION_SECRET accepted in production. */
export const MIN_SESSION_SECRET_LENGTH = 32;

export function gatewayUrl(): string {
  return process.env.GATEWAY_URL || 'http://127.0.0.1:4000/graphql';
}

/** The distributor this deployment serves; the login form may override it (advanced). */
export function defaultTenant(): string {
  return process.env.TENANT || 'demo';
}

function isProduction(): boolean {
  return process.env.NODE_ENV === 'production';
}

/**
 * The secret that signs the session cookies. In production it must be set and at least 32
 * characters long: the development default is public, so a cookie signed with it proves nothing.
 */
export function sessionSecret(): string {
  const secret = process.env.SESSION_SECRET;
  if (isProduction()) {
    if (!secret) {
      throw new Error(
        'SESSION_SECRET is not set. With NODE_ENV=production it is required: it signs the session ' +
          `cookies. Set it to a random string of at least ${MIN_SESSION_SECRET_LENGTH} characters ` +
          '(for example `openssl rand -base64 48`).',
      );
    }
    if (secret.length < MIN_SESSION_SECRET_LENGTH) {
      throw new Error(
        `SESSION_SECRET is too short (${secret.length} characters). With NODE_ENV=production it must ` +
          `be at least ${MIN_SESSION_SECRET_LENGTH} characters (for example \`openssl rand -base64 48\`).`,
      );
    }
    return secret;
  }
  return secret || DEV_SESSION_SECRET;
}

/** Throws, with the reason, when the environment is not fit to serve (called when the server starts). */
export function assertServerEnv(): void {
  sessionSecret();
}

/** Milliseconds to wait for the gateway before answering "service unavailable". */
export function gatewayTimeoutMs(): number {
  return Number.parseInt(process.env.GATEWAY_TIMEOUT_MS ?? '', 10) || 15_000;
}
