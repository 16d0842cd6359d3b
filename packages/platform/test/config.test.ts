import { ConfigError, loadBaseConfig, portFrom } from '../src/config';

describe('config', () => {
  it('applies defaults', () => {
    const config = loadBaseConfig({});
    expect(config.NODE_ENV).toBe('development');
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.TOKEN_TTL_SECONDS).toBe(43200);
  });

  it('names every bad variable at once', () => {
    expect(() =>
      loadBaseConfig({ LOG_LEVEL: 'loud', AUTH_SECRET: 'short', DATABASE_URL: 'mysql://x' }),
    ).toThrow(ConfigError);
    try {
      loadBaseConfig({ LOG_LEVEL: 'loud', AUTH_SECRET: 'short', DATABASE_URL: 'mysql://x' });
    } catch (error) {
      expect((error as Error).message).toMatch(/LOG_LEVEL/);
      expect((error as Error).message).toMatch(/AUTH_SECRET: must be at least 32 characters/);
      expect((error as Error).message).toMatch(/DATABASE_URL/);
    }
  });

  it('refuses the development secret in production', () => {
    expect(() => loadBaseConfig({ NODE_ENV: 'production' })).toThrow(/development default/);
    expect(loadBaseConfig({ NODE_ENV: 'production', AUTH_SECRET: 'p'.repeat(40) }).NODE_ENV).toBe(
      'production',
    );
  });

  it('validates ports', () => {
    expect(portFrom({}, 'CATALOG_PORT', 4001)).toBe(4001);
    expect(portFrom({ CATALOG_PORT: '5001' }, 'CATALOG_PORT', 4001)).toBe(5001);
    expect(() => portFrom({ CATALOG_PORT: 'abc' }, 'CATALOG_PORT', 4001)).toThrow(ConfigError);
    expect(() => portFrom({ CATALOG_PORT: '70000' }, 'CATALOG_PORT', 4001)).toThrow(ConfigError);
  });
});
