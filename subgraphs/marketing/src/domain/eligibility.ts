/** Pure rules: which promotions a product qualifies for, for which viewer, at which time. */
export interface PromotionLike {
  active: boolean;
  startsAt: Date;
  endsAt: Date;
  levelIds: string[];
  customerIds?: string[];
  targets: {
    productId: string | null;
    skuId: string | null;
    brandId: string | null;
    categoryId: string | null;
  }[];
}

export interface ProductFacts {
  id: string;
  brandId: string;
  categoryIds: string[];
  skuIds: string[];
}

/** Who is looking: undefined for staff (they see every promotion), else the customer (or guest: nulls). */
export type Audience = { customerId: string | null; levelId: string | null } | undefined;

export function isRunning(p: PromotionLike, now: Date): boolean {
  return p.active && p.startsAt.getTime() <= now.getTime() && now.getTime() < p.endsAt.getTime();
}

/** levelId null: a viewer with no level (guest); staff pass `undefined` to see every promotion. */
export function appliesToLevel(p: PromotionLike, levelId: string | null | undefined): boolean {
  if (levelId === undefined || p.levelIds.length === 0) return true;
  return levelId !== null && p.levelIds.includes(levelId);
}

/** Level and named-customer targeting: both must let the viewer in. */
export function appliesToAudience(p: PromotionLike, audience: Audience): boolean {
  if (audience === undefined) return true;
  if (!appliesToLevel(p, audience.levelId)) return false;
  const customers = p.customerIds ?? [];
  return customers.length === 0 || (audience.customerId !== null && customers.includes(audience.customerId));
}

/**
 * A promotion without targets applies to every product. A target names a range by product,
 * SKU, brand or category (any ancestor); a target naming several must match all of them
 * (product P + SKU S is that SKU only). Targets add up.
 */
export function appliesToProduct(p: PromotionLike, product: ProductFacts): boolean {
  if (p.targets.length === 0) return true;
  return p.targets.some(
    (t) =>
      (t.productId !== null || t.skuId !== null || t.brandId !== null || t.categoryId !== null) &&
      (t.productId === null || t.productId === product.id) &&
      (t.skuId === null || product.skuIds.includes(t.skuId)) &&
      (t.brandId === null || t.brandId === product.brandId) &&
      (t.categoryId === null || product.categoryIds.includes(t.categoryId)),
  );
}

/** Everything a product (or a SKU: `skuIds` = [it]) needs to show a promotion to this viewer now. */
export function qualifies(
  p: PromotionLike & { kind: string; rules: unknown },
  product: ProductFacts,
  audience: Audience,
  now: Date,
  specialSkus: (rules: unknown) => string[] | null,
): boolean {
  if (!isRunning(p, now) || !appliesToAudience(p, audience) || !appliesToProduct(p, product)) return false;
  if (p.kind !== 'ITEM_SPECIAL') return true;
  // a 特价 badge only where the special prices one of the product's SKUs
  const priced = specialSkus(p.rules);
  return priced !== null && product.skuIds.some((s) => priced.includes(s));
}
