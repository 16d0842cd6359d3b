import { printSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import { loadBaseConfig, portFrom } from './config';
import { migrateSchema } from './db/migrate';
import { resolveDatabaseUrl } from './db/url';
import { createLogger } from './logger';
import { type RunningServer, startGraphQLServer } from './server';
import { onShutdown } from './shutdown';

/** What a subgraph package exports so the stack, the tests and composition can run it. */
export interface SubgraphDefinition {
  /** Also its PostgreSQL schema and the prefix of its env variables (CATALOG_PORT). */
  name: string;
  defaultPort: number;
  migrationsDir: string;
  buildSchema(): GraphQLSchema;
  database: {
    connect(url: string, poolSize?: number): unknown;
    raw(): { $queryRawUnsafe(query: string): Promise<unknown> };
    disconnect(): Promise<void>;
  };
}

export interface StartOptions {
  databaseUrl: string;
  port?: number;
  host?: string;
  authSecret: string;
  logger?: Logger;
  poolSize?: number;
}

export function subgraphSdl(definition: SubgraphDefinition): string {
  return printSubgraphSchema(definition.buildSchema());
}

export async function startSubgraph(
  definition: SubgraphDefinition,
  options: StartOptions,
): Promise<RunningServer> {
  const logger = options.logger ?? createLogger(definition.name);
  definition.database.connect(options.databaseUrl, options.poolSize);
  const server = await startGraphQLServer({
    name: definition.name,
    schema: definition.buildSchema(),
    port: options.port ?? definition.defaultPort,
    host: options.host ?? '127.0.0.1',
    authSecret: options.authSecret,
    logger,
    ready: async () => {
      await definition.database.raw().$queryRawUnsafe('SELECT 1');
    },
  });
  return {
    ...server,
    async close() {
      await server.close();
      await definition.database.disconnect();
    },
  };
}

/** `node src/index.ts` of a subgraph: config from the environment, migrate, serve, stop on signal. */
export async function runSubgraphFromEnv(definition: SubgraphDefinition): Promise<void> {
  const config = loadBaseConfig();
  const logger = createLogger(definition.name, config.LOG_LEVEL);
  const port = portFrom(process.env, `${definition.name.toUpperCase()}_PORT`, definition.defaultPort);
  const database = await resolveDatabaseUrl();
  if (process.env.MIGRATE_ON_START !== 'false') {
    const result = await migrateSchema(database.url, definition.name, definition.migrationsDir);
    if (result.applied.length) logger.info({ applied: result.applied }, 'migrations applied');
  }
  const server = await startSubgraph(definition, {
    databaseUrl: database.url,
    port,
    host: config.HOST,
    authSecret: config.AUTH_SECRET,
    logger,
  });
  onShutdown(logger, async () => {
    await server.close();
    await database.stop?.();
  });
}
