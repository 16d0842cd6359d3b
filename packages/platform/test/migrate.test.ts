import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { migrateSchema } from '../src/db/migrate';
import { createTestDatabase, type TestDatabase } from '../src/testing';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase('migrate');
});
afterAll(async () => {
  await db?.drop();
});

function migrationsDir(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mig-'));
  for (const [name, sql] of Object.entries(files)) {
    mkdirSync(path.join(dir, name));
    writeFileSync(path.join(dir, name, 'migration.sql'), sql);
  }
  return dir;
}

describe('migrateSchema', () => {
  it('applies pending migrations once, in order, into the schema, recorded like Prisma', async () => {
    const dir = migrationsDir({
      '20260101000000_a': 'CREATE TABLE "T" (id int primary key);',
      '20260102000000_b': 'ALTER TABLE "T" ADD COLUMN n int;',
    });
    expect((await migrateSchema(db.url, 'scratch', dir)).applied).toEqual([
      '20260101000000_a',
      '20260102000000_b',
    ]);
    expect((await migrateSchema(db.url, 'scratch', dir)).applied).toEqual([]);
    const c = new pg.Client({ connectionString: db.url });
    await c.connect();
    const rows = await c.query(
      'SELECT migration_name FROM scratch."_prisma_migrations" ORDER BY migration_name',
    );
    expect(rows.rows.map((r) => r.migration_name)).toEqual(['20260101000000_a', '20260102000000_b']);
    await c.query('INSERT INTO scratch."T" (id, n) VALUES (1, 2)');
    await c.end();
  });

  it('rolls back a failing migration and refuses edited ones', async () => {
    const bad = migrationsDir({
      '1_ok': 'CREATE TABLE "U" (id int);',
      '2_bad': 'CREATE TABLE "V" (id int); SELECT nope;',
    });
    await expect(migrateSchema(db.url, 'scratch2', bad)).rejects.toThrow(/2_bad failed/);
    const c = new pg.Client({ connectionString: db.url });
    await c.connect();
    const v = await c.query(`SELECT to_regclass('scratch2."V"') AS t`);
    expect(v.rows[0].t).toBeNull();
    await c.end();
    writeFileSync(path.join(bad, '1_ok', 'migration.sql'), 'CREATE TABLE "U" (id bigint);');
    await expect(migrateSchema(db.url, 'scratch2', bad)).rejects.toThrow(/edited after it was applied/);
  });

  it('is safe to run from several processes at once', async () => {
    const dir = migrationsDir({ '1_x': 'CREATE TABLE "W" (id int);' });
    const results = await Promise.all([1, 2, 3].map(() => migrateSchema(db.url, 'scratch3', dir)));
    expect(results.flatMap((r) => r.applied)).toEqual(['1_x']);
  });
});
