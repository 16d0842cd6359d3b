import { startGateway } from '@wholesail/gateway';
import type { SubgraphName } from '@wholesail/gateway/config';
import { createLogger, type RunningServer, startSubgraph } from '@wholesail/platform';
import { createTestDatabase, TEST_AUTH_SECRET } from '@wholesail/platform/testing';
import { subgraphs } from '@wholesail/schema/src/subgraphs';
import { seed } from '@wholesail/seed';
import { type AppProcess, startApp, stopChild } from './apps';
import { freePort } from './ports';

export interface Stack {
  urls: { gateway: string; storefront: string; console: string };
  databaseUrl: string;
  /**
   * Waits until the gateway's page cache has heard of every write committed so far: call it
   * after changing data straight in the database, before asking the gateway again.
   */
  settle(): Promise<void>;
  stop(): Promise<void>;
}

export interface StackOptions {
  /** Also start the storefront and console dev servers. */
  apps?: boolean;
  /** Seed the demo data (default true). */
  seed?: boolean;
  /**
   * Subgraphs the test runs itself (e.g. as a child process it can kill), at these URLs: the
   * stack does not start them, and the gateway and the other services call them there.
   */
  external?: Partial<Record<SubgraphName, string>>;
  /** static: the committed supergraph (default); dev: composed from the running subgraphs. */
  gatewayMode?: 'static' | 'dev';
}

/**
 * The whole system for a test: a fresh database cloned from the migrated template, the demo
 * data, all eight subgraphs in this process (fast), the gateway over real HTTP, and
 * optionally both apps as child processes.
 */
export async function startStack(options: StackOptions = {}): Promise<Stack> {
  process.env.AUTH_SECRET = TEST_AUTH_SECRET;
  const database = await createTestDatabase('stack');
  const logger = createLogger('stack', process.env.LOG_LEVEL ?? 'error');
  const servers: RunningServer[] = [];
  const children: AppProcess['child'][] = [];
  try {
    if (options.seed !== false) await seed(database.url, { scale: 'demo' });
    const urls = {} as Record<SubgraphName, string>;
    for (const definition of subgraphs) {
      const outside = options.external?.[definition.name as SubgraphName];
      if (outside) {
        urls[definition.name as SubgraphName] = outside;
        process.env[`${definition.name.toUpperCase()}_URL`] = outside;
        continue;
      }
      const server = await startSubgraph(definition, {
        databaseUrl: database.url,
        port: 0,
        authSecret: TEST_AUTH_SECRET,
        logger: logger.child({ service: definition.name }),
        poolSize: 5,
      });
      servers.push(server);
      urls[definition.name as SubgraphName] = server.url;
      // services find each other by <NAME>_URL (platform serviceUrl), read at each call
      process.env[`${definition.name.toUpperCase()}_URL`] = server.url;
    }
    const gateway = await startGateway({
      port: 0,
      host: '127.0.0.1',
      authSecret: TEST_AUTH_SECRET,
      subgraphUrls: urls,
      mode: options.gatewayMode,
      // Tests switch tenant settings and want the next request to see them.
      guestCacheMs: 0,
      logger: logger.child({ service: 'gateway' }),
      rateLimit: { perSecond: 10_000, burst: 10_000 },
      pageCache: { databaseUrl: database.url },
    });
    servers.push(gateway);
    let storefront = '';
    let consoleUrl = '';
    if (options.apps) {
      const env = { GATEWAY_URL: gateway.url, TENANT: 'demo' };
      const track = (child: AppProcess['child']) => children.push(child);
      const [sf, co] = await Promise.all([
        startApp('storefront', await freePort(), env, { onSpawn: track }),
        startApp('console', await freePort(), env, { onSpawn: track }),
      ]);
      storefront = sf.url;
      consoleUrl = co.url;
    }
    return {
      urls: { gateway: gateway.url, storefront, console: consoleUrl },
      databaseUrl: database.url,
      settle: async () => gateway.pageCache?.settle(),
      async stop() {
        await Promise.all(children.map((c) => stopChild(c)));
        for (const s of servers.reverse()) await s.close();
        await database.drop();
      },
    };
  } catch (error) {
    await Promise.all(children.map((c) => stopChild(c)));
    for (const s of servers.reverse()) await s.close().catch(() => {});
    await database.drop().catch(() => {});
    throw error;
  }
}
