import { randomUUID } from 'node:crypto';
import {
  appendEvents,
  InternalCallError,
  type NewEvent,
  requireTenantId,
  runInTenant,
} from '@wholesail/platform';
import { database, db } from '../db';
import { autoApproves, baseQuantities, needsPriceApproval, type QuoteProblem } from '../domain/quote';
import { ports } from '../ports';
import { buildQuote, type Quote, type RequestedLine } from './quote';

export type PlaceOutcome =
  | { kind: 'PLACED'; orderId: string }
  | { kind: 'REFUSED'; problems: QuoteProblem[] }
  | { kind: 'PRICE_CHANGED'; expectedTotalMinor: string; totalMinor: string };

export interface PlaceOrderRequest {
  idempotencyKey: string;
  customerId: string;
  lines: RequestedLine[];
  note: string;
  rush: boolean;
  channel: 'SELF_SERVICE' | 'SALES_REP' | 'OFFICE';
  placedBy: { kind: string; id: string };
  /** the total the customer was shown; a different one now answers PRICE_CHANGED */
  expectedTotalMinor: bigint | null;
  /** the cart lines ordered, removed once the order commits */
  cartLineIds: string[];
  couponCode?: string | null;
}

const WAIT_MS = 15_000;
/**
 * A submit must commit within this time after taking its attempt, or it gives up and releases;
 * only then may recovery release for it, so recovery never races a submit that is still running.
 */
const sagaLimitMs = () => Number(process.env.ORDERS_SAGA_LIMIT_MS ?? 30_000);
const leaseFromNow = () => new Date(Date.now() + sagaLimitMs());

class LeaseLost extends Error {
  override name = 'LeaseLost';
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Outcomes stored as JSON (bigints as strings, dates as ISO strings) and read back. */
function store(outcome: PlaceOutcome): object {
  return JSON.parse(JSON.stringify(outcome, (_k, v) => (typeof v === 'bigint' ? v.toString() : v)));
}
function restore(value: unknown): PlaceOutcome {
  const o = value as PlaceOutcome;
  if (o.kind !== 'REFUSED') return o;
  return {
    kind: 'REFUSED',
    problems: o.problems.map((p) => {
      const r: Record<string, unknown> = { ...p };
      for (const k of [
        'minimumAmountMinor',
        'amountMinor',
        'limitMinor',
        'receivableMinor',
        'openOrdersMinor',
        'requiredMinor',
      ])
        if (typeof r[k] === 'string') r[k] = BigInt(r[k] as string);
      if (typeof r.nextOpensAt === 'string') r.nextOpensAt = new Date(r.nextOpensAt);
      return r as QuoteProblem;
    }),
  };
}

/**
 * Takes the attempt for this idempotency key, or waits for the one running it. Returns the
 * order id to reserve under, or the outcome a finished attempt already had.
 */
async function takeAttempt(
  request: PlaceOrderRequest,
): Promise<{ orderId: string; leaseUntil: Date } | { done: PlaceOutcome }> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const orderId = `ord_${randomUUID().replace(/-/g, '').slice(0, 20)}`;
    try {
      await db().orderAttempt.create({
        data: {
          idempotencyKey: request.idempotencyKey,
          customerId: request.customerId,
          orderId,
          state: 'RESERVING',
          leaseUntil: leaseFromNow(),
        } as never,
      });
      return { orderId, leaseUntil: new Date(Date.now() + sagaLimitMs() - 1000) };
    } catch (error) {
      if ((error as { code?: string }).code !== 'P2002') throw error;
    }
    const attempt = await db().orderAttempt.findFirst({ where: { idempotencyKey: request.idempotencyKey } });
    if (!attempt) continue;
    if (attempt.customerId !== request.customerId)
      throw new Error('This idempotency key belongs to another order.');
    if (attempt.state === 'COMMITTED') return { done: restore(attempt.result) };
    if (attempt.state !== 'RESERVING') {
      // Refused or failed before: nothing was created, this submit runs again under a new id.
      const taken = await db().orderAttempt.updateMany({
        where: { id: attempt.id, state: attempt.state, orderId: attempt.orderId },
        data: { state: 'RESERVING', orderId, result: undefined, leaseUntil: leaseFromNow() },
      });
      if (taken.count === 1) return { orderId, leaseUntil: new Date(Date.now() + sagaLimitMs() - 1000) };
    }
    if (Date.now() > deadline) throw new Error('The same order is still being placed; try again.');
    await sleep(50);
  }
}

async function finish(
  request: PlaceOrderRequest,
  orderId: string,
  state: 'FAILED' | 'REFUSED',
  outcome: PlaceOutcome | null,
) {
  await db().orderAttempt.updateMany({
    where: { idempotencyKey: request.idempotencyKey, orderId },
    data: { state, result: outcome ? (store(outcome) as never) : undefined },
  });
}

/** Releases whatever this order id reserved; each release is idempotent and fine when nothing was. */
export async function releaseAll(orderId: string, reason: string): Promise<void> {
  await Promise.allSettled([
    ports.releaseStock(orderId, reason),
    ports.releaseCredit(orderId, reason),
    ports.releaseCoupon(orderId, reason),
  ]);
}

function orderNumber(orderId: string, now: Date): string {
  const day = now.toISOString().slice(0, 10).replace(/-/g, '');
  return `SO${day}${orderId.slice(-8).toUpperCase()}`;
}

/**
 * placeOrder (ORD-2): re-quote, then reserve credit (crm) and stock (inventory) under the
 * attempt's order id, then commit the order with its events in one transaction. A refusal or
 * failure at any step releases what was reserved; a repeated submit with the same idempotency
 * key gets the same order.
 */
export async function placeOrder(request: PlaceOrderRequest): Promise<PlaceOutcome> {
  const taken = await takeAttempt(request);
  if ('done' in taken) return taken.done;
  const { orderId, leaseUntil } = taken;
  let quote: Quote;
  try {
    quote = await buildQuote(request.customerId, request.lines, {
      checkCredit: false,
      couponCode: request.couponCode ?? null,
    });
  } catch (error) {
    await finish(request, orderId, 'FAILED', null);
    throw error;
  }
  // Stock and credit are decided by the reservations themselves, atomically.
  const problems = quote.problems.filter((p) => p.code !== 'SHORT_STOCK' && p.code !== 'OVER_CREDIT');
  if (problems.length) {
    const outcome: PlaceOutcome = { kind: 'REFUSED', problems };
    await finish(request, orderId, 'REFUSED', outcome);
    return outcome;
  }
  if (request.expectedTotalMinor !== null && request.expectedTotalMinor !== quote.totalMinor) {
    const outcome: PlaceOutcome = {
      kind: 'PRICE_CHANGED',
      expectedTotalMinor: request.expectedTotalMinor.toString(),
      totalMinor: quote.totalMinor.toString(),
    };
    await finish(request, orderId, 'REFUSED', outcome);
    return outcome;
  }

  try {
    const credit = await ports.reserveCredit(orderId, request.customerId, quote.totalMinor);
    if (credit.kind === 'ALREADY_RELEASED')
      throw new Error(`credit of ${orderId} was released before it was reserved`);
    if (credit.kind !== 'RESERVED') {
      const problem: QuoteProblem =
        credit.kind === 'CUSTOMER_INACTIVE'
          ? { code: 'CUSTOMER_INACTIVE' }
          : {
              code: 'OVER_CREDIT',
              limitMinor: BigInt(credit.limit),
              receivableMinor: BigInt(credit.receivable),
              openOrdersMinor: BigInt(credit.openOrders),
              requiredMinor: BigInt(credit.required),
            };
      await releaseAll(orderId, 'refused');
      const outcome: PlaceOutcome = { kind: 'REFUSED', problems: [problem] };
      await finish(request, orderId, 'REFUSED', outcome);
      return outcome;
    }
    const wanted = [...baseQuantities(quote.lines)].map(([skuId, quantity]) => ({ skuId, quantity }));
    const stock = await ports.reserveStock(orderId, request.customerId, wanted);
    if (stock.kind !== 'RESERVED' && stock.kind !== 'OUT_OF_STOCK')
      throw new Error(`inventory did not reserve: ${JSON.stringify(stock).slice(0, 300)}`);
    if (stock.kind === 'OUT_OF_STOCK') {
      await releaseAll(orderId, 'out of stock');
      const outcome: PlaceOutcome = {
        kind: 'REFUSED',
        problems: stock.lines.map((l) => ({
          code: 'SHORT_STOCK',
          skuId: l.skuId,
          requested: l.requested,
          available: l.available,
        })),
      };
      await finish(request, orderId, 'REFUSED', outcome);
      return outcome;
    }
    // For the crash test only (e2e/ordering-crash.test.ts): die between reserving and committing.
    if (quote.coupon?.ok && BigInt(quote.coupon.discount) > 0n) {
      // single-use: two orders at once can never both spend it
      const coupon = await ports.redeemCoupon(
        orderId,
        request.customerId,
        quote.coupon.code,
        quote.coupon.discount,
      );
      if (coupon.kind !== 'REDEEMED') {
        await releaseAll(orderId, 'coupon unavailable');
        const outcome: PlaceOutcome = {
          kind: 'REFUSED',
          problems: [{ code: 'COUPON_UNAVAILABLE', couponCode: quote.coupon.code, reason: coupon.reason }],
        };
        await finish(request, orderId, 'REFUSED', outcome);
        return outcome;
      }
    }
    if (process.env.ORDERS_FAULT === 'exit-after-reserve') process.exit(70);
    if (Date.now() > leaseUntil.getTime()) throw new LeaseLost('the submit took too long');
    await commitOrder(request, orderId, quote, stock.warehouseId);
  } catch (error) {
    await releaseAll(orderId, 'failed');
    await finish(request, orderId, 'FAILED', null);
    if (error instanceof InternalCallError)
      throw new Error(`The order could not be placed now (${error.code}); nothing was charged. Try again.`);
    throw error;
  }
  await ports.confirmStock(orderId).catch(() => {
    // inventory also confirms when it sees OrderPlaced; the hold would otherwise expire
  });
  return { kind: 'PLACED', orderId };
}

async function commitOrder(request: PlaceOrderRequest, orderId: string, quote: Quote, warehouseId: string) {
  const tenantId = requireTenantId();
  const now = new Date();
  const settings = await db().orderSettings.findFirst();
  const byRule = autoApproves(
    { levelIds: settings?.autoApproveLevelIds ?? [], belowMinor: settings?.autoApproveBelowMinor ?? null },
    { levelId: quote.customer?.levelId ?? null, totalMinor: quote.totalMinor },
  );
  // an order waiting for the boss's price approval is never approved by a rule
  const approved = byRule && !needsPriceApproval(quote.lines);
  const status = approved ? 'APPROVED' : 'SUBMITTED';
  const lines = quote.lines.map((l) => ({
    skuId: l.skuId,
    unit: l.unit,
    factor: l.factor ?? 1,
    quantity: l.quantity,
    unitPriceMinor: l.unitPriceMinor ?? 0n,
    priceSource: l.priceSource ?? 'UNKNOWN',
    amountMinor: l.amountMinor,
    isGift: l.isGift ?? false,
    levelPriceMinor: l.levelPriceMinor ?? null,
  }));
  const priceApproval = needsPriceApproval(quote.lines) ? 'PENDING' : 'NONE';
  const events: NewEvent[] = [
    {
      tenantId,
      aggregateType: 'Order',
      aggregateId: orderId,
      type: 'OrderPlaced',
      version: 1,
      payload: {
        orderId,
        customerId: request.customerId,
        lines: quote.lines.map((l) => ({
          skuId: l.skuId,
          quantity: l.baseQuantity,
          unit: l.unit,
          unitQuantity: l.quantity,
          unitPrice: (l.unitPriceMinor ?? 0n).toString(),
          lineTotal: l.amountMinor.toString(),
        })),
        total: quote.totalMinor.toString(),
        status,
        warehouseId,
      },
    },
  ];
  if (approved)
    events.push({
      tenantId,
      aggregateType: 'Order',
      aggregateId: orderId,
      type: 'OrderApproved',
      version: 1,
      payload: { orderId, customerId: request.customerId, total: quote.totalMinor.toString(), auto: true },
    });
  await db().$transaction(async (tx) => {
    // the attempt is still this submit's, and its lease runs: recovery cannot release it now
    // (times compared in JS: the column is a UTC timestamp without zone, as Prisma keeps them)
    const [attempt] = await tx.$queryRawUnsafe<{ state: string; orderId: string; leaseUntil: Date }[]>(
      `SELECT "state", "orderId", "leaseUntil" FROM "orders"."OrderAttempt"
       WHERE "tenantId" = $1 AND "idempotencyKey" = $2 FOR UPDATE`,
      tenantId,
      request.idempotencyKey,
    );
    const live = attempt ? new Date(attempt.leaseUntil).getTime() > Date.now() : false;
    if (!attempt || attempt.state !== 'RESERVING' || attempt.orderId !== orderId || !live)
      throw new LeaseLost('the submit ran out of time or was taken over by recovery');
    await tx.order.create({
      data: {
        id: orderId,
        number: orderNumber(orderId, now),
        customerId: request.customerId,
        status,
        channel: request.channel,
        totalMinor: quote.totalMinor,
        subtotalMinor: quote.subtotalMinor,
        discountMinor: quote.discountMinor,
        note: request.note,
        rush: request.rush,
        placedByKind: request.placedBy.kind,
        placedById: request.placedBy.id,
        idempotencyKey: request.idempotencyKey,
        warehouseId,
        couponCode: quote.coupon?.ok ? quote.coupon.code : null,
        priceApproval,
        reviewStage: status === 'APPROVED' ? 'DONE' : 'BUSINESS',
        lines: { create: lines.map((l) => ({ ...l, tenantId })) },
        timeline: {
          create: [
            {
              tenantId,
              type: 'PLACED',
              toStatus: 'SUBMITTED',
              actorKind: request.placedBy.kind,
              actorId: request.placedBy.id,
              note: request.note,
            },
            ...(approved
              ? [
                  {
                    tenantId,
                    type: 'AUTO_APPROVED',
                    fromStatus: 'SUBMITTED' as const,
                    toStatus: 'APPROVED' as const,
                    actorKind: 'system',
                    actorId: 'auto-approve',
                  },
                ]
              : []),
          ],
        },
      } as never,
    });
    if (request.cartLineIds.length)
      await tx.cartLine.deleteMany({ where: { id: { in: request.cartLineIds } } });
    await tx.orderAttempt.updateMany({
      where: { idempotencyKey: request.idempotencyKey, orderId },
      data: { state: 'COMMITTED', result: store({ kind: 'PLACED', orderId }) as never },
    });
    await appendEvents(tx, 'orders', events);
  });
}

/**
 * Crash recovery: an attempt still RESERVING after its lease lost its process between reserving
 * and committing. It is marked FAILED, then what it reserved is released, so the retried submit
 * runs again (once). A committed order never is: committing needs the live lease, under the
 * same row lock.
 */
export async function recoverStaleAttempts(): Promise<number> {
  // across tenants: the job runs outside any request; each attempt is then handled in its tenant
  const stale = await database.raw().orderAttempt.findMany({
    where: { state: 'RESERVING', leaseUntil: { lt: new Date() } },
    take: 100,
  });
  let recovered = 0;
  for (const attempt of stale) {
    recovered += await runInTenant(attempt.tenantId, async () => {
      // First take it (the lease has run out, so its submit can no longer commit), then release.
      const taken = await db().orderAttempt.updateMany({
        where: {
          id: attempt.id,
          state: 'RESERVING',
          orderId: attempt.orderId,
          leaseUntil: { lt: new Date() },
        },
        data: { state: 'FAILED' },
      });
      if (taken.count !== 1) return 0;
      await releaseAll(attempt.orderId, 'recovered after an interrupted submit');
      return 1;
    });
  }
  return recovered;
}
