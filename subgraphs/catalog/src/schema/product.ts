import { loadById } from '@wholesail/platform';
import { builder } from '../builder';
import { db } from '../db';
import { normaliseSearch, productVisibility } from '../domain/visibility';

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
  resolveReference: (ref, ctx) =>
    loadById(
      ctx,
      'catalog.product',
      (ids) =>
        db().product.findMany({ where: { AND: [{ id: { in: ids } }, productVisibility(ctx.viewer)] } }),
      ref.id,
    ),
});

export const ProductSortEnum = builder.enumType('ProductSort', {
  values: ['DEFAULT', 'NEWEST', 'NAME'] as const,
});

export const ProductFilter = builder.inputType('ProductFilter', {
  fields: (t) => ({
    search: t.string({ description: 'Name (Chinese or English), pinyin initials (kkkl) or barcode.' }),
    categoryId: t.id({ description: 'This category and everything below it.' }),
    brandId: t.id(),
    tags: t.field({ type: [ProductTagEnum] }),
  }),
});

export function productWhere(
  filter:
    | { search?: string | null; categoryId?: string | null; brandId?: string | null; tags?: string[] | null }
    | null
    | undefined,
) {
  const and: Record<string, unknown>[] = [];
  const search = filter?.search ? normaliseSearch(filter.search) : null;
  if (search) {
    and.push({
      OR: [
        { name: { contains: search.text, mode: 'insensitive' } },
        { nameEn: { contains: search.text, mode: 'insensitive' } },
        { pinyin: { startsWith: search.compact } },
        { skus: { some: { barcodes: { some: { barcode: search.compact } } } } },
      ],
    });
  }
  if (filter?.categoryId) {
    const id = filter.categoryId;
    and.push({
      OR: [{ categoryId: id }, { category: { parentId: id } }, { category: { parent: { parentId: id } } }],
    });
  }
  if (filter?.brandId) and.push({ brandId: filter.brandId });
  if (filter?.tags?.length) and.push({ tags: { hasSome: filter.tags } });
  return and;
}

builder.queryFields((t) => ({
  product: t.prismaField({
    type: 'Product',
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, args, ctx) =>
      db().product.findFirst({ ...query, where: { AND: [{ id: args.id }, productVisibility(ctx.viewer)] } }),
  }),
  products: t.prismaConnection({
    type: 'Product',
    cursor: 'id',
    description: 'Products the viewer may see (on shelf, authorised brands for customers), paginated.',
    args: {
      filter: t.arg({ type: ProductFilter, required: false }),
      sort: t.arg({ type: ProductSortEnum, required: false, defaultValue: 'DEFAULT' }),
    },
    resolve: (query, _root, args, ctx) =>
      db().product.findMany({
        ...query,
        where: { AND: [productVisibility(ctx.viewer), ...productWhere(args.filter)] },
        orderBy:
          args.sort === 'NEWEST'
            ? [{ createdAt: 'desc' }, { id: 'asc' }]
            : args.sort === 'NAME'
              ? [{ name: 'asc' }, { id: 'asc' }]
              : [{ sortOrder: 'asc' }, { id: 'asc' }],
      }),
  }),
}));
