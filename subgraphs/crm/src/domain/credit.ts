/**
 * Credit and the money ledger of a customer, as pure rules (amounts in fen, bigint).
 * See docs/decisions/0010-credit-and-ledger.md.
 *
 * Three balances, each the sum of the ledger entries' deltas:
 * - receivable: what the customer owes for invoiced orders (never below zero: money beyond it
 *   becomes prepaid balance),
 * - openOrders: credit held by submitted orders not yet invoiced,
 * - prepaid: money paid in advance, applied to orders when they are invoiced.
 * available = limit - receivable - openOrders + prepaid.
 */

export type LedgerKind =
  | 'ORDER_OPENED'
  | 'ORDER_RELEASED'
  | 'ORDER_INVOICED'
  | 'ORDER_VOIDED'
  | 'CREDIT_NOTE'
  | 'PAYMENT'
  | 'PREPAID_TOPUP'
  | 'PREPAID_USED'
  | 'ADJUSTMENT';

export interface Balances {
  limit: bigint;
  receivable: bigint;
  openOrders: bigint;
  prepaid: bigint;
}

/** How one entry moves the balances. */
export interface Deltas {
  receivable: bigint;
  openOrders: bigint;
  prepaid: bigint;
}

export const NO_CHANGE: Deltas = { receivable: 0n, openOrders: 0n, prepaid: 0n };

export function availableOf(b: Balances): bigint {
  return b.limit - b.receivable - b.openOrders + b.prepaid;
}

export function applyDeltas<B extends Omit<Balances, 'limit'>>(b: B, d: Deltas): B {
  return {
    ...b,
    receivable: b.receivable + d.receivable,
    openOrders: b.openOrders + d.openOrders,
    prepaid: b.prepaid + d.prepaid,
  };
}

const min = (a: bigint, b: bigint) => (a < b ? a : b);
const max = (a: bigint, b: bigint) => (a > b ? a : b);

/** Money coming in (payment, credit note, voided invoice): settles the receivable first, the rest is prepaid. */
export function moneyIn(b: Omit<Balances, 'limit'>, amount: bigint): Deltas {
  const settles = min(amount, max(b.receivable, 0n));
  return { receivable: -settles, openOrders: 0n, prepaid: amount - settles };
}

/**
 * An order invoiced for `total`: its open credit (`open`, what is still held for it) is given
 * back and the total becomes receivable; then prepaid balance pays what it can of it.
 */
export function invoice(
  b: Omit<Balances, 'limit'>,
  open: bigint,
  total: bigint,
): { invoiced: Deltas; prepaidUsed: bigint } {
  const invoiced: Deltas = { receivable: total, openOrders: -open, prepaid: 0n };
  const after = applyDeltas(b, invoiced);
  const prepaidUsed = min(max(after.prepaid, 0n), max(after.receivable, 0n));
  return { invoiced, prepaidUsed: min(prepaidUsed, total) };
}

/** What the customer owes net (receivable - prepaid); statements show this balance. */
export function netOf(d: { receivable: bigint; prepaid: bigint }): bigint {
  return d.receivable - d.prepaid;
}

export interface StatementLine {
  kind: LedgerKind;
  receivable: bigint;
  prepaid: bigint;
}

export interface StatementTotals {
  opening: bigint;
  /** invoiced orders less voided ones */
  orders: bigint;
  /** credit notes (returns) */
  returns: bigint;
  /** confirmed payments and prepaid top-ups */
  receipts: bigint;
  adjustments: bigint;
  closing: bigint;
}

/** opening + orders - returns - receipts + adjustments = closing (PREPAID_USED moves nothing net). */
export function statementTotals(opening: bigint, lines: StatementLine[]): StatementTotals {
  let orders = 0n;
  let returns = 0n;
  let receipts = 0n;
  let adjustments = 0n;
  let closing = opening;
  for (const l of lines) {
    const net = netOf(l);
    closing += net;
    switch (l.kind) {
      case 'ORDER_INVOICED':
      case 'ORDER_VOIDED':
        orders += net;
        break;
      case 'CREDIT_NOTE':
        returns -= net;
        break;
      case 'PAYMENT':
      case 'PREPAID_TOPUP':
        receipts -= net;
        break;
      case 'ADJUSTMENT':
        adjustments += net;
        break;
      default:
        // ORDER_OPENED / ORDER_RELEASED touch open orders only; PREPAID_USED nets to zero
        break;
    }
  }
  return { opening, orders, returns, receipts, adjustments, closing };
}

/** Fen as the decimal string of internal commands ("12345" = 123.45 yuan). */
export const fen = (v: bigint | number) => BigInt(v).toString();
