import { builder } from '../builder';
import { db } from '../db';
import {
  mayViewCustomerRoute,
  mayViewRoute,
  requireTenantViewer,
  routeById,
  staffOrService,
  stopOfCustomer,
} from './access';
import { CustomerRef, WarehouseRef } from './external';

export const RouteStopRef = builder.prismaObject('RouteStop', {
  description: 'A customer on a route, in delivery order.',
  authScopes: staffOrService,
  fields: (t) => ({
    id: t.exposeID('id'),
    position: t.exposeInt('position'),
    customer: t.field({ type: CustomerRef, nullable: true, resolve: (stop) => ({ id: stop.customerId }) }),
  }),
});

export const RouteRef = builder.prismaObject('Route', {
  description: 'A delivery route (配送线路): the customers a trip serves, in order, from one warehouse.',
  authScopes: (route, ctx) => mayViewRoute(ctx, route.id),
  fields: (t) => ({
    id: t.exposeID('id'),
    code: t.exposeString('code'),
    name: t.exposeString('name'),
    nameEn: t.exposeString('nameEn'),
    sortOrder: t.exposeInt('sortOrder'),
    warehouse: t.field({
      type: WarehouseRef,
      nullable: true,
      description: 'The warehouse the route departs from.',
      resolve: (route) => ({ id: route.warehouseId }),
    }),
    stops: t.relation('stops', {
      description: 'The customers on the route, in delivery order. Staff only.',
      authScopes: staffOrService,
      query: { orderBy: [{ position: 'asc' }, { id: 'asc' }] },
    }),
  }),
});

builder.asEntity(RouteRef, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: async (ref, ctx) => {
    requireTenantViewer(ctx);
    // A customer asking for a route that is not its own gets null, as for an unknown id.
    if (!(await mayViewRoute(ctx, ref.id))) return null;
    return routeById(ctx, ref.id);
  },
});

builder.objectField(CustomerRef, 'route', (t) =>
  t.field({
    type: RouteRef,
    nullable: true,
    description: 'The route that delivers to this customer; staff, or the customer itself.',
    authScopes: (customer, _args, ctx) => mayViewCustomerRoute(ctx, customer.id),
    resolve: async (customer, _args, ctx) => {
      const stop = await stopOfCustomer(ctx, customer.id);
      return stop ? routeById(ctx, stop.routeId) : null;
    },
  }),
);

builder.queryFields((t) => ({
  routes: t.prismaField({
    type: ['Route'],
    description: 'Every route of the tenant, in sort order.',
    authScopes: staffOrService,
    resolve: (query) => db().route.findMany({ ...query, orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }] }),
  }),
  route: t.prismaField({
    type: 'Route',
    nullable: true,
    authScopes: staffOrService,
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, args) => db().route.findUnique({ ...query, where: { id: args.id } }),
  }),
}));
