import { loadById } from '@wholesail/platform';
import { builder } from '../builder';
import { db } from '../db';
import { mayReadOrder, orderScopeOf, requireSignedIn } from './access';
import { OrderChannelEnum, OrderStatusEnum } from './enums';
import { CustomerRef, SkuRef } from './external';

export const OrderLineRef = builder.prismaObject('OrderLine', {
  description: 'A line of an order, in a sale unit of the Sku (瓶, 箱 = factor base units).',
  fields: (t) => ({
    id: t.exposeID('id'),
    sku: t.field({ type: SkuRef, nullable: true, resolve: (line) => ({ id: line.skuId }) }),
    unit: t.exposeString('unit'),
    factor: t.exposeInt('factor', { description: 'Base units per sale unit.' }),
    quantity: t.exposeInt('quantity', { description: 'In sale units.' }),
    unitPrice: t.field({ type: builder.MoneyRef, resolve: (line) => ({ minor: line.unitPriceMinor }) }),
    priceSource: t.exposeString('priceSource', {
      description: 'Where the unit price came from (level, customer, ...).',
    }),
    amount: t.field({ type: builder.MoneyRef, resolve: (line) => ({ minor: line.amountMinor }) }),
    isGift: t.exposeBoolean('isGift'),
    levelPrice: t.field({
      type: builder.MoneyRef,
      nullable: true,
      description: "The store's level price of one unit when ordered (a typed price is held to it).",
      resolve: (line) => (line.levelPriceMinor == null ? null : { minor: line.levelPriceMinor }),
    }),
  }),
});

export const OrderEventRef = builder.prismaObject('OrderEvent', {
  description: "An entry of the order's timeline: who did what when.",
  fields: (t) => ({
    id: t.exposeID('id'),
    type: t.exposeString('type'),
    fromStatus: t.field({ type: OrderStatusEnum, nullable: true, resolve: (e) => e.fromStatus }),
    toStatus: t.field({ type: OrderStatusEnum, nullable: true, resolve: (e) => e.toStatus }),
    actorKind: t.exposeString('actorKind'),
    actorId: t.exposeString('actorId'),
    note: t.exposeString('note'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

export const OrderRef = builder.prismaObject('Order', {
  description: 'An order of a customer store.',
  authScopes: (order, ctx) => mayReadOrder(ctx, order),
  fields: (t) => ({
    id: t.exposeID('id'),
    number: t.exposeString('number'),
    status: t.field({ type: OrderStatusEnum, resolve: (o) => o.status }),
    channel: t.field({ type: OrderChannelEnum, resolve: (o) => o.channel }),
    total: t.field({ type: builder.MoneyRef, resolve: (o) => ({ minor: o.totalMinor }) }),
    rush: t.exposeBoolean('rush'),
    reviewStage: t.exposeString('reviewStage', {
      description: 'BUSINESS (业务审核 next), FINANCE (财务审核 next) or DONE.',
    }),
    priceApproval: t.exposeString('priceApproval', {
      description: 'NONE, PENDING (a price below the level price waits for the boss: 特价审批) or APPROVED.',
    }),
    note: t.exposeString('note'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    customer: t.field({ type: CustomerRef, nullable: true, resolve: (o) => ({ id: o.customerId }) }),
    lines: t.relation('lines', { query: { orderBy: { id: 'asc' } } }),
    timeline: t.relation('timeline', { query: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] } }),
  }),
});

builder.asEntity(OrderRef, {
  key: builder.selection<{ id: string }>('id'),
  // Another customer's order resolves to null, as an unknown id does.
  resolveReference: (ref, ctx) => {
    requireSignedIn(ctx);
    return loadById(
      ctx,
      'orders.order',
      async (ids) => db().order.findMany({ where: { AND: [{ id: { in: ids } }, await orderScopeOf(ctx)] } }),
      ref.id,
    );
  },
});

builder.queryField('order', (t) =>
  t.prismaField({
    type: 'Order',
    nullable: true,
    description: 'An order by id; null when it does not exist or the viewer may not see it.',
    authScopes: { authenticated: true },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (query, _root, args, ctx) =>
      db().order.findFirst({ ...query, where: { AND: [{ id: args.id }, await orderScopeOf(ctx)] } }),
  }),
);
