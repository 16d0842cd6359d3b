import { loadById } from '@wholesail/platform';
import { builder } from '../builder';
import { db } from '../db';

export const CategoryRef = builder.prismaObject('Category', {
  description: 'A node of the category tree (three levels).',
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    nameEn: t.exposeString('nameEn'),
    depth: t.exposeInt('depth'),
    sortOrder: t.exposeInt('sortOrder'),
    parent: t.relation('parent', { nullable: true }),
    children: t.relation('children', { query: { orderBy: [{ sortOrder: 'asc' }, { id: 'asc' }] } }),
  }),
});

builder.asEntity(CategoryRef, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: (ref, ctx) =>
    loadById(
      ctx,
      'catalog.category',
      (ids) => db().category.findMany({ where: { id: { in: ids } } }),
      ref.id,
    ),
});

builder.queryField('categories', (t) =>
  t.prismaField({
    type: ['Category'],
    description: 'The top level of the category tree; walk `children` for the rest.',
    args: {
      parentId: t.arg.id({
        required: false,
        description: 'Children of this category instead of the top level.',
      }),
    },
    resolve: (query, _root, args) =>
      db().category.findMany({
        ...query,
        where: { parentId: args.parentId ?? null },
        orderBy: [{ sortOrder: 'asc' }, { id: 'asc' }],
      }),
  }),
);
