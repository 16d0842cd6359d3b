import { createHash } from 'node:crypto';
import { assertSchemaName, EVENTS_CHANNEL, type NewEvent, type SqlRunner } from './types';

/**
 * The tables of the bus, in Prisma terms (each producing/consuming subgraph adds them to its own
 * prisma/schema.prisma so its migrations create them):
 *
 *   model OutboxEvent {
 *     position      BigInt   @id @default(autoincrement())
 *     tenantId      String
 *     aggregateType String
 *     aggregateId   String
 *     type          String
 *     version       Int      @default(1)
 *     payload       Json
 *     occurredAt    DateTime @default(now())
 *     @@index([tenantId, aggregateType, aggregateId])
 *   }
 *   model EventCursor {
 *     consumer String
 *     source   String
 *     position BigInt   @default(0)
 *     updatedAt DateTime @updatedAt
 *     @@id([consumer, source])
 *   }
 */
export function eventTablesSql(schema: string): string {
  const s = `"${assertSchemaName(schema)}"`;
  return `CREATE SCHEMA IF NOT EXISTS ${s};
CREATE TABLE IF NOT EXISTS ${s}."OutboxEvent" (
  "position" BIGSERIAL PRIMARY KEY,
  "tenantId" TEXT NOT NULL,
  "aggregateType" TEXT NOT NULL,
  "aggregateId" TEXT NOT NULL,
  "type" TEXT NOT NULL,
  "version" INTEGER NOT NULL DEFAULT 1,
  "payload" JSONB NOT NULL,
  "occurredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE INDEX IF NOT EXISTS "OutboxEvent_tenantId_aggregateType_aggregateId_idx"
  ON ${s}."OutboxEvent" ("tenantId", "aggregateType", "aggregateId");
CREATE TABLE IF NOT EXISTS ${s}."EventCursor" (
  "consumer" TEXT NOT NULL,
  "source" TEXT NOT NULL,
  "position" BIGINT NOT NULL DEFAULT 0,
  "updatedAt" TIMESTAMP(3) NOT NULL,
  CONSTRAINT "EventCursor_pkey" PRIMARY KEY ("consumer", "source")
);`;
}

function appendLockKey(schema: string): bigint {
  return createHash('sha256').update(`wholesail-outbox:${schema}`).digest().readBigInt64BE(0);
}

/**
 * Appends events to `schema`'s outbox inside the caller's transaction, so the state change and
 * its events commit together or not at all. Call it LAST in the transaction: it takes a
 * transaction-scoped lock per source, so positions are handed out in commit order (a reader
 * never sees position n+1 while n may still appear) and consumers can keep a plain cursor.
 * The notification is sent by PostgreSQL at commit, never for a rolled-back transaction.
 */
export async function appendEvents(tx: SqlRunner, schema: string, events: NewEvent[]): Promise<bigint[]> {
  if (events.length === 0) return [];
  const s = `"${assertSchemaName(schema)}"`;
  // $executeRaw: these functions return void, which Prisma's raw query decoding rejects.
  await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${appendLockKey(schema)})`);
  const positions: bigint[] = [];
  for (const e of events) {
    const rows = await tx.$queryRawUnsafe<{ position: bigint }[]>(
      `INSERT INTO ${s}."OutboxEvent" ("tenantId", "aggregateType", "aggregateId", "type", "version", "payload")
       VALUES ($1, $2, $3, $4, $5, $6::jsonb) RETURNING "position"`,
      e.tenantId,
      e.aggregateType,
      e.aggregateId,
      e.type,
      e.version ?? 1,
      JSON.stringify(e.payload ?? null),
    );
    positions.push(BigInt(rows[0]!.position));
  }
  await tx.$executeRawUnsafe(`SELECT pg_notify('${EVENTS_CHANNEL}', $1)`, schema);
  return positions;
}
