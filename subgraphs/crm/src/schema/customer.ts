import { loadById } from '@wholesail/platform';
import { builder } from '../builder';
import { db } from '../db';
import { canReadCustomer, customerScope } from './access';

export const CustomerStatusEnum = builder.enumType('CustomerStatus', {
  values: ['PENDING', 'ACTIVE', 'SUSPENDED'] as const,
});

export const CustomerLevelRef = builder.prismaObject('CustomerLevel', {
  description: 'A customer level (客户等级); level prices hang off it in the pricing subgraph.',
  fields: (t) => ({
    id: t.exposeID('id'),
    code: t.exposeString('code'),
    name: t.exposeString('name'),
    nameEn: t.exposeString('nameEn'),
    rank: t.exposeInt('rank'),
  }),
});

export const CustomerRef = builder.prismaObject('Customer', {
  description: 'A retail store buying from the distributor (零售门店).',
  authScopes: (customer, ctx) => canReadCustomer(ctx, customer),
  fields: (t) => ({
    id: t.exposeID('id'),
    code: t.exposeString('code'),
    name: t.exposeString('name'),
    contactName: t.exposeString('contactName'),
    phone: t.exposeString('phone'),
    address: t.exposeString('address'),
    latitude: t.exposeFloat('latitude', { nullable: true }),
    longitude: t.exposeFloat('longitude', { nullable: true }),
    status: t.field({ type: CustomerStatusEnum, resolve: (c) => c.status }),
    level: t.relation('level'),
    ownerRep: t.relation('ownerRep', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

builder.asEntity(CustomerRef, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: (ref, ctx) =>
    loadById(ctx, 'crm.customer', (ids) => db().customer.findMany({ where: { id: { in: ids } } }), ref.id),
});

builder.queryFields((t) => ({
  customer: t.prismaField({
    type: 'Customer',
    nullable: true,
    authScopes: { authenticated: true },
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, args, ctx) =>
      db().customer.findFirst({ ...query, where: { AND: [{ id: args.id }, customerScope(ctx)] } }),
  }),
  customers: t.prismaConnection({
    type: 'Customer',
    cursor: 'id',
    description: 'Customers the viewer may see: all for office and boss, their own for reps.',
    authScopes: { staff: true },
    args: { search: t.arg.string({ required: false }) },
    resolve: (query, _root, args, ctx) =>
      db().customer.findMany({
        ...query,
        where: {
          AND: [
            customerScope(ctx),
            args.search
              ? {
                  OR: [
                    { name: { contains: args.search, mode: 'insensitive' } },
                    { code: { contains: args.search, mode: 'insensitive' } },
                    { phone: { contains: args.search } },
                  ],
                }
              : {},
          ],
        },
        orderBy: { code: 'asc' },
      }),
  }),
  customerLevels: t.prismaField({
    type: ['CustomerLevel'],
    authScopes: { staff: true },
    resolve: (query) => db().customerLevel.findMany({ ...query, orderBy: { rank: 'asc' } }),
  }),
}));
