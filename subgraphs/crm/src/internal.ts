import { type InternalCommands, internalCommand, z } from '@wholesail/platform';
import { db } from './db';
import { availableOf, fen } from './domain/credit';
import { accountOf, releaseCredit, reserveCredit } from './ledger';

/** Integer fen as a decimal string, e.g. "12345" = 123.45 yuan. */
const fenString = z.string().regex(/^\d{1,18}$/, 'integer fen as a decimal string');
const id = z.string().min(1).max(100);

/**
 * Commands orders sends crm while placing an order (shapes fixed in the issue 4 contract). Each
 * that changes something is idempotent per orderId and atomic under concurrency (the customer's
 * credit account row is locked while it is checked and written).
 */
export const crmInternal: InternalCommands = {
  /** -> RESERVED { available } | CREDIT_LIMIT_EXCEEDED { limit receivable openOrders required } |
   *  CUSTOMER_INACTIVE | ALREADY_RELEASED (the order was released before this reserve arrived). */
  reserveCredit: internalCommand(z.object({ orderId: id, customerId: id, amount: fenString }), (input, ctx) =>
    reserveCredit({ ...input, amount: BigInt(input.amount) }, ctx.service),
  ),

  /** -> RELEASED; safe to repeat and for an order that reserved nothing. */
  releaseCredit: internalCommand(
    z.object({ orderId: id, reason: z.string().max(500).nullish() }),
    async (input, ctx) => {
      await releaseCredit({ orderId: input.orderId, reason: input.reason ?? null }, ctx.service);
      return { kind: 'RELEASED' as const };
    },
  ),

  /** Read only (quotes): whether `amount` more would fit. */
  checkCredit: internalCommand(z.object({ customerId: id, amount: fenString }), async (input) => {
    const customer = await db().customer.findFirst({
      where: { id: input.customerId },
      select: { status: true },
    });
    const a = await accountOf(input.customerId);
    const available = availableOf(a);
    return {
      limit: fen(a.limit),
      receivable: fen(a.receivable),
      openOrders: fen(a.openOrders),
      prepaidBalance: fen(a.prepaid),
      available: fen(available),
      enough: BigInt(input.amount) <= available,
      active: customer?.status === 'ACTIVE',
    };
  }),

  /** The stores a rep looks after (its own customers): what a rep without 店长 may see of orders. */
  customersOfRep: internalCommand(z.object({ staffId: id }), async (input) => {
    const rows = await db().customer.findMany({ where: { ownerRepId: input.staffId }, select: { id: true } });
    return { customerIds: rows.map((r) => r.id) };
  }),

  /** The customer's facts an order needs; null for an unknown customer. */
  customerOrderingFacts: internalCommand(z.object({ customerId: id }), async (input) => {
    const c = await db().customer.findFirst({ where: { id: input.customerId } });
    if (!c) return null;
    return {
      active: c.status === 'ACTIVE',
      levelId: c.levelId,
      warehouseId: c.warehouseId,
      routeId: c.routeId,
      ownerRepId: c.ownerRepId,
      name: c.name,
      code: c.code,
    };
  }),
};
