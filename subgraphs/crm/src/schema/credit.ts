import {
  assertValid,
  type InputProblem,
  parseMinor,
  type RequestContext,
  ValidationError,
} from '@wholesail/platform';
import { builder } from '../builder';
import { db } from '../db';
import { availableOf, NO_CHANGE, netOf, statementTotals } from '../domain/credit';
import { type AccountView, lockAccount, post, TX_OPTIONS } from '../ledger';
import { canReadCustomer } from './access';
import { CustomerRef } from './customer';

const money = (minor: bigint) => ({ minor });

/** A decimal yuan amount ("120.50") as fen, or a problem for `field`. */
export function amountProblem(
  text: string,
  field: string,
  problems: InputProblem[],
  options: { allowZero?: boolean } = {},
): bigint | null {
  let minor: bigint;
  try {
    minor = parseMinor(text);
  } catch {
    problems.push({ field, message: '金额最多两位小数 (an amount with at most 2 decimals)' });
    return null;
  }
  if (minor < 0n || (!options.allowZero && minor === 0n)) {
    problems.push({
      field,
      message: options.allowZero
        ? '金额不能为负 (the amount must not be negative)'
        : '金额必须大于零 (the amount must be above zero)',
    });
    return null;
  }
  if (minor > 10n ** 15n) {
    problems.push({ field, message: '金额太大 (the amount is too large)' });
    return null;
  }
  return minor;
}

function viewOf(
  customerId: string,
  a: {
    limitMinor: bigint;
    paymentTermDays: number;
    receivableMinor: bigint;
    openOrdersMinor: bigint;
    prepaidMinor: bigint;
  } | null,
): AccountView {
  const b = {
    limit: a?.limitMinor ?? 0n,
    receivable: a?.receivableMinor ?? 0n,
    openOrders: a?.openOrdersMinor ?? 0n,
    prepaid: a?.prepaidMinor ?? 0n,
  };
  return { ...b, customerId, paymentTermDays: a?.paymentTermDays ?? 0, available: availableOf(b) };
}

export const CreditAccountRef = builder.objectRef<AccountView>('CreditAccount').implement({
  description:
    'A customer’s credit (信用额度): available = limit - receivable - openOrders + prepaidBalance. ' +
    'Every balance is the sum of the customer’s money ledger.',
  fields: (t) => ({
    limit: t.field({ type: builder.MoneyRef, resolve: (a) => money(a.limit) }),
    paymentTermDays: t.exposeInt('paymentTermDays', { description: '账期: days to pay an invoiced order.' }),
    receivable: t.field({
      type: builder.MoneyRef,
      description: '应收: invoiced orders not yet paid.',
      resolve: (a) => money(a.receivable),
    }),
    openOrders: t.field({
      type: builder.MoneyRef,
      description: 'Credit held by submitted orders not yet invoiced.',
      resolve: (a) => money(a.openOrders),
    }),
    available: t.field({
      type: builder.MoneyRef,
      description: 'What the customer may still order on credit (negative when over the limit).',
      resolve: (a) => money(a.available),
    }),
    prepaidBalance: t.field({
      type: builder.MoneyRef,
      description: '预付款余额: paid in advance, applied to orders as they are invoiced.',
      resolve: (a) => money(a.prepaid),
    }),
  }),
});

builder.prismaObjectField(CustomerRef, 'creditAccount', (t) =>
  t.field({
    type: CreditAccountRef,
    description: 'Staff who may see the store, and the store itself.',
    select: {
      credit: {
        select: {
          limitMinor: true,
          paymentTermDays: true,
          receivableMinor: true,
          openOrdersMinor: true,
          prepaidMinor: true,
        },
      },
    },
    resolve: (c) => viewOf(c.id, c.credit),
  }),
);

async function readableCustomer(ctx: RequestContext, customerId: string, field = 'customerId') {
  const customer = await db().customer.findFirst({ where: { id: customerId } });
  if (!customer || !canReadCustomer(ctx, customer))
    throw new ValidationError('没有这个客户 (no such customer)', [{ field, message: 'unknown customer' }]);
  return customer;
}

const actorOf = (ctx: RequestContext) =>
  ctx.viewer.kind === 'staff'
    ? ctx.viewer.staffId
    : ctx.viewer.kind === 'service'
      ? ctx.viewer.service
      : null;

builder.mutationField('setCreditLimit', (t) =>
  t.field({
    type: CreditAccountRef,
    description: 'Boss or finance: a store’s credit limit (yuan, e.g. "50000") and payment terms in days.',
    authScopes: { role: ['BOSS', 'FINANCE'] },
    errors: { types: [ValidationError] },
    args: {
      customerId: t.arg.id({ required: true }),
      limit: t.arg({ type: 'Decimal', required: true }),
      paymentTermDays: t.arg.int({ required: false, description: 'Unchanged when not given.' }),
    },
    resolve: async (_root, args) => {
      const problems: InputProblem[] = [];
      const limit = amountProblem(args.limit, 'limit', problems, { allowZero: true });
      if (args.paymentTermDays != null && (args.paymentTermDays < 0 || args.paymentTermDays > 365))
        problems.push({ field: 'paymentTermDays', message: '账期为 0-365 天 (0 to 365 days)' });
      const customer = await db().customer.findFirst({ where: { id: args.customerId } });
      if (!customer) problems.push({ field: 'customerId', message: '没有这个客户 (no such customer)' });
      assertValid(problems);
      return db().$transaction(async (tx) => {
        const account = await lockAccount(tx, args.customerId);
        const row = await tx.creditAccount.update({
          where: { id: account.id },
          data: {
            limitMinor: limit!,
            ...(args.paymentTermDays != null ? { paymentTermDays: args.paymentTermDays } : {}),
          },
        });
        return viewOf(args.customerId, row);
      }, TX_OPTIONS);
    },
  }),
);

builder.mutationField('topUpPrepaid', (t) =>
  t.field({
    type: CreditAccountRef,
    description: 'Finance: money a store paid in advance (预付款), a PREPAID_TOPUP entry.',
    authScopes: { role: ['FINANCE', 'BOSS'] },
    errors: { types: [ValidationError] },
    args: {
      customerId: t.arg.id({ required: true }),
      amount: t.arg({ type: 'Decimal', required: true }),
      note: t.arg.string({ required: false }),
    },
    resolve: async (_root, args, ctx) => {
      const problems: InputProblem[] = [];
      const amount = amountProblem(args.amount, 'amount', problems);
      if (!(await db().customer.findFirst({ where: { id: args.customerId } })))
        problems.push({ field: 'customerId', message: '没有这个客户 (no such customer)' });
      if (args.note && args.note.length > 500)
        problems.push({ field: 'note', message: 'at most 500 characters' });
      assertValid(problems);
      return db().$transaction(async (tx) => {
        const account = await lockAccount(tx, args.customerId);
        const after = await post(tx, account, [
          {
            kind: 'PREPAID_TOPUP',
            amount: amount!,
            deltas: { ...NO_CHANGE, prepaid: amount! },
            note: args.note ?? null,
            actor: actorOf(ctx),
          },
        ]);
        return viewOf(args.customerId, {
          limitMinor: after.limit,
          paymentTermDays: after.paymentTermDays,
          receivableMinor: after.receivable,
          openOrdersMinor: after.openOrders,
          prepaidMinor: after.prepaid,
        });
      }, TX_OPTIONS);
    },
  }),
);

// ------------------------------------------------------------------------------------------
// statements

const LedgerKindEnum = builder.enumType('LedgerKind', {
  values: [
    'ORDER_OPENED',
    'ORDER_RELEASED',
    'ORDER_INVOICED',
    'ORDER_VOIDED',
    'CREDIT_NOTE',
    'PAYMENT',
    'PREPAID_TOPUP',
    'PREPAID_USED',
    'ADJUSTMENT',
  ] as const,
});

interface StatementEntryShape {
  id: string;
  kind: (typeof LedgerKindEnum)['$inferType'];
  at: Date;
  amount: bigint;
  change: bigint;
  balance: bigint;
  orderId: string | null;
  collectionId: string | null;
  note: string | null;
}

const StatementEntryRef = builder.objectRef<StatementEntryShape>('StatementEntry').implement({
  description: 'A ledger entry that moves what the store owes, with the balance after it.',
  fields: (t) => ({
    id: t.exposeID('id'),
    kind: t.field({ type: LedgerKindEnum, resolve: (e) => e.kind }),
    at: t.expose('at', { type: 'DateTime' }),
    amount: t.field({ type: builder.MoneyRef, resolve: (e) => money(e.amount) }),
    change: t.field({
      type: builder.MoneyRef,
      description: 'How the balance moved (positive: the store owes more).',
      resolve: (e) => money(e.change),
    }),
    balance: t.field({ type: builder.MoneyRef, resolve: (e) => money(e.balance) }),
    orderId: t.exposeID('orderId', { nullable: true }),
    collectionId: t.exposeID('collectionId', { nullable: true }),
    note: t.exposeString('note', { nullable: true }),
  }),
});

interface StatementShape {
  customerId: string;
  from: Date;
  to: Date;
  opening: bigint;
  orders: bigint;
  returns: bigint;
  receipts: bigint;
  adjustments: bigint;
  closing: bigint;
  entries: StatementEntryShape[];
}

const StatementRef = builder.objectRef<StatementShape>('Statement').implement({
  description:
    '对账单: what a store owed at `from` (receivable less prepaid), its invoiced orders, returns ' +
    '(credit notes) and receipts until `to`, and what it owes then: ' +
    'closingBalance = openingBalance + orders - returns - receipts + adjustments.',
  fields: (t) => ({
    customer: t.field({
      type: CustomerRef,
      resolve: (s) => db().customer.findFirstOrThrow({ where: { id: s.customerId } }),
    }),
    from: t.expose('from', { type: 'DateTime' }),
    to: t.expose('to', { type: 'DateTime' }),
    openingBalance: t.field({ type: builder.MoneyRef, resolve: (s) => money(s.opening) }),
    orders: t.field({
      type: builder.MoneyRef,
      description: 'Invoiced orders, less voided ones.',
      resolve: (s) => money(s.orders),
    }),
    returns: t.field({
      type: builder.MoneyRef,
      description: 'Credit notes.',
      resolve: (s) => money(s.returns),
    }),
    receipts: t.field({
      type: builder.MoneyRef,
      description: 'Confirmed payments and prepaid top-ups.',
      resolve: (s) => money(s.receipts),
    }),
    adjustments: t.field({ type: builder.MoneyRef, resolve: (s) => money(s.adjustments) }),
    closingBalance: t.field({ type: builder.MoneyRef, resolve: (s) => money(s.closing) }),
    entries: t.field({ type: [StatementEntryRef], resolve: (s) => s.entries }),
  }),
});

/** The statement of a customer for [from, to): entries in ledger order. */
export async function statementOf(customerId: string, from: Date, to: Date): Promise<StatementShape> {
  const before = await db().creditLedgerEntry.aggregate({
    where: { customerId, createdAt: { lt: from } },
    _sum: { receivableMinor: true, prepaidMinor: true },
  });
  const opening = netOf({
    receivable: BigInt(before._sum.receivableMinor ?? 0n),
    prepaid: BigInt(before._sum.prepaidMinor ?? 0n),
  });
  const rows = await db().creditLedgerEntry.findMany({
    where: {
      customerId,
      createdAt: { gte: from, lt: to },
      OR: [{ receivableMinor: { not: 0n } }, { prepaidMinor: { not: 0n } }],
    },
    orderBy: { seq: 'asc' },
  });
  const totals = statementTotals(
    opening,
    rows.map((r) => ({ kind: r.kind, receivable: r.receivableMinor, prepaid: r.prepaidMinor })),
  );
  let balance = opening;
  const entries = rows.map((r) => {
    const change = netOf({ receivable: r.receivableMinor, prepaid: r.prepaidMinor });
    balance += change;
    return {
      id: r.id,
      kind: r.kind,
      at: r.createdAt,
      amount: r.amountMinor,
      change,
      balance,
      orderId: r.orderId,
      collectionId: r.collectionId,
      note: r.note,
    };
  });
  return { customerId, from, to, ...totals, entries };
}

function periodProblems(from: Date, to: Date): void {
  const problems: InputProblem[] = [];
  if (Number.isNaN(from.getTime())) problems.push({ field: 'from', message: 'not a date' });
  if (Number.isNaN(to.getTime())) problems.push({ field: 'to', message: 'not a date' });
  else if (to.getTime() <= from.getTime())
    problems.push({ field: 'to', message: '结束须晚于开始 (to must be after from)' });
  else if (to.getTime() - from.getTime() > 3 * 366 * 86_400_000)
    problems.push({ field: 'to', message: '最多三年 (at most three years)' });
  assertValid(problems);
}

builder.queryFields((t) => ({
  statement: t.field({
    type: StatementRef,
    description: 'Staff: a store’s statement for [from, to) (reps only for their own stores).',
    authScopes: { staff: true },
    errors: { types: [ValidationError] },
    args: {
      customerId: t.arg.id({ required: true }),
      from: t.arg({ type: 'DateTime', required: true }),
      to: t.arg({ type: 'DateTime', required: true }),
    },
    resolve: async (_root, args, ctx) => {
      periodProblems(args.from, args.to);
      await readableCustomer(ctx, args.customerId);
      return statementOf(args.customerId, args.from, args.to);
    },
  }),
  myStatement: t.field({
    type: StatementRef,
    description: 'A store’s own statement for [from, to).',
    authScopes: { customer: true },
    errors: { types: [ValidationError] },
    args: {
      from: t.arg({ type: 'DateTime', required: true }),
      to: t.arg({ type: 'DateTime', required: true }),
    },
    resolve: async (_root, args, ctx) => {
      periodProblems(args.from, args.to);
      if (ctx.viewer.kind !== 'customer') throw new ValidationError('customers only');
      return statementOf(ctx.viewer.customerId, args.from, args.to);
    },
  }),
}));

export { actorOf, money, readableCustomer };
