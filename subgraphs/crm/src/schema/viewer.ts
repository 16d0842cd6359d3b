import { builder } from '../builder';
import { db } from '../db';
import { StaffRef } from './staff';

export const CustomerUserRef = builder.prismaObject('CustomerUser', {
  description: 'A login of a customer store (a store may have several).',
  fields: (t) => ({
    id: t.exposeID('id'),
    username: t.exposeString('username'),
    name: t.exposeString('name'),
    phone: t.exposeString('phone', { nullable: true }),
    customer: t.relation('customer'),
  }),
});

export const ViewerUnion = builder.unionType('Viewer', {
  description: 'Who is logged in: a staff member or a user of a customer store.',
  types: [StaffRef, CustomerUserRef],
  resolveType: (value) => ('roles' in value ? 'Staff' : 'CustomerUser'),
});

builder.queryField('me', (t) =>
  t.field({
    type: ViewerUnion,
    nullable: true,
    description: 'The logged-in viewer; null without a token.',
    resolve: async (_root, _args, ctx) => {
      const viewer = ctx.viewer;
      if (viewer.kind === 'staff') return db().staff.findUnique({ where: { id: viewer.staffId } });
      if (viewer.kind === 'customer')
        return db().customerUser.findUnique({ where: { id: viewer.customerUserId } });
      return null;
    },
  }),
);
