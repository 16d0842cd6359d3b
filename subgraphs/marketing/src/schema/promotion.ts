import { formatMinor, type RequestContext, requestLoader } from '@wholesail/platform';
import { builder } from '../builder';
import { db } from '../db';
import { appliesToLevel, appliesToProduct, isRunning } from '../domain/eligibility';
import { bestSpecial, type SpecialPrice } from '../domain/special-price';

export const PromotionKindEnum = builder.enumType('PromotionKind', {
  values: ['ITEM_SPECIAL', 'ORDER_AMOUNT_OFF', 'ORDER_PERCENT_OFF', 'ORDER_GIFT', 'BUY_N_GET_M'] as const,
});

export const PromotionRef = builder.prismaObject('Promotion', {
  description: 'A promotion: item special (特价), 满减, 满折, 满赠 or buy-N-get-M (买赠).',
  fields: (t) => ({
    id: t.exposeID('id'),
    kind: t.field({ type: PromotionKindEnum, resolve: (p) => p.kind }),
    title: t.exposeString('title'),
    titleEn: t.exposeString('titleEn'),
    badge: t.exposeString('badge', { description: 'Short text for a product card, e.g. 满减.' }),
    startsAt: t.expose('startsAt', { type: 'DateTime' }),
    endsAt: t.expose('endsAt', { type: 'DateTime' }),
    stackable: t.exposeBoolean('stackable'),
    rules: t.expose('rules', { type: 'JSON' }),
  }),
});

builder.asEntity(PromotionRef, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: (ref) => db().promotion.findUnique({ where: { id: ref.id } }),
});

/** Promotions running now, with targets, once per request. */
function runningPromotions(ctx: RequestContext) {
  return requestLoader(ctx, 'marketing.running', async (keys: readonly string[]) => {
    const now = new Date();
    const rows = await db().promotion.findMany({
      where: { active: true, startsAt: { lte: now }, endsAt: { gt: now } },
      include: { targets: true },
      orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
    });
    return keys.map(() => rows.filter((p) => isRunning(p, now)));
  }).load('running');
}

/** The viewer's level: undefined for staff (sees all), null for guests. */
async function viewerLevel(ctx: RequestContext): Promise<string | null | undefined> {
  const viewer = ctx.viewer;
  if (viewer.kind === 'staff' || viewer.kind === 'service') return undefined;
  if (viewer.kind !== 'customer') return null;
  return requestLoader(ctx, 'marketing.level', async (ids: readonly string[]) => {
    const rows = await db().customerProfile.findMany({ where: { customerId: { in: [...ids] } } });
    const map = new Map(rows.map((r) => [r.customerId, r.levelId]));
    return ids.map((id) => map.get(id) ?? null);
  }).load(viewer.customerId);
}

const BrandKey = builder.externalRef('Brand', builder.selection<{ id: string }>('id')).implement({
  externalFields: () => ({}),
  fields: (t) => ({ id: t.exposeID('id') }),
});
interface CategoryChain {
  id: string;
  parent?: CategoryChain | null;
}
const CategoryKey = builder.externalRef('Category', builder.selection<{ id: string }>('id'));
CategoryKey.implement({
  externalFields: (t) => ({ parent: t.field({ type: CategoryKey, nullable: true }) }),
  fields: (t) => ({ id: t.exposeID('id') }),
});
const SpecialPriceRef = builder.objectRef<SpecialPrice>('SpecialPrice').implement({
  description: 'An item special (特价) on a SKU for this viewer: the price of one base unit.',
  shareable: true,
  fields: (t) => ({
    amount: t.field({ type: 'Decimal', resolve: (s) => formatMinor(s.minor) }),
    minor: t.string({ description: 'Integer fen.', resolve: (s) => String(s.minor) }),
    promotionId: t.id({ resolve: (s) => s.promotionId }),
  }),
});

type CategoryFacts = { id: string; parent: { id: string; parent: { id: string } | null } | null };
const CATEGORY_CHAIN = 'category { id parent { id parent { id } } }';

const ProductKey = builder.externalRef('Product', builder.selection<{ id: string }>('id'));
const SkuKey = builder.externalRef('Sku', builder.selection<{ id: string }>('id'));

/** Running promotions that apply to a product with these facts, for this viewer. */
async function promotionsFor(
  ctx: RequestContext,
  product: { id: string; brand: { id: string }; category: CategoryFacts },
  skuIds: string[],
) {
  const [running, level] = await Promise.all([runningPromotions(ctx), viewerLevel(ctx)]);
  const facts = {
    id: product.id,
    brandId: product.brand.id,
    categoryIds: ancestry(product.category),
    skuIds,
  };
  return running.filter((p) => appliesToLevel(p, level) && appliesToProduct(p, facts));
}

SkuKey.implement({
  externalFields: (t) => ({ product: t.field({ type: ProductKey }) }),
  fields: (t) => ({
    id: t.exposeID('id'),
    promotions: t.field({
      type: [PromotionRef],
      description: 'Promotions running now that this SKU qualifies for, for this viewer.',
      requires: builder.selection<{
        product: { id: string; brand: { id: string }; category: CategoryFacts };
      }>(`product { id brand { id } ${CATEGORY_CHAIN} }`),
      resolve: (sku, _args, ctx) => promotionsFor(ctx, sku.product, [sku.id]),
    }),
    specialPrice: t.field({
      type: SpecialPriceRef,
      nullable: true,
      description: 'The item special this viewer gets on this SKU now, if any (the lowest of several).',
      resolve: async (sku, _args, ctx) => {
        const [running, level] = await Promise.all([runningPromotions(ctx), viewerLevel(ctx)]);
        return bestSpecial(running, sku.id, level, new Date());
      },
    }),
  }),
});

ProductKey.implement({
  externalFields: (t) => ({
    brand: t.field({ type: BrandKey }),
    category: t.field({ type: CategoryKey }),
    skus: t.field({ type: [SkuKey] }),
  }),
  fields: (t) => ({
    id: t.exposeID('id'),
    promotions: t.field({
      type: [PromotionRef],
      description: 'Promotions running now that this product qualifies for, for this viewer.',
      requires: builder.selection<{ brand: { id: string }; category: CategoryFacts; skus: { id: string }[] }>(
        `brand { id } ${CATEGORY_CHAIN} skus { id }`,
      ),
      resolve: (product, _args, ctx) =>
        promotionsFor(
          ctx,
          product,
          product.skus.map((s) => s.id),
        ),
    }),
  }),
});

builder.queryField('promotions', (t) =>
  t.prismaField({
    type: ['Promotion'],
    description: 'Staff: every promotion, newest first.',
    authScopes: { staff: true },
    resolve: (query) =>
      db().promotion.findMany({ ...query, orderBy: [{ createdAt: 'desc' }, { id: 'asc' }] }),
  }),
);

/** The category and its ancestors (the tree has three levels). */
function ancestry(category: CategoryChain): string[] {
  const ids: string[] = [];
  for (let c: CategoryChain | null | undefined = category; c; c = c.parent) ids.push(c.id);
  return ids;
}
