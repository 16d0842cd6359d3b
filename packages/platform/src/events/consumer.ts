import pg from 'pg';
import type { Logger } from 'pino';
import { runInTenant } from '../tenant';
import { assertSchemaName, type DomainEvent, EVENTS_CHANNEL, type SqlRunner } from './types';

export interface TransactionalDb<Tx extends SqlRunner> extends SqlRunner {
  $transaction<T>(fn: (tx: Tx) => Promise<T>, options?: { timeout?: number; maxWait?: number }): Promise<T>;
}

export interface ConsumerOptions<Tx extends SqlRunner> {
  /** The consumer group, e.g. "inventory"; each group gets every event once, in order. */
  name: string;
  /** Schema holding this consumer's EventCursor table (its own subgraph's schema). */
  cursorSchema: string;
  /** Producing schemas whose outboxes it reads. */
  sources: string[];
  /** The consumer's unscoped Prisma client: cursor and effects commit in one transaction. */
  db: TransactionalDb<Tx>;
  /** A connection string for LISTEN (a dedicated connection). */
  databaseUrl: string;
  /** Applies one event. Runs in the event's tenant scope, inside the cursor's transaction. */
  handle(event: DomainEvent, tx: Tx): Promise<void>;
  logger?: Logger;
  batchSize?: number;
  /** Safety poll when no notification arrives (missed while reconnecting). */
  pollIntervalMs?: number;
  /** First retry delay after a failing event; doubles up to 30 s. */
  retryDelayMs?: number;
}

interface OutboxRow {
  position: bigint | string;
  tenantId: string;
  aggregateType: string;
  aggregateId: string;
  type: string;
  version: number;
  payload: unknown;
  occurredAt: Date;
}

/**
 * Delivers the events of `sources` to one consumer group, at least once and in log order, and
 * exactly once for effects written through `tx`: the handler's writes and the cursor move commit
 * together, and the cursor row is locked while an event is applied, so several replicas of a
 * consumer can run (one applies, the others wait) and a consumer that was down catches up from
 * its cursor. A failing event is retried with backoff and blocks the events after it (order
 * matters more than progress; the log says which event fails).
 */
export class OutboxConsumer<Tx extends SqlRunner> {
  private listener?: pg.Client;
  private timer?: NodeJS.Timeout;
  private stopped = false;
  private readonly running = new Map<string, Promise<void>>();
  private readonly again = new Set<string>();
  private readonly failures = new Map<string, number>();
  private readonly retryAt = new Map<string, number>();
  private readonly cursorTable: string;

  constructor(private readonly options: ConsumerOptions<Tx>) {
    this.cursorTable = `"${assertSchemaName(options.cursorSchema)}"."EventCursor"`;
    for (const s of options.sources) assertSchemaName(s);
  }

  async start(): Promise<void> {
    for (const source of this.options.sources) {
      await this.options.db.$executeRawUnsafe(
        `INSERT INTO ${this.cursorTable} ("consumer", "source", "position", "updatedAt") VALUES ($1, $2, 0, now())
         ON CONFLICT ("consumer", "source") DO NOTHING`,
        this.options.name,
        source,
      );
    }
    await this.listen();
    this.timer = setInterval(() => this.wakeAll(), this.options.pollIntervalMs ?? 1000);
    this.timer.unref();
    this.wakeAll();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.listener?.end().catch(() => {});
    await Promise.allSettled([...this.running.values()]);
  }

  /** Resolves once every event committed so far in every source has been applied. */
  async drained(timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      let behind = false;
      for (const source of this.options.sources) {
        const [head] = await this.options.db.$queryRawUnsafe<{ max: bigint | null }[]>(
          `SELECT max("position") AS max FROM "${source}"."OutboxEvent"`,
        );
        const cursor = await this.cursor(source);
        if (head?.max != null && BigInt(head.max) > cursor) behind = true;
      }
      if (!behind) return;
      if (Date.now() > deadline)
        throw new Error(`consumer ${this.options.name} did not catch up in ${timeoutMs} ms`);
      this.wakeAll();
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  private async listen() {
    const client = new pg.Client({ connectionString: this.options.databaseUrl });
    client.on('notification', (msg) => {
      if (msg.payload && this.options.sources.includes(msg.payload)) this.wake(msg.payload);
    });
    client.on('error', (error) => {
      this.options.logger?.warn(
        { err: error, consumer: this.options.name },
        'event listener lost; reconnecting',
      );
      this.listener = undefined;
      if (!this.stopped) setTimeout(() => void this.listen().catch(() => {}), 1000).unref();
    });
    await client.connect();
    await client.query(`LISTEN ${EVENTS_CHANNEL}`);
    this.listener = client;
  }

  private wakeAll() {
    for (const source of this.options.sources) this.wake(source);
  }

  private wake(source: string) {
    if (this.stopped) return;
    // Backing off after a failure: the scheduled retry wakes it, not the poll or notifications.
    if ((this.retryAt.get(source) ?? 0) > Date.now()) return;
    if (this.running.has(source)) {
      this.again.add(source);
      return;
    }
    const run = this.drain(source)
      .catch((error) =>
        this.options.logger?.error({ err: error, consumer: this.options.name, source }, 'drain failed'),
      )
      .finally(() => {
        this.running.delete(source);
        if (this.again.delete(source)) this.wake(source);
      });
    this.running.set(source, run);
  }

  private async cursor(source: string): Promise<bigint> {
    const [row] = await this.options.db.$queryRawUnsafe<{ position: bigint }[]>(
      `SELECT "position" FROM ${this.cursorTable} WHERE "consumer" = $1 AND "source" = $2`,
      this.options.name,
      source,
    );
    return row ? BigInt(row.position) : 0n;
  }

  private async drain(source: string): Promise<void> {
    const batch = this.options.batchSize ?? 200;
    while (!this.stopped) {
      const from = await this.cursor(source);
      const rows = await this.options.db.$queryRawUnsafe<OutboxRow[]>(
        `SELECT * FROM "${source}"."OutboxEvent" WHERE "position" > $1 ORDER BY "position" LIMIT ${batch}`,
        from,
      );
      if (rows.length === 0) return;
      for (const row of rows) {
        if (this.stopped) return;
        const event: DomainEvent = { ...row, source, position: BigInt(row.position) };
        try {
          await this.apply(event);
          this.failures.delete(source);
          this.retryAt.delete(source);
        } catch (error) {
          const attempt = (this.failures.get(source) ?? 0) + 1;
          this.failures.set(source, attempt);
          const delay = Math.min((this.options.retryDelayMs ?? 200) * 2 ** (attempt - 1), 30_000);
          this.options.logger?.error(
            {
              err: error,
              consumer: this.options.name,
              source,
              position: String(event.position),
              type: event.type,
              attempt,
            },
            'event handler failed; retrying',
          );
          this.retryAt.set(source, Date.now() + delay);
          setTimeout(() => {
            this.retryAt.delete(source);
            this.wake(source);
          }, delay).unref();
          return;
        }
      }
    }
  }

  private apply(event: DomainEvent): Promise<void> {
    return this.options.db.$transaction(async (tx) => {
      const [cursor] = await tx.$queryRawUnsafe<{ position: bigint }[]>(
        `SELECT "position" FROM ${this.cursorTable} WHERE "consumer" = $1 AND "source" = $2 FOR UPDATE`,
        this.options.name,
        event.source,
      );
      // Another replica got here first: already applied.
      if (cursor && BigInt(cursor.position) >= event.position) return;
      await runInTenant(event.tenantId, () => this.options.handle(event, tx));
      await tx.$executeRawUnsafe(
        `UPDATE ${this.cursorTable} SET "position" = $3, "updatedAt" = now() WHERE "consumer" = $1 AND "source" = $2`,
        this.options.name,
        event.source,
        event.position,
      );
    });
  }
}
