import { printSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import { loadBaseConfig, portFrom } from './config';
import { migrateSchema } from './db/migrate';
import { resolveDatabaseUrl } from './db/url';
import { OutboxConsumer, type TransactionalDb } from './events/consumer';
import type { DomainEvent, SqlRunner } from './events/types';
import { type InternalCommands, setServiceSecret } from './internal';
import { createLogger } from './logger';
import { type RunningServer, startGraphQLServer } from './server';
import { onShutdown } from './shutdown';

/**
 * A consumer group of a subgraph: gets every event of `sources` once, in log order. `handle`
 * runs in the event's tenant scope inside a transaction of the subgraph's tenant-scoped client
 * (`tx` writes get the tenant like resolvers' writes), committed together with the cursor move.
 * The subgraph's prisma schema needs the `EventCursor` model (see events/outbox.ts).
 */
export interface EventConsumerDefinition<Tx = any> {
  /** Unique within the subgraph, e.g. "catalog" or "catalog-stock". */
  name: string;
  /** Producing subgraphs (their schemas) whose outboxes it reads. */
  sources: string[];
  handle(event: DomainEvent, tx: Tx): Promise<void>;
}

/** What a subgraph package exports so the stack, the tests and composition can run it. */
export interface SubgraphDefinition {
  /** Also its PostgreSQL schema and the prefix of its env variables (CATALOG_PORT). */
  name: string;
  defaultPort: number;
  migrationsDir: string;
  buildSchema(): GraphQLSchema;
  database: {
    connect(url: string, poolSize?: number): unknown;
    db(): unknown;
    raw(): { $queryRawUnsafe(query: string): Promise<unknown> };
    disconnect(): Promise<void>;
  };
  /** Event consumers started with the server (projections, reactions to other domains). */
  consumers?: EventConsumerDefinition[];
  /** Commands other services send it (see internal.ts). */
  internal?: InternalCommands;
  /** Work repeated every `intervalMs` while the server runs (sweepers, crash recovery). */
  jobs?: SubgraphJob[];
}

/** A periodic job: `run` is never started again before the previous run ended. */
export interface SubgraphJob {
  name: string;
  intervalMs: number;
  run(logger: Logger): Promise<void>;
}

function startJobs(jobs: readonly SubgraphJob[], logger: Logger): () => Promise<void> {
  let stopped = false;
  const running = new Set<Promise<void>>();
  const timers = jobs.map((job) => {
    let busy = false;
    const timer = setInterval(() => {
      if (busy || stopped) return;
      busy = true;
      const run = job
        .run(logger)
        .catch((error) => logger.error({ err: error, job: job.name }, 'job failed'))
        .finally(() => {
          busy = false;
          running.delete(run);
        });
      running.add(run);
    }, job.intervalMs);
    timer.unref();
    return timer;
  });
  return async () => {
    stopped = true;
    for (const t of timers) clearInterval(t);
    await Promise.allSettled([...running]);
  };
}

export interface RunningSubgraph extends RunningServer {
  /** Resolves once its consumers have applied every event committed so far (tests). */
  drained(timeoutMs?: number): Promise<void>;
}

export interface StartOptions {
  databaseUrl: string;
  port?: number;
  host?: string;
  authSecret: string;
  logger?: Logger;
  poolSize?: number;
  /** Start the event consumers (default true). */
  consumers?: boolean;
  /** Start the periodic jobs (default true). */
  jobs?: boolean;
}

export function subgraphSdl(definition: SubgraphDefinition): string {
  return printSubgraphSchema(definition.buildSchema());
}

export async function startSubgraph(
  definition: SubgraphDefinition,
  options: StartOptions,
): Promise<RunningSubgraph> {
  const logger = options.logger ?? createLogger(definition.name);
  setServiceSecret(options.authSecret);
  definition.database.connect(options.databaseUrl, options.poolSize);
  const consumers =
    options.consumers === false
      ? []
      : (definition.consumers ?? []).map(
          (c) =>
            new OutboxConsumer({
              name: c.name,
              cursorSchema: definition.name,
              sources: c.sources,
              db: definition.database.db() as TransactionalDb<SqlRunner>,
              databaseUrl: options.databaseUrl,
              handle: (event, tx) => c.handle(event, tx),
              logger,
            }),
        );
  for (const consumer of consumers) await consumer.start();
  const stopJobs = startJobs(options.jobs === false ? [] : (definition.jobs ?? []), logger);
  const server = await startGraphQLServer({
    name: definition.name,
    schema: definition.buildSchema(),
    port: options.port ?? definition.defaultPort,
    host: options.host ?? '127.0.0.1',
    authSecret: options.authSecret,
    logger,
    internal: definition.internal,
    ready: async () => {
      await definition.database.raw().$queryRawUnsafe('SELECT 1');
    },
  });
  return {
    ...server,
    async drained(timeoutMs) {
      for (const consumer of consumers) await consumer.drained(timeoutMs);
    },
    async close() {
      await server.close();
      await stopJobs();
      for (const consumer of consumers) await consumer.stop();
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
