import { builder } from '../builder';
import { db } from '../db';
import { staffOrService } from './access';

export const VehicleRef = builder.prismaObject('Vehicle', {
  description: 'A delivery vehicle.',
  authScopes: staffOrService,
  fields: (t) => ({
    id: t.exposeID('id'),
    plate: t.exposeString('plate'),
    name: t.exposeString('name'),
  }),
});

builder.queryField('vehicles', (t) =>
  t.prismaField({
    type: ['Vehicle'],
    description: 'Every vehicle of the tenant, by plate.',
    authScopes: staffOrService,
    resolve: (query) => db().vehicle.findMany({ ...query, orderBy: { plate: 'asc' } }),
  }),
);
