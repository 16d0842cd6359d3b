import { type RequestContext, requestLoader } from '@wholesail/platform';
import type { Order } from '../../generated/prisma/client';
import { builder } from '../builder';
import { db } from '../db';
import { groupRecent, MAX_ROWS_PER_BATCH, recentOrdersLimit } from '../domain/recent-orders';
import { canReadCustomerOrders, orderScopeOf } from './access';
import { CustomerRef } from './external';

const NEWEST_FIRST = [{ createdAt: 'desc' as const }, { id: 'desc' as const }];

/**
 * The latest `limit` orders of each customer asked for in the same tick: one query for the batch
 * (see domain/recent-orders.ts for the row cap). `query` carries the nested selections (lines,
 * timeline) so they load with the batch too.
 */
function recentOrders(
  ctx: RequestContext,
  limit: number,
  query: object,
  customerId: string,
): Promise<Order[]> {
  const loaderKey = `orders.recentOrders:${limit}:${JSON.stringify(query)}`;
  return requestLoader<string, Order[]>(ctx, loaderKey, async (customerIds) => {
    if (limit === 0) return customerIds.map(() => []);
    const scope = await orderScopeOf(ctx);
    const rows = await db().order.findMany({
      ...query,
      where: { AND: [{ customerId: { in: [...customerIds] } }, scope] },
      orderBy: NEWEST_FIRST,
      take: MAX_ROWS_PER_BATCH,
    });
    const { groups, incomplete } = groupRecent(customerIds, rows, limit, rows.length === MAX_ROWS_PER_BATCH);
    // Only when the cap cut the batch: each customer left short is loaded on its own, bounded.
    await Promise.all(
      incomplete.map(async (id) => {
        const own = await db().order.findMany({
          ...query,
          where: { AND: [{ customerId: id }, scope] },
          orderBy: NEWEST_FIRST,
          take: limit,
        });
        groups[customerIds.indexOf(id)] = own;
      }),
    );
    return groups;
  }).load(customerId);
}

builder.objectField(CustomerRef, 'recentOrders', (t) =>
  t.prismaField({
    type: ['Order'],
    description:
      'The latest orders of this customer, newest first; for the customer itself, staff and services.',
    args: { limit: t.arg.int({ required: false, defaultValue: 10, description: 'At most 50.' }) },
    authScopes: (customer, _args, ctx) => canReadCustomerOrders(ctx, customer.id),
    resolve: (query, customer, args, ctx) =>
      recentOrders(ctx, recentOrdersLimit(args.limit), query, customer.id),
  }),
);
