/**
 * Seeds real PostgreSQL databases: the test server of this jest run (TEST_DATABASE_URL or the
 * embedded one globalSetup starts), else an embedded server of its own. Each database is
 * created empty, migrated with migrateAll and dropped at the end.
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { verifyPassword } from '@wholesail/platform';
import { type EmbeddedDatabase, startEmbeddedPostgres } from '@wholesail/platform/db/embedded';
import {
  AlreadySeededError,
  buildWorld,
  migrateAll,
  SeedClients,
  SUBGRAPHS,
  seed,
  seedIfEmpty,
  TENANT_ID,
  type World,
  worldCounts,
  worldTables,
} from '../src/index';

const NOW = new Date('2026-11-24T06:30:00.000Z');
let serverUrl: string;
let embedded: EmbeddedDatabase | undefined;
const created: string[] = [];

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function admin<T>(fn: (db: ReturnType<SeedClients['get']>) => Promise<T>): Promise<T> {
  const clients = new SeedClients(serverUrl);
  try {
    return await fn(clients.get('crm'));
  } finally {
    await clients.disconnect();
  }
}

/** An empty database with every subgraph's migrations applied. */
async function freshDatabase(): Promise<string> {
  const name = `t_seed_${randomBytes(4).toString('hex')}`;
  await admin((db) => db.$executeRawUnsafe(`CREATE DATABASE ${name}`));
  created.push(name);
  const url = withDatabase(serverUrl, name);
  const results = await migrateAll(url);
  expect(results.map((r) => r.schema).sort()).toEqual([...SUBGRAPHS].sort());
  for (const r of results) expect(r.applied.length).toBeGreaterThan(0);
  return url;
}

/** Rows of the demo tenant per "schema.Model", counted in the database. */
async function countRows(url: string): Promise<Record<string, number>> {
  const clients = new SeedClients(url);
  try {
    const db = clients.get('crm');
    const counts: Record<string, number> = {};
    for (const [schema, model] of worldTables(buildWorld({ now: NOW }))) {
      const column = model === 'Tenant' ? 'id' : 'tenantId';
      const rows = await db.$queryRawUnsafe<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM "${schema}"."${model}" WHERE "${column}" = $1`,
        TENANT_ID,
      );
      counts[`${schema}.${model}`] = rows[0]!.n;
    }
    return counts;
  } finally {
    await clients.disconnect();
  }
}

/** Reads every table back through the subgraphs' own Prisma clients. */
async function readBack(url: string, world: World): Promise<void> {
  const clients = new SeedClients(url);
  try {
    for (const [schema, model, rows] of worldTables(world)) {
      const delegate = (clients.get(schema) as any)[model.charAt(0).toLowerCase() + model.slice(1)];
      const key = 'id' in (rows[0] as object) ? 'id' : 'tenantId';
      const stored = (await delegate.findMany({
        where: model === 'Tenant' ? { id: TENANT_ID } : { tenantId: TENANT_ID },
      })) as any[];
      const sort = (list: readonly any[]) =>
        [...list].sort((a, b) => (a[key] < b[key] ? -1 : a[key] > b[key] ? 1 : 0));
      expect([`${schema}.${model}`, stored.length]).toEqual([`${schema}.${model}`, rows.length]);
      expect(sort(stored)).toEqual(sort(rows));
    }
  } finally {
    await clients.disconnect();
  }
}

async function storedPasswordHash(url: string): Promise<string> {
  const clients = new SeedClients(url);
  try {
    const rows = await clients
      .get('crm')
      .$queryRawUnsafe<{ h: string }[]>(
        `SELECT "passwordHash" AS h FROM "crm"."Staff" WHERE "id" = 'stf_boss'`,
      );
    return rows[0]!.h;
  } finally {
    await clients.disconnect();
  }
}

beforeAll(async () => {
  const url = process.env.WHOLESAIL_TEST_SERVER_URL ?? process.env.TEST_DATABASE_URL;
  if (url) {
    serverUrl = url;
  } else {
    embedded = await startEmbeddedPostgres({
      dir: path.join(os.tmpdir(), 'wholesail-seed-test-pg'),
      port: 54400,
      database: 'postgres',
    });
    serverUrl = embedded.url;
  }
}, 120_000);

afterAll(async () => {
  if (serverUrl) {
    for (const name of created)
      await admin((db) => db.$executeRawUnsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  }
  await embedded?.stop();
}, 120_000);

describe('seeding a real database', () => {
  let url: string;

  beforeAll(async () => {
    url = await freshDatabase();
  }, 120_000);

  it('seeds the demo tenant once into every schema', async () => {
    const result = await seedIfEmpty(url, { now: NOW });
    expect(result.seeded).toBe(true);
    const expected = worldCounts(buildWorld({ now: NOW }));
    expect(result.counts).toEqual(expected);
    expect(await countRows(url)).toEqual(expected);
    expect(result.timings.totalMs).toBeLessThan(10_000);
  }, 60_000);

  it('stores exactly the generated rows (read back through Prisma)', async () => {
    const world = buildWorld({ now: NOW, passwordHash: await storedPasswordHash(url) });
    await readBack(url, world);
  }, 60_000);

  it('stores a password hash that verifies demo1234', async () => {
    const hash = await storedPasswordHash(url);
    expect(await verifyPassword('demo1234', hash)).toBe(true);
    const clients = new SeedClients(url);
    try {
      const hashes = await clients
        .get('crm')
        .$queryRawUnsafe<{ n: number }[]>(
          `SELECT count(DISTINCT "passwordHash")::int AS n FROM "crm"."CustomerUser"`,
        );
      expect(hashes[0]!.n).toBe(1);
    } finally {
      await clients.disconnect();
    }
  }, 30_000);

  it('does not seed twice with seedIfEmpty, and refuses seed without reset', async () => {
    const before = await countRows(url);
    const again = await seedIfEmpty(url, { now: NOW });
    expect(again.seeded).toBe(false);
    expect(await countRows(url)).toEqual(before);
    await expect(seed(url, { now: NOW })).rejects.toBeInstanceOf(AlreadySeededError);
    expect(await countRows(url)).toEqual(before);
  }, 60_000);

  it('redoes a seed that died before writing the tenant row, without duplicates', async () => {
    const before = await countRows(url);
    const clients = new SeedClients(url);
    try {
      await clients.get('crm').$executeRawUnsafe(`DELETE FROM "crm"."Tenant" WHERE "id" = $1`, TENANT_ID);
    } finally {
      await clients.disconnect();
    }
    const result = await seedIfEmpty(url, { now: NOW });
    expect(result.seeded).toBe(true);
    expect(result.deleted['catalog.Sku']).toBe(before['catalog.Sku']);
    expect(await countRows(url)).toEqual(before);
  }, 60_000);

  it('resets only its own tenant', async () => {
    const clients = new SeedClients(url);
    try {
      await clients
        .get('crm')
        .$executeRawUnsafe(
          `INSERT INTO "crm"."CustomerLevel" ("id", "tenantId", "code", "name", "nameEn", "rank") VALUES ('lvl_other', 'tnt_other', 'A', '其他', 'Other', 1)`,
        );
      const later = new Date(NOW.getTime() + 86_400_000);
      const result = await seed(url, { reset: true, now: later });
      expect(result.seeded).toBe(true);
      expect(await countRows(url)).toEqual(worldCounts(buildWorld({ now: later })));
      const other = await clients
        .get('crm')
        .$queryRawUnsafe<{ n: number }[]>(
          `SELECT count(*)::int AS n FROM "crm"."CustomerLevel" WHERE "tenantId" = 'tnt_other'`,
        );
      expect(other[0]!.n).toBe(1);
    } finally {
      await clients.disconnect();
    }
  }, 60_000);
});

describe('concurrent start-up', () => {
  it('seeds once when several processes call seedIfEmpty at the same time', async () => {
    const url = await freshDatabase();
    const results = await Promise.all([1, 2, 3].map(() => seedIfEmpty(url, { now: NOW })));
    expect(results.filter((r) => r.seeded)).toHaveLength(1);
    expect(await countRows(url)).toEqual(worldCounts(buildWorld({ now: NOW })));
  }, 120_000);
});

describe('the createMany writer', () => {
  it('writes the same rows as the SQL writer', async () => {
    const url = await freshDatabase();
    const result = await seed(url, { now: NOW, method: 'createMany' });
    expect(result.seeded).toBe(true);
    const world = buildWorld({ now: NOW, passwordHash: await storedPasswordHash(url) });
    await readBack(url, world);
  }, 120_000);
});
