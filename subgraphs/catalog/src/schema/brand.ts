import { loadById } from '@wholesail/platform';
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
  }),
});

builder.asEntity(BrandRef, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: (ref, ctx) =>
    loadById(
      ctx,
      'catalog.brand',
      (ids) => db().brand.findMany({ where: { AND: [{ id: { in: ids } }, brandVisibility(ctx.viewer)] } }),
      ref.id,
    ),
});

builder.queryField('brands', (t) =>
  t.prismaField({
    type: ['Brand'],
    description: 'Brands the viewer may see, in display order.',
    resolve: (query, _root, _args, ctx) =>
      db().brand.findMany({
        ...query,
        where: brandVisibility(ctx.viewer),
        orderBy: [{ sortOrder: 'asc' }, { id: 'asc' }],
      }),
  }),
);
