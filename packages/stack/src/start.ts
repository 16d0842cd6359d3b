// npm start: everything on one machine, each service in its own process as in a deployment.
// Embedded PostgreSQL (unless DATABASE_URL), migrations, demo data once, eight subgraphs, the
// gateway, the storefront and the console; Ctrl-C stops all of it.
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { SUBGRAPH_PORTS, type SubgraphName } from '@wholesail/gateway/config';
import {
  createLogger,
  migrateAllSubgraphs,
  portFrom,
  repoRoot,
  resolveDatabaseUrl,
} from '@wholesail/platform';

import { seedIfEmpty } from '@wholesail/seed';
import { startApp, stopChild } from './apps';
import { waitForHttp } from './ports';

const started = Date.now();
const logger = createLogger('start', process.env.LOG_LEVEL ?? 'info');
const children: ChildProcess[] = [];
let database: Awaited<ReturnType<typeof resolveDatabaseUrl>> | undefined;
let stopping = false;

async function stopAll(code: number) {
  if (stopping) return;
  stopping = true;
  console.log('\nStopping Wholesail…');
  await Promise.all(children.map((c) => stopChild(c)));
  await database?.stop?.();
  process.exit(code);
}
process.on('SIGINT', () => void stopAll(0));
process.on('SIGTERM', () => void stopAll(0));

function spawnService(name: string, script: string, env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  child.once('exit', (code, signal) => {
    if (!stopping) {
      logger.error({ service: name, code, signal }, `${name} exited; stopping everything`);
      void stopAll(1);
    }
  });
  children.push(child);
  return child;
}

try {
  database = await resolveDatabaseUrl();
  logger.info(
    { embedded: database.embedded },
    database.embedded ? 'embedded PostgreSQL ready (.data/pg)' : 'using DATABASE_URL',
  );
  await migrateAllSubgraphs(database.url);
  const seeded = await seedIfEmpty(database.url);
  if (seeded.seeded) logger.info({ ms: Math.round(seeded.timings.totalMs) }, 'demo data loaded');

  const common = {
    DATABASE_URL: database.url,
    MIGRATE_ON_START: 'false',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  };
  const ports = {} as Record<SubgraphName, number>;
  for (const [name, fallback] of Object.entries(SUBGRAPH_PORTS) as [SubgraphName, number][]) {
    ports[name] = portFrom(process.env, `${name.toUpperCase()}_PORT`, fallback);
    spawnService(name, path.join('subgraphs', name, 'src', 'index.ts'), common);
  }
  await Promise.all(Object.values(ports).map((p) => waitForHttp(`http://127.0.0.1:${p}/readyz`, 60_000)));
  const gatewayPort = portFrom(process.env, 'GATEWAY_PORT', 4000);
  spawnService('gateway', path.join('gateway', 'src', 'index.ts'), common);
  await waitForHttp(`http://127.0.0.1:${gatewayPort}/healthz`, 60_000);
  const gatewayUrl = `http://localhost:${gatewayPort}/graphql`;

  const appEnv = { GATEWAY_URL: `http://127.0.0.1:${gatewayPort}/graphql`, TENANT: 'demo' };
  const [storefront, consoleApp] = await Promise.all([
    startApp('storefront', portFrom(process.env, 'STOREFRONT_PORT', 3000), appEnv, {
      onSpawn: (c) => children.push(c),
    }),
    startApp('console', portFrom(process.env, 'CONSOLE_PORT', 3001), appEnv, {
      onSpawn: (c) => children.push(c),
    }),
  ]);

  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`
Wholesail is running (ready in ${seconds} s). Ctrl-C stops everything.

  Storefront (retail stores)  ${storefront.url.replace('127.0.0.1', 'localhost')}
  Console (staff)             ${consoleApp.url.replace('127.0.0.1', 'localhost')}
  GraphQL API + GraphiQL      ${gatewayUrl}
  Subgraphs                   ${Object.entries(ports)
    .map(([n, p]) => `${n} :${p}`)
    .join(', ')}
  Database                    ${database.embedded ? `embedded PostgreSQL in .data/pg (${database.url.replace(/:[^:@/]+@/, ':***@')})` : 'DATABASE_URL'}

Demo logins (tenant "demo", password demo1234):
  staff      boss, office1, rep1, picker1, driver1, finance1
  customers  store001 .. store200
`);
} catch (error) {
  logger.error({ err: error }, 'start failed');
  await stopAll(1);
}
