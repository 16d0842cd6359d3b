import { groupedBy, type RequestContext, requestLoader } from '@wholesail/platform';
import { builder } from '../builder';
import { db } from '../db';
import { available, type StockLevel, stockLevel } from '../domain/availability';

interface StockView {
  warehouseId: string | null;
  onHand: number;
  reserved: number;
  inTransit: number;
  exact: boolean;
  lowThreshold: number;
}

const StockLevelEnum = builder.enumType('StockLevel', { values: ['IN_STOCK', 'LOW', 'OUT'] as const });

const WarehouseRef = builder.externalRef('Warehouse', builder.selection<{ id: string }>('id')).implement({
  externalFields: () => ({}),
  fields: (t) => ({ id: t.exposeID('id') }),
});

const StockRef = builder.objectRef<StockView>('Stock').implement({
  description: 'Stock of a SKU in one warehouse, in base units.',
  fields: (t) => ({
    available: t.int({
      nullable: true,
      description:
        'On hand minus reserved. Null for customers when the tenant shows only in stock / low / out.',
      resolve: (s) => (s.exact ? available(s) : null),
    }),
    level: t.field({
      type: StockLevelEnum,
      resolve: (s): StockLevel => stockLevel(available(s), s.lowThreshold),
    }),
    onHand: t.int({ authScopes: { staff: true, service: true }, resolve: (s) => s.onHand }),
    reserved: t.int({ authScopes: { staff: true, service: true }, resolve: (s) => s.reserved }),
    inTransit: t.int({ authScopes: { staff: true, service: true }, resolve: (s) => s.inTransit }),
    warehouse: t.field({
      type: WarehouseRef,
      nullable: true,
      resolve: (s) => (s.warehouseId ? { id: s.warehouseId } : null),
    }),
  }),
});

function settings(ctx: RequestContext) {
  return requestLoader(ctx, 'inventory.settings', async (keys: readonly string[]) => {
    const row = await db().inventorySettings.findFirst();
    return keys.map(() => row ?? { defaultWarehouseId: null, showExactStock: true, lowStockThreshold: 10 });
  }).load('settings');
}

function customerWarehouse(ctx: RequestContext, customerId: string) {
  return requestLoader(ctx, 'inventory.customerWarehouse', async (ids: readonly string[]) => {
    const rows = await db().customerWarehouse.findMany({ where: { customerId: { in: [...ids] } } });
    const map = new Map(rows.map((r) => [r.customerId, r.warehouseId]));
    return ids.map((id) => map.get(id) ?? null);
  }).load(customerId);
}

/** The warehouse whose stock this viewer sees: its own for a customer, else the asked or default one. */
async function viewerWarehouse(
  ctx: RequestContext,
  asked: string | null | undefined,
): Promise<string | null> {
  const config = await settings(ctx);
  if (ctx.viewer.kind === 'customer') {
    return (await customerWarehouse(ctx, ctx.viewer.customerId)) ?? config.defaultWarehouseId;
  }
  return asked ?? config.defaultWarehouseId;
}

function stockRows(ctx: RequestContext, warehouseId: string, skuId: string) {
  return requestLoader(ctx, `inventory.stock:${warehouseId}`, async (skuIds: readonly string[]) => {
    const rows = await db().stock.findMany({ where: { warehouseId, skuId: { in: [...skuIds] } } });
    return groupedBy(skuIds, rows, (r) => r.skuId).map((list) => list[0] ?? null);
  }).load(skuId);
}

function allWarehouseRows(ctx: RequestContext, skuId: string) {
  return requestLoader(ctx, 'inventory.stockAll', async (skuIds: readonly string[]) => {
    const rows = await db().stock.findMany({
      where: { skuId: { in: [...skuIds] } },
      orderBy: { warehouseId: 'asc' },
    });
    return groupedBy(skuIds, rows, (r) => r.skuId);
  }).load(skuId);
}

builder.externalRef('Sku', builder.selection<{ id: string }>('id')).implement({
  externalFields: () => ({}),
  fields: (t) => ({
    id: t.exposeID('id'),
    stock: t.field({
      type: StockRef,
      nullable: true,
      description:
        "Stock in the viewer's warehouse (a customer's assigned one; staff: `warehouseId` or the default).",
      args: { warehouseId: t.arg.id({ required: false }) },
      resolve: async (sku, args, ctx) => {
        if (ctx.viewer.kind === 'none') return null;
        const [warehouseId, config] = await Promise.all([
          viewerWarehouse(ctx, args.warehouseId),
          settings(ctx),
        ]);
        if (!warehouseId) return null;
        const row = await stockRows(ctx, warehouseId, sku.id);
        return {
          warehouseId,
          onHand: row?.onHand ?? 0,
          reserved: row?.reserved ?? 0,
          inTransit: row?.inTransit ?? 0,
          exact: ctx.viewer.kind === 'staff' || ctx.viewer.kind === 'service' || config.showExactStock,
          lowThreshold: config.lowStockThreshold,
        };
      },
    }),
    stockByWarehouse: t.field({
      type: [StockRef],
      description: 'Staff: stock of this SKU in every warehouse.',
      authScopes: { staff: true, service: true },
      resolve: async (sku, _args, ctx) => {
        const [rows, config] = await Promise.all([allWarehouseRows(ctx, sku.id), settings(ctx)]);
        return rows.map((r) => ({ ...r, exact: true, lowThreshold: config.lowStockThreshold }));
      },
    }),
  }),
});
