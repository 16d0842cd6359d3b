import { assertValid, requireTenantId, ValidationError } from '@wholesail/platform';
import { builder } from '../builder';
import type { Tx } from '../coupons';
import { db } from '../db';
import { yuan, zhe } from '../domain/badge';
import {
  type CouponTemplateDraft,
  couponTemplateRecord,
  effectiveStatus,
  ISSUE_MESSAGES,
  issueRefusal,
  newCouponCode,
} from '../domain/coupon';

const bossOrOffice = { role: ['BOSS', 'OFFICE'] as ('BOSS' | 'OFFICE')[] };
const staffOnly = { staff: true, service: true } as const;

export const CouponKindEnum = builder.enumType('CouponKind', {
  description: 'AMOUNT_OFF (满减券: an amount off) or PERCENT_OFF (折扣券: a percentage, optionally capped).',
  values: ['AMOUNT_OFF', 'PERCENT_OFF'] as const,
});
export const CouponStatusEnum = builder.enumType('CouponStatus', {
  description:
    'AVAILABLE (may be used), RESERVED (held by an order being placed), USED (by a placed order), EXPIRED (past its end).',
  values: ['AVAILABLE', 'RESERVED', 'USED', 'EXPIRED'] as const,
});

function couponBadge(t: {
  kind: 'AMOUNT_OFF' | 'PERCENT_OFF';
  offMinor: bigint | null;
  percentOff: number | null;
  minSpendMinor: bigint;
}): { zh: string; en: string } {
  const min = Number(t.minSpendMinor);
  if (t.kind === 'AMOUNT_OFF') {
    const off = yuan(Number(t.offMinor ?? 0n));
    return min > 0
      ? { zh: `满${yuan(min)}减${off}`, en: `¥${off} off over ¥${yuan(min)}` }
      : { zh: `立减${off}`, en: `¥${off} off` };
  }
  const p = t.percentOff ?? 0;
  return min > 0
    ? { zh: `满${yuan(min)}享${zhe(p)}`, en: `${p}% off over ¥${yuan(min)}` }
    : { zh: zhe(p), en: `${p}% off` };
}

export const CouponTemplateRef = builder.prismaObject('CouponTemplate', {
  description: 'A kind of coupon (优惠券): what it takes off, from which spend, when, on what and for whom.',
  fields: (t) => ({
    id: t.exposeID('id'),
    title: t.exposeString('title'),
    titleEn: t.exposeString('titleEn'),
    kind: t.field({ type: CouponKindEnum, resolve: (c) => c.kind }),
    badge: t.string({ description: 'e.g. 满100减10, 9折.', resolve: (c) => couponBadge(c).zh }),
    badgeEn: t.string({ resolve: (c) => couponBadge(c).en }),
    off: t.field({
      type: builder.MoneyRef,
      nullable: true,
      description: 'AMOUNT_OFF: the amount off.',
      resolve: (c) => (c.offMinor === null ? null : { minor: c.offMinor }),
    }),
    percentOff: t.exposeInt('percentOff', { nullable: true, description: 'PERCENT_OFF: 1..99 (10 = 9折).' }),
    maxOff: t.field({
      type: builder.MoneyRef,
      nullable: true,
      description: 'PERCENT_OFF: at most this much off; null = no cap.',
      resolve: (c) => (c.maxOffMinor === null ? null : { minor: c.maxOffMinor }),
    }),
    minSpend: t.field({
      type: builder.MoneyRef,
      description: 'What the coupon’s range must come to after promotions; 0 = no minimum.',
      resolve: (c) => ({ minor: c.minSpendMinor }),
    }),
    validFrom: t.expose('validFrom', { type: 'DateTime' }),
    validTo: t.expose('validTo', { type: 'DateTime' }),
    productIds: t.exposeIDList('productIds', { description: 'Range (any of these lists); all empty = all.' }),
    skuIds: t.exposeIDList('skuIds'),
    brandIds: t.exposeIDList('brandIds'),
    categoryIds: t.exposeIDList('categoryIds', { description: 'A category includes everything below it.' }),
    levelIds: t.exposeIDList('levelIds', {
      authScopes: staffOnly,
      description: 'Staff: empty = every level.',
    }),
    customerIds: t.exposeIDList('customerIds', {
      authScopes: staffOnly,
      description: 'Staff: empty = every customer.',
    }),
    totalLimit: t.exposeInt('totalLimit', {
      nullable: true,
      description: 'Issued at most; null = no limit.',
    }),
    perCustomerLimit: t.exposeInt('perCustomerLimit'),
    issuedCount: t.exposeInt('issuedCount'),
    claimable: t.exposeBoolean('claimable', { description: 'Stores may claim it themselves.' }),
    active: t.exposeBoolean('active', { description: 'False once ended: no more are issued.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', authScopes: staffOnly }),
  }),
});

export const CouponRef = builder.prismaObject('Coupon', {
  description: 'A coupon issued to a store, used by at most one order.',
  fields: (t) => ({
    id: t.exposeID('id'),
    code: t.exposeString('code', { description: 'What the store enters at checkout.' }),
    status: t.field({ type: CouponStatusEnum, resolve: (c) => effectiveStatus(c, new Date()) }),
    validFrom: t.expose('validFrom', { type: 'DateTime' }),
    validTo: t.expose('validTo', { type: 'DateTime' }),
    template: t.relation('template'),
    customerId: t.exposeID('customerId', { authScopes: staffOnly }),
    orderId: t.exposeID('orderId', { nullable: true, description: 'The order holding or having used it.' }),
    usedAt: t.expose('usedAt', { type: 'DateTime', nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

const CouponTemplateInput = builder.inputType('CouponTemplateInput', {
  fields: (t) => ({
    title: t.string({ required: true }),
    titleEn: t.string({ required: false }),
    kind: t.field({ type: CouponKindEnum, required: true }),
    off: t.field({ type: 'Decimal', required: false, description: 'AMOUNT_OFF: e.g. "10.00".' }),
    percentOff: t.int({ required: false, description: 'PERCENT_OFF: 1..99.' }),
    maxOff: t.field({ type: 'Decimal', required: false, description: 'PERCENT_OFF: the cap.' }),
    minSpend: t.field({ type: 'Decimal', required: false, description: 'Default 0 (no minimum).' }),
    validFrom: t.field({ type: 'DateTime', required: true }),
    validTo: t.field({ type: 'DateTime', required: true }),
    productIds: t.idList({ required: false }),
    skuIds: t.idList({ required: false }),
    brandIds: t.idList({ required: false }),
    categoryIds: t.idList({ required: false }),
    levelIds: t.idList({ required: false }),
    customerIds: t.idList({ required: false }),
    totalLimit: t.int({ required: false, description: 'Default: no limit.' }),
    perCustomerLimit: t.int({ required: false, description: 'Default 1.' }),
    claimable: t.boolean({ required: false, description: 'Default true.' }),
  }),
});

async function checked(input: typeof CouponTemplateInput.$inferInput) {
  const result = couponTemplateRecord(input as CouponTemplateDraft);
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

const notFound = () =>
  new ValidationError(
    '没有这个优惠券模板 (no such coupon template)',
    [{ field: 'id', message: 'unknown' }],
    'NOT_FOUND',
  );

builder.mutationField('createCouponTemplate', (t) =>
  t.prismaField({
    type: CouponTemplateRef,
    description: 'Boss or office: a new kind of coupon.',
    authScopes: bossOrOffice,
    errors: { types: [ValidationError] },
    args: { input: t.arg({ type: CouponTemplateInput, required: true }) },
    resolve: async (query, _root, { input }) => {
      const record = await checked(input);
      return db().couponTemplate.create({ ...query, data: { ...record, tenantId: requireTenantId() } });
    },
  }),
);

builder.mutationField('updateCouponTemplate', (t) =>
  t.prismaField({
    type: CouponTemplateRef,
    description:
      'Boss or office: replace a template (its kind stays; the total limit cannot go below what was issued). Coupons already issued keep their dates.',
    authScopes: bossOrOffice,
    errors: { types: [ValidationError] },
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: CouponTemplateInput, required: true }) },
    resolve: async (query, _root, { id, input }) => {
      const existing = await db().couponTemplate.findFirst({ where: { id } });
      if (!existing) throw notFound();
      if (existing.kind !== input.kind)
        throw new ValidationError('优惠券类型不能修改 (the kind cannot change)', [
          { field: 'kind', message: 'create a new template instead' },
        ]);
      const record = await checked(input);
      // conditional on what was issued meanwhile
      const updated = await db().couponTemplate.updateMany({
        where: {
          id,
          ...(record.totalLimit !== null ? { issuedCount: { lte: record.totalLimit } } : {}),
        },
        data: record,
      });
      if (updated.count === 0)
        throw new ValidationError('发放总量不能少于已发放数量 (total below what was issued)', [
          { field: 'totalLimit', message: `already issued: ${existing.issuedCount}` },
        ]);
      return db().couponTemplate.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
);

builder.mutationField('endCouponTemplate', (t) =>
  t.prismaField({
    type: CouponTemplateRef,
    description:
      'Boss or office: stop issuing a template; coupons already issued stay usable until their end.',
    authScopes: bossOrOffice,
    errors: { types: [ValidationError] },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (query, _root, { id }) => {
      const existing = await db().couponTemplate.findFirst({ where: { id } });
      if (!existing) throw notFound();
      await db().couponTemplate.update({ where: { id }, data: { active: false } });
      return db().couponTemplate.findUniqueOrThrow({ ...query, where: { id } });
    },
  }),
);

builder.mutationField('deleteCouponTemplate', (t) =>
  t.field({
    type: 'ID',
    description: 'Boss or office: delete a template none was issued of (else end it).',
    authScopes: bossOrOffice,
    errors: { types: [ValidationError] },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, { id }) => {
      const existing = await db().couponTemplate.findFirst({ where: { id } });
      if (!existing) throw notFound();
      const deleted = await db().couponTemplate.deleteMany({ where: { id, issuedCount: 0 } });
      if (deleted.count === 0)
        throw new ValidationError('已发放的优惠券模板不能删除，请结束它 (issued: end it instead)', [
          { field: 'id', message: 'coupons were issued' },
        ]);
      return id;
    },
  }),
);

/**
 * Issues one coupon of a template to a customer inside `tx`, or says why not. Locks the template
 * row first, so the total and the per-customer limits hold under concurrent claims.
 */
async function issueOne(
  tx: Tx,
  templateId: string,
  customerId: string,
  issuedBy: string,
  now: Date,
): Promise<{ ok: true; couponId: string } | { ok: false; reason: keyof typeof ISSUE_MESSAGES }> {
  const tenantId = requireTenantId();
  const [template] = await tx.$queryRaw<
    {
      id: string;
      active: boolean;
      validFrom: Date;
      validTo: Date;
      totalLimit: number | null;
      issuedCount: number;
      perCustomerLimit: number;
      levelIds: string[];
      customerIds: string[];
    }[]
  >`SELECT "id", "active", "validFrom", "validTo", "totalLimit", "issuedCount", "perCustomerLimit", "levelIds", "customerIds"
    FROM "marketing"."CouponTemplate" WHERE "tenantId" = ${tenantId} AND "id" = ${templateId} FOR UPDATE`;
  if (!template) throw notFound();
  const profile = await tx.customerProfile.findFirst({ where: { customerId } });
  if (!profile) return { ok: false, reason: 'UNKNOWN_CUSTOMER' };
  const holds = await tx.coupon.count({ where: { templateId, customerId } });
  const refusal = issueRefusal(template, { customerId, levelId: profile.levelId, holds }, now);
  if (refusal) return { ok: false, reason: refusal };
  const coupon = await tx.coupon.create({
    data: {
      tenantId,
      templateId,
      customerId,
      code: newCouponCode(),
      validFrom: template.validFrom,
      validTo: template.validTo,
      issuedBy,
    },
  });
  await tx.couponTemplate.update({ where: { id: templateId }, data: { issuedCount: { increment: 1 } } });
  return { ok: true, couponId: coupon.id };
}

builder.mutationField('claimCoupon', (t) =>
  t.prismaField({
    type: CouponRef,
    description: 'A store claims a coupon of a claimable template (within its limits and audience).',
    authScopes: { customer: true },
    errors: { types: [ValidationError] },
    args: { templateId: t.arg.id({ required: true }) },
    resolve: async (query, _root, { templateId }, ctx) => {
      if (ctx.viewer.kind !== 'customer') throw new Error('customers only');
      const customerId = ctx.viewer.customerId;
      const template = await db().couponTemplate.findFirst({ where: { id: templateId } });
      if (!template?.claimable) throw notFound();
      const result = await db().$transaction(
        (tx) => issueOne(tx, templateId, customerId, 'CLAIM', new Date()),
        {
          maxWait: 15_000,
          timeout: 20_000,
        },
      );
      if (!result.ok)
        throw new ValidationError(
          ISSUE_MESSAGES[result.reason],
          [{ field: 'templateId', message: result.reason }],
          result.reason,
        );
      return db().coupon.findUniqueOrThrow({ ...query, where: { id: result.couponId } });
    },
  }),
);

const IssueSkipped = builder
  .objectRef<{ customerId: string; reason: string; message: string }>('CouponIssueSkipped')
  .implement({
    fields: (t) => ({
      customerId: t.exposeID('customerId'),
      reason: t.exposeString('reason', {
        description: 'UNKNOWN_CUSTOMER, NOT_FOR_YOU, SOLD_OUT, LIMIT_REACHED or ENDED.',
      }),
      message: t.exposeString('message'),
    }),
  });
const IssueResult = builder
  .objectRef<{
    coupons: { id: string }[];
    skipped: { customerId: string; reason: string; message: string }[];
  }>('IssueCouponsResult')
  .implement({
    fields: (t) => ({
      coupons: t.prismaField({
        type: [CouponRef],
        resolve: (query, r) =>
          db().coupon.findMany({
            ...query,
            where: { id: { in: r.coupons.map((c) => c.id) } },
            orderBy: { id: 'asc' },
          }),
      }),
      skipped: t.field({ type: [IssueSkipped], resolve: (r) => r.skipped }),
    }),
  });

builder.mutationField('issueCoupons', (t) =>
  t.field({
    type: IssueResult,
    description:
      'Boss or office: one coupon of a template to each named customer (claimable or not), within its limits; the others are listed with the reason.',
    authScopes: bossOrOffice,
    errors: { types: [ValidationError] },
    args: { templateId: t.arg.id({ required: true }), customerIds: t.arg.idList({ required: true }) },
    resolve: async (_root, { templateId, customerIds }, ctx) => {
      const ids = [...new Set(customerIds.map((c) => c.trim()).filter(Boolean))];
      if (ids.length === 0 || ids.length > 1000)
        throw new ValidationError('请选择 1 到 1000 个客户 (1 to 1000 customers)', [
          { field: 'customerIds', message: 'count' },
        ]);
      const template = await db().couponTemplate.findFirst({ where: { id: templateId } });
      if (!template) throw notFound();
      const by = ctx.viewer.kind === 'staff' ? ctx.viewer.staffId : 'STAFF';
      const now = new Date();
      return db().$transaction(
        async (tx) => {
          const coupons: { id: string }[] = [];
          const skipped: { customerId: string; reason: string; message: string }[] = [];
          for (const customerId of ids) {
            const r = await issueOne(tx, templateId, customerId, by, now);
            if (r.ok) coupons.push({ id: r.couponId });
            else skipped.push({ customerId, reason: r.reason, message: ISSUE_MESSAGES[r.reason] });
          }
          return { coupons, skipped };
        },
        { maxWait: 15_000, timeout: 60_000 },
      );
    },
  }),
);

builder.queryField('couponTemplates', (t) =>
  t.prismaField({
    type: [CouponTemplateRef],
    description: 'Staff: coupon templates, newest first.',
    authScopes: { staff: true },
    args: {
      active: t.arg.boolean({ required: false, description: 'Only active (true) or ended (false) ones.' }),
    },
    resolve: (query, _root, { active }) =>
      db().couponTemplate.findMany({
        ...query,
        where: active == null ? {} : { active },
        orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
        take: 500,
      }),
  }),
);

builder.queryField('couponTemplate', (t) =>
  t.prismaField({
    type: CouponTemplateRef,
    nullable: true,
    description: 'Staff: one template.',
    authScopes: { staff: true },
    args: { id: t.arg.id({ required: true }) },
    resolve: (query, _root, { id }) => db().couponTemplate.findFirst({ ...query, where: { id } }),
  }),
);

builder.queryField('templateCoupons', (t) =>
  t.prismaField({
    type: [CouponRef],
    description: 'Staff: the coupons issued of a template, newest first.',
    authScopes: { staff: true },
    args: { templateId: t.arg.id({ required: true }) },
    resolve: (query, _root, { templateId }) =>
      db().coupon.findMany({
        ...query,
        where: { templateId },
        orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
        take: 1000,
      }),
  }),
);

builder.queryField('myCoupons', (t) =>
  t.prismaField({
    type: [CouponRef],
    description: 'A store: its coupons, the usable ones first (soonest to end first), then the others.',
    authScopes: { customer: true },
    args: { status: t.arg({ type: [CouponStatusEnum], required: false }) },
    resolve: async (query, _root, { status }, ctx) => {
      if (ctx.viewer.kind !== 'customer') return [];
      const now = new Date();
      const rows = await db().coupon.findMany({
        ...query,
        where: { customerId: ctx.viewer.customerId },
        orderBy: [{ validTo: 'asc' }, { id: 'asc' }],
        take: 500,
      });
      const wanted = status?.length ? new Set(status) : null;
      const rank = { AVAILABLE: 0, RESERVED: 1, USED: 2, EXPIRED: 3 } as const;
      return rows
        .filter((c) => !wanted || wanted.has(effectiveStatus(c, now)))
        .sort((a, b) => rank[effectiveStatus(a, now)] - rank[effectiveStatus(b, now)]);
    },
  }),
);

builder.queryField('claimableCoupons', (t) =>
  t.prismaField({
    type: [CouponTemplateRef],
    description: 'A store: templates it may claim now (active, for it, not sold out, under its limit).',
    authScopes: { customer: true },
    resolve: async (query, _root, _args, ctx) => {
      if (ctx.viewer.kind !== 'customer') return [];
      const customerId = ctx.viewer.customerId;
      const now = new Date();
      const [templates, profile, held] = await Promise.all([
        db().couponTemplate.findMany({
          ...query,
          where: { active: true, claimable: true, validTo: { gt: now } },
          orderBy: [{ validTo: 'asc' }, { id: 'asc' }],
          take: 200,
        }),
        db().customerProfile.findFirst({ where: { customerId } }),
        db().coupon.groupBy({ by: ['templateId'], where: { customerId }, _count: { _all: true } }),
      ]);
      const holds = new Map(held.map((h) => [h.templateId, h._count._all]));
      return templates.filter(
        (tpl) =>
          issueRefusal(
            tpl,
            { customerId, levelId: profile?.levelId ?? null, holds: holds.get(tpl.id) ?? 0 },
            now,
          ) === null,
      );
    },
  }),
);
