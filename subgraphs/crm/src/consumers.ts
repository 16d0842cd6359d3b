import type { DomainEvent, EventConsumerDefinition } from '@wholesail/platform';
import {
  cancelOrder,
  creditNote,
  invoiceOrder,
  releaseOrderCredit,
  type Tx,
  UnknownCustomer,
} from './ledger';

/** Integer fen from an event field: a decimal string of fen ("12345") or an integer number. */
export function fenOf(value: unknown): bigint | null {
  if (typeof value === 'string' && /^-?\d{1,18}$/.test(value)) return BigInt(value);
  if (typeof value === 'number' && Number.isSafeInteger(value)) return BigInt(value);
  return null;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);

/**
 * orders' events -> the money ledger. OrderApproved (tenant setting receivableOn APPROVED) or
 * OrderShipped (SHIPPED, and any order not invoiced yet) turn the order's open credit into
 * receivable; OrderRejected / OrderCancelled release it (a cancelled invoiced order is voided);
 * ReturnCredited { returnId, orderId, customerId, amount } is a credit note. Every effect is keyed
 * by the order (or return), so a repeat, or a releaseCredit of the same order, changes nothing.
 */
export const ledgerConsumer: EventConsumerDefinition<Tx> = {
  name: 'crm-ledger',
  sources: ['orders'],
  async handle(event: DomainEvent, tx: Tx) {
    try {
      await apply(event, tx);
    } catch (error) {
      // An order of a store crm does not know (another tenant's id, test data) must not stop
      // the events after it: nothing is booked for it.
      if (error instanceof UnknownCustomer) return;
      throw error;
    }
  },
};

async function apply(event: DomainEvent, tx: Tx): Promise<void> {
  const p = (event.payload ?? {}) as Record<string, unknown>;
  const orderId = str(p.orderId) ?? event.aggregateId;
  const actor = `orders:${event.type}`;
  switch (event.type) {
    case 'OrderApproved':
    case 'OrderShipped': {
      const customerId = str(p.customerId);
      const total = fenOf(p.total);
      if (!customerId || total == null) return;
      if (event.type === 'OrderApproved') {
        const tenant = await tx.tenant.findUnique({
          where: { id: event.tenantId },
          select: { receivableOn: true },
        });
        if ((tenant?.receivableOn ?? 'APPROVED') !== 'APPROVED') return;
      }
      await invoiceOrder(tx, { orderId, customerId, total }, actor);
      return;
    }
    case 'OrderRejected':
      await releaseOrderCredit(tx, orderId, str(p.reason), actor);
      return;
    case 'OrderCancelled':
      await cancelOrder(tx, { orderId, reason: str(p.reason) }, actor);
      return;
    case 'ReturnCredited': {
      const customerId = str(p.customerId);
      const returnId = str(p.returnId);
      const amount = fenOf(p.amount);
      if (!customerId || !returnId || amount == null || amount <= 0n) return;
      await creditNote(
        tx,
        { key: returnId, customerId, orderId: str(p.orderId), amount, note: str(p.reason) },
        actor,
      );
      return;
    }
    default:
      return;
  }
}

export const crmConsumers = [ledgerConsumer];
