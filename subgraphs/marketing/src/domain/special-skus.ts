import { itemSpecialRules } from './rules';

/** The SKUs an item special prices, or null for malformed rules. */
export function specialSkus(rules: unknown): string[] | null {
  const parsed = itemSpecialRules.safeParse(rules);
  return parsed.success ? Object.keys(parsed.data.skuPrices) : null;
}
