import type { Prisma } from '../../generated/prisma/client';
import { builder } from '../builder';
import { db } from '../db';
import { orderScopeOf } from './access';
import { OrderStatusEnum } from './enums';

const OrderFilter = builder.inputType('OrderFilter', {
  fields: (t) => ({
    status: t.field({ type: [OrderStatusEnum], required: false, description: 'Any of these statuses.' }),
    customerId: t.id({ required: false }),
    from: t.field({ type: 'DateTime', required: false, description: 'Created at or after (inclusive).' }),
    to: t.field({ type: 'DateTime', required: false, description: 'Created before (exclusive).' }),
  }),
});

type OrderFilterValue = typeof OrderFilter.$inferInput;

function filterWhere(filter: OrderFilterValue | null | undefined): Prisma.OrderWhereInput {
  if (!filter) return {};
  const where: Prisma.OrderWhereInput = {};
  if (filter.status) where.status = { in: filter.status };
  if (filter.customerId) where.customerId = filter.customerId;
  if (filter.from || filter.to) {
    where.createdAt = {
      ...(filter.from ? { gte: filter.from } : {}),
      ...(filter.to ? { lt: filter.to } : {}),
    };
  }
  return where;
}

builder.queryField('orders', (t) =>
  t.prismaConnection(
    {
      type: 'Order',
      cursor: 'id',
      description:
        "Orders the viewer may see, newest first: a store's own; for staff all, for a rep without 店长 its own stores'.",
      authScopes: { authenticated: true },
      args: { filter: t.arg({ type: OrderFilter, required: false }) },
      resolve: async (query, _root, args, ctx) =>
        db().order.findMany({
          ...query,
          where: { AND: [await orderScopeOf(ctx), filterWhere(args.filter)] },
          orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        }),
    },
    { name: 'OrderConnection' },
    { name: 'OrderEdge' },
  ),
);
