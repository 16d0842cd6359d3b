import type { Viewer } from '@wholesail/platform';

/**
 * What a viewer may see of the catalog. Staff and services see everything. Customers see
 * on-shelf products of brands that are open, or restricted but authorised for them, by name
 * or by their level (the level comes from the CustomerProfile projection). Guests see on-shelf
 * products of open brands.
 */
export interface CatalogAccess {
  /** staff and services: no restriction */
  all: boolean;
  customerId: string | null;
  levelId: string | null;
  /** the warehouse serving the customer, for the in-stock filter */
  warehouseId: string | null;
}

export function catalogAccess(
  viewer: Viewer,
  profile?: { levelId: string | null; warehouseId: string | null } | null,
): CatalogAccess {
  if (viewer.kind === 'staff' || viewer.kind === 'service')
    return { all: true, customerId: null, levelId: null, warehouseId: null };
  if (viewer.kind === 'customer')
    return {
      all: false,
      customerId: viewer.customerId,
      levelId: profile?.levelId ?? null,
      warehouseId: profile?.warehouseId ?? null,
    };
  return { all: false, customerId: null, levelId: null, warehouseId: null };
}

/** Prisma filter on Brand: the brands this access may see. */
export function brandVisibility(access: CatalogAccess): Record<string, unknown> {
  if (access.all) return {};
  const grants: Record<string, unknown>[] = [];
  if (access.customerId) grants.push({ customerId: access.customerId });
  if (access.levelId) grants.push({ levelId: access.levelId });
  if (grants.length === 0) return { restricted: false };
  return {
    OR: [
      { restricted: false },
      { authorizations: { some: grants.length === 1 ? grants[0] : { OR: grants } } },
    ],
  };
}

/** Prisma filter on Product: on the shelf and of a visible brand (nothing for staff). */
export function productVisibility(access: CatalogAccess): Record<string, unknown> {
  if (access.all) return {};
  return { onShelf: true, brand: brandVisibility(access) };
}

/** Folds a search text for matching: trimmed, lowercased, inner spaces removed for pinyin. */
export function normaliseSearch(text: string): { text: string; compact: string } | null {
  const t = text.trim().toLowerCase().replace(/\s+/g, ' ');
  if (!t) return null;
  return { text: t, compact: t.replace(/\s+/g, '') };
}
