import { createLogger, onShutdown, parseConfig } from '@wholesail/platform';
import { gatewayConfigSchema, subgraphUrls } from './config';
import { startGateway } from './gateway';

const config = parseConfig(gatewayConfigSchema);
const logger = createLogger('gateway', config.LOG_LEVEL);
const gateway = await startGateway({
  port: config.GATEWAY_PORT,
  host: config.HOST,
  authSecret: config.AUTH_SECRET,
  subgraphUrls: subgraphUrls(process.env, config.HOST === '0.0.0.0' ? '127.0.0.1' : config.HOST),
  mode: config.GATEWAY_MODE,
  supergraphPath: config.SUPERGRAPH_PATH,
  logger,
  rateLimit: { perSecond: config.RATE_LIMIT_PER_SECOND, burst: config.RATE_LIMIT_BURST },
  bodyLimit: config.BODY_LIMIT,
  corsOrigins: config.CORS_ORIGINS.split(',')
    .map((s) => s.trim())
    .filter(Boolean),
  demoLogins: config.NODE_ENV !== 'production',
  pageCache: config.DATABASE_URL
    ? {
        databaseUrl: config.DATABASE_URL,
        ttlSeconds: config.PAGE_CACHE_SECONDS,
        maxMiB: config.PAGE_CACHE_MIB,
      }
    : undefined,
});
onShutdown(logger, () => gateway.close());
