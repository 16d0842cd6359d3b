import { createHash, randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { listMigrations, migrateSchema, subgraphMigrations } from '../db/migrate';

export const TEMPLATE_DATABASE = 'wholesail_template';
export const TEST_PG_PORT = 54330;
export const testPgDir = path.join(os.tmpdir(), 'wholesail-test-pg');

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** A fingerprint of every migration: the template is rebuilt when it changes. */
export function migrationsFingerprint(): string {
  const hash = createHash('sha256');
  for (const s of subgraphMigrations())
    for (const m of listMigrations(s.dir)) hash.update(`${s.name}/${m.name}:${m.checksum}`);
  return hash.digest('hex').slice(0, 16);
}

/** The template's name carries the migrations' fingerprint, so test runs of different checkouts
 * (or of a change that adds a migration) on one server never drop each other's template. */
export function templateName(): string {
  return `${TEMPLATE_DATABASE}_${migrationsFingerprint()}`;
}

/** Creates (or reuses) a database with every subgraph's migrations applied, to clone per test file. */
export async function prepareTemplate(serverUrl: string): Promise<string> {
  const template = templateName();
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    const found = await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [template]);
    if (found.rowCount) return template;
    // Built under a private name and renamed when complete: a concurrent run never clones a
    // half-migrated template, and the loser of a race just drops its copy.
    const building = `${template}_b${randomBytes(3).toString('hex')}`;
    await admin.query(`CREATE DATABASE ${building}`);
    try {
      const url = withDatabase(serverUrl, building);
      for (const s of subgraphMigrations()) await migrateSchema(url, s.name, s.dir);
      await admin.query(`ALTER DATABASE ${building} RENAME TO ${template}`);
    } catch (error) {
      await admin.query(`DROP DATABASE IF EXISTS ${building} WITH (FORCE)`);
      const raced = await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [template]);
      if (!raced.rowCount) throw error;
    }
    return template;
  } finally {
    await admin.end();
  }
}

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/**
 * A fresh database for one test file, cloned from the migrated template (fast: a file copy),
 * so test files run in parallel without seeing each other's rows.
 */
export async function createTestDatabase(label = 'test'): Promise<TestDatabase> {
  const serverUrl = process.env.WHOLESAIL_TEST_SERVER_URL;
  if (!serverUrl)
    throw new Error('WHOLESAIL_TEST_SERVER_URL is not set: run tests through jest (globalSetup)');
  const name = `t_${label
    .replace(/[^a-z0-9]/gi, '')
    .toLowerCase()
    .slice(0, 20)}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(
      `CREATE DATABASE ${name} TEMPLATE ${process.env.WHOLESAIL_TEST_TEMPLATE ?? templateName()}`,
    );
  } finally {
    await admin.end();
  }
  return {
    url: withDatabase(serverUrl, name),
    async drop() {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}
