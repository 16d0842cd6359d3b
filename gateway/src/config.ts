import { baseConfigSchema } from '@wholesail/platform';
import { z } from 'zod';

// The subgraphs and their URLs are the platform's (services call each other too).
export { SUBGRAPH_PORTS, type SubgraphName, subgraphUrls } from '@wholesail/platform';

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
