import { randomUUID } from 'node:crypto';
import { resolveCursorConnection } from '@pothos/plugin-relay';
import {
  appendEvents,
  assertValid,
  type InputProblem,
  type RequestContext,
  requireTenantId,
  ValidationError,
} from '@wholesail/platform';
import { Prisma } from '../../generated/prisma/client';
import { builder } from '../builder';
import { db } from '../db';
import {
  ADJUSTMENT_REASONS,
  adjustOnHand,
  STOCK_CHANGED,
  type StockQuantities,
  setInTransitQuantity,
  stockChangedPayload,
} from '../domain/stock-change';
import { unknownSkuOrWarehouse } from '../known';
import { type Settings, SkuRef, StockRef, type StockView, settings, stockView, WarehouseRef } from './stock';

const staffRoles = { role: ['BOSS', 'OFFICE'] as ('BOSS' | 'OFFICE')[] };

const ReasonEnum = builder.enumType('StockAdjustmentReason', {
  description: 'Why stock was adjusted: 盘点 stocktake, 破损 damage, 过期 expired, 盘盈 found, ...',
  values: ADJUSTMENT_REASONS,
});

// --- the ledger -------------------------------------------------------------------------------

export const StockMovementRef = builder.prismaObject('StockMovement', {
  description: 'A row of the append-only stock ledger: what changed, why, and the document behind it.',
  fields: (t) => ({
    id: t.exposeID('id'),
    sku: t.field({ type: SkuRef, resolve: (m) => ({ id: m.skuId }) }),
    warehouse: t.field({ type: WarehouseRef, resolve: (m) => ({ id: m.warehouseId }) }),
    delta: t.exposeInt('delta', { description: 'Change of on hand, base units.' }),
    inTransitDelta: t.exposeInt('inTransitDelta', { description: 'Change of in transit, base units.' }),
    reservedDelta: t.exposeInt('reservedDelta', {
      description: 'Change of reserved, base units (+ an order reserved, - released).',
    }),
    kind: t.exposeString('kind', {
      description: 'OPENING, ADJUSTMENT, IN_TRANSIT, RESERVE, RELEASE, ...',
    }),
    reason: t.exposeString('reason', { nullable: true }),
    note: t.exposeString('note', { nullable: true }),
    sourceType: t.exposeString('sourceType', { description: 'The kind of document that caused it.' }),
    sourceId: t.exposeString('sourceId', { description: 'The document (e.g. stocktake number).' }),
    staffId: t.exposeID('staffId', { nullable: true }),
    onHandAfter: t.exposeInt('onHandAfter', { nullable: true }),
    inTransitAfter: t.exposeInt('inTransitAfter', { nullable: true }),
    reservedAfter: t.exposeInt('reservedAfter', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

builder.queryField('stockMovements', (t) =>
  t.prismaConnection(
    {
      type: 'StockMovement',
      cursor: 'id',
      description: 'Staff: the stock ledger of a SKU (in one warehouse or all), newest first.',
      authScopes: { staff: true },
      args: { skuId: t.arg.id({ required: true }), warehouseId: t.arg.id({ required: false }) },
      resolve: (query, _root, args) =>
        db().stockMovement.findMany({
          ...query,
          where: { skuId: args.skuId, ...(args.warehouseId ? { warehouseId: args.warehouseId } : {}) },
          orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        }),
    },
    { name: 'StockMovementConnection' },
    { name: 'StockMovementEdge' },
  ),
);

// --- the console's stock view -----------------------------------------------------------------

const StockLevelFilter = builder.inputType('StockLevelFilter', {
  fields: (t) => ({
    skuIds: t.idList({
      required: false,
      description: 'Only these SKUs (e.g. the result of a catalog search).',
    }),
    belowAvailable: t.int({
      required: false,
      description: 'Only rows whose available is below this (replenishment view).',
    }),
    search: t.string({ required: false, description: 'Part of the SKU id.' }),
  }),
});

interface StockRow {
  id: string;
  skuId: string;
  warehouseId: string;
  onHand: number;
  reserved: number;
  inTransit: number;
}

builder.queryField('stockLevels', (t) =>
  t.connection(
    {
      type: StockRef,
      description:
        'Staff: stock rows of one warehouse by SKU id, in one SQL statement per page. The gateway fills `sku { name code }` from catalog.',
      authScopes: { staff: true },
      args: {
        warehouseId: t.arg.id({ required: true }),
        filter: t.arg({ type: StockLevelFilter, required: false }),
      },
      resolve: async (_root, args, ctx) => {
        const config = await settings(ctx);
        const filter = args.filter ?? {};
        const tenantId = requireTenantId();
        return resolveCursorConnection<Promise<StockView[]>>(
          { args, toCursor: (s: StockView) => s.skuId, defaultSize: 50, maxSize: 200 },
          async ({ before, after, limit, inverted }): Promise<StockView[]> => {
            const where: Prisma.Sql[] = [
              Prisma.sql`"tenantId" = ${tenantId}`,
              Prisma.sql`"warehouseId" = ${args.warehouseId}`,
            ];
            if (filter.skuIds) where.push(Prisma.sql`"skuId" = ANY(${[...filter.skuIds]}::text[])`);
            if (filter.belowAvailable != null) {
              const transit = config.countInTransit ? Prisma.sql`+ "inTransit"` : Prisma.empty;
              where.push(
                Prisma.sql`GREATEST(0, "onHand" - "reserved" ${transit}) < ${filter.belowAvailable}`,
              );
            }
            if (filter.search?.trim())
              where.push(Prisma.sql`"skuId" ILIKE ${`%${filter.search.trim().replace(/[\\%_]/g, '\\$&')}%`}`);
            if (after) where.push(Prisma.sql`"skuId" > ${after}`);
            if (before) where.push(Prisma.sql`"skuId" < ${before}`);
            const order = inverted ? Prisma.sql`DESC` : Prisma.sql`ASC`;
            const rows = await db().$queryRaw<StockRow[]>`
              SELECT "id", "skuId", "warehouseId", "onHand", "reserved", "inTransit"
              FROM "inventory"."Stock" WHERE ${Prisma.join(where, ' AND ')}
              ORDER BY "skuId" ${order} LIMIT ${limit}`;
            return rows.map((r) => stockView(r, config, true));
          },
        );
      },
    },
    { name: 'StockConnection' },
    { name: 'StockEdge' },
  ),
);

// --- staff changes ----------------------------------------------------------------------------

const AdjustStockInput = builder.inputType('AdjustStockInput', {
  fields: (t) => ({
    skuId: t.id({ required: true }),
    warehouseId: t.id({ required: true }),
    quantity: t.int({ required: true, description: 'Change of on hand in base units: +5 found, -3 broken.' }),
    reason: t.field({ type: ReasonEnum, required: true }),
    note: t.string({ required: false }),
    documentNo: t.string({ required: false, description: 'The source document, e.g. a stocktake number.' }),
  }),
});

const SetInTransitInput = builder.inputType('SetInTransitInput', {
  fields: (t) => ({
    skuId: t.id({ required: true }),
    warehouseId: t.id({ required: true, description: 'The warehouse the goods are on their way to.' }),
    quantity: t.int({
      required: true,
      description: 'The new quantity in transit, base units (0 = arrived).',
    }),
    reason: t.field({ type: ReasonEnum, required: false, description: 'PURCHASE or TRANSFER, usually.' }),
    note: t.string({ required: false }),
    documentNo: t.string({ required: false, description: 'Purchase order or transfer number.' }),
  }),
});

function idProblems(input: {
  skuId: string;
  warehouseId: string;
  documentNo?: string | null;
}): InputProblem[] {
  const problems: InputProblem[] = [];
  if (!input.skuId.trim()) problems.push({ field: 'skuId', message: '请选择商品 (skuId is required)' });
  if (!input.warehouseId.trim())
    problems.push({ field: 'warehouseId', message: '请选择仓库 (warehouseId is required)' });
  if (input.documentNo != null && input.documentNo.length > 64)
    problems.push({ field: 'documentNo', message: '单据号最多 64 位 (documentNo is at most 64 characters)' });
  return problems;
}

/**
 * One stock change in one transaction: lock (or create) the row, apply the rule, write the
 * row, its ledger entry and `StockChanged` last. A refusal throws and rolls everything back.
 */
async function changeStock(
  ctx: RequestContext,
  input: { skuId: string; warehouseId: string; note?: string | null; documentNo?: string | null },
  kind: 'ADJUSTMENT' | 'IN_TRANSIT',
  reason: string | null,
  rule: (stock: StockQuantities) => ReturnType<typeof adjustOnHand>,
) {
  assertValid(idProblems(input));
  assertValid(await unknownSkuOrWarehouse(input.skuId.trim(), input.warehouseId.trim()));
  const config: Settings = await settings(ctx);
  const tenantId = requireTenantId();
  const staffId = ctx.viewer.kind === 'staff' ? ctx.viewer.staffId : null;
  const { skuId, warehouseId } = input;
  return db().$transaction(async (tx) => {
    await tx.$executeRaw`
      INSERT INTO "inventory"."Stock" ("id", "tenantId", "skuId", "warehouseId")
      VALUES (${`stk_${randomUUID()}`}, ${tenantId}, ${skuId}, ${warehouseId})
      ON CONFLICT ("tenantId", "skuId", "warehouseId") DO NOTHING`;
    const [before] = await tx.$queryRaw<StockRow[]>`
      SELECT "id", "skuId", "warehouseId", "onHand", "reserved", "inTransit" FROM "inventory"."Stock"
      WHERE "tenantId" = ${tenantId} AND "skuId" = ${skuId} AND "warehouseId" = ${warehouseId} FOR UPDATE`;
    if (!before) throw new Error('stock row vanished');
    const result = rule(before);
    if (!result.ok) throw new ValidationError(result.problems[0]!.message, result.problems);
    const after = result.stock;
    await tx.stock.update({
      where: { id: before.id },
      data: { onHand: after.onHand, inTransit: after.inTransit },
    });
    const movementId = `mv_${randomUUID()}`;
    await tx.stockMovement.create({
      data: {
        id: movementId,
        tenantId,
        skuId,
        warehouseId,
        delta: after.onHand - before.onHand,
        inTransitDelta: after.inTransit - before.inTransit,
        kind,
        reason,
        note: input.note?.trim() || null,
        sourceType: kind === 'ADJUSTMENT' ? 'STOCK_ADJUSTMENT' : 'IN_TRANSIT_UPDATE',
        sourceId: input.documentNo?.trim() || movementId,
        staffId,
        onHandAfter: after.onHand,
        inTransitAfter: after.inTransit,
        reservedAfter: after.reserved,
      },
    });
    await appendEvents(tx, 'inventory', [
      {
        tenantId,
        aggregateType: 'Sku',
        aggregateId: skuId,
        type: STOCK_CHANGED,
        version: 1,
        payload: stockChangedPayload(skuId, warehouseId, after, config.countInTransit),
      },
    ]);
    return stockView({ skuId, warehouseId, ...after }, config, true);
  });
}

builder.mutationField('adjustStock', (t) =>
  t.field({
    type: StockRef,
    description:
      'Boss or office: change on hand by a delta (stocktake, damage, found, ...), with a ledger row. On hand never goes below reserved.',
    authScopes: staffRoles,
    errors: { types: [ValidationError] },
    args: { input: t.arg({ type: AdjustStockInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      changeStock(ctx, input, 'ADJUSTMENT', input.reason, (stock) =>
        adjustOnHand(stock, input.quantity, input.note),
      ),
  }),
);

builder.mutationField('setInTransit', (t) =>
  t.field({
    type: StockRef,
    description:
      'Boss or office: the quantity of a SKU on its way to a warehouse (a purchase or transfer), with a ledger row.',
    authScopes: staffRoles,
    errors: { types: [ValidationError] },
    args: { input: t.arg({ type: SetInTransitInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      changeStock(ctx, input, 'IN_TRANSIT', input.reason ?? null, (stock) =>
        setInTransitQuantity(stock, input.quantity, input.note),
      ),
  }),
);
