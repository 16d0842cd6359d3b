import { builder } from '../builder';
import { db } from '../db';
import { localDay } from '../domain/business-day';

interface OrderStatsShape {
  todayCount: number;
  todayAmountMinor: bigint;
}

const OrderStatsRef = builder.objectRef<OrderStatsShape>('OrderStats').implement({
  description: 'Figures for the dashboard. "Today" is the local day in China (Asia/Shanghai).',
  fields: (t) => ({
    todayCount: t.exposeInt('todayCount', {
      description: 'Orders placed today, not cancelled nor rejected.',
    }),
    todayAmount: t.field({
      type: builder.MoneyRef,
      description: 'Their total.',
      resolve: (s) => ({ minor: s.todayAmountMinor }),
    }),
  }),
});

builder.queryField('orderStats', (t) =>
  t.field({
    type: OrderStatsRef,
    authScopes: { staff: true },
    resolve: async () => {
      const { from, to } = localDay(new Date());
      // One statement: the count and the sum come from the same aggregate.
      const result = await db().order.aggregate({
        where: { createdAt: { gte: from, lt: to }, status: { notIn: ['CANCELLED', 'REJECTED'] } },
        _count: { _all: true },
        _sum: { totalMinor: true },
      });
      return { todayCount: result._count._all, todayAmountMinor: result._sum.totalMinor ?? 0n };
    },
  }),
);
