import { formatMinor, type RequestContext } from '@wholesail/platform';
import { builder } from '../builder';
import { db } from '../db';
import { promotionBadge } from '../domain/badge';
import { qualifies } from '../domain/eligibility';
import { promotionStatus } from '../domain/promotion-input';
import { bestSpecial, type SpecialPrice } from '../domain/special-price';
import { specialSkus } from '../domain/special-skus';
import { referencePrice, runningPromotions, viewerAudience } from './viewer';

export const PromotionKindEnum = builder.enumType('PromotionKind', {
  values: ['ITEM_SPECIAL', 'ORDER_AMOUNT_OFF', 'ORDER_PERCENT_OFF', 'ORDER_GIFT', 'BUY_N_GET_M'] as const,
});

export const PromotionStatusEnum = builder.enumType('PromotionStatus', {
  description: 'SCHEDULED (not started), RUNNING, ENDED (past its end or ended by staff).',
  values: ['SCHEDULED', 'RUNNING', 'ENDED'] as const,
});

const staffOnly = { staff: true, service: true } as const;

export const PromotionTargetRef = builder.prismaObject('PromotionTarget', {
  description:
    'A range a promotion applies to: a brand, a category (and everything below), a product or a SKU; fields given together must all match.',
  fields: (t) => ({
    productId: t.exposeID('productId', { nullable: true }),
    skuId: t.exposeID('skuId', { nullable: true }),
    brandId: t.exposeID('brandId', { nullable: true }),
    categoryId: t.exposeID('categoryId', { nullable: true }),
  }),
});

export const PromotionRef = builder.prismaObject('Promotion', {
  description: 'A promotion: item special (特价), 满减, 满折, 满赠 or buy-N-get-M (买赠).',
  fields: (t) => ({
    id: t.exposeID('id'),
    kind: t.field({ type: PromotionKindEnum, resolve: (p) => p.kind }),
    title: t.exposeString('title'),
    titleEn: t.exposeString('titleEn'),
    badge: t.string({
      description:
        'Short zh-CN text for a product card, from the rules: 满100减10, 满200送1箱, 9折, 买10送1, 特价.',
      resolve: (p) => promotionBadge(p.kind, p.rules).zh,
    }),
    badgeEn: t.string({
      description: 'The badge in English, e.g. "¥10 off over ¥100".',
      resolve: (p) => promotionBadge(p.kind, p.rules).en,
    }),
    startsAt: t.expose('startsAt', { type: 'DateTime' }),
    endsAt: t.expose('endsAt', { type: 'DateTime' }),
    stackable: t.exposeBoolean('stackable'),
    rules: t.expose('rules', {
      type: 'JSON',
      description:
        'Kind-specific, money in fen: ITEM_SPECIAL { skuPrices, flashSale? }; ORDER_* { tiers: [{ thresholdMinor, offMinor | percentOff | giftSkuId+giftQuantity+giftUnit? }] } or one tier flat; BUY_N_GET_M { buy, get, giftSkuId? }.',
    }),
    status: t.field({
      type: PromotionStatusEnum,
      resolve: (p) => promotionStatus(p, new Date()),
    }),
    levelIds: t.exposeIDList('levelIds', {
      authScopes: staffOnly,
      description: 'Staff: crm.CustomerLevel ids it is for; empty = every level.',
    }),
    customerIds: t.exposeIDList('customerIds', {
      authScopes: staffOnly,
      description: 'Staff: crm.Customer ids it is for; empty = every customer.',
    }),
    targets: t.relation('targets', {
      authScopes: staffOnly,
      description: 'Staff: the product range; empty = every product.',
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime', authScopes: staffOnly }),
  }),
});

builder.asEntity(PromotionRef, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: (ref) => db().promotion.findUnique({ where: { id: ref.id } }),
});

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

interface SpecialView extends SpecialPrice {
  skuId: string;
  /** guests compare with retail, everyone else with the base wholesale price */
  guest: boolean;
}

const SpecialPriceRef = builder.objectRef<SpecialView>('SpecialPrice').implement({
  description:
    'An item special (特价) on a SKU for this viewer: the price of one base unit, with the list price to show struck through.',
  shareable: true,
  fields: (t) => ({
    amount: t.field({ type: 'Decimal', resolve: (s) => formatMinor(s.minor) }),
    minor: t.string({ description: 'Integer fen.', resolve: (s) => String(s.minor) }),
    promotionId: t.id({ resolve: (s) => s.promotionId }),
    original: t.field({
      type: builder.MoneyRef,
      nullable: true,
      description:
        'The list price of one base unit (wholesale; retail for guests) to show struck through; null when unknown. Pricing resolves what the viewer pays.',
      resolve: async (s, _args, ctx) => {
        const ref = await referencePrice(ctx, s.skuId);
        const minor = s.guest ? ref?.retailMinor : ref?.wholesaleMinor;
        return minor == null ? null : { minor };
      },
    }),
    startsAt: t.field({ type: 'DateTime', resolve: (s) => s.startsAt }),
    endsAt: t.field({
      type: 'DateTime',
      description: 'A flash sale counts down to this.',
      resolve: (s) => s.endsAt,
    }),
    flashSale: t.boolean({
      description: 'A time-limited flash sale (限时特价).',
      resolve: (s) => s.flashSale,
    }),
    badge: t.string({ resolve: (s) => (s.flashSale ? '限时特价' : '特价') }),
    badgeEn: t.string({ resolve: (s) => (s.flashSale ? 'Flash sale' : 'Special') }),
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
  const [running, audience] = await Promise.all([runningPromotions(ctx), viewerAudience(ctx)]);
  const facts = {
    id: product.id,
    brandId: product.brand.id,
    categoryIds: ancestry(product.category),
    skuIds,
  };
  const now = new Date();
  return running.filter((p) => qualifies(p, facts, audience, now, specialSkus));
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
        const [running, audience] = await Promise.all([runningPromotions(ctx), viewerAudience(ctx)]);
        const special = bestSpecial(running, sku.id, audience, new Date());
        return special ? { ...special, skuId: sku.id, guest: ctx.viewer.kind === 'guest' } : null;
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

/** The category and its ancestors (the tree has three levels). */
function ancestry(category: CategoryChain): string[] {
  const ids: string[] = [];
  for (let c: CategoryChain | null | undefined = category; c; c = c.parent) ids.push(c.id);
  return ids;
}
