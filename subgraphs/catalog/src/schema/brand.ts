import { loadById } from '@wholesail/platform';
import { viewerAccess } from '../access';
import { builder } from '../builder';
import { db } from '../db';
import { brandVisibility } from '../domain/visibility';

export const BrandRef = builder.prismaObject('Brand', {
  description: 'A brand; a restricted brand is seen only by the customers it is authorised for.',
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    nameEn: t.exposeString('nameEn'),
    logoUrl: t.exposeString('logoUrl', { nullable: true }),
    sortOrder: t.exposeInt('sortOrder'),
    restricted: t.exposeBoolean('restricted', {
      authScopes: { staff: true },
      unauthorizedResolver: () => false,
    }),
    authorizedCustomerIds: t.stringList({
      description: 'Staff: the customers a restricted brand is authorised for.',
      authScopes: { staff: true },
      select: { authorizations: { select: { customerId: true }, orderBy: { id: 'asc' } } },
      resolve: (b) => b.authorizations.flatMap((a) => (a.customerId ? [a.customerId] : [])),
    }),
    authorizedLevelIds: t.stringList({
      description: 'Staff: the customer levels a restricted brand is authorised for.',
      authScopes: { staff: true },
      select: { authorizations: { select: { levelId: true }, orderBy: { id: 'asc' } } },
      resolve: (b) => b.authorizations.flatMap((a) => (a.levelId ? [a.levelId] : [])),
    }),
  }),
});

builder.asEntity(BrandRef, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: async (ref, ctx) => {
    const access = await viewerAccess(ctx);
    return loadById(
      ctx,
      'catalog.brand',
      (ids) => db().brand.findMany({ where: { AND: [{ id: { in: ids } }, brandVisibility(access)] } }),
      ref.id,
    );
  },
});

builder.queryField('brands', (t) =>
  t.prismaField({
    type: ['Brand'],
    description: 'Brands the viewer may see, in display order.',
    resolve: async (query, _root, _args, ctx) =>
      db().brand.findMany({
        ...query,
        where: brandVisibility(await viewerAccess(ctx)),
        orderBy: [{ sortOrder: 'asc' }, { id: 'asc' }],
      }),
  }),
);
