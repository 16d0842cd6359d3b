/**
 * Pure rules of applying promotions and a coupon to an order (MKT-2..MKT-6), money in integer
 * fen (bigint). The order of ../shared/DOMAIN.md "Decisions": item specials are already in the
 * line amounts (pricing); of the whole-order threshold promotions (满减, 满折, 满赠) the single best
 * for the customer applies, plus every one marked stackable; buy-N-get-M (买赠) adds gift lines;
 * then at most one coupon, measured on what its lines come to after the promotions.
 * Percentages round half up to the fen (at most half a fen against the customer).
 */
import {
  type Audience,
  appliesToAudience,
  appliesToProduct,
  isRunning,
  type PromotionLike,
} from './eligibility';
import { type PromotionKind, parseRules } from './rules';

export interface OrderLine {
  skuId: string;
  productId: string;
  brandId: string;
  /** the line's category and its ancestors */
  categoryIds: string[];
  /** base units */
  quantity: number;
  /** fen, after item specials */
  amount: bigint;
}

export interface ApplicablePromotion extends PromotionLike {
  id: string;
  kind: PromotionKind;
  title: string;
  titleEn: string;
  stackable: boolean;
  rules: unknown;
}

export interface AppliedPromotion {
  promotionId: string;
  kind: PromotionKind;
  title: string;
  titleEn: string;
  discount: bigint;
  /** indexes of the lines it was measured on */
  lineIndexes: number[];
}

export interface Gift {
  skuId: string;
  quantity: number;
  promotionId: string;
  /** the unit `quantity` counts when the promotion names one (e.g. 箱); null = base units */
  unit: string | null;
}

export interface PromotionOutcome {
  applied: AppliedPromotion[];
  gifts: Gift[];
  /** total of order-level discounts (never above the lines' total) */
  discount: bigint;
  /** each line's share of `discount` (same order as the lines) */
  lineDiscounts: bigint[];
}

/** The smaller of two amounts (Math.min does not take bigint). */
export function minOf(a: bigint, b: bigint): bigint {
  return a < b ? a : b;
}

/** a × percent / 100, half up. */
export function percentOf(amount: bigint, percent: number): bigint {
  return (amount * BigInt(percent) + 50n) / 100n;
}

function matches(p: PromotionLike, line: OrderLine): boolean {
  return appliesToProduct(p, {
    id: line.productId,
    brandId: line.brandId,
    categoryIds: line.categoryIds,
    skuIds: [line.skuId],
  });
}

/** Splits `total` over lines in proportion to their amounts (floor, the rest to the largest lines first). */
export function allocate(total: bigint, amounts: bigint[]): bigint[] {
  const sum = amounts.reduce((a, b) => a + b, 0n);
  if (sum <= 0n || total <= 0n) return amounts.map(() => 0n);
  const shares = amounts.map((a) => (total * a) / sum);
  let rest = total - shares.reduce((a, b) => a + b, 0n);
  const byRemainder = amounts
    .map((a, i) => ({ i, r: (total * a) % sum }))
    .sort((x, y) => (y.r > x.r ? 1 : y.r < x.r ? -1 : x.i - y.i));
  for (const { i } of byRemainder) {
    if (rest <= 0n) break;
    shares[i]! += 1n;
    rest -= 1n;
  }
  return shares;
}

interface Candidate {
  applied: AppliedPromotion;
  gifts: Gift[];
  /** what it is worth to the customer: its discount plus the gifts at their list price */
  value: bigint;
}

/**
 * The promotions that apply to an order. `giftPrice` is the list price of one base unit of a
 * SKU (null when unknown): it weighs a 满赠 against a 满减 when choosing the best.
 */
export function applyPromotions(
  promotions: readonly ApplicablePromotion[],
  lines: readonly OrderLine[],
  audience: Exclude<Audience, undefined>,
  now: Date,
  giftPrice: (skuId: string) => bigint | null = () => null,
): PromotionOutcome {
  const running = promotions
    .filter((p) => p.kind !== 'ITEM_SPECIAL' && isRunning(p, now) && appliesToAudience(p, audience))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const thresholds: (Candidate & { stackable: boolean })[] = [];
  const gifts: Gift[] = [];
  const buyGets: AppliedPromotion[] = [];

  for (const p of running) {
    const parsed = parseRules(p.kind, p.rules);
    if (!parsed) continue;
    const indexes = lines.flatMap((l, i) => (matches(p, l) ? [i] : []));
    if (indexes.length === 0) continue;
    const base = indexes.reduce((s, i) => s + lines[i]!.amount, 0n);
    const applied = (discount: bigint): AppliedPromotion => ({
      promotionId: p.id,
      kind: p.kind,
      title: p.title,
      titleEn: p.titleEn,
      discount,
      lineIndexes: indexes,
    });

    if (parsed.kind === 'BUY_N_GET_M') {
      const { buy, get, skuId, giftSkuId, giftUnit } = parsed.rules;
      // per SKU bought: every `buy` base units give `get`
      const bySku = new Map<string, number>();
      for (const i of indexes) {
        const l = lines[i]!;
        if (skuId && l.skuId !== skuId) continue;
        bySku.set(l.skuId, (bySku.get(l.skuId) ?? 0) + l.quantity);
      }
      const mine: Gift[] = [];
      for (const [sku, quantity] of [...bySku].sort(([a], [b]) => (a < b ? -1 : 1))) {
        const times = Math.floor(quantity / buy);
        if (times > 0)
          mine.push({
            skuId: giftSkuId ?? sku,
            quantity: times * get,
            promotionId: p.id,
            unit: giftUnit ?? null,
          });
      }
      if (mine.length) {
        gifts.push(...mine);
        buyGets.push(applied(0n));
      }
      continue;
    }
    if (parsed.kind === 'ITEM_SPECIAL') continue;

    // the highest tier the matching lines reach (tiers ascend; a 0 threshold is no minimum)
    const tier = [...parsed.rules.tiers]
      .sort((a, b) => b.thresholdMinor - a.thresholdMinor)
      .find((t) => base >= BigInt(t.thresholdMinor) && base > 0n);
    if (!tier) continue;
    let candidate: Candidate;
    if (parsed.kind === 'ORDER_AMOUNT_OFF') {
      const off = BigInt((tier as { offMinor: number }).offMinor);
      const discount = minOf(off, base);
      candidate = { applied: applied(discount), gifts: [], value: discount };
    } else if (parsed.kind === 'ORDER_PERCENT_OFF') {
      const discount = percentOf(base, (tier as { percentOff: number }).percentOff);
      candidate = { applied: applied(discount), gifts: [], value: discount };
    } else {
      const t = tier as { giftSkuId: string; giftQuantity: number; giftUnit?: string };
      const gift: Gift = {
        skuId: t.giftSkuId,
        quantity: t.giftQuantity,
        promotionId: p.id,
        unit: t.giftUnit ?? null,
      };
      // a gift in a named unit is weighed at one base unit each (the factor is not known here)
      const value = (giftPrice(t.giftSkuId) ?? 0n) * BigInt(t.giftQuantity);
      candidate = { applied: applied(0n), gifts: [gift], value };
    }
    thresholds.push({ ...candidate, stackable: p.stackable });
  }

  // the single best non-stackable one (most value, then most discount, then the lowest id), plus all stackable ones
  let best: Candidate | undefined;
  for (const c of thresholds.filter((c) => !c.stackable)) {
    if (
      !best ||
      c.value > best.value ||
      (c.value === best.value && c.applied.discount > best.applied.discount)
    )
      best = c;
  }
  const chosen = thresholds.filter((c) => c.stackable || c === best);

  // each measured on the line amounts; together never more than the lines come to
  const lineDiscounts = lines.map(() => 0n);
  const applied: AppliedPromotion[] = [];
  for (const c of chosen) {
    const room = c.applied.lineIndexes.map((i) => lines[i]!.amount - lineDiscounts[i]!);
    const roomTotal = room.reduce((a, b) => a + b, 0n);
    const discount = minOf(c.applied.discount, roomTotal);
    const shares = allocate(discount, room);
    c.applied.lineIndexes.forEach((i, k) => {
      lineDiscounts[i]! += shares[k]!;
    });
    applied.push({ ...c.applied, discount });
    gifts.push(...c.gifts);
  }
  applied.push(...buyGets);
  const discount = lineDiscounts.reduce((a, b) => a + b, 0n);
  return { applied, gifts: mergeGifts(gifts), discount, lineDiscounts };
}

function mergeGifts(gifts: Gift[]): Gift[] {
  const out: Gift[] = [];
  for (const g of gifts) {
    const same = out.find((o) => o.skuId === g.skuId && o.promotionId === g.promotionId && o.unit === g.unit);
    if (same) same.quantity += g.quantity;
    else out.push({ ...g });
  }
  return out;
}
