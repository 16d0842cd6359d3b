import { groupedBy, type RequestContext, requestLoader } from '@wholesail/platform';
import { db } from '../db';
import { SkuRef, StockRef, settings, stockView } from './stock';

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
  if (ctx.viewer.kind === 'staff' || ctx.viewer.kind === 'service') return asked ?? config.defaultWarehouseId;
  return config.defaultWarehouseId;
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

SkuRef.implement({
  externalFields: () => ({}),
  fields: (t) => ({
    id: t.exposeID('id'),
    stock: t.field({
      type: StockRef,
      nullable: true,
      description:
        "Stock in the viewer's warehouse (a customer's assigned one, else the tenant's default; staff: `warehouseId` or the default).",
      args: { warehouseId: t.arg.id({ required: false }) },
      resolve: async (sku, args, ctx) => {
        if (ctx.viewer.kind === 'none') return null;
        const [warehouseId, config] = await Promise.all([
          viewerWarehouse(ctx, args.warehouseId),
          settings(ctx),
        ]);
        if (!warehouseId) return null;
        const row = await stockRows(ctx, warehouseId, sku.id);
        const staff = ctx.viewer.kind === 'staff' || ctx.viewer.kind === 'service';
        return stockView(
          { skuId: sku.id, warehouseId, onHand: 0, reserved: 0, inTransit: 0, ...row },
          config,
          staff || config.showExactStock,
        );
      },
    }),
    stockByWarehouse: t.field({
      type: [StockRef],
      description: 'Staff: stock of this SKU in every warehouse that has a stock row for it.',
      authScopes: { staff: true, service: true },
      resolve: async (sku, _args, ctx) => {
        const [rows, config] = await Promise.all([allWarehouseRows(ctx, sku.id), settings(ctx)]);
        return rows.map((r) => stockView(r, config, true));
      },
    }),
  }),
});
