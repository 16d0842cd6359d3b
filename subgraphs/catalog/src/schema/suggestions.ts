import { loadById, requireTenantId } from '@wholesail/platform';
import { viewerAccess } from '../access';
import { builder } from '../builder';
import { db } from '../db';
import { normaliseSearch } from '../domain/visibility';
import { BrandRef } from './brand';
import { CategoryRef } from './category';
import { ProductRef } from './product';
import { type SuggestionRow, suggestionSql } from './product-query';

export const SuggestionKindEnum = builder.enumType('SearchSuggestionKind', {
  values: ['BRAND', 'CATEGORY', 'PRODUCT'] as const,
});

const KIND_ORDER = { BRAND: 0, CATEGORY: 1, PRODUCT: 2 } as const;

const SuggestionRef = builder.objectRef<SuggestionRow>('SearchSuggestion').implement({
  description: 'One line of instant search: a brand, a category or a product matching what was typed.',
  fields: (t) => ({
    kind: t.field({ type: SuggestionKindEnum, resolve: (r) => r.kind }),
    id: t.exposeID('id'),
    text: t.exposeString('name', { description: 'What to show (Chinese name).' }),
    textEn: t.exposeString('nameEn'),
    product: t.field({
      type: ProductRef,
      nullable: true,
      resolve: (r, _a, ctx) =>
        r.kind !== 'PRODUCT'
          ? null
          : loadById(
              ctx,
              'catalog.suggestion.product',
              (ids) => db().product.findMany({ where: { id: { in: ids } } }),
              r.id,
            ),
    }),
    brand: t.field({
      type: BrandRef,
      nullable: true,
      resolve: (r, _a, ctx) =>
        r.kind !== 'BRAND'
          ? null
          : loadById(
              ctx,
              'catalog.suggestion.brand',
              (ids) => db().brand.findMany({ where: { id: { in: ids } } }),
              r.id,
            ),
    }),
    category: t.field({
      type: CategoryRef,
      nullable: true,
      resolve: (r, _a, ctx) =>
        r.kind !== 'CATEGORY'
          ? null
          : loadById(
              ctx,
              'catalog.suggestion.category',
              (ids) => db().category.findMany({ where: { id: { in: ids } } }),
              r.id,
            ),
    }),
  }),
});

builder.queryField('searchSuggestions', (t) =>
  t.field({
    type: [SuggestionRef],
    description:
      'Instant search while typing: brands, categories and products the viewer may see whose name, English name or pinyin initials match (products also by barcode), best first.',
    args: {
      text: t.arg.string({ required: true }),
      first: t.arg.int({ required: false, defaultValue: 8 }),
    },
    resolve: async (_root, args, ctx) => {
      if (!normaliseSearch(args.text)) return [];
      const first = Math.min(Math.max(args.first ?? 8, 1), 20);
      const { sql, params } = suggestionSql(
        { tenantId: requireTenantId(), access: await viewerAccess(ctx) },
        args.text.slice(0, 64),
        first,
      );
      const rows = await db().$queryRawUnsafe<SuggestionRow[]>(sql, ...params);
      return rows
        .sort(
          (a, b) =>
            a.tier - b.tier ||
            KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
            a.sortOrder - b.sortOrder ||
            (a.id < b.id ? -1 : 1),
        )
        .slice(0, first);
    },
  }),
);
