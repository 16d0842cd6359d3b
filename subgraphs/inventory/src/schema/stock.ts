import { type RequestContext, requestLoader } from '@wholesail/platform';
import { builder } from '../builder';
import { db } from '../db';
import { available, type StockLevel, stockLevel } from '../domain/availability';

export const SETTINGS_DEFAULTS = {
  defaultWarehouseId: null as string | null,
  showExactStock: true,
  lowStockThreshold: 10,
  countInTransit: false,
  allowBackorder: false,
  reservationHoldSeconds: 120,
};
export type Settings = typeof SETTINGS_DEFAULTS;

/** The tenant's inventory settings, once per request. */
export function settings(ctx: RequestContext): Promise<Settings> {
  return requestLoader(ctx, 'inventory.settings', async (keys: readonly string[]) => {
    const row = await db().inventorySettings.findFirst();
    return keys.map(() => (row ? { ...SETTINGS_DEFAULTS, ...row } : SETTINGS_DEFAULTS));
  }).load('settings');
}

/** A stock row as shown to one viewer. */
export interface StockView {
  skuId: string;
  warehouseId: string | null;
  onHand: number;
  reserved: number;
  inTransit: number;
  /** the viewer may see numbers (staff always; customers when the tenant shows exact stock) */
  exact: boolean;
  lowThreshold: number;
  countInTransit: boolean;
}

export function stockView(
  row: { skuId: string; warehouseId: string | null; onHand: number; reserved: number; inTransit: number },
  config: Settings,
  exact: boolean,
): StockView {
  return {
    skuId: row.skuId,
    warehouseId: row.warehouseId,
    onHand: row.onHand,
    reserved: row.reserved,
    inTransit: row.inTransit,
    exact,
    lowThreshold: config.lowStockThreshold,
    countInTransit: config.countInTransit,
  };
}

export const StockLevelEnum = builder.enumType('StockLevel', {
  values: ['IN_STOCK', 'LOW', 'OUT'] as const,
});

export const WarehouseRef = builder
  .externalRef('Warehouse', builder.selection<{ id: string }>('id'))
  .implement({
    externalFields: () => ({}),
    fields: (t) => ({ id: t.exposeID('id') }),
  });

export const SkuRef = builder.externalRef('Sku', builder.selection<{ id: string }>('id'));

const staffOnly = { staff: true, service: true } as const;

export const StockRef = builder.objectRef<StockView>('Stock').implement({
  description: 'Stock of a SKU in one warehouse, in base units.',
  fields: (t) => ({
    available: t.int({
      nullable: true,
      description:
        'On hand minus reserved (plus in transit when the tenant counts it). Null for customers when the tenant shows only in stock / low / out.',
      resolve: (s) => (s.exact ? available(s, s.countInTransit) : null),
    }),
    level: t.field({
      type: StockLevelEnum,
      resolve: (s): StockLevel => stockLevel(available(s, s.countInTransit), s.lowThreshold),
    }),
    onHand: t.int({ authScopes: staffOnly, resolve: (s) => s.onHand }),
    reserved: t.int({ authScopes: staffOnly, resolve: (s) => s.reserved }),
    inTransit: t.int({ authScopes: staffOnly, resolve: (s) => s.inTransit }),
    warehouse: t.field({
      type: WarehouseRef,
      nullable: true,
      resolve: (s) => (s.warehouseId ? { id: s.warehouseId } : null),
    }),
    sku: t.field({
      type: SkuRef,
      description: 'The SKU (names, codes and units come from catalog).',
      resolve: (s) => ({ id: s.skuId }),
    }),
  }),
});
