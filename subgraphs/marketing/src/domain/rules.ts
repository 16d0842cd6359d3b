import { z } from '@wholesail/platform';

/** Kind-specific rules stored in Promotion.rules (money in fen, quantities in base units). */
export type PromotionKind =
  | 'ITEM_SPECIAL'
  | 'ORDER_AMOUNT_OFF'
  | 'ORDER_PERCENT_OFF'
  | 'ORDER_GIFT'
  | 'BUY_N_GET_M';

const fen = z.number().int().nonnegative();
const positive = z.number().int().positive();

/** 特价 / 限时特价: a special price per SKU (fen of the base unit). */
export const itemSpecialRules = z.object({
  skuPrices: z.record(z.string(), positive),
  flashSale: z.boolean().optional(),
});

const amountOffTier = z.object({ thresholdMinor: fen, offMinor: positive });
const percentOffTier = z.object({ thresholdMinor: fen, percentOff: z.number().int().min(1).max(99) });
const giftTier = z.object({
  thresholdMinor: fen,
  giftSkuId: z.string().min(1),
  giftQuantity: positive,
  giftUnit: z.string().optional(),
});

/** A single threshold (as the seed writes it) or ascending tiers (as staff CRUD writes it). */
function tiered<T extends z.ZodRawShape>(tier: z.ZodObject<T>) {
  return z.union([z.object({ tiers: z.array(tier).min(1) }), tier.transform((t) => ({ tiers: [t] }))]);
}

export const amountOffRules = tiered(amountOffTier);
export const percentOffRules = tiered(percentOffTier);
export const giftRules = tiered(giftTier);

/** 买N送M: buy `buy` of a SKU in the promotion's range, get `get` free (of `giftSkuId`, else the same SKU). */
export const buyGetRules = z.object({
  buy: positive,
  get: positive,
  skuId: z.string().optional(),
  giftSkuId: z.string().optional(),
  giftUnit: z.string().optional(),
});

export type ItemSpecialRules = z.infer<typeof itemSpecialRules>;
export type AmountOffTier = z.infer<typeof amountOffTier>;
export type PercentOffTier = z.infer<typeof percentOffTier>;
export type GiftTier = z.infer<typeof giftTier>;
export type BuyGetRules = z.infer<typeof buyGetRules>;

export type ParsedRules =
  | { kind: 'ITEM_SPECIAL'; rules: ItemSpecialRules }
  | { kind: 'ORDER_AMOUNT_OFF'; rules: { tiers: AmountOffTier[] } }
  | { kind: 'ORDER_PERCENT_OFF'; rules: { tiers: PercentOffTier[] } }
  | { kind: 'ORDER_GIFT'; rules: { tiers: GiftTier[] } }
  | { kind: 'BUY_N_GET_M'; rules: BuyGetRules };

/** The rules of a stored promotion, normalised (single thresholds become one tier); null when malformed. */
export function parseRules(kind: PromotionKind, rules: unknown): ParsedRules | null {
  const schema = {
    ITEM_SPECIAL: itemSpecialRules,
    ORDER_AMOUNT_OFF: amountOffRules,
    ORDER_PERCENT_OFF: percentOffRules,
    ORDER_GIFT: giftRules,
    BUY_N_GET_M: buyGetRules,
  }[kind];
  const parsed = schema.safeParse(rules);
  return parsed.success ? ({ kind, rules: parsed.data } as ParsedRules) : null;
}
