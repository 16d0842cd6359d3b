/**
 * How a product matches a search text, best first. The product list orders by this tier when
 * a search is given and the sort is DEFAULT (src/schema/product-query.ts computes the same
 * tiers in SQL); ties go by the catalog's sort order, then id.
 */
export const SEARCH_TIER = {
  /** a barcode of one of its SKUs or sale units equals the text */
  BARCODE: 0,
  /** the Chinese or English name, or the pinyin initials, start with the text */
  PREFIX: 1,
  /** the text occurs in the Chinese or English name or in the pinyin initials */
  CONTAINS: 2,
} as const;

export interface Searchable {
  name: string;
  nameEn: string;
  pinyin: string;
  barcodes?: readonly string[];
}

/** The tier of a match, or null when it does not match. `search` comes from normaliseSearch. */
export function searchTier(item: Searchable, search: { text: string; compact: string }): number | null {
  if (item.barcodes?.includes(search.compact)) return SEARCH_TIER.BARCODE;
  const name = item.name.toLowerCase();
  const nameEn = item.nameEn.toLowerCase();
  if (
    name.startsWith(search.text) ||
    nameEn.startsWith(search.text) ||
    item.pinyin.startsWith(search.compact)
  )
    return SEARCH_TIER.PREFIX;
  if (name.includes(search.text) || nameEn.includes(search.text) || item.pinyin.includes(search.compact))
    return SEARCH_TIER.CONTAINS;
  return null;
}

/** Orders matches: tier, then sort order, then id (deterministic). */
export function compareMatches(
  a: { tier: number; sortOrder: number; id: string },
  b: { tier: number; sortOrder: number; id: string },
): number {
  return a.tier - b.tier || a.sortOrder - b.sortOrder || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** A LIKE pattern matching `text` anywhere, with LIKE's own wildcards in it taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, '\\$&')}%`;
}
