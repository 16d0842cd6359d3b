import { type Audience, appliesToAudience, isRunning, type PromotionLike } from './eligibility';
import { itemSpecialRules } from './rules';

export { itemSpecialRules };

export interface SpecialCandidate extends PromotionLike {
  id: string;
  kind: string;
  rules: unknown;
}

export interface SpecialPrice {
  promotionId: string;
  /** fen per base unit */
  minor: number;
  startsAt: Date;
  endsAt: Date;
  flashSale: boolean;
}

/** `levelId` alone (older callers) means a customer of that level not named by id. */
function audienceOf(viewer: Audience | string | null): Audience {
  return typeof viewer === 'string' || viewer === null ? { customerId: null, levelId: viewer } : viewer;
}

/**
 * The item special (特价) a viewer gets on `skuId` now: the lowest of the running ITEM_SPECIAL
 * promotions that name the SKU and let the viewer in. Malformed rules are skipped, never applied.
 */
export function bestSpecial(
  promotions: readonly SpecialCandidate[],
  skuId: string,
  viewer: Audience | string | null,
  now: Date,
): SpecialPrice | null {
  const audience = audienceOf(viewer);
  let best: SpecialPrice | null = null;
  for (const p of promotions) {
    if (p.kind !== 'ITEM_SPECIAL' || !isRunning(p, now) || !appliesToAudience(p, audience)) continue;
    const rules = itemSpecialRules.safeParse(p.rules);
    const minor = rules.success ? rules.data.skuPrices[skuId] : undefined;
    if (minor !== undefined && (!best || minor < best.minor))
      best = {
        promotionId: p.id,
        minor,
        startsAt: p.startsAt,
        endsAt: p.endsAt,
        flashSale: rules.success && rules.data.flashSale === true,
      };
  }
  return best;
}
