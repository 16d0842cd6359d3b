import { requireTenantId } from '@wholesail/platform';
import { GraphQLError } from 'graphql';
import { builder } from '../builder';
import { database } from '../db';
import { SkuRef } from './external';

interface BoughtItemRow {
  skuId: string;
  unit: string;
  times: number;
  lastOrderedAt: Date;
  lastQuantity: number;
}

const BoughtItem = builder.objectRef<BoughtItemRow>('BoughtItem').implement({
  description: 'A SKU and unit this store has ordered before (常购清单), most recent first.',
  fields: (t) => ({
    sku: t.field({ type: SkuRef, resolve: (r) => ({ id: r.skuId }) }),
    unit: t.exposeString('unit'),
    timesOrdered: t.exposeInt('times'),
    lastOrderedAt: t.expose('lastOrderedAt', { type: 'DateTime' }),
    lastQuantity: t.exposeInt('lastQuantity'),
  }),
});

builder.queryField('boughtBefore', (t) =>
  t.field({
    type: [BoughtItem],
    description:
      'What the viewing store (or, for staff, `customerId`) has ordered before, newest first; gifts and cancelled or rejected orders left out.',
    args: {
      customerId: t.arg.id({ required: false, description: 'Staff only: whose history.' }),
      limit: t.arg.int({ required: false, defaultValue: 50 }),
    },
    authScopes: { customer: true, staff: true },
    resolve: async (_root, args, ctx) => {
      const viewer = ctx.viewer;
      const customerId = viewer.kind === 'customer' ? viewer.customerId : args.customerId;
      if (!customerId)
        throw new GraphQLError('customerId is required for staff', {
          extensions: { code: 'BAD_USER_INPUT' },
        });
      const limit = Math.min(Math.max(args.limit ?? 50, 1), 200);
      // One grouped statement; raw SQL is not tenant-scoped by the extension, so the tenant is bound here.
      return database.raw().$queryRawUnsafe<BoughtItemRow[]>(
        `SELECT l."skuId", l.unit, count(DISTINCT o.id)::int AS times, max(o."createdAt") AS "lastOrderedAt",
                (array_agg(l.quantity ORDER BY o."createdAt" DESC))[1] AS "lastQuantity"
           FROM "${database.schema}"."OrderLine" l JOIN "${database.schema}"."Order" o ON o.id = l."orderId"
          WHERE o."tenantId" = $1 AND o."customerId" = $2 AND NOT l."isGift"
            AND o.status NOT IN ('CANCELLED', 'REJECTED')
          GROUP BY l."skuId", l.unit ORDER BY max(o."createdAt") DESC LIMIT $3`,
        requireTenantId(),
        customerId,
        limit,
      );
    },
  }),
);
