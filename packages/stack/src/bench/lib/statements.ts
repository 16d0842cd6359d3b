/**
 * Counting SQL statements on the PostgreSQL side, so every subgraph process is counted and
 * nothing depends on the services' own logging: pg_stat_statements (calls per normalised
 * statement in this database). Each statement is attributed to the subgraph schema it names
 * first ("catalog"."Product" -> catalog); BEGIN/COMMIT and the like are "transaction".
 * The event consumers poll their outboxes in the background: statements on OutboxEvent and
 * EventCursor are left out, and an idle window of the same length is subtracted for the rest.
 *
 * Without pg_stat_statements (a BENCH_DATABASE_URL server that does not preload it) the
 * fallback is pg_stat_database.xact_commit, which counts transactions, and says so.
 */
import pg from 'pg';

export type Counts = Record<string, number>;

export interface StatementCounter {
  method: 'pg_stat_statements' | 'xact_commit';
  snapshot(): Promise<Counts>;
  /** total execution time of the counted statements so far, ms (null without pg_stat_statements) */
  execMs(): Promise<number | null>;
  close(): Promise<void>;
}

const SCHEMAS = ['catalog', 'pricing', 'marketing', 'inventory', 'warehouse', 'delivery', 'orders', 'crm'];

export function classify(query: string): string | null {
  if (/pg_stat_statements|pg_stat_database/i.test(query)) return null; // the counter itself
  if (/"OutboxEvent"|"EventCursor"|pg_notify|LISTEN|pg_advisory/i.test(query)) return null; // consumers
  let first: string | null = null;
  let at = Number.POSITIVE_INFINITY;
  for (const s of SCHEMAS) {
    const i = query.indexOf(`"${s}".`);
    if (i >= 0 && i < at) {
      at = i;
      first = s;
    }
  }
  if (first) return first;
  if (/^\s*(BEGIN|COMMIT|ROLLBACK|START TRANSACTION|SAVEPOINT|RELEASE|SET|DEALLOCATE|DISCARD)\b/i.test(query))
    return 'transaction';
  return 'other';
}

export async function openStatementCounter(url: string): Promise<StatementCounter> {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => {}); // the server stopping at the end of a run
  await client.connect();
  try {
    await client.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
    await client.query('SELECT 1 FROM pg_stat_statements LIMIT 1');
    return {
      method: 'pg_stat_statements',
      async snapshot() {
        const r = await client.query<{ query: string; calls: string }>(
          `SELECT query, calls::text FROM pg_stat_statements
           WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())`,
        );
        const counts: Counts = {};
        for (const row of r.rows) {
          const k = classify(row.query);
          if (k) counts[k] = (counts[k] ?? 0) + Number(row.calls);
        }
        return counts;
      },
      async execMs() {
        const r = await client.query<{ query: string; ms: number }>(
          `SELECT query, total_exec_time AS ms FROM pg_stat_statements
           WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())`,
        );
        return r.rows.reduce((a, row) => a + (classify(row.query) ? row.ms : 0), 0);
      },
      close: () => client.end(),
    };
  } catch {
    return {
      method: 'xact_commit',
      async snapshot() {
        const r = await client.query<{ n: string }>(
          'SELECT (xact_commit + xact_rollback)::text AS n FROM pg_stat_database WHERE datname = current_database()',
        );
        // the snapshot query is a transaction of its own
        return { transactions: Number(r.rows[0]!.n) };
      },
      execMs: async () => null,
      close: () => client.end(),
    };
  }
}

export function diff(after: Counts, before: Counts): Counts {
  const out: Counts = {};
  for (const k of new Set([...Object.keys(after), ...Object.keys(before)])) {
    const d = (after[k] ?? 0) - (before[k] ?? 0);
    if (d !== 0) out[k] = d;
  }
  return out;
}

/**
 * Statements per call of `fn`: runs it `times` times one after another, then stays idle as long
 * and subtracts what happened meanwhile (the consumers' polling), per key.
 */
export async function statementsPerCall(
  counter: StatementCounter,
  fn: () => Promise<void>,
  times: number,
): Promise<{ perCall: Counts; total: number }> {
  const s0 = await counter.snapshot();
  const t0 = performance.now();
  for (let i = 0; i < times; i++) await fn();
  const elapsed = performance.now() - t0;
  const s1 = await counter.snapshot();
  await new Promise((r) => setTimeout(r, Math.max(200, elapsed)));
  const s2 = await counter.snapshot();
  const busy = diff(s1, s0);
  const idle = diff(s2, s1);
  const idleScale = elapsed / Math.max(200, elapsed);
  const perCall: Counts = {};
  for (const [k, n] of Object.entries(busy)) {
    // the snapshot itself is one transaction in the fallback
    const own = counter.method === 'xact_commit' ? 1 : 0;
    const v = (n - own - (idle[k] ?? 0) * idleScale) / times;
    if (Math.round(v * 10) !== 0) perCall[k] = Math.round(v * 10) / 10;
  }
  const total = Math.round(Object.values(perCall).reduce((a, b) => a + b, 0) * 10) / 10;
  return { perCall, total };
}
