/**
 * Stock reservations for orders (issue 4): reserveStock, confirmStock, releaseStock, checkStock
 * and the expiry sweep. Every change of `Stock.reserved` writes a ledger row (StockMovement,
 * `reservedDelta`) and `StockChanged`, in the transaction that made it.
 *
 * Concurrency: a reservation locks its lines' Stock rows (SELECT .. ORDER BY skuId FOR UPDATE,
 * one statement), decides on the locked numbers and then updates them, so two orders can never
 * both take the last unit. Every transaction locks the order's ReservationRequest row first,
 * then Stock rows in (skuId, warehouseId) order, and appends its events last, so none
 * deadlocks with another.
 */
import { randomUUID } from 'node:crypto';
import { appendEvents, type NewEvent, requireTenantId } from '@wholesail/platform';
import type { Prisma } from '../generated/prisma/client';
import { db } from './db';
import { available } from './domain/availability';
import {
  type CheckAnswer,
  type CheckStockInput,
  type ConfirmAnswer,
  type Line,
  lockOrder,
  mergeLines,
  type ReleaseAnswer,
  type RequestStatus,
  type ReserveAnswer,
  type ReserveStockInput,
  unknownProblems,
} from './domain/reservation';
import { STOCK_CHANGED, type StockQuantities, stockChangedPayload } from './domain/stock-change';
import { knownIds } from './known';
import { SETTINGS_DEFAULTS, type Settings } from './schema/stock';

export type Tx = Prisma.TransactionClient;

const TX_OPTIONS = { maxWait: 15_000, timeout: 20_000 };

interface StockRow extends StockQuantities {
  skuId: string;
  warehouseId: string;
}

interface RequestRow {
  id: string;
  orderId: string;
  warehouseId: string | null;
  status: RequestStatus;
  answer: unknown;
  releaseAnswer: unknown;
  releaseReason: string | null;
  expiresAt: Date | null;
}

export async function loadSettings(client: Pick<Tx, 'inventorySettings'> = db()): Promise<Settings> {
  const row = await client.inventorySettings.findFirst();
  return row ? { ...SETTINGS_DEFAULTS, ...row } : SETTINGS_DEFAULTS;
}

/** The warehouse an order of this customer takes from: asked, else the customer's, else the default. */
export async function orderWarehouse(
  customerId: string,
  asked: string | null | undefined,
  config: Settings,
): Promise<string | null> {
  if (asked) return asked;
  return (await customerWarehouseOf(customerId)) ?? config.defaultWarehouseId;
}

async function customerWarehouseOf(customerId: string): Promise<string | null> {
  const row = await db().customerWarehouse.findFirst({
    where: { customerId },
    select: { warehouseId: true },
  });
  return row?.warehouseId ?? null;
}

function stockEvent(tenantId: string, row: StockRow, config: Settings): NewEvent {
  return {
    tenantId,
    aggregateType: 'Sku',
    aggregateId: row.skuId,
    type: STOCK_CHANGED,
    version: 1,
    payload: stockChangedPayload(row.skuId, row.warehouseId, row, config.countInTransit),
  };
}

function movement(
  tenantId: string,
  row: StockRow,
  reservedDelta: number,
  kind: 'RESERVE' | 'RELEASE',
  orderId: string,
  reason: string | null,
) {
  return {
    id: `mv_${randomUUID()}`,
    tenantId,
    skuId: row.skuId,
    warehouseId: row.warehouseId,
    delta: 0,
    inTransitDelta: 0,
    reservedDelta,
    kind,
    reason,
    sourceType: 'ORDER',
    sourceId: orderId,
    onHandAfter: row.onHand,
    inTransitAfter: row.inTransit,
    reservedAfter: row.reserved,
  };
}

async function lockRequest(tx: Tx, tenantId: string, orderId: string): Promise<RequestRow | undefined> {
  const [row] = await tx.$queryRaw<RequestRow[]>`
    SELECT "id", "orderId", "warehouseId", "status", "answer", "releaseAnswer", "releaseReason", "expiresAt"
    FROM "inventory"."ReservationRequest" WHERE "tenantId" = ${tenantId} AND "orderId" = ${orderId} FOR UPDATE`;
  return row;
}

/** What a repeat of reserveStock answers for an order that has a request row. */
function repeatAnswer(row: RequestRow): ReserveAnswer {
  if (row.status === 'RELEASED')
    return { kind: 'RELEASED', warehouseId: row.warehouseId, reason: row.releaseReason };
  return row.answer as ReserveAnswer;
}

// --- reserveStock ------------------------------------------------------------------------------

/**
 * Reserves every line of an order in one warehouse, or none: OUT_OF_STOCK lists every short
 * line with what is available. Idempotent per orderId: a repeat (also a concurrent one) gets the
 * first answer and changes nothing; once the order's stock was released it answers RELEASED.
 */
export async function reserveStock(input: ReserveStockInput): Promise<ReserveAnswer> {
  const tenantId = requireTenantId();
  // what is known before the transaction, in parallel: a repeat, the settings, the warehouse
  const [existing, config, customerWarehouseId] = await Promise.all([
    db().reservationRequest.findFirst({ where: { orderId: input.orderId } }),
    loadSettings(),
    input.warehouseId ? Promise.resolve(null) : customerWarehouseOf(input.customerId),
  ]);
  if (existing) return repeatAnswer(existing as unknown as RequestRow);
  const warehouseId = input.warehouseId || customerWarehouseId || config.defaultWarehouseId;
  const known = await knownIds(
    input.lines.map((l) => l.skuId),
    warehouseId,
  );
  const problems = unknownProblems(input.lines, known.skus, warehouseId, known.warehouse);
  if (problems.length || !warehouseId) return { kind: 'INVALID', warehouseId, problems };

  const lines = mergeLines(input.lines);
  const expiresAt = new Date(Date.now() + config.reservationHoldSeconds * 1000);

  return db().$transaction(async (tx) => {
    // 1. the order's request row: a concurrent twin waits here and then finds it
    const claimed = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO "inventory"."ReservationRequest"
        ("id", "tenantId", "orderId", "customerId", "warehouseId", "status", "expiresAt", "updatedAt")
      VALUES (${`rsq_${randomUUID()}`}, ${tenantId}, ${input.orderId}, ${input.customerId}, ${warehouseId},
        'HELD', ${expiresAt}, now())
      ON CONFLICT ("tenantId", "orderId") DO NOTHING RETURNING "id"`;
    if (!claimed[0]) {
      const row = await lockRequest(tx, tenantId, input.orderId);
      if (!row) throw new Error(`reservation request of ${input.orderId} vanished`);
      return repeatAnswer(row);
    }
    const requestId = claimed[0].id;

    // 2. the lines' stock rows, locked in SKU order (one statement), then whether each is enough
    const skuIds = lockOrder(lines).map((l) => l.skuId);
    if (config.allowBackorder) {
      await tx.$executeRaw`
        INSERT INTO "inventory"."Stock" ("id", "tenantId", "skuId", "warehouseId")
        SELECT 'stk_' || gen_random_uuid(), ${tenantId}, sku, ${warehouseId} FROM unnest(${skuIds}::text[]) AS sku
        ORDER BY sku
        ON CONFLICT ("tenantId", "skuId", "warehouseId") DO NOTHING`;
    }
    const locked = await tx.$queryRaw<StockRow[]>`
      SELECT "skuId", "warehouseId", "onHand", "reserved", "inTransit" FROM "inventory"."Stock"
      WHERE "tenantId" = ${tenantId} AND "warehouseId" = ${warehouseId} AND "skuId" = ANY(${skuIds}::text[])
      ORDER BY "skuId" FOR UPDATE`;
    const before = new Map(locked.map((r) => [r.skuId, r]));
    const short = new Map<string, number>();
    for (const line of lines) {
      const row = before.get(line.skuId);
      const free = row ? row.onHand - row.reserved + (config.countInTransit ? row.inTransit : 0) : 0;
      if (!config.allowBackorder && free < line.quantity) short.set(line.skuId, Math.max(0, free));
    }

    // 3a. a short line: nothing is taken; the refusal is kept for repeats
    if (short.size) {
      const answer: ReserveAnswer = {
        kind: 'OUT_OF_STOCK',
        warehouseId,
        lines: lines
          .filter((l) => short.has(l.skuId))
          .map((l) => ({ skuId: l.skuId, requested: l.quantity, available: short.get(l.skuId)! })),
      };
      await tx.reservationRequest.update({
        where: { id: requestId },
        data: { status: 'REFUSED', expiresAt: null, answer },
      });
      return answer;
    }
    const updated = await tx.$queryRaw<StockRow[]>`
      UPDATE "inventory"."Stock" AS s SET "reserved" = s."reserved" + v.q
      FROM unnest(${lines.map((l) => l.skuId)}::text[], ${lines.map((l) => l.quantity)}::int[]) AS v(sku, q)
      WHERE s."tenantId" = ${tenantId} AND s."warehouseId" = ${warehouseId} AND s."skuId" = v.sku
      RETURNING s."skuId", s."warehouseId", s."onHand", s."reserved", s."inTransit"`;
    const taken = new Map(updated.map((r) => [r.skuId, r]));
    if (taken.size !== lines.length) throw new Error('a locked stock row was not updated');

    // 3b. all taken: the holds, their ledger rows and StockChanged
    const answer: ReserveAnswer = {
      kind: 'RESERVED',
      warehouseId,
      expiresAt: expiresAt.toISOString(),
      lines: lines.map((l) => ({
        skuId: l.skuId,
        quantity: l.quantity,
        availableAfter: available(taken.get(l.skuId)!, config.countInTransit),
      })),
    };
    await tx.stockReservation.createMany({
      data: lines.map((l) => ({
        tenantId,
        orderId: input.orderId,
        skuId: l.skuId,
        warehouseId,
        quantity: l.quantity,
        status: 'HELD',
        expiresAt,
      })),
    });
    const rows = lockOrder([...taken.values()]);
    await tx.stockMovement.createMany({
      data: rows.map((r) =>
        movement(
          tenantId,
          r,
          lines.find((l) => l.skuId === r.skuId)!.quantity,
          'RESERVE',
          input.orderId,
          null,
        ),
      ),
    });
    await tx.reservationRequest.update({ where: { id: requestId }, data: { answer } });
    await appendEvents(
      tx,
      'inventory',
      rows.map((r) => stockEvent(tenantId, r, config)),
    );
    return answer;
  }, TX_OPTIONS);
}

// --- confirmStock --------------------------------------------------------------------------------

/**
 * Turns an order's HELD reservations into CONFIRMED ones (they no longer expire), inside `tx`.
 * Idempotent: a confirmed order answers the same again.
 */
export async function confirmOrderIn(tx: Tx, orderId: string): Promise<ConfirmAnswer> {
  const tenantId = requireTenantId();
  const row = await lockRequest(tx, tenantId, orderId);
  if (!row || row.status === 'REFUSED') return { kind: 'NOT_RESERVED' };
  if (row.status === 'RELEASED') return { kind: 'RELEASED', reason: row.releaseReason };
  if (row.status === 'HELD') {
    await tx.stockReservation.updateMany({
      where: { orderId, status: 'HELD' },
      data: { status: 'CONFIRMED', expiresAt: null },
    });
    await tx.reservationRequest.update({
      where: { id: row.id },
      data: { status: 'CONFIRMED', expiresAt: null },
    });
  }
  const lines = await tx.stockReservation.findMany({
    where: { orderId },
    orderBy: { skuId: 'asc' },
    select: { skuId: true, quantity: true },
  });
  return { kind: 'CONFIRMED', warehouseId: row.warehouseId, lines };
}

export function confirmStock(orderId: string): Promise<ConfirmAnswer> {
  return db().$transaction((tx) => confirmOrderIn(tx, orderId), TX_OPTIONS);
}

// --- releaseStock ----------------------------------------------------------------------------------

/**
 * Releases what an order holds (HELD or CONFIRMED), inside `tx`. Idempotent: a repeat answers
 * the first release; an order that reserved nothing gets a RELEASED row (so a late reserveStock
 * of it reserves nothing) and an empty answer. `onlyExpired` (the sweeper) releases only a HELD
 * request past its expiry and leaves no row for an unknown order.
 */
export async function releaseOrderIn(
  tx: Tx,
  orderId: string,
  reason: string | null,
  options: { onlyExpired?: boolean; now?: Date } = {},
): Promise<ReleaseAnswer> {
  const tenantId = requireTenantId();
  const nothing: ReleaseAnswer = { kind: 'RELEASED', lines: [] };
  let row: RequestRow | undefined;
  if (options.onlyExpired) {
    row = await lockRequest(tx, tenantId, orderId);
    const now = options.now ?? new Date();
    if (row?.status !== 'HELD' || !row.expiresAt || row.expiresAt > now) return nothing;
  } else {
    const tomb = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO "inventory"."ReservationRequest"
        ("id", "tenantId", "orderId", "status", "releaseReason", "releaseAnswer", "updatedAt")
      VALUES (${`rsq_${randomUUID()}`}, ${tenantId}, ${orderId}, 'RELEASED', ${reason},
        ${JSON.stringify(nothing)}::jsonb, now())
      ON CONFLICT ("tenantId", "orderId") DO NOTHING RETURNING "id"`;
    if (tomb[0]) return nothing;
    row = await lockRequest(tx, tenantId, orderId);
    if (!row) throw new Error(`reservation request of ${orderId} vanished`);
  }
  if (row.status === 'RELEASED') return (row.releaseAnswer as ReleaseAnswer | null) ?? nothing;
  if (row.status !== 'HELD' && row.status !== 'CONFIRMED') return nothing;

  const config = await loadSettings(tx);
  const holds = lockOrder(
    await tx.stockReservation.findMany({
      where: { orderId, status: { in: ['HELD', 'CONFIRMED'] } },
      select: { skuId: true, warehouseId: true, quantity: true },
    }),
  );
  const rows: StockRow[] = [];
  for (const h of holds) {
    const [after] = await tx.$queryRaw<StockRow[]>`
      UPDATE "inventory"."Stock" SET "reserved" = "reserved" - ${h.quantity}
      WHERE "tenantId" = ${tenantId} AND "skuId" = ${h.skuId} AND "warehouseId" = ${h.warehouseId}
      RETURNING "skuId", "warehouseId", "onHand", "reserved", "inTransit"`;
    if (!after) throw new Error(`stock row of ${h.skuId} in ${h.warehouseId} vanished`);
    rows.push(after);
  }
  const answer: ReleaseAnswer = {
    kind: 'RELEASED',
    lines: holds.map((h, i) => ({
      skuId: h.skuId,
      warehouseId: h.warehouseId,
      quantity: h.quantity,
      availableAfter: available(rows[i]!, config.countInTransit),
    })),
  };
  await tx.stockReservation.updateMany({
    where: { orderId, status: { in: ['HELD', 'CONFIRMED'] } },
    data: { status: 'RELEASED', expiresAt: null, releaseReason: reason },
  });
  await tx.reservationRequest.update({
    where: { id: row.id },
    data: { status: 'RELEASED', expiresAt: null, releaseReason: reason, releaseAnswer: answer },
  });
  if (rows.length) {
    await tx.stockMovement.createMany({
      data: rows.map((r, i) => movement(tenantId, r, -holds[i]!.quantity, 'RELEASE', orderId, reason)),
    });
    await appendEvents(
      tx,
      'inventory',
      rows.map((r) => stockEvent(tenantId, r, config)),
    );
  }
  return answer;
}

export function releaseStock(orderId: string, reason: string | null): Promise<ReleaseAnswer> {
  return db().$transaction((tx) => releaseOrderIn(tx, orderId, reason), TX_OPTIONS);
}

// --- checkStock ------------------------------------------------------------------------------------

/** What a quote needs: available per line in the customer's warehouse and whether it is enough. */
export async function checkStock(input: CheckStockInput): Promise<CheckAnswer> {
  const config = await loadSettings();
  const warehouseId = await orderWarehouse(input.customerId, input.warehouseId, config);
  const lines: Line[] = mergeLines(input.lines);
  if (!warehouseId)
    return {
      warehouseId,
      lines: lines.map((l) => ({ skuId: l.skuId, available: 0, enough: false, known: false })),
    };
  const [known, stock] = await Promise.all([
    knownIds(
      lines.map((l) => l.skuId),
      warehouseId,
    ),
    db().stock.findMany({
      where: { warehouseId, skuId: { in: lines.map((l) => l.skuId) } },
      select: { skuId: true, onHand: true, reserved: true, inTransit: true },
    }),
  ]);
  const bySku = new Map(stock.map((s) => [s.skuId, s]));
  return {
    warehouseId,
    lines: lines.map((l) => {
      const row = bySku.get(l.skuId);
      const free = row ? available(row, config.countInTransit) : 0;
      const isKnown = known.warehouse && known.skus.has(l.skuId);
      return {
        skuId: l.skuId,
        available: free,
        enough: isKnown && (config.allowBackorder || free >= l.quantity),
        known: isKnown,
      };
    }),
  };
}

// --- expiry ----------------------------------------------------------------------------------------

/**
 * Releases HELD requests past their expiry, in every tenant (reason EXPIRED), each in its own
 * transaction; another replica sweeping at the same time finds them released and skips them.
 * Returns how many orders it released.
 */
export async function sweepExpired(
  raw: { $queryRaw: Tx['$queryRaw'] },
  inTenant: <T>(tenantId: string, fn: () => Promise<T>) => Promise<T>,
  now = new Date(),
  limit = 500,
): Promise<number> {
  const due = await raw.$queryRaw<{ tenantId: string; orderId: string }[]>`
    SELECT "tenantId", "orderId" FROM "inventory"."ReservationRequest"
    WHERE "status" = 'HELD' AND "expiresAt" <= ${now} ORDER BY "expiresAt" LIMIT ${limit}`;
  let released = 0;
  for (const { tenantId, orderId } of due) {
    const answer = await inTenant(tenantId, () =>
      db().$transaction(
        (tx) => releaseOrderIn(tx, orderId, 'EXPIRED', { onlyExpired: true, now }),
        TX_OPTIONS,
      ),
    );
    if (answer.lines.length) released++;
  }
  return released;
}
