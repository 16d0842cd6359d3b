/**
 * Item specials (特价) as pricing keeps them: marketing's `PromotionChanged` turned into one
 * `ItemSpecial` row per SKU of an ITEM_SPECIAL promotion that is scheduled or running, and the
 * rule that picks the special a viewer gets. A payload that is not understood is skipped.
 */
import { z } from '@wholesail/platform';

const fen = z.string().regex(/^\d{1,15}$/);

export const promotionChanged = z.object({
  promotionId: z.string().min(1),
  kind: z.string().min(1),
  status: z.string().min(1),
  startsAt: z.iso.datetime({ offset: true }),
  endsAt: z.iso.datetime({ offset: true }),
  levelIds: z.array(z.string()).default([]),
  customerIds: z.array(z.string()).default([]),
  specials: z.array(z.object({ skuId: z.string().min(1), minor: fen })).default([]),
  flashSale: z.boolean().optional(),
});

export interface ItemSpecialRow {
  promotionId: string;
  skuId: string;
  minor: bigint;
  startsAt: Date;
  endsAt: Date;
  levelIds: string[];
  customerIds: string[];
  flashSale: boolean;
}

/** Statuses whose specials may apply (now or later, by their window). ENDED, CANCELLED, ...: none. */
const LIVE = new Set(['SCHEDULED', 'RUNNING']);

/**
 * The rows a `PromotionChanged` payload means (they replace the promotion's rows): none for
 * another kind, or a promotion ended, cancelled or with an empty window; null when the payload
 * is not understood (the consumer then leaves the rows as they are).
 */
export function itemSpecialRows(payload: unknown): { promotionId: string; rows: ItemSpecialRow[] } | null {
  const parsed = promotionChanged.safeParse(payload);
  if (!parsed.success) return null;
  const p = parsed.data;
  const startsAt = new Date(p.startsAt);
  const endsAt = new Date(p.endsAt);
  if (p.kind !== 'ITEM_SPECIAL' || !LIVE.has(p.status) || endsAt.getTime() <= startsAt.getTime())
    return { promotionId: p.promotionId, rows: [] };
  const bySku = new Map<string, bigint>();
  for (const s of p.specials) {
    const minor = BigInt(s.minor);
    if (minor > 0n) bySku.set(s.skuId, minor);
  }
  const levelIds = [...new Set(p.levelIds.filter(Boolean))];
  const customerIds = [...new Set(p.customerIds.filter(Boolean))];
  return {
    promotionId: p.promotionId,
    rows: [...bySku].map(([skuId, minor]) => ({
      promotionId: p.promotionId,
      skuId,
      minor,
      startsAt,
      endsAt,
      levelIds,
      customerIds,
      flashSale: p.flashSale === true,
    })),
  };
}

/** Who a special is for: a customer (its level may be unknown) or a guest (customerId null). */
export interface SpecialAudience {
  customerId: string | null;
  levelId: string | null;
}

export interface SpecialWindow {
  minor: bigint;
  startsAt: Date;
  endsAt: Date;
  levelIds: readonly string[];
  customerIds: readonly string[];
}

/** Running at `now` (start included, end excluded, as marketing counts it). */
export function specialRunning(s: SpecialWindow, now: Date): boolean {
  return s.startsAt.getTime() <= now.getTime() && now.getTime() < s.endsAt.getTime();
}

/** Level and named-customer limits both let the viewer in; guests get only unlimited specials. */
export function specialOpenTo(s: SpecialWindow, audience: SpecialAudience): boolean {
  const levelOk =
    s.levelIds.length === 0 || (audience.levelId !== null && s.levelIds.includes(audience.levelId));
  const customerOk =
    s.customerIds.length === 0 ||
    (audience.customerId !== null && s.customerIds.includes(audience.customerId));
  return levelOk && customerOk;
}

/** The lowest special of one SKU running now for this audience, fen per base unit; null when none. */
export function bestSpecialFor(
  specials: readonly SpecialWindow[],
  audience: SpecialAudience,
  now: Date,
): bigint | null {
  let best: bigint | null = null;
  for (const s of specials) {
    if (!specialRunning(s, now) || !specialOpenTo(s, audience)) continue;
    if (best === null || s.minor < best) best = s.minor;
  }
  return best;
}
