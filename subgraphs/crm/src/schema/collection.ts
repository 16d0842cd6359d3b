import { assertValid, type InputProblem, loadById, ValidationError } from '@wholesail/platform';
import { builder } from '../builder';
import { db } from '../db';
import { moneyIn } from '../domain/credit';
import { lockAccount, post, TX_OPTIONS } from '../ledger';
import { customerScope } from './access';
import { actorOf, amountProblem, money, readableCustomer } from './credit';
import { StaffRef } from './staff';

export const CollectionMethodEnum = builder.enumType('CollectionMethod', {
  values: ['CASH', 'TRANSFER', 'WECHAT', 'ALIPAY', 'OTHER'] as const,
});

export const CollectionStatusEnum = builder.enumType('CollectionStatus', {
  values: ['SUBMITTED', 'CONFIRMED', 'REJECTED'] as const,
});

const staffById = (ctx: Parameters<typeof loadById>[0], id: string | null) =>
  id ? loadById(ctx, 'crm.staff', (ids) => db().staff.findMany({ where: { id: { in: ids } } }), id) : null;

export const CollectionRef = builder.prismaObject('Collection', {
  description:
    '收款: money a rep or the office collected from a store, with proof; it lowers the receivable ' +
    'only once finance confirms it.',
  authScopes: { staff: true },
  fields: (t) => ({
    id: t.exposeID('id'),
    customer: t.relation('customer'),
    amount: t.field({ type: builder.MoneyRef, resolve: (c) => money(c.amountMinor) }),
    method: t.field({ type: CollectionMethodEnum, resolve: (c) => c.method }),
    proofImageUrl: t.exposeString('proofImageUrl', { nullable: true }),
    orderIds: t.exposeIDList('orderIds', { description: 'orders.Order ids the money is for.' }),
    note: t.exposeString('note', { nullable: true }),
    status: t.field({ type: CollectionStatusEnum, resolve: (c) => c.status }),
    submittedBy: t.field({
      type: StaffRef,
      nullable: true,
      resolve: (c, _args, ctx) => staffById(ctx, c.submittedById),
    }),
    submittedAt: t.expose('submittedAt', { type: 'DateTime' }),
    decidedBy: t.field({
      type: StaffRef,
      nullable: true,
      resolve: (c, _args, ctx) => staffById(ctx, c.decidedById),
    }),
    decidedAt: t.expose('decidedAt', { type: 'DateTime', nullable: true }),
    rejectReason: t.exposeString('rejectReason', { nullable: true }),
  }),
});

const SubmitCollectionInput = builder.inputType('SubmitCollectionInput', {
  fields: (t) => ({
    customerId: t.id({ required: true }),
    amount: t.field({ type: 'Decimal', required: true, description: 'Yuan, e.g. "1200.00".' }),
    method: t.field({ type: CollectionMethodEnum, required: true }),
    proofImageUrl: t.string({ description: 'Photo of the receipt or transfer; required unless CASH.' }),
    orderIds: t.idList({ description: 'orders.Order ids the money is for.' }),
    note: t.string(),
  }),
});

builder.mutationField('submitCollection', (t) =>
  t.prismaField({
    type: 'Collection',
    description:
      'A rep (for their own stores, any store with the store-manager tag) or the office records money ' +
      'collected from a store; it waits for finance.',
    authScopes: { role: ['REP', 'STORE_MANAGER', 'OFFICE', 'BOSS'] },
    errors: { types: [ValidationError] },
    args: { input: t.arg({ type: SubmitCollectionInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const problems: InputProblem[] = [];
      const amount = amountProblem(input.amount, 'amount', problems);
      const proof = input.proofImageUrl?.trim() || null;
      if (proof && (proof.length > 1000 || !/^(https?:\/\/|\/)\S+$/.test(proof)))
        problems.push({ field: 'proofImageUrl', message: '图片地址无效 (not an image URL)' });
      if (!proof && input.method !== 'CASH')
        problems.push({ field: 'proofImageUrl', message: '请上传凭证 (a proof image is required)' });
      const orderIds = [...new Set((input.orderIds ?? []).map((o) => o.trim()).filter(Boolean))];
      if (orderIds.length > 100) problems.push({ field: 'orderIds', message: 'at most 100 orders' });
      if (input.note && input.note.length > 500)
        problems.push({ field: 'note', message: '备注最多 500 字 (at most 500 characters)' });
      try {
        await readableCustomer(ctx, input.customerId);
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        problems.push(...error.problems);
      }
      assertValid(problems);
      return db().collection.create({
        ...query,
        data: {
          customerId: input.customerId,
          amountMinor: amount!,
          method: input.method,
          proofImageUrl: proof,
          orderIds,
          note: input.note?.trim() || null,
          submittedById: actorOf(ctx) ?? 'unknown',
        },
      } as never);
    },
  }),
);

class CollectionNotPending extends ValidationError {}

async function decide(
  id: string,
  staffId: string,
  decision: { status: 'CONFIRMED' } | { status: 'REJECTED'; reason: string },
) {
  return db().$transaction(async (tx) => {
    const changed = await tx.collection.updateMany({
      where: { id, status: 'SUBMITTED' },
      data: {
        status: decision.status,
        decidedById: staffId,
        decidedAt: new Date(),
        rejectReason: decision.status === 'REJECTED' ? decision.reason : null,
      },
    });
    const row = await tx.collection.findFirst({ where: { id } });
    if (!row)
      throw new ValidationError('没有这笔收款 (no such collection)', [{ field: 'id', message: 'unknown' }]);
    if (changed.count === 0)
      throw new CollectionNotPending(
        `这笔收款已${row.status === 'CONFIRMED' ? '确认' : '驳回'} (already ${row.status.toLowerCase()})`,
        [{ field: 'id', message: `the collection is ${row.status}` }],
        'COLLECTION_NOT_PENDING',
      );
    if (decision.status === 'CONFIRMED') {
      const account = await lockAccount(tx, row.customerId);
      await post(tx, account, [
        {
          kind: 'PAYMENT',
          key: `PAYMENT:${row.id}`,
          amount: row.amountMinor,
          deltas: moneyIn(account, row.amountMinor),
          collectionId: row.id,
          orderId: row.orderIds.length === 1 ? row.orderIds[0] : null,
          note: row.note,
          actor: staffId,
        },
      ]);
    }
    return row.id;
  }, TX_OPTIONS);
}

builder.mutationFields((t) => ({
  confirmCollection: t.prismaField({
    type: 'Collection',
    description: 'Finance: the money arrived; a PAYMENT entry lowers the receivable (any excess is prepaid).',
    authScopes: { role: ['FINANCE', 'BOSS'] },
    errors: { types: [ValidationError] },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (query, _root, { id }, ctx) => {
      const collectionId = await decide(id, actorOf(ctx) ?? 'unknown', { status: 'CONFIRMED' });
      return db().collection.findUniqueOrThrow({ ...query, where: { id: collectionId } });
    },
  }),
  rejectCollection: t.prismaField({
    type: 'Collection',
    description: 'Finance: the money did not arrive (or the proof is wrong); nothing changes in the ledger.',
    authScopes: { role: ['FINANCE', 'BOSS'] },
    errors: { types: [ValidationError] },
    args: { id: t.arg.id({ required: true }), reason: t.arg.string({ required: true }) },
    resolve: async (query, _root, { id, reason }, ctx) => {
      const text = reason.trim();
      if (!text || text.length > 500)
        throw new ValidationError('请填写驳回原因 (a reason of at most 500 characters)', [
          { field: 'reason', message: 'a reason is required' },
        ]);
      const collectionId = await decide(id, actorOf(ctx) ?? 'unknown', { status: 'REJECTED', reason: text });
      return db().collection.findUniqueOrThrow({ ...query, where: { id: collectionId } });
    },
  }),
}));

const CollectionFilter = builder.inputType('CollectionFilter', {
  fields: (t) => ({
    customerId: t.id(),
    status: t.field({ type: CollectionStatusEnum }),
    from: t.field({ type: 'DateTime', description: 'Submitted at or after.' }),
    to: t.field({ type: 'DateTime', description: 'Submitted before.' }),
  }),
});

builder.queryField('collections', (t) =>
  t.prismaConnection({
    type: 'Collection',
    cursor: 'id',
    description: 'Staff: collections, newest first (reps see their own stores’).',
    authScopes: { staff: true },
    args: { filter: t.arg({ type: CollectionFilter, required: false }) },
    resolve: (query, _root, { filter }, ctx) =>
      db().collection.findMany({
        ...query,
        where: {
          customer: customerScope(ctx),
          ...(filter?.customerId ? { customerId: filter.customerId } : {}),
          ...(filter?.status ? { status: filter.status } : {}),
          ...(filter?.from || filter?.to
            ? {
                submittedAt: {
                  ...(filter.from ? { gte: filter.from } : {}),
                  ...(filter.to ? { lt: filter.to } : {}),
                },
              }
            : {}),
        },
        orderBy: [{ submittedAt: 'desc' }, { id: 'desc' }],
      }),
  }),
);
