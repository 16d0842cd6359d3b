import { groupedBy, type RequestContext, requestLoader } from '@wholesail/platform';
import { db } from '../db';
import { bestSpecialFor, type SpecialAudience } from '../domain/item-specials';
import type { Tier, UnitPrices } from '../domain/price-resolution';

/** Every price row of one SKU that matters for one customer (or for a guest when no customer). */
export interface PriceBook {
  wholesale: UnitPrices;
  retail: UnitPrices;
  level: UnitPrices;
  customer: UnitPrices;
  lastSale: UnitPrices;
  tiers: Tier[];
  trackLastPrice: boolean;
  /** the item special (特价) running now for this customer (or for guests), fen per base unit */
  special: bigint | null;
}

export interface PriceProfile {
  customerId: string;
  levelId: string;
  ownerRepId: string | null;
}

function byUnit(rows: { unit: string; priceMinor: bigint }[]): UnitPrices {
  return new Map(rows.map((r) => [r.unit, r.priceMinor]));
}

export const SETTINGS_DEFAULTS = { trackLastPrice: false, guestBrowsing: false };

export async function pricingSettings(ctx: RequestContext) {
  return requestLoader(ctx, 'pricing.settings', async (keys: readonly string[]) => {
    const row = await db().pricingSettings.findFirst();
    return keys.map(() => row ?? SETTINGS_DEFAULTS);
  }).load('settings');
}

/** A customer's projection (level, owner rep), batched per request; null for an unknown customer. */
export async function priceProfile(ctx: RequestContext, customerId: string): Promise<PriceProfile | null> {
  return requestLoader(ctx, 'pricing.profile', async (ids: readonly string[]) => {
    const rows = await db().customerPriceProfile.findMany({ where: { customerId: { in: [...ids] } } });
    const map = new Map(rows.map((r) => [r.customerId, r]));
    return ids.map((id) => map.get(id) ?? null);
  }).load(customerId);
}

/**
 * Item specials of these SKUs running now that are open to this audience (in SQL: no level
 * limit or the customer's level, no customer limit or the customer), in one statement.
 */
function specialRows(ids: string[], audience: SpecialAudience, now: Date) {
  return db().itemSpecial.findMany({
    where: {
      skuId: { in: ids },
      startsAt: { lte: now },
      endsAt: { gt: now },
      AND: [
        {
          OR: [
            { levelIds: { isEmpty: true } },
            ...(audience.levelId ? [{ levelIds: { has: audience.levelId } }] : []),
          ],
        },
        {
          OR: [
            { customerIds: { isEmpty: true } },
            ...(audience.customerId ? [{ customerIds: { has: audience.customerId } }] : []),
          ],
        },
      ],
    },
    select: { skuId: true, minor: true, startsAt: true, endsAt: true, levelIds: true, customerIds: true },
  });
}

/**
 * Loads the price books of every SKU asked for in the same tick with a fixed number of
 * queries (at most 8: base prices, tiers, settings and the customer's profile, then its level,
 * customer and last sale prices and the item specials open to it), whatever the page size.
 * Without a customer the book is a guest's (specials without level or customer limits).
 */
export function loadPriceBook(
  ctx: RequestContext,
  customerId: string | null,
  skuId: string,
): Promise<PriceBook> {
  return requestLoader<string, PriceBook>(ctx, `pricing.book:${customerId ?? ''}`, async (skuIds) => {
    const ids = [...skuIds];
    const now = new Date();
    const [base, tiers, profile, config] = await Promise.all([
      db().skuPrice.findMany({ where: { skuId: { in: ids } } }),
      db().volumeTier.findMany({ where: { skuId: { in: ids } }, orderBy: { minQuantity: 'asc' } }),
      customerId ? priceProfile(ctx, customerId) : null,
      pricingSettings(ctx),
    ]);
    const levelId = profile?.levelId;
    const audience: SpecialAudience = { customerId, levelId: levelId ?? null };
    const [level, customer, lastSale, specials] = await Promise.all([
      levelId ? db().levelPrice.findMany({ where: { levelId, skuId: { in: ids } } }) : [],
      customerId ? db().customerPrice.findMany({ where: { customerId, skuId: { in: ids } } }) : [],
      customerId ? db().lastSalePrice.findMany({ where: { customerId, skuId: { in: ids } } }) : [],
      specialRows(ids, audience, now),
    ]);
    const baseBySku = groupedBy(ids, base, (r) => r.skuId);
    const tiersBySku = groupedBy(ids, tiers, (r) => r.skuId);
    const levelBySku = groupedBy(ids, level, (r) => r.skuId);
    const customerBySku = groupedBy(ids, customer, (r) => r.skuId);
    const lastBySku = groupedBy(ids, lastSale, (r) => r.skuId);
    const specialsBySku = groupedBy(ids, specials, (r) => r.skuId);
    return ids.map((_, i) => ({
      wholesale: new Map(baseBySku[i]!.map((r) => [r.unit, r.wholesaleMinor])),
      retail: new Map(baseBySku[i]!.map((r) => [r.unit, r.retailMinor])),
      level: byUnit(levelBySku[i]!),
      customer: byUnit(customerBySku[i]!),
      lastSale: byUnit(lastBySku[i]!),
      tiers: tiersBySku[i]!.map((t) => ({ unit: t.unit, minQuantity: t.minQuantity, minor: t.priceMinor })),
      trackLastPrice: config.trackLastPrice,
      // the SQL already narrowed them; the same rule in code keeps the two from drifting
      special: bestSpecialFor(specialsBySku[i]!, audience, now),
    }));
  }).load(skuId);
}
