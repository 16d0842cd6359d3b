import { z } from '@wholesail/platform';
import { appliesToLevel, isRunning, type PromotionLike } from './eligibility';

/** rules of an ITEM_SPECIAL promotion: special price in fen of the base unit, per SKU id. */
export const itemSpecialRules = z.object({
  skuPrices: z.record(z.string(), z.number().int().positive()),
});

export interface SpecialCandidate extends PromotionLike {
  id: string;
  kind: string;
  rules: unknown;
}

export interface SpecialPrice {
  promotionId: string;
  /** fen per base unit */
  minor: number;
}

/**
 * The item special (特价) a viewer of `levelId` gets on `skuId` now: the lowest of the running
 * ITEM_SPECIAL promotions that name the SKU. Malformed rules are skipped, never applied.
 */
export function bestSpecial(
  promotions: readonly SpecialCandidate[],
  skuId: string,
  levelId: string | null | undefined,
  now: Date,
): SpecialPrice | null {
  let best: SpecialPrice | null = null;
  for (const p of promotions) {
    if (p.kind !== 'ITEM_SPECIAL' || !isRunning(p, now) || !appliesToLevel(p, levelId)) continue;
    const rules = itemSpecialRules.safeParse(p.rules);
    const minor = rules.success ? rules.data.skuPrices[skuId] : undefined;
    if (minor !== undefined && (!best || minor < best.minor)) best = { promotionId: p.id, minor };
  }
  return best;
}
