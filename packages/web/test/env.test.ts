import { sessionSecret } from '../src/env.server';
import { createSessionStorageFor } from '../src/session.server';

const saved = { NODE_ENV: process.env.NODE_ENV, SESSION_SECRET: process.env.SESSION_SECRET };

function setEnv(env: { NODE_ENV?: string; SESSION_SECRET?: string }) {
  for (const key of ['NODE_ENV', 'SESSION_SECRET'] as const) {
    if (env[key] === undefined) delete process.env[key];
    else process.env[key] = env[key];
  }
}

afterEach(() => setEnv(saved));

describe('session secret', () => {
  it('falls back to the development default outside production', () => {
    setEnv({ NODE_ENV: 'development' });
    expect(sessionSecret()).toMatch(/dev/);
    expect(() => createSessionStorageFor('storefront')).not.toThrow();
  });

  it('refuses a missing secret in production, when the app creates its session', () => {
    setEnv({ NODE_ENV: 'production' });
    expect(() => sessionSecret()).toThrow(/SESSION_SECRET is not set/);
    expect(() => createSessionStorageFor('storefront')).toThrow(/SESSION_SECRET is not set/);
  });

  it('refuses a secret shorter than 32 characters in production', () => {
    setEnv({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(31) });
    expect(() => sessionSecret()).toThrow(/too short \(31 characters\).*at least 32/);
  });

  it('uses a long enough secret in production', () => {
    setEnv({ NODE_ENV: 'production', SESSION_SECRET: 's'.repeat(32) });
    expect(sessionSecret()).toBe('s'.repeat(32));
    expect(createSessionStorageFor('console').cookieName).toBe('__wholesail_console');
  });
});
