import { groupedBy, type RequestContext, requestLoader } from '@wholesail/platform';
import { db } from '../db';
import type { UnitPrices } from '../domain/price-resolution';

/** Every price row of one SKU that matters for one customer (or for a guest when no customer). */
export interface PriceBook {
  wholesale: UnitPrices;
  retail: UnitPrices;
  level: UnitPrices;
  customer: UnitPrices;
  lastSale: UnitPrices;
}

function byUnit(rows: { unit: string; priceMinor: bigint }[]): UnitPrices {
  return new Map(rows.map((r) => [r.unit, r.priceMinor]));
}

async function settings(ctx: RequestContext) {
  return requestLoader(ctx, 'pricing.settings', async (keys: readonly string[]) => {
    const row = await db().pricingSettings.findFirst();
    return keys.map(() => row ?? { trackLastPrice: false, guestBrowsing: false });
  }).load('settings');
}

async function levelOf(ctx: RequestContext, customerId: string): Promise<string | null> {
  return requestLoader(ctx, 'pricing.level', async (ids: readonly string[]) => {
    const rows = await db().customerPriceProfile.findMany({ where: { customerId: { in: [...ids] } } });
    const map = new Map(rows.map((r) => [r.customerId, r.levelId]));
    return ids.map((id) => map.get(id) ?? null);
  }).load(customerId);
}

/**
 * Loads the price books of every SKU asked for in the same tick with a fixed number of
 * queries (4 or 5), whatever the page size.
 */
export function loadPriceBook(
  ctx: RequestContext,
  customerId: string | null,
  skuId: string,
): Promise<PriceBook> {
  return requestLoader<string, PriceBook>(ctx, `pricing.book:${customerId ?? ''}`, async (skuIds) => {
    const ids = [...skuIds];
    const [base, levelId, config] = await Promise.all([
      db().skuPrice.findMany({ where: { skuId: { in: ids } } }),
      customerId ? levelOf(ctx, customerId) : null,
      settings(ctx),
    ]);
    const [level, customer, lastSale] = await Promise.all([
      levelId ? db().levelPrice.findMany({ where: { levelId, skuId: { in: ids } } }) : [],
      customerId ? db().customerPrice.findMany({ where: { customerId, skuId: { in: ids } } }) : [],
      customerId && config.trackLastPrice
        ? db().lastSalePrice.findMany({ where: { customerId, skuId: { in: ids } } })
        : [],
    ]);
    const baseBySku = groupedBy(ids, base, (r) => r.skuId);
    const levelBySku = groupedBy(ids, level, (r) => r.skuId);
    const customerBySku = groupedBy(ids, customer, (r) => r.skuId);
    const lastBySku = groupedBy(ids, lastSale, (r) => r.skuId);
    return ids.map((_, i) => ({
      wholesale: new Map(baseBySku[i]!.map((r) => [r.unit, r.wholesaleMinor])),
      retail: new Map(baseBySku[i]!.map((r) => [r.unit, r.retailMinor])),
      level: byUnit(levelBySku[i]!),
      customer: byUnit(customerBySku[i]!),
      lastSale: byUnit(lastBySku[i]!),
    }));
  }).load(skuId);
}
