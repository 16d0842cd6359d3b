import { appendEvents, assertValid, requireTenantId, ValidationError } from '@wholesail/platform';
import type { Prisma } from '../../generated/prisma/client';
import { builder } from '../builder';
import { db } from '../db';
import { promotionChanged } from '../domain/promotion-event';
import { endedWindow, type PromotionDraft, promotionRecord } from '../domain/promotion-input';
import { PromotionKindEnum, PromotionRef, PromotionStatusEnum } from './promotion';

const bossOrOffice = { role: ['BOSS', 'OFFICE'] as ('BOSS' | 'OFFICE')[] };

const PromotionTargetInput = builder.inputType('PromotionTargetInput', {
  description: 'One range: give one or more of these; given together they must all match.',
  fields: (t) => ({
    productId: t.id({ required: false }),
    skuId: t.id({ required: false }),
    brandId: t.id({ required: false }),
    categoryId: t.id({ required: false }),
  }),
});

const PromotionTierInput = builder.inputType('PromotionTierInput', {
  description: 'One threshold of a whole-order promotion; tiers ascend by threshold.',
  fields: (t) => ({
    threshold: t.field({ type: 'Decimal', required: true, description: 'Order amount, e.g. "100.00".' }),
    off: t.field({ type: 'Decimal', required: false, description: 'ORDER_AMOUNT_OFF: amount off.' }),
    percentOff: t.int({ required: false, description: 'ORDER_PERCENT_OFF: 1 to 99 (10 = 9折).' }),
    giftSkuId: t.id({ required: false, description: 'ORDER_GIFT: the gift.' }),
    giftQuantity: t.int({
      required: false,
      description: 'ORDER_GIFT: how many, in giftUnit (default base unit).',
    }),
    giftUnit: t.string({ required: false, description: 'ORDER_GIFT: the unit shown, e.g. 箱.' }),
  }),
});

const SpecialPriceInput = builder.inputType('SpecialPriceInput', {
  fields: (t) => ({
    skuId: t.id({ required: true }),
    price: t.field({ type: 'Decimal', required: true, description: 'Special price of one base unit.' }),
  }),
});

const BuyGetInput = builder.inputType('BuyGetInput', {
  fields: (t) => ({
    buy: t.int({ required: true }),
    get: t.int({ required: true }),
    giftSkuId: t.id({ required: false, description: 'The free SKU; default the one bought.' }),
    giftUnit: t.string({ required: false }),
  }),
});

const PromotionInput = builder.inputType('PromotionInput', {
  fields: (t) => ({
    kind: t.field({ type: PromotionKindEnum, required: true }),
    title: t.string({ required: true }),
    titleEn: t.string({ required: false }),
    startsAt: t.field({ type: 'DateTime', required: true }),
    endsAt: t.field({ type: 'DateTime', required: true }),
    stackable: t.boolean({ required: false, description: 'May combine with other whole-order promotions.' }),
    levelIds: t.idList({ required: false, description: 'Only customers of these levels; empty = all.' }),
    customerIds: t.idList({ required: false, description: 'Only these customers; empty = all.' }),
    targets: t.field({
      type: [PromotionTargetInput],
      required: false,
      description: 'Product range; empty = all.',
    }),
    tiers: t.field({ type: [PromotionTierInput], required: false }),
    specials: t.field({
      type: [SpecialPriceInput],
      required: false,
      description: 'ITEM_SPECIAL: SKUs and prices.',
    }),
    flashSale: t.boolean({ required: false, description: 'ITEM_SPECIAL: a time-limited flash sale.' }),
    buyGet: t.field({ type: BuyGetInput, required: false }),
  }),
});

type PromotionInputValue = typeof PromotionInput.$inferInput;

/** Checks the draft (and the named customers against the projection) and returns what to store. */
async function checked(input: PromotionInputValue) {
  const result = promotionRecord(input as PromotionDraft);
  const problems = result.ok ? [] : [...result.problems];
  const customerIds = [...new Set(input.customerIds ?? [])];
  if (customerIds.length) {
    const known = await db().customerProfile.findMany({
      where: { customerId: { in: customerIds } },
      select: { customerId: true },
    });
    const found = new Set(known.map((k) => k.customerId));
    const unknown = customerIds.filter((id) => !found.has(id));
    if (unknown.length)
      problems.push({
        field: 'customerIds',
        message: `没有这些客户 (unknown customers: ${unknown.join(', ')})`,
      });
  }
  assertValid(problems);
  if (!result.ok) throw new Error('unreachable');
  return result.record;
}

function notFound(): ValidationError {
  return new ValidationError('没有这个促销 (no such promotion)', [
    { field: 'id', message: 'unknown promotion' },
  ]);
}

builder.mutationType({});

builder.mutationField('createPromotion', (t) =>
  t.prismaField({
    type: PromotionRef,
    description: 'Boss or office: create a promotion of any kind with its targets and rules.',
    authScopes: bossOrOffice,
    errors: { types: [ValidationError] },
    args: { input: t.arg({ type: PromotionInput, required: true }) },
    resolve: async (query, _root, { input }) => {
      const { targets, rules, ...record } = await checked(input);
      const tenantId = requireTenantId();
      return db().$transaction(async (tx) => {
        const created = await tx.promotion.create({
          data: { ...record, rules: rules as Prisma.InputJsonObject, tenantId },
        });
        if (targets.length)
          await tx.promotionTarget.createMany({
            data: targets.map((x) => ({ ...x, promotionId: created.id, tenantId })),
          });
        const answer = await tx.promotion.findUniqueOrThrow({ ...query, where: { id: created.id } });
        await appendEvents(tx, 'marketing', [promotionChanged(tenantId, created, new Date())]);
        return answer;
      });
    },
  }),
);

builder.mutationField('updatePromotion', (t) =>
  t.prismaField({
    type: PromotionRef,
    description: 'Boss or office: replace a promotion’s dates, audience, targets and rules (its kind stays).',
    authScopes: bossOrOffice,
    errors: { types: [ValidationError] },
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: PromotionInput, required: true }) },
    resolve: async (query, _root, { id, input }) => {
      const existing = await db().promotion.findFirst({ where: { id } });
      if (!existing) throw notFound();
      if (existing.kind !== input.kind)
        throw new ValidationError('促销类型不能修改 (the kind cannot change)', [
          { field: 'kind', message: 'create a new promotion instead' },
        ]);
      if (!existing.active)
        throw new ValidationError('已结束的促销不能修改 (an ended promotion cannot change)', [
          { field: 'id', message: 'ended' },
        ]);
      const { targets, rules, ...record } = await checked(input);
      const tenantId = requireTenantId();
      return db().$transaction(async (tx) => {
        const updated = await tx.promotion.update({
          where: { id },
          data: { ...record, rules: rules as Prisma.InputJsonObject },
        });
        await tx.promotionTarget.deleteMany({ where: { promotionId: id } });
        if (targets.length)
          await tx.promotionTarget.createMany({
            data: targets.map((x) => ({ ...x, promotionId: id, tenantId })),
          });
        const answer = await tx.promotion.findUniqueOrThrow({ ...query, where: { id } });
        await appendEvents(tx, 'marketing', [promotionChanged(tenantId, updated, new Date())]);
        return answer;
      });
    },
  }),
);

builder.mutationField('endPromotion', (t) =>
  t.prismaField({
    type: PromotionRef,
    description: 'Boss or office: end a promotion now (it stops showing and applying at once).',
    authScopes: bossOrOffice,
    errors: { types: [ValidationError] },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (query, _root, { id }) => {
      const existing = await db().promotion.findFirst({ where: { id } });
      if (!existing) throw notFound();
      if (!existing.active)
        throw new ValidationError('促销已结束 (already ended)', [{ field: 'id', message: 'already ended' }]);
      const now = new Date();
      const tenantId = requireTenantId();
      return db().$transaction(async (tx) => {
        const ended = await tx.promotion.update({
          where: { id },
          data: { active: false, ...endedWindow(existing, now) },
        });
        const answer = await tx.promotion.findUniqueOrThrow({ ...query, where: { id } });
        await appendEvents(tx, 'marketing', [promotionChanged(tenantId, ended, now)]);
        return answer;
      });
    },
  }),
);

const PromotionFilter = builder.inputType('PromotionFilter', {
  fields: (t) => ({
    kinds: t.field({ type: [PromotionKindEnum], required: false }),
    status: t.field({ type: [PromotionStatusEnum], required: false }),
    search: t.string({ required: false, description: 'Part of the title (Chinese or English).' }),
    skuId: t.id({ required: false, description: 'Promotions targeting this SKU.' }),
    brandId: t.id({ required: false, description: 'Promotions targeting this brand.' }),
  }),
});

function statusWhere(
  status: readonly ('SCHEDULED' | 'RUNNING' | 'ENDED')[],
  now: Date,
): Prisma.PromotionWhereInput {
  const each: Record<string, Prisma.PromotionWhereInput> = {
    SCHEDULED: { active: true, startsAt: { gt: now }, endsAt: { gt: now } },
    RUNNING: { active: true, startsAt: { lte: now }, endsAt: { gt: now } },
    ENDED: { OR: [{ active: false }, { endsAt: { lte: now } }] },
  };
  return { OR: status.map((s) => each[s]!) };
}

builder.queryField('promotions', (t) =>
  t.prismaField({
    type: ['Promotion'],
    description: 'Staff: promotions, newest first, optionally filtered.',
    authScopes: { staff: true },
    args: { filter: t.arg({ type: PromotionFilter, required: false }) },
    resolve: (query, _root, { filter }) => {
      const and: Prisma.PromotionWhereInput[] = [];
      if (filter?.kinds?.length) and.push({ kind: { in: filter.kinds } });
      if (filter?.status?.length) and.push(statusWhere(filter.status, new Date()));
      const search = filter?.search?.trim();
      if (search)
        and.push({
          OR: [
            { title: { contains: search, mode: 'insensitive' } },
            { titleEn: { contains: search, mode: 'insensitive' } },
          ],
        });
      if (filter?.skuId) and.push({ targets: { some: { skuId: filter.skuId } } });
      if (filter?.brandId) and.push({ targets: { some: { brandId: filter.brandId } } });
      return db().promotion.findMany({
        ...query,
        where: { AND: and },
        orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
        take: 500,
      });
    },
  }),
);
