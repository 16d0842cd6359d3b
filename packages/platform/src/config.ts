import { z } from 'zod';

/** Thrown when the environment does not describe a runnable service; lists every bad variable. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

const DEV_SECRET = 'wholesail-dev-secret-change-me-in-production-0123456789';

export const baseConfigSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Unset: an embedded PostgreSQL in .data/ (see db/embedded.ts). */
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  /** Signs access tokens (HS256); every service verifies with it. At least 32 characters. */
  AUTH_SECRET: z.string().min(32, 'must be at least 32 characters').default(DEV_SECRET),
  /** Access token lifetime, seconds. */
  TOKEN_TTL_SECONDS: z.coerce
    .number()
    .int()
    .positive()
    .default(12 * 3600),
  HOST: z.string().default('127.0.0.1'),
});

export type BaseConfig = z.infer<typeof baseConfigSchema>;

/**
 * Parses `env` with `schema`; on failure throws one ConfigError naming every bad variable,
 * so an operator fixes them in one go instead of one restart per mistake.
 */
export function parseConfig<S extends z.ZodType>(
  schema: S,
  env: NodeJS.ProcessEnv = process.env,
): z.infer<S> {
  const result = schema.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const config = result.data as z.infer<S> & Partial<BaseConfig>;
  if (config.NODE_ENV === 'production' && config.AUTH_SECRET === DEV_SECRET) {
    throw new ConfigError(
      'Invalid configuration:\n  AUTH_SECRET: the development default is not allowed in production',
    );
  }
  return config;
}

export function loadBaseConfig(env: NodeJS.ProcessEnv = process.env): BaseConfig {
  return parseConfig(baseConfigSchema, env);
}

/** A port from `${NAME}_PORT` or the default; rejects anything that is not a TCP port. */
export function portFrom(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const schema = z.object({ [name]: z.coerce.number().int().min(0).max(65535).default(fallback) });
  return (parseConfig(schema, env) as Record<string, number>)[name]!;
}
