import { loadById } from '@wholesail/platform';
import { builder } from '../builder';
import { db } from '../db';
import { requireStaffOrService, staffOrService } from './access';

export const LocationRef = builder.prismaObject('Location', {
  description: 'A bin (库位): zone / aisle / rack / level / position, code like 1-A-03-09-42.',
  authScopes: staffOrService,
  fields: (t) => ({
    id: t.exposeID('id'),
    zone: t.exposeString('zone'),
    aisle: t.exposeString('aisle'),
    rack: t.exposeString('rack'),
    level: t.exposeString('level'),
    position: t.exposeString('position'),
    code: t.exposeString('code'),
  }),
});

export const WarehouseRef = builder.prismaObject('Warehouse', {
  description: 'A warehouse of the distributor (仓库).',
  authScopes: staffOrService,
  fields: (t) => ({
    id: t.exposeID('id'),
    code: t.exposeString('code'),
    name: t.exposeString('name'),
    nameEn: t.exposeString('nameEn'),
    address: t.exposeString('address'),
    pickingEnabled: t.exposeBoolean('pickingEnabled'),
    locations: t.relation('locations', {
      description: 'Bins in walking order.',
      query: {
        orderBy: [{ zone: 'asc' }, { aisle: 'asc' }, { rack: 'asc' }, { level: 'asc' }, { position: 'asc' }],
      },
    }),
  }),
});

builder.asEntity(WarehouseRef, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: (ref, ctx) => {
    requireStaffOrService(ctx);
    return loadById(
      ctx,
      'warehouse.warehouse',
      (ids) => db().warehouse.findMany({ where: { id: { in: ids } } }),
      ref.id,
    );
  },
});

builder.queryFields((t) => ({
  warehouses: t.prismaField({
    type: ['Warehouse'],
    description: 'Every warehouse of the tenant, by code.',
    authScopes: staffOrService,
    resolve: (query) => db().warehouse.findMany({ ...query, orderBy: { code: 'asc' } }),
  }),
  warehouse: t.prismaField({
    type: 'Warehouse',
    nullable: true,
    authScopes: staffOrService,
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, args) => db().warehouse.findUnique({ ...query, where: { id: args.id } }),
  }),
}));
