import { type PromotionStatus, promotionStatus } from './promotion-input';
import type { PromotionKind } from './rules';
import { itemSpecialRules } from './rules';

/**
 * `PromotionChanged` (version 1, aggregate `Promotion`): the whole promotion as far as other
 * domains price or show it, sent in the transaction of every create, update and end. Consumers
 * replace what they keep of the promotion with it (pricing: its item specials).
 */
export interface PromotionChangedPayload {
  promotionId: string;
  kind: PromotionKind;
  /** at the time of the change; SCHEDULED becomes RUNNING by the clock, without an event */
  status: PromotionStatus;
  /** ISO 8601 */
  startsAt: string;
  endsAt: string;
  /** crm.CustomerLevel ids; empty = every level */
  levelIds: string[];
  /** crm.Customer ids; empty = every customer (of the levels above) */
  customerIds: string[];
  /** ITEM_SPECIAL: the special price of one base unit of each SKU, fen as a decimal string; empty for other kinds */
  specials: { skuId: string; minor: string }[];
  /** ITEM_SPECIAL: a time-limited flash sale (限时特价) */
  flashSale: boolean;
}

export const PROMOTION_CHANGED = 'PromotionChanged';

export interface PromotionFacts {
  id: string;
  kind: PromotionKind;
  active: boolean;
  startsAt: Date;
  endsAt: Date;
  levelIds: string[];
  customerIds: string[];
  rules: unknown;
}

/** The payload for a promotion as stored now (malformed special rules price nothing). */
export function promotionChangedPayload(p: PromotionFacts, now: Date): PromotionChangedPayload {
  const rules = p.kind === 'ITEM_SPECIAL' ? itemSpecialRules.safeParse(p.rules) : null;
  const special = rules?.success ? rules.data : null;
  return {
    promotionId: p.id,
    kind: p.kind,
    status: promotionStatus(p, now),
    startsAt: p.startsAt.toISOString(),
    endsAt: p.endsAt.toISOString(),
    levelIds: [...p.levelIds],
    customerIds: [...p.customerIds],
    specials: special
      ? Object.entries(special.skuPrices)
          .map(([skuId, minor]) => ({ skuId, minor: String(minor) }))
          .sort((a, b) => (a.skuId < b.skuId ? -1 : a.skuId > b.skuId ? 1 : 0))
      : [],
    flashSale: special?.flashSale === true,
  };
}

/** The outbox row of a change to `p`, for appendEvents. */
export function promotionChanged(tenantId: string, p: PromotionFacts, now: Date) {
  return {
    tenantId,
    aggregateType: 'Promotion',
    aggregateId: p.id,
    type: PROMOTION_CHANGED,
    version: 1,
    payload: promotionChangedPayload(p, now),
  };
}
