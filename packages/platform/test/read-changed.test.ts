import pg from 'pg';
import { listenForNotifications, READ_CHANGED_CHANNEL, READ_NOTIFYING_SCHEMAS } from '../src/db/listen';
import { createTestDatabase, type TestDatabase } from '../src/testing';

// The gateway's page cache trusts these notifications: every write to a table the shop reads
// must send one at commit, and none for a rollback.

let db: TestDatabase;
let pool: pg.Pool;

beforeAll(async () => {
  db = await createTestDatabase('read-changed');
  pool = new pg.Pool({ connectionString: db.url, max: 4 });
  pool.on('error', () => {});
});

afterAll(async () => {
  await pool?.end();
  await db?.drop();
});

const until = async (check: () => boolean, ms = 5000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe('read-changed notifications', () => {
  it('are sent by every table of the schemas the shop reads (a new table needs the trigger too)', async () => {
    const { rows } = await pool.query<{ schema: string; table: string }>(
      `SELECT t.schemaname AS schema, t.tablename AS table FROM pg_tables t
       WHERE t.schemaname = ANY($1) AND t.tablename NOT IN ('_prisma_migrations', 'OutboxEvent', 'EventCursor')
         AND NOT EXISTS (SELECT 1 FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid
           JOIN pg_namespace n ON n.oid = c.relnamespace
           WHERE n.nspname = t.schemaname AND c.relname = t.tablename AND g.tgname = 'read_changed')`,
      [[...READ_NOTIFYING_SCHEMAS]],
    );
    expect(rows).toEqual([]);
    const { rows: counted } = await pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_trigger WHERE tgname = 'read_changed'`,
    );
    expect(counted[0]?.n).toBeGreaterThan(20);
  });

  it('arrive at commit with the schema, never for a rollback, and the listener comes back after a lost connection', async () => {
    const payloads: string[] = [];
    const states: boolean[] = [];
    const listener = await listenForNotifications({
      databaseUrl: db.url,
      channel: READ_CHANGED_CHANNEL,
      onNotification: (p) => payloads.push(p),
      onListening: (l) => states.push(l),
      retryMs: 50,
    });
    try {
      expect(listener.listening).toBe(true);
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query(`UPDATE catalog."Brand" SET "sortOrder" = "sortOrder" WHERE false`);
        await client.query('ROLLBACK');
        await client.query('BEGIN');
        await client.query(`UPDATE pricing."SkuPrice" SET "retailMinor" = "retailMinor" WHERE false`);
        await client.query(`UPDATE pricing."SkuPrice" SET "retailMinor" = "retailMinor" WHERE false`);
        await new Promise((r) => setTimeout(r, 100));
        expect(payloads).toEqual([]); // not before commit
        await client.query('COMMIT');
      } finally {
        client.release();
      }
      await until(() => payloads.length > 0);
      await new Promise((r) => setTimeout(r, 100));
      expect(payloads).toEqual(['pricing']); // one per transaction, and none for the rollback

      // A lost connection: the listener says so, reconnects, and hears writes again.
      await pool.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database()
         AND pid <> pg_backend_pid() AND query LIKE 'LISTEN%'`,
      );
      await until(() => states.includes(false));
      await until(() => listener.listening);
      await pool.query(`DELETE FROM inventory."Stock" WHERE false`);
      await until(() => payloads.includes('inventory'));
      expect(states).toEqual([true, false, true]);
    } finally {
      await listener.stop();
    }
  });
});
