import { appendEvents, assertValid, requireTenantId, ValidationError } from '@wholesail/platform';
import { builder } from '../builder';
import { db } from '../db';
import { amountOrProblem, type Problem, tierProblems, unitProblem } from '../domain/price-rules';
import { unitsOfRef } from '../domain/projections';
import { SETTINGS_DEFAULTS } from './price-book';
import { SkuRef } from './sku-price';

const staffRoles = { role: ['BOSS', 'OFFICE'] } as { role: ('BOSS' | 'OFFICE')[] };
type Tx = Parameters<Parameters<ReturnType<typeof db>['$transaction']>[0]>[0];

/** A SKU as pricing knows it (SkuRef, kept from catalog's SkuChanged), with its sale units. */
export async function knownSku(skuId: string) {
  const ref = await db().skuRef.findFirst({ where: { skuId } });
  return ref ? { ...ref, units: unitsOfRef(ref) } : null;
}

/** Problems of a (skuId, unit) pair; the SKU when it is known. */
async function skuAndUnit(skuId: string, unit: string, problems: Problem[]) {
  const sku = await knownSku(skuId);
  if (!sku) problems.push({ field: 'skuId', message: '没有这个商品 (unknown SKU)' });
  else {
    const bad = unitProblem(sku.units, unit);
    if (bad) problems.push(bad);
  }
  return sku;
}

async function knownCustomer(customerId: string, problems: Problem[]) {
  const found = await db().customerPriceProfile.findFirst({ where: { customerId } });
  if (!found) problems.push({ field: 'customerId', message: '没有这个客户 (unknown customer)' });
  return found;
}

async function knownLevel(levelId: string, problems: Problem[]) {
  const found = await db().priceLevel.findFirst({ where: { levelId } });
  if (!found) problems.push({ field: 'levelId', message: '没有这个客户等级 (unknown level)' });
  return found;
}

/** `SkuPriceChanged` when the base unit's wholesale or retail price changed (else nothing). */
export function skuPriceChanged(
  skuId: string,
  before: { wholesaleMinor: bigint; retailMinor: bigint } | null,
  after: { wholesaleMinor: bigint; retailMinor: bigint } | null,
) {
  if (before?.wholesaleMinor === after?.wholesaleMinor && before?.retailMinor === after?.retailMinor)
    return [];
  return [
    {
      tenantId: requireTenantId(),
      aggregateType: 'Sku',
      aggregateId: skuId,
      type: 'SkuPriceChanged',
      payload: {
        skuId,
        wholesaleMinor: after ? after.wholesaleMinor.toString() : null,
        retailMinor: after ? after.retailMinor.toString() : null,
      },
    },
  ];
}

export function customerPriceChanged(customerId: string, skuId: string, unit: string, minor: bigint | null) {
  return {
    tenantId: requireTenantId(),
    aggregateType: 'Customer',
    aggregateId: customerId,
    type: 'CustomerPriceChanged',
    payload: { customerId, skuId, unit, priceMinor: minor === null ? null : minor.toString() },
  };
}

// --- types -----------------------------------------------------------------------------

const skuField = (t: { field: (...args: any[]) => any }) =>
  t.field({ type: SkuRef, resolve: (r: { skuId: string }) => ({ id: r.skuId }) });

export const SkuBasePriceRef = builder.prismaObject('SkuPrice', {
  name: 'SkuBasePrice',
  description: 'Base prices of a SKU in one sale unit: wholesale (批发价) and retail (零售价).',
  fields: (t) => ({
    skuId: t.exposeID('skuId'),
    sku: skuField(t),
    unit: t.exposeString('unit'),
    wholesale: t.field({ type: builder.MoneyRef, resolve: (r) => ({ minor: r.wholesaleMinor }) }),
    retail: t.field({ type: builder.MoneyRef, resolve: (r) => ({ minor: r.retailMinor }) }),
  }),
});

export const LevelPriceRef = builder.prismaObject('LevelPrice', {
  description: 'The price of a SKU in one sale unit for customers of one level (等级价).',
  fields: (t) => ({
    skuId: t.exposeID('skuId'),
    sku: skuField(t),
    levelId: t.exposeID('levelId'),
    unit: t.exposeString('unit'),
    price: t.field({ type: builder.MoneyRef, resolve: (r) => ({ minor: r.priceMinor }) }),
  }),
});

export const CustomerPriceRef = builder.prismaObject('CustomerPrice', {
  description: 'The price of a SKU in one sale unit for one customer (客户价).',
  fields: (t) => ({
    skuId: t.exposeID('skuId'),
    sku: skuField(t),
    customerId: t.exposeID('customerId'),
    unit: t.exposeString('unit'),
    price: t.field({ type: builder.MoneyRef, resolve: (r) => ({ minor: r.priceMinor }) }),
  }),
});

export const VolumeTierRowRef = builder.prismaObject('VolumeTier', {
  name: 'VolumeTierRow',
  description: 'A stored quantity break of a SKU in one unit.',
  fields: (t) => ({
    skuId: t.exposeID('skuId'),
    unit: t.exposeString('unit'),
    minQuantity: t.exposeInt('minQuantity', { description: 'In base units.' }),
    price: t.field({ type: builder.MoneyRef, resolve: (r) => ({ minor: r.priceMinor }) }),
  }),
});

const PricingSettingsRef = builder.objectRef<{ trackLastPrice: boolean }>('PricingSettings').implement({
  description: "The tenant's pricing switches.",
  fields: (t) => ({
    trackLastPrice: t.exposeBoolean('trackLastPrice', {
      description: 'Customers pay their last sale price (上次售价) before their level price.',
    }),
  }),
});

// --- queries ---------------------------------------------------------------------------

builder.queryField('pricingSettings', (t) =>
  t.field({
    type: PricingSettingsRef,
    authScopes: { staff: true },
    resolve: async () => (await db().pricingSettings.findFirst()) ?? SETTINGS_DEFAULTS,
  }),
);

builder.queryField('skuPrices', (t) =>
  t.prismaField({
    type: [SkuBasePriceRef],
    description: 'Staff: the base prices of a SKU per sale unit.',
    authScopes: { staff: true },
    args: { skuId: t.arg.id({ required: true }) },
    resolve: (query, _root, { skuId }) =>
      db().skuPrice.findMany({ ...query, where: { skuId }, orderBy: { unit: 'asc' } }),
  }),
);

const pageArgs = (t: any) => ({
  first: t.arg.int({ required: false, defaultValue: 100, description: 'At most 1000.' }),
  offset: t.arg.int({ required: false, defaultValue: 0 }),
});
const page = (first?: number | null, offset?: number | null) => ({
  take: Math.max(0, Math.min(first ?? 100, 1000)),
  skip: Math.max(0, offset ?? 0),
});

builder.queryField('levelPrices', (t) =>
  t.prismaField({
    type: [LevelPriceRef],
    description: 'Boss or office: level prices, of one level and/or one SKU.',
    authScopes: staffRoles,
    args: { levelId: t.arg.id({ required: false }), skuId: t.arg.id({ required: false }), ...pageArgs(t) },
    resolve: (query, _root, args) =>
      db().levelPrice.findMany({
        ...query,
        where: {
          ...(args.levelId ? { levelId: args.levelId } : {}),
          ...(args.skuId ? { skuId: args.skuId } : {}),
        },
        orderBy: [{ skuId: 'asc' }, { levelId: 'asc' }, { unit: 'asc' }],
        ...page(args.first as number | null, args.offset as number | null),
      }),
  }),
);

builder.queryField('customerPrices', (t) =>
  t.prismaField({
    type: [CustomerPriceRef],
    description: 'Boss or office: customer prices, of one customer and/or one SKU.',
    authScopes: staffRoles,
    args: { customerId: t.arg.id({ required: false }), skuId: t.arg.id({ required: false }), ...pageArgs(t) },
    resolve: (query, _root, args) =>
      db().customerPrice.findMany({
        ...query,
        where: {
          ...(args.customerId ? { customerId: args.customerId } : {}),
          ...(args.skuId ? { skuId: args.skuId } : {}),
        },
        orderBy: [{ customerId: 'asc' }, { skuId: 'asc' }, { unit: 'asc' }],
        ...page(args.first as number | null, args.offset as number | null),
      }),
  }),
);

// --- mutations -------------------------------------------------------------------------

builder.mutationType({});

const SkuPriceInput = builder.inputType('SkuPriceInput', {
  fields: (t) => ({
    skuId: t.id({ required: true }),
    unit: t.string({ required: true, description: 'A sale unit of the SKU (the base unit or e.g. 箱).' }),
    wholesale: t.field({ type: 'Decimal', required: true, description: '批发价, yuan, e.g. "3.50".' }),
    retail: t.field({ type: 'Decimal', required: true, description: '零售价, yuan.' }),
  }),
});

builder.mutationField('setSkuPrice', (t) =>
  t.prismaField({
    type: SkuBasePriceRef,
    description:
      'Boss or office: set the wholesale and retail price of a SKU in one unit. A unit without its own price costs the base price × factor.',
    authScopes: staffRoles,
    errors: { types: [ValidationError] },
    args: { input: t.arg({ type: SkuPriceInput, required: true }) },
    resolve: async (query, _root, { input }) => {
      const problems: Problem[] = [];
      const sku = await skuAndUnit(input.skuId, input.unit, problems);
      const wholesaleMinor = amountOrProblem(input.wholesale, 'wholesale', problems);
      const retailMinor = amountOrProblem(input.retail, 'retail', problems);
      assertValid(problems);
      const where = { skuId: input.skuId, unit: input.unit };
      return db().$transaction(async (tx) => {
        const before = await tx.skuPrice.findFirst({ where });
        const data = { wholesaleMinor: wholesaleMinor!, retailMinor: retailMinor! };
        const row = before
          ? await tx.skuPrice.update({ where: { id: before.id }, data })
          : await tx.skuPrice.create({ data: { ...where, ...data, tenantId: requireTenantId() } });
        if (input.unit === sku!.baseUnit)
          await appendEvents(tx, 'pricing', skuPriceChanged(input.skuId, before, row));
        return tx.skuPrice.findUniqueOrThrow({ ...query, where: { id: row.id } });
      });
    },
  }),
);

builder.mutationField('removeSkuPrice', (t) =>
  t.prismaField({
    type: [SkuBasePriceRef],
    description:
      'Boss or office: remove the own price of a unit (it then costs the base price × factor); returns the prices left.',
    authScopes: staffRoles,
    errors: { types: [ValidationError] },
    args: { skuId: t.arg.id({ required: true }), unit: t.arg.string({ required: true }) },
    resolve: async (query, _root, { skuId, unit }) => {
      const problems: Problem[] = [];
      const sku = await skuAndUnit(skuId, unit, problems);
      assertValid(problems);
      return db().$transaction(async (tx) => {
        const before = await tx.skuPrice.findFirst({ where: { skuId, unit } });
        if (before) {
          await tx.skuPrice.delete({ where: { id: before.id } });
          if (unit === sku!.baseUnit) await appendEvents(tx, 'pricing', skuPriceChanged(skuId, before, null));
        }
        return tx.skuPrice.findMany({ ...query, where: { skuId }, orderBy: { unit: 'asc' } });
      });
    },
  }),
);

const LevelPriceInput = builder.inputType('LevelPriceInput', {
  fields: (t) => ({
    skuId: t.id({ required: true }),
    levelId: t.id({ required: true, description: 'crm.CustomerLevel id.' }),
    unit: t.string({ required: true }),
    price: t.field({ type: 'Decimal', required: true }),
  }),
});

builder.mutationField('setLevelPrice', (t) =>
  t.prismaField({
    type: LevelPriceRef,
    description: 'Boss or office: set the price of a SKU in one unit for one customer level (等级价).',
    authScopes: staffRoles,
    errors: { types: [ValidationError] },
    args: { input: t.arg({ type: LevelPriceInput, required: true }) },
    resolve: async (query, _root, { input }) => {
      const problems: Problem[] = [];
      await skuAndUnit(input.skuId, input.unit, problems);
      await knownLevel(input.levelId, problems);
      const priceMinor = amountOrProblem(input.price, 'price', problems);
      assertValid(problems);
      const key = { skuId: input.skuId, levelId: input.levelId, unit: input.unit };
      return db().levelPrice.upsert({
        ...query,
        where: { tenantId_skuId_levelId_unit: { tenantId: requireTenantId(), ...key } },
        create: { ...key, priceMinor: priceMinor! },
        update: { priceMinor: priceMinor! },
      } as never);
    },
  }),
);

builder.mutationField('removeLevelPrice', (t) =>
  t.boolean({
    description: 'Boss or office: remove a level price; true when there was one.',
    authScopes: staffRoles,
    errors: { types: [ValidationError] },
    args: {
      skuId: t.arg.id({ required: true }),
      levelId: t.arg.id({ required: true }),
      unit: t.arg.string({ required: true }),
    },
    resolve: async (_root, args) => {
      const problems: Problem[] = [];
      await skuAndUnit(args.skuId, args.unit, problems);
      await knownLevel(args.levelId, problems);
      assertValid(problems);
      const { count } = await db().levelPrice.deleteMany({ where: args });
      return count > 0;
    },
  }),
);

const CustomerPriceInput = builder.inputType('CustomerPriceInput', {
  fields: (t) => ({
    customerId: t.id({ required: true }),
    skuId: t.id({ required: true }),
    unit: t.string({ required: true }),
    price: t.field({ type: 'Decimal', required: true }),
  }),
});

builder.mutationField('setCustomerPrice', (t) =>
  t.prismaField({
    type: CustomerPriceRef,
    description: 'Boss or office: set the price of a SKU in one unit for one customer (客户价).',
    authScopes: staffRoles,
    errors: { types: [ValidationError] },
    args: { input: t.arg({ type: CustomerPriceInput, required: true }) },
    resolve: async (query, _root, { input }) => {
      const problems: Problem[] = [];
      await knownCustomer(input.customerId, problems);
      await skuAndUnit(input.skuId, input.unit, problems);
      const priceMinor = amountOrProblem(input.price, 'price', problems);
      assertValid(problems);
      const key = { customerId: input.customerId, skuId: input.skuId, unit: input.unit };
      return db().$transaction(async (tx) => {
        const before = await tx.customerPrice.findFirst({ where: key });
        const row = before
          ? await tx.customerPrice.update({ where: { id: before.id }, data: { priceMinor: priceMinor! } })
          : await tx.customerPrice.create({
              data: { ...key, priceMinor: priceMinor!, tenantId: requireTenantId() },
            });
        if (before?.priceMinor !== priceMinor)
          await appendEvents(tx, 'pricing', [
            customerPriceChanged(key.customerId, key.skuId, key.unit, priceMinor!),
          ]);
        return tx.customerPrice.findUniqueOrThrow({ ...query, where: { id: row.id } });
      });
    },
  }),
);

builder.mutationField('removeCustomerPrice', (t) =>
  t.boolean({
    description:
      'Boss or office: remove a customer price (the customer falls back to its next price); true when there was one.',
    authScopes: staffRoles,
    errors: { types: [ValidationError] },
    args: {
      customerId: t.arg.id({ required: true }),
      skuId: t.arg.id({ required: true }),
      unit: t.arg.string({ required: true }),
    },
    resolve: async (_root, args) => {
      const problems: Problem[] = [];
      await knownCustomer(args.customerId, problems);
      await skuAndUnit(args.skuId, args.unit, problems);
      assertValid(problems);
      return db().$transaction(async (tx) => {
        const { count } = await tx.customerPrice.deleteMany({ where: args });
        if (count > 0)
          await appendEvents(tx, 'pricing', [
            customerPriceChanged(args.customerId, args.skuId, args.unit, null),
          ]);
        return count > 0;
      });
    },
  }),
);

const VolumeTierInput = builder.inputType('VolumeTierInput', {
  fields: (t) => ({
    minQuantity: t.int({ required: true, description: 'The break, in base units.' }),
    price: t.field({
      type: 'Decimal',
      required: true,
      description: 'Price of one unit from this quantity on.',
    }),
  }),
});

const SetVolumeTiersInput = builder.inputType('SetVolumeTiersInput', {
  fields: (t) => ({
    skuId: t.id({ required: true }),
    unit: t.string({ required: true }),
    tiers: t.field({
      type: [VolumeTierInput],
      required: true,
      description: 'Ascending quantity breaks; an empty list removes the tiers of this unit.',
    }),
  }),
});

builder.mutationField('setVolumeTiers', (t) =>
  t.prismaField({
    type: [VolumeTierRowRef],
    description: 'Boss or office: replace the volume tiers (阶梯价) of a SKU in one unit.',
    authScopes: staffRoles,
    errors: { types: [ValidationError] },
    args: { input: t.arg({ type: SetVolumeTiersInput, required: true }) },
    resolve: async (query, _root, { input }) => {
      const problems: Problem[] = [];
      await skuAndUnit(input.skuId, input.unit, problems);
      const checked = tierProblems(input.tiers);
      problems.push(...checked.problems);
      assertValid(problems);
      const where = { skuId: input.skuId, unit: input.unit };
      return db().$transaction(async (tx: Tx) => {
        await tx.volumeTier.deleteMany({ where });
        if (checked.tiers.length)
          await tx.volumeTier.createMany({
            data: checked.tiers.map((t) => ({
              ...where,
              tenantId: requireTenantId(),
              minQuantity: t.minQuantity,
              priceMinor: t.minor,
            })),
          });
        return tx.volumeTier.findMany({ ...query, where, orderBy: { minQuantity: 'asc' } });
      });
    },
  }),
);

const PricingSettingsInput = builder.inputType('PricingSettingsInput', {
  fields: (t) => ({
    trackLastPrice: t.boolean({ required: false, description: 'Resolve by the last sale price (上次售价).' }),
  }),
});

builder.mutationField('updatePricingSettings', (t) =>
  t.field({
    type: PricingSettingsRef,
    description: "Boss or office: the tenant's pricing switches.",
    authScopes: staffRoles,
    errors: { types: [ValidationError] },
    args: { input: t.arg({ type: PricingSettingsInput, required: true }) },
    resolve: async (_root, { input }) => {
      const data = input.trackLastPrice != null ? { trackLastPrice: input.trackLastPrice } : {};
      return db().pricingSettings.upsert({
        where: { tenantId: requireTenantId() },
        create: { ...SETTINGS_DEFAULTS, ...data },
        update: data,
      } as never);
    },
  }),
);
