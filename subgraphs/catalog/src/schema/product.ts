import { queryFromInfo } from '@pothos/plugin-prisma';
import { resolveOffsetConnection } from '@pothos/plugin-relay';
import { loadById, type RequestContext, requireTenantId } from '@wholesail/platform';
import type { GraphQLResolveInfo } from 'graphql';
import { viewerAccess } from '../access';
import { builder } from '../builder';
import { db } from '../db';
import { productVisibility } from '../domain/visibility';
import { BrandRef } from './brand';
import { CategoryRef } from './category';
import {
  brandFacetSql,
  categoryFacetSql,
  type ProductListQuery,
  type ProductSort,
  productPageSql,
} from './product-query';

export const ProductTagEnum = builder.enumType('ProductTag', {
  values: {
    NEW: { value: 'new' },
    HOT: { value: 'hot' },
    NEAR_EXPIRY: { value: 'near-expiry' },
    SLOW: { value: 'slow' },
    CLEARANCE: { value: 'clearance' },
  },
});

export const ProductRef = builder.prismaObject('Product', {
  description: 'A product (SPU) with its SKUs.',
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    nameEn: t.exposeString('nameEn'),
    pinyin: t.exposeString('pinyin', { description: 'Pinyin initials of the name (可口可乐 -> kkkl).' }),
    description: t.exposeString('description'),
    images: t.exposeStringList('images'),
    videoUrl: t.exposeString('videoUrl', { nullable: true }),
    tags: t.field({ type: [ProductTagEnum], resolve: (p) => p.tags.filter(isTag) }),
    onShelf: t.exposeBoolean('onShelf'),
    sortOrder: t.exposeInt('sortOrder'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    brand: t.relation('brand'),
    category: t.relation('category'),
    skus: t.relation('skus', { query: { orderBy: [{ sortOrder: 'asc' }, { id: 'asc' }] } }),
  }),
});

const TAGS = new Set(['new', 'hot', 'near-expiry', 'slow', 'clearance']);
function isTag(tag: string): tag is 'new' {
  return TAGS.has(tag);
}

builder.asEntity(ProductRef, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: async (ref, ctx) => {
    const access = await viewerAccess(ctx);
    return loadById(
      ctx,
      'catalog.product',
      (ids) => db().product.findMany({ where: { AND: [{ id: { in: ids } }, productVisibility(access)] } }),
      ref.id,
    );
  },
});

export const ProductSortEnum = builder.enumType('ProductSort', {
  values: {
    DEFAULT: {
      description:
        'The catalog order; with a search, by relevance (barcode, then name or pinyin prefix, then contains).',
    },
    NEWEST: { description: 'Newest first.' },
    NAME: { description: 'By Chinese name.' },
    PRICE_ASC: {
      description: 'By the lowest base wholesale price of its SKUs, cheapest first (unpriced last).',
    },
    PRICE_DESC: {
      description: 'By the lowest base wholesale price of its SKUs, dearest first (unpriced last).',
    },
    BEST_SELLING: { description: 'By quantity ordered (base units), most first.' },
  } as const,
});

export const ProductFilter = builder.inputType('ProductFilter', {
  fields: (t) => ({
    search: t.string({ description: 'Name (Chinese or English), pinyin initials (kkkl) or barcode.' }),
    categoryId: t.id({ description: 'This category and everything below it.' }),
    brandId: t.id(),
    tags: t.field({ type: [ProductTagEnum] }),
    inStock: t.boolean({
      description:
        'Only products with a SKU available (true) or none (false): for a customer in its warehouse, for staff in any warehouse or in `warehouseId`.',
    }),
    warehouseId: t.id({
      description: 'Staff: the warehouse `inStock` looks at (customers always get their own).',
    }),
  }),
});

interface BrandFacetRow {
  productCount: number;
  [column: string]: unknown;
}

const BrandFacetRef = builder.objectRef<BrandFacetRow>('BrandFacet').implement({
  fields: (t) => ({
    brand: t.field({ type: BrandRef, resolve: (row) => row as never }),
    count: t.int({ resolve: (row) => row.productCount }),
  }),
});
const CategoryFacetRef = builder.objectRef<BrandFacetRow>('CategoryFacet').implement({
  description: 'A category holding matching products at or below it, with their number.',
  fields: (t) => ({
    category: t.field({ type: CategoryRef, resolve: (row) => row as never }),
    count: t.int({ resolve: (row) => row.productCount }),
  }),
});

const ProductFacetsRef = builder.objectRef<ProductListQuery>('ProductFacets').implement({
  description:
    'Counts of the products the viewer may see that match the other filters: each facet ignores its own filter, so the UI can switch.',
  fields: (t) => ({
    brands: t.field({
      type: [BrandFacetRef],
      resolve: (q) => {
        const { sql, params } = brandFacetSql(q);
        return db().$queryRawUnsafe<BrandFacetRow[]>(sql, ...params);
      },
    }),
    categories: t.field({
      type: [CategoryFacetRef],
      resolve: (q) => {
        const { sql, params } = categoryFacetSql(q);
        return db().$queryRawUnsafe<BrandFacetRow[]>(sql, ...params);
      },
    }),
  }),
});

/** Loads products by id in the given order, with the nested selection of `path` in one query. */
export async function productsInOrder(
  ctx: RequestContext,
  info: GraphQLResolveInfo,
  ids: readonly string[],
  path: string[],
) {
  if (ids.length === 0) return [];
  const query = queryFromInfo({ context: ctx, info, typeName: 'Product', path });
  const rows = await db().product.findMany({ ...(query as object), where: { id: { in: [...ids] } } });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** Ids of one page of a product list, in order. */
export async function productIdsPage(q: ProductListQuery, offset: number, limit: number): Promise<string[]> {
  const { sql, params } = productPageSql(q, offset, limit);
  const rows = await db().$queryRawUnsafe<{ id: string }[]>(sql, ...params);
  return rows.map((r) => r.id);
}

builder.queryFields((t) => ({
  product: t.prismaField({
    type: 'Product',
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: async (query, _root, args, ctx) =>
      db().product.findFirst({
        ...query,
        where: { AND: [{ id: args.id }, productVisibility(await viewerAccess(ctx))] },
      }),
  }),
  products: t.connection(
    {
      type: ProductRef,
      description:
        'Products the viewer may see (on shelf, authorised brands for customers), filtered, sorted and paginated, with facets.',
      args: {
        filter: t.arg({ type: ProductFilter, required: false }),
        sort: t.arg({ type: ProductSortEnum, required: false, defaultValue: 'DEFAULT' }),
      },
      resolve: async (_root, args, ctx, info) => {
        const q: ProductListQuery = {
          tenantId: requireTenantId(),
          access: await viewerAccess(ctx),
          filter: args.filter,
          sort: (args.sort ?? 'DEFAULT') as ProductSort,
        };
        const connection = await resolveOffsetConnection(
          { args, defaultSize: 20, maxSize: 100 },
          async ({ offset, limit }) =>
            productsInOrder(ctx, info, await productIdsPage(q, offset, limit), ['edges', 'node']),
        );
        return Object.assign(connection, { listQuery: q });
      },
    },
    {
      name: 'QueryProductsConnection',
      fields: (c) => ({
        facets: c.field({
          type: ProductFacetsRef,
          resolve: (conn) => (conn as unknown as { listQuery: ProductListQuery }).listQuery,
        }),
      }),
    },
  ),
}));
