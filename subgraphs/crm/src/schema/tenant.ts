import { requireTenantId } from '@wholesail/platform';
import { builder } from '../builder';
import { database } from '../db';

export const ReceivableOnEnum = builder.enumType('ReceivableOn', {
  description: 'When an order’s held credit turns into receivable (应收).',
  values: ['APPROVED', 'SHIPPED'] as const,
});

export const TenantRef = builder.prismaObject('Tenant', {
  description: 'A distributor using Wholesail. Its public card: what a visitor may know before logging in.',
  fields: (t) => ({
    id: t.exposeID('id'),
    slug: t.exposeString('slug'),
    name: t.exposeString('name'),
    guestBrowsing: t.exposeBoolean('guestBrowsing', { description: 'Visitors may browse without a login.' }),
    receivableOn: t.field({
      type: ReceivableOnEnum,
      description: 'When an order becomes receivable: on approval or on shipping.',
      authScopes: { staff: true },
      resolve: (tenant) => tenant.receivableOn,
    }),
  }),
});

builder.queryFields((t) => ({
  publicTenant: t.prismaField({
    type: 'Tenant',
    nullable: true,
    description: 'A distributor by its slug (e.g. "demo"), for login pages and guest browsing.',
    args: { slug: t.arg.string({ required: true }) },
    resolve: (query, _root, args) =>
      database.raw().tenant.findUnique({ ...query, where: { slug: args.slug.trim().toLowerCase() } }),
  }),
  tenant: t.prismaField({
    type: 'Tenant',
    description: "The viewer's own distributor.",
    authScopes: { authenticated: true },
    resolve: (query) =>
      database.raw().tenant.findUniqueOrThrow({ ...query, where: { id: requireTenantId() } }),
  }),
}));

builder.mutationField('updateTenantSettings', (t) =>
  t.prismaField({
    type: 'Tenant',
    description: 'Boss: switch tenant-wide settings.',
    authScopes: { role: 'BOSS' },
    args: {
      guestBrowsing: t.arg.boolean({ required: false }),
      receivableOn: t.arg({ type: ReceivableOnEnum, required: false }),
    },
    resolve: (query, _root, args) =>
      database.raw().tenant.update({
        ...query,
        where: { id: requireTenantId() },
        data: {
          ...(args.guestBrowsing == null ? {} : { guestBrowsing: args.guestBrowsing }),
          ...(args.receivableOn == null ? {} : { receivableOn: args.receivableOn }),
        },
      }),
  }),
);
