import pg from 'pg';
import {
  appendEvents,
  type DomainEvent,
  eventId,
  eventTablesSql,
  OutboxConsumer,
  parseEventId,
  pgTransactionalDb,
  type SqlRunner,
} from '../src/events';
import { currentTenantId } from '../src/tenant';
import { createTestDatabase, type TestDatabase } from '../src/testing';

let db: TestDatabase;
let pool: pg.Pool;
const consumers: OutboxConsumer<SqlRunner>[] = [];

beforeAll(async () => {
  db = await createTestDatabase('events');
  pool = new pg.Pool({ connectionString: db.url, max: 30 });
  // Dropping the test database at the end terminates idle connections; that is expected.
  pool.on('error', () => {});
  await pool.query(eventTablesSql('src_a'));
  await pool.query(eventTablesSql('sink'));
  await pool.query(
    'CREATE TABLE sink.applied (consumer text, source text, position bigint, tenant text, type text, agg text, ver int)',
  );
  await pool.query('CREATE TABLE src_a.counter (id text primary key, version int not null)');
});

afterAll(async () => {
  for (const c of consumers) await c.stop();
  await pool?.end();
  await db?.drop();
});

const tx = pgTransactionalDb({
  query: (...a: any[]) => (pool.query as any)(...a),
  connect: () => pool.connect(),
} as pg.Pool);

/** A producer command: bump an aggregate's version under its row lock, then append the event. */
async function bump(aggregateId: string, tenantId = 't1', fail = false) {
  return tx.$transaction(async (t) => {
    await t.$executeRawUnsafe(
      'INSERT INTO src_a.counter (id, version) VALUES ($1, 0) ON CONFLICT DO NOTHING',
      aggregateId,
    );
    const [row] = await t.$queryRawUnsafe<{ version: number }[]>(
      'UPDATE src_a.counter SET version = version + 1 WHERE id = $1 RETURNING version',
      aggregateId,
    );
    await appendEvents(t, 'src_a', [
      { tenantId, aggregateType: 'Counter', aggregateId, type: 'Bumped', payload: { version: row!.version } },
    ]);
    if (fail) throw new Error('rolled back on purpose');
  });
}

function consumer(name: string, handle?: (e: DomainEvent, t: SqlRunner) => Promise<void>) {
  const c = new OutboxConsumer<SqlRunner>({
    name,
    cursorSchema: 'sink',
    sources: ['src_a'],
    db: tx,
    databaseUrl: db.url,
    pollIntervalMs: 200,
    retryDelayMs: 20,
    handle:
      handle ??
      (async (e, t) => {
        await t.$executeRawUnsafe(
          'INSERT INTO sink.applied VALUES ($1, $2, $3, $4, $5, $6, $7)',
          name,
          e.source,
          e.position,
          currentTenantId(),
          e.type,
          e.aggregateId,
          (e.payload as { version: number }).version,
        );
      }),
  });
  consumers.push(c);
  return c;
}

async function applied(name: string) {
  return (await pool.query('SELECT * FROM sink.applied WHERE consumer = $1 ORDER BY position', [name])).rows;
}

describe('the outbox', () => {
  it('commits events with the state change, or not at all', async () => {
    await bump('x1');
    await expect(bump('x1', 't1', true)).rejects.toThrow('on purpose');
    const rows = (await pool.query(`SELECT * FROM src_a."OutboxEvent" WHERE "aggregateId" = 'x1'`)).rows;
    expect(rows.map((r) => r.payload)).toEqual([{ version: 1 }]);
  });

  it('names events source:position', () => {
    expect(eventId({ source: 'orders', position: 42n })).toBe('orders:42');
    expect(parseEventId('orders:42')).toEqual({ source: 'orders', position: 42n });
    expect(parseEventId('orders:x')).toBeNull();
  });
});

describe('a consumer', () => {
  it('gets every event once, in order per aggregate, under concurrent producers, in the event tenant', async () => {
    const c = consumer('c1');
    await c.start();
    await Promise.all(Array.from({ length: 60 }, (_, i) => bump(`agg${i % 6}`, i % 2 ? 't1' : 't2')));
    await c.drained();
    const rows = await applied('c1');
    const all = (await pool.query(`SELECT count(*)::int AS n FROM src_a."OutboxEvent"`)).rows[0].n;
    expect(rows).toHaveLength(all);
    expect(new Set(rows.map((r) => r.position)).size).toBe(rows.length);
    for (let a = 0; a < 6; a++) {
      const versions = rows.filter((r) => r.agg === `agg${a}`).map((r) => r.ver);
      expect(versions).toEqual(versions.map((_, i) => i + 1));
    }
    expect(rows.filter((r) => r.agg === 'agg1').every((r) => r.tenant === 't1')).toBe(true);
    expect(rows.filter((r) => r.agg === 'agg0').every((r) => r.tenant === 't2')).toBe(true);
  });

  it('never skips an event whose transaction commits late', async () => {
    const c = consumer('c2');
    await c.start();
    await c.drained();
    const before = (await applied('c2')).length;
    // T1 appends and holds its transaction open; T2 must wait for it (positions follow commits).
    const client = await pool.connect();
    await client.query('BEGIN');
    await client.query('UPDATE src_a.counter SET version = version + 1 WHERE id = $1', ['agg0']);
    const t1 = pgTransactionalDb(pool);
    const first = appendEvents(
      {
        $queryRawUnsafe: async (q: string, ...v: unknown[]) => (await client.query(q, v)).rows as never,
        $executeRawUnsafe: async (q: string, ...v: unknown[]) => (await client.query(q, v)).rowCount ?? 0,
      },
      'src_a',
      [
        {
          tenantId: 't1',
          aggregateType: 'Counter',
          aggregateId: 'late',
          type: 'Late',
          payload: { version: 1 },
        },
      ],
    );
    await first;
    let secondDone = false;
    const second = t1
      .$transaction((t) =>
        appendEvents(t, 'src_a', [
          {
            tenantId: 't1',
            aggregateType: 'Counter',
            aggregateId: 'late',
            type: 'Later',
            payload: { version: 2 },
          },
        ]),
      )
      .then(() => {
        secondDone = true;
      });
    await new Promise((r) => setTimeout(r, 300));
    expect(secondDone).toBe(false);
    expect((await applied('c2')).length).toBe(before);
    await client.query('COMMIT');
    client.release();
    await second;
    await c.drained();
    expect((await applied('c2')).slice(before).map((r) => r.type)).toEqual(['Late', 'Later']);
  });

  it('retries a failing event without skipping it or applying anything twice', async () => {
    let failuresLeft = 3;
    const c = consumer('c3', async (e, t) => {
      if (e.aggregateId === 'poison' && failuresLeft-- > 0) throw new Error('handler down');
      await t.$executeRawUnsafe(
        'INSERT INTO sink.applied (consumer, position, agg) VALUES ($1, $2, $3)',
        'c3',
        e.position,
        e.aggregateId,
      );
    });
    await bump('poison');
    await bump('after-poison');
    await c.start();
    await c.drained(15_000);
    const rows = await applied('c3');
    const all = (await pool.query(`SELECT count(*)::int AS n FROM src_a."OutboxEvent"`)).rows[0].n;
    expect(rows).toHaveLength(all);
    const aggs = rows.map((r) => r.agg);
    expect(aggs.indexOf('poison')).toBeLessThan(aggs.indexOf('after-poison'));
    expect(failuresLeft).toBeLessThan(0);
  });

  it('catches up after being down, and two replicas apply each event once', async () => {
    const early = consumer('c4');
    await early.start();
    await early.drained();
    await early.stop();
    for (let i = 0; i < 30; i++) await bump(`down${i % 3}`);
    const a = consumer('c4');
    const b = consumer('c4');
    await Promise.all([a.start(), b.start()]);
    await bump('while-both');
    await Promise.all([a.drained(), b.drained()]);
    const rows = await applied('c4');
    const all = (await pool.query(`SELECT count(*)::int AS n FROM src_a."OutboxEvent"`)).rows[0].n;
    expect(rows).toHaveLength(all);
    expect(new Set(rows.map((r) => r.position)).size).toBe(all);
  });
});
