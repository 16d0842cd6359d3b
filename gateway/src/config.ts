import { baseConfigSchema } from '@wholesail/platform';
import { z } from 'zod';

export const SUBGRAPH_PORTS = {
  catalog: 4001,
  pricing: 4002,
  marketing: 4003,
  inventory: 4004,
  warehouse: 4005,
  delivery: 4006,
  orders: 4007,
  crm: 4008,
} as const;

export type SubgraphName = keyof typeof SUBGRAPH_PORTS;

export const gatewayConfigSchema = baseConfigSchema.extend({
  GATEWAY_PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  /** static: the committed schema/supergraph.graphql; dev: recompose from the running subgraphs. */
  GATEWAY_MODE: z.enum(['static', 'dev']).default('static'),
  SUPERGRAPH_PATH: z.string().optional(),
  /** Requests per second per client (token or IP), with bursts up to RATE_LIMIT_BURST. */
  RATE_LIMIT_PER_SECOND: z.coerce.number().positive().default(100),
  RATE_LIMIT_BURST: z.coerce.number().positive().default(200),
  BODY_LIMIT: z.string().default('1mb'),
  /** How long the page cache may keep an answer at most, seconds; 0 turns it off (needs DATABASE_URL). */
  PAGE_CACHE_SECONDS: z.coerce.number().int().min(0).default(5),
  PAGE_CACHE_MIB: z.coerce.number().positive().default(64),
  /** Browser origins allowed to call the API directly (comma separated). */
  CORS_ORIGINS: z
    .string()
    .default('http://localhost:3000,http://localhost:3001,http://127.0.0.1:3000,http://127.0.0.1:3001'),
});

export type GatewayConfig = z.infer<typeof gatewayConfigSchema>;

/** Where each subgraph is: `<NAME>_URL`, else `<NAME>_PORT` on HOST, else its default port. */
export function subgraphUrls(
  env: NodeJS.ProcessEnv = process.env,
  host = '127.0.0.1',
): Record<SubgraphName, string> {
  const urls = {} as Record<SubgraphName, string>;
  for (const [name, port] of Object.entries(SUBGRAPH_PORTS) as [SubgraphName, number][]) {
    const upper = name.toUpperCase();
    urls[name] = env[`${upper}_URL`] ?? `http://${host}:${env[`${upper}_PORT`] ?? port}/graphql`;
  }
  return urls;
}
