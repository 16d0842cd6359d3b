import { createHash } from 'node:crypto';
import { requireTenantId } from '@wholesail/platform';
import { database, db } from './db';
import {
  applyDeltas,
  availableOf,
  type Balances,
  type Deltas,
  invoice,
  type LedgerKind,
  moneyIn,
  NO_CHANGE,
} from './domain/credit';

/** The tenant-scoped transaction client (resolvers' and consumers' `tx`). */
export type Tx = Parameters<Parameters<ReturnType<typeof db>['$transaction']>[0]>[0];

/** Long enough for 50+ callers queueing on one account's row lock. */
export const TX_OPTIONS = { maxWait: 20_000, timeout: 20_000 };

const table = (name: string) => `"${database.schema}"."${name}"`;

export interface LockedAccount extends Balances {
  id: string;
  customerId: string;
  paymentTermDays: number;
}

/** A ledger write for a customer this tenant does not have. */
export class UnknownCustomer extends Error {
  override name = 'UnknownCustomer';
  constructor(readonly customerId: string) {
    super(`no customer ${customerId} in this tenant`);
  }
}

/**
 * Takes the customer's credit account row FOR UPDATE (creating it with a zero limit when the
 * customer has none): every ledger write of a customer runs under this lock, so checks and
 * appends of concurrent callers are serialised.
 */
export async function lockAccount(tx: Tx, customerId: string): Promise<LockedAccount> {
  const tenantId = requireTenantId();
  const select = () =>
    tx.$queryRawUnsafe<
      {
        id: string;
        customerId: string;
        limitMinor: bigint;
        paymentTermDays: number;
        receivableMinor: bigint;
        openOrdersMinor: bigint;
        prepaidMinor: bigint;
      }[]
    >(
      `SELECT "id", "customerId", "limitMinor", "paymentTermDays", "receivableMinor", "openOrdersMinor", "prepaidMinor"
       FROM ${table('CreditAccount')} WHERE "tenantId" = $1 AND "customerId" = $2 FOR UPDATE`,
      tenantId,
      customerId,
    );
  let rows = await select();
  if (!rows[0]) {
    if (!(await tx.customer.findFirst({ where: { id: customerId }, select: { id: true } })))
      throw new UnknownCustomer(customerId);
    await tx.$executeRawUnsafe(
      `INSERT INTO ${table('CreditAccount')} ("id", "tenantId", "customerId") VALUES ($1, $2, $3)
       ON CONFLICT ("customerId") DO NOTHING`,
      `cr_${createHash('sha256').update(`${tenantId}:${customerId}`).digest('hex').slice(0, 20)}`,
      tenantId,
      customerId,
    );
    rows = await select();
  }
  const r = rows[0];
  if (!r) throw new Error(`credit account of ${customerId} belongs to another tenant`);
  return {
    id: r.id,
    customerId: r.customerId,
    paymentTermDays: Number(r.paymentTermDays),
    limit: BigInt(r.limitMinor),
    receivable: BigInt(r.receivableMinor),
    openOrders: BigInt(r.openOrdersMinor),
    prepaid: BigInt(r.prepaidMinor),
  };
}

/**
 * Serialises everything done about one order (reserve, release, invoice, void) across customers
 * and callers; taken before the account lock, always in that order.
 */
export async function lockOrder(tx: Tx, orderId: string): Promise<void> {
  const key = createHash('sha256')
    .update(`crm-order:${requireTenantId()}:${orderId}`)
    .digest()
    .readBigInt64BE(0);
  await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${key})`);
}

export interface NewEntry {
  kind: LedgerKind;
  key?: string | null;
  amount: bigint;
  deltas: Deltas;
  orderId?: string | null;
  collectionId?: string | null;
  availableAfter?: bigint | null;
  note?: string | null;
  actor?: string | null;
}

/** Appends entries to a locked account and moves its cached balances by the same deltas. */
export async function post(tx: Tx, account: LockedAccount, entries: NewEntry[]): Promise<LockedAccount> {
  let after = account;
  for (const e of entries) {
    await tx.creditLedgerEntry.create({
      data: {
        customerId: account.customerId,
        kind: e.kind,
        key: e.key ?? null,
        amountMinor: e.amount,
        receivableMinor: e.deltas.receivable,
        openOrdersMinor: e.deltas.openOrders,
        prepaidMinor: e.deltas.prepaid,
        orderId: e.orderId ?? null,
        collectionId: e.collectionId ?? null,
        availableAfterMinor: e.availableAfter ?? null,
        note: e.note ?? null,
        actor: e.actor ?? null,
      } as never,
    });
    after = applyDeltas(after, e.deltas);
  }
  if (entries.length)
    await tx.creditAccount.update({
      where: { id: account.id },
      data: {
        receivableMinor: after.receivable,
        openOrdersMinor: after.openOrders,
        prepaidMinor: after.prepaid,
      },
    });
  return after;
}

async function entryByKey(tx: Tx, key: string) {
  return tx.creditLedgerEntry.findFirst({ where: { key } });
}

/** What is still held for an order: the sum of its entries' open-order deltas. */
async function openOf(tx: Tx, orderId: string): Promise<bigint> {
  const sum = await tx.creditLedgerEntry.aggregate({ where: { orderId }, _sum: { openOrdersMinor: true } });
  return BigInt(sum._sum.openOrdersMinor ?? 0n);
}

// ------------------------------------------------------------------------------------------
// order credit

export type ReserveResult =
  | { kind: 'RESERVED'; available: string }
  | { kind: 'CREDIT_LIMIT_EXCEEDED'; limit: string; receivable: string; openOrders: string; required: string }
  | { kind: 'CUSTOMER_INACTIVE' }
  | { kind: 'ALREADY_RELEASED' };

/**
 * Holds `amount` of the customer's credit for an order, all or nothing. Idempotent per orderId
 * (a repeat answers the first RESERVED and holds nothing more); a refusal holds nothing.
 */
export async function reserveCredit(
  input: { orderId: string; customerId: string; amount: bigint },
  actor: string,
): Promise<ReserveResult> {
  return db().$transaction(async (tx) => {
    await lockOrder(tx, input.orderId);
    const before = await tx.creditLedgerEntry.findMany({
      where: { key: { in: [`ORDER_OPENED:${input.orderId}`, `ORDER_RELEASED:${input.orderId}`] } },
      select: { kind: true, availableAfterMinor: true },
    });
    const opened = before.find((e) => e.kind === 'ORDER_OPENED');
    if (opened) return { kind: 'RESERVED', available: String(opened.availableAfterMinor ?? 0n) };
    if (before.length) return { kind: 'ALREADY_RELEASED' };
    const customer = await tx.customer.findFirst({
      where: { id: input.customerId },
      select: { status: true },
    });
    if (customer?.status !== 'ACTIVE') return { kind: 'CUSTOMER_INACTIVE' };
    const account = await lockAccount(tx, input.customerId);
    const available = availableOf(account);
    if (input.amount > available)
      return {
        kind: 'CREDIT_LIMIT_EXCEEDED',
        limit: String(account.limit),
        receivable: String(account.receivable),
        openOrders: String(account.openOrders),
        required: String(input.amount),
      };
    await post(tx, account, [
      {
        kind: 'ORDER_OPENED',
        key: `ORDER_OPENED:${input.orderId}`,
        amount: input.amount,
        deltas: { ...NO_CHANGE, openOrders: input.amount },
        orderId: input.orderId,
        availableAfter: available - input.amount,
        actor,
      },
    ]);
    return { kind: 'RESERVED', available: String(available - input.amount) };
  }, TX_OPTIONS);
}

/**
 * Gives back what is still held for an order. Idempotent; for an order that reserved nothing it
 * leaves a marker so a late reserveCredit of it is refused. An invoiced order holds nothing.
 */
export async function releaseOrderCredit(
  tx: Tx,
  orderId: string,
  reason: string | null,
  actor: string,
): Promise<void> {
  await lockOrder(tx, orderId);
  const key = `ORDER_RELEASED:${orderId}`;
  if (await entryByKey(tx, key)) return;
  const opened = await entryByKey(tx, `ORDER_OPENED:${orderId}`);
  if (!opened?.customerId) {
    await tx.creditLedgerEntry.create({
      data: { kind: 'ORDER_RELEASED', key, amountMinor: 0n, orderId, note: reason, actor } as never,
    });
    return;
  }
  const account = await lockAccount(tx, opened.customerId);
  const open = await openOf(tx, orderId);
  if (open <= 0n) return;
  await post(tx, account, [
    {
      kind: 'ORDER_RELEASED',
      key,
      amount: open,
      deltas: { ...NO_CHANGE, openOrders: -open },
      orderId,
      note: reason,
      actor,
    },
  ]);
}

export function releaseCredit(input: { orderId: string; reason: string | null }, actor: string) {
  return db().$transaction((tx) => releaseOrderCredit(tx, input.orderId, input.reason, actor), TX_OPTIONS);
}

/** The order's credit becomes receivable for `total` (once), prepaid balance paying what it can. */
export async function invoiceOrder(
  tx: Tx,
  order: { orderId: string; customerId: string; total: bigint },
  actor: string,
): Promise<void> {
  await lockOrder(tx, order.orderId);
  const key = `ORDER_INVOICED:${order.orderId}`;
  if (await entryByKey(tx, key)) return;
  const account = await lockAccount(tx, order.customerId);
  const open = await openOf(tx, order.orderId);
  const { invoiced, prepaidUsed } = invoice(account, open > 0n ? open : 0n, order.total);
  const entries: NewEntry[] = [
    { kind: 'ORDER_INVOICED', key, amount: order.total, deltas: invoiced, orderId: order.orderId, actor },
  ];
  if (prepaidUsed > 0n)
    entries.push({
      kind: 'PREPAID_USED',
      key: `PREPAID_USED:${order.orderId}`,
      amount: prepaidUsed,
      deltas: { receivable: -prepaidUsed, openOrders: 0n, prepaid: -prepaidUsed },
      orderId: order.orderId,
      actor,
    });
  await post(tx, account, entries);
}

/** A cancelled order: its open credit is released and, when it was invoiced, the invoice voided. */
export async function cancelOrder(
  tx: Tx,
  order: { orderId: string; reason: string | null },
  actor: string,
): Promise<void> {
  await releaseOrderCredit(tx, order.orderId, order.reason, actor);
  const invoiced = await entryByKey(tx, `ORDER_INVOICED:${order.orderId}`);
  if (!invoiced?.customerId) return;
  const key = `ORDER_VOIDED:${order.orderId}`;
  if (await entryByKey(tx, key)) return;
  const account = await lockAccount(tx, invoiced.customerId);
  await post(tx, account, [
    {
      kind: 'ORDER_VOIDED',
      key,
      amount: invoiced.amountMinor,
      deltas: moneyIn(account, invoiced.amountMinor),
      orderId: order.orderId,
      note: order.reason,
      actor,
    },
  ]);
}

/** A return refunded as credit (once per key): receivable falls, any excess becomes prepaid. */
export async function creditNote(
  tx: Tx,
  note: { key: string; customerId: string; orderId: string | null; amount: bigint; note: string | null },
  actor: string,
): Promise<void> {
  const key = `CREDIT_NOTE:${note.key}`;
  const account = await lockAccount(tx, note.customerId);
  if (await entryByKey(tx, key)) return;
  await post(tx, account, [
    {
      kind: 'CREDIT_NOTE',
      key,
      amount: note.amount,
      deltas: moneyIn(account, note.amount),
      orderId: note.orderId,
      note: note.note,
      actor,
    },
  ]);
}

// ------------------------------------------------------------------------------------------
// reading

export interface AccountView extends Balances {
  customerId: string;
  paymentTermDays: number;
  available: bigint;
}

export async function accountOf(customerId: string): Promise<AccountView> {
  const a = await db().creditAccount.findFirst({ where: { customerId } });
  const b: Balances = {
    limit: a?.limitMinor ?? 0n,
    receivable: a?.receivableMinor ?? 0n,
    openOrders: a?.openOrdersMinor ?? 0n,
    prepaid: a?.prepaidMinor ?? 0n,
  };
  return { ...b, customerId, paymentTermDays: a?.paymentTermDays ?? 0, available: availableOf(b) };
}

/** The balances as the ledger's sums (what the cached row must equal). */
export async function ledgerSums(customerId: string): Promise<Omit<Balances, 'limit'>> {
  const s = await db().creditLedgerEntry.aggregate({
    where: { customerId },
    _sum: { receivableMinor: true, openOrdersMinor: true, prepaidMinor: true },
  });
  return {
    receivable: BigInt(s._sum.receivableMinor ?? 0n),
    openOrders: BigInt(s._sum.openOrdersMinor ?? 0n),
    prepaid: BigInt(s._sum.prepaidMinor ?? 0n),
  };
}
