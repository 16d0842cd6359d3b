/** Pure rules: which promotions a product qualifies for, for which viewer, at which time. */
export interface PromotionLike {
  active: boolean;
  startsAt: Date;
  endsAt: Date;
  levelIds: string[];
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

export function isRunning(p: PromotionLike, now: Date): boolean {
  return p.active && p.startsAt.getTime() <= now.getTime() && now.getTime() < p.endsAt.getTime();
}

/** levelId null: a viewer with no level (guest); staff pass `undefined` to see every promotion. */
export function appliesToLevel(p: PromotionLike, levelId: string | null | undefined): boolean {
  if (levelId === undefined || p.levelIds.length === 0) return true;
  return levelId !== null && p.levelIds.includes(levelId);
}

/** A promotion without targets applies to every product. */
export function appliesToProduct(p: PromotionLike, product: ProductFacts): boolean {
  if (p.targets.length === 0) return true;
  return p.targets.some(
    (t) =>
      t.productId === product.id ||
      (t.skuId !== null && product.skuIds.includes(t.skuId)) ||
      t.brandId === product.brandId ||
      (t.categoryId !== null && product.categoryIds.includes(t.categoryId)),
  );
}
