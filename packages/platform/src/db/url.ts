import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { startEmbeddedPostgres } from './embedded';

export const EMBEDDED_PG_PORT = 54329;

/** The repository root (where .data/ lives), found from this file. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

export async function reachable(url: string): Promise<boolean> {
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

/**
 * DATABASE_URL when set; otherwise the embedded PostgreSQL in .data/pg (or $WHOLESAIL_DATA_DIR/pg),
 * on EMBEDDED_PG_PORT (54329), started here unless a
 * process of `npm start` already runs it. Returns a stop function only when it started one.
 */
export async function resolveDatabaseUrl(
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ url: string; embedded: boolean; stop?: () => Promise<void> }> {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL, embedded: false };
  const port = Number(env.EMBEDDED_PG_PORT ?? EMBEDDED_PG_PORT);
  const url = `postgresql://wholesail:wholesail@127.0.0.1:${port}/wholesail`;
  if (await reachable(url)) return { url, embedded: true };
  const dir = env.WHOLESAIL_DATA_DIR
    ? path.join(env.WHOLESAIL_DATA_DIR, 'pg')
    : path.join(repoRoot, '.data', 'pg');
  const started = await startEmbeddedPostgres({ dir, port });
  return { url: started.url, embedded: true, stop: started.stop };
}
