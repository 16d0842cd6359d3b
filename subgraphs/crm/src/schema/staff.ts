import { loadById, STAFF_ROLES } from '@wholesail/platform';
import { builder } from '../builder';
import { db } from '../db';

export const StaffRoleEnum = builder.enumType('StaffRole', { values: STAFF_ROLES });

export const StaffRef = builder.prismaObject('Staff', {
  description: 'A member of the distributor staff (boss, office, rep, picker, driver, finance).',
  authScopes: { authenticated: true },
  fields: (t) => ({
    id: t.exposeID('id'),
    username: t.exposeString('username'),
    name: t.exposeString('name'),
    phone: t.exposeString('phone', { nullable: true }),
    roles: t.field({ type: [StaffRoleEnum], resolve: (s) => s.roles }),
    active: t.exposeBoolean('active'),
  }),
});

builder.asEntity(StaffRef, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: (ref, ctx) =>
    loadById(ctx, 'crm.staff', (ids) => db().staff.findMany({ where: { id: { in: ids } } }), ref.id),
});

builder.queryField('staffMembers', (t) =>
  t.prismaField({
    type: ['Staff'],
    description: 'Every staff member of the tenant.',
    authScopes: { staff: true },
    resolve: (query) => db().staff.findMany({ ...query, orderBy: { username: 'asc' } }),
  }),
);
