import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { repoRoot } from './url';

export interface MigrationResult {
  schema: string;
  applied: string[];
}

// Prisma's own bookkeeping table, so `prisma migrate status/deploy` agree with what ran here.
const MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

export function listMigrations(migrationsDir: string): { name: string; sql: string; checksum: string }[] {
  if (!existsSync(migrationsDir)) return [];
  return readdirSync(migrationsDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(migrationsDir, d.name, 'migration.sql')))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(migrationsDir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

/**
 * Applies the committed Prisma migrations of one service to its own PostgreSQL schema, the way
 * `prisma migrate deploy` does (the CLI needs a native engine this machine cannot download).
 * Safe to run from several processes at once: an advisory lock per schema serialises them.
 * A migration whose file changed after it was applied is refused, never re-run.
 */
export async function migrateSchema(
  databaseUrl: string,
  schema: string,
  migrationsDir: string,
): Promise<MigrationResult> {
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`Bad schema name ${schema}`);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const applied: string[] = [];
  try {
    const lockKey = createHash('sha256').update(`wholesail-migrate:${schema}`).digest().readInt32BE(0);
    await client.query('SELECT pg_advisory_lock($1)', [lockKey]);
    try {
      await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
      await client.query(`SET search_path TO "${schema}"`);
      await client.query(MIGRATIONS_TABLE);
      const done = await client.query<{ migration_name: string; checksum: string }>(
        'SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
      );
      const doneByName = new Map(done.rows.map((r) => [r.migration_name, r.checksum]));
      for (const migration of listMigrations(migrationsDir)) {
        const previous = doneByName.get(migration.name);
        if (previous !== undefined) {
          if (previous !== migration.checksum) {
            throw new Error(`Migration ${schema}/${migration.name} was edited after it was applied`);
          }
          continue;
        }
        await client.query('BEGIN');
        try {
          await client.query(migration.sql);
          await client.query(
            `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count)
             VALUES ($1, $2, now(), $3, 1)`,
            [randomUUID(), migration.checksum, migration.name],
          );
          await client.query('COMMIT');
          applied.push(migration.name);
        } catch (error) {
          await client.query('ROLLBACK');
          throw new Error(`Migration ${schema}/${migration.name} failed: ${(error as Error).message}`);
        }
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [lockKey]);
    }
  } finally {
    await client.end();
  }
  return { schema, applied };
}

/** Every subgraph that has migrations, with its migrations folder. */
export function subgraphMigrations(): { name: string; dir: string }[] {
  const root = path.join(repoRoot, 'subgraphs');
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => ({ name: d.name, dir: path.join(root, d.name, 'prisma', 'migrations') }))
    .filter((s) => listMigrations(s.dir).length > 0);
}

/** Applies every subgraph's migrations, each to its own schema. */
export async function migrateAllSubgraphs(databaseUrl: string): Promise<MigrationResult[]> {
  const results: MigrationResult[] = [];
  for (const s of subgraphMigrations()) results.push(await migrateSchema(databaseUrl, s.name, s.dir));
  return results;
}
