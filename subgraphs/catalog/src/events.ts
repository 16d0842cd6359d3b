import { appendEvents, type NewEvent, requireTenantId, type SqlRunner } from '@wholesail/platform';

/** Reads what the events of products and SKUs carry, inside the change's transaction. */
interface Tx extends SqlRunner {
  product: { findMany(args: unknown): Promise<any[]> };
}

export const SKU_CHANGED = 'SkuChanged';
export const PRODUCT_CHANGED = 'ProductChanged';

/**
 * Appends `ProductChanged` for each product and `SkuChanged` for each of their SKUs (all of
 * them: brand, category and shelf status are carried by every SKU's event), as the last step
 * of the transaction that changed them.
 */
export async function emitCatalogChanges(tx: Tx, productIds: readonly string[]): Promise<void> {
  if (productIds.length === 0) return;
  const tenantId = requireTenantId();
  const products = await tx.product.findMany({
    where: { id: { in: [...new Set(productIds)] } },
    orderBy: { id: 'asc' },
    include: {
      skus: { orderBy: { id: 'asc' }, include: { units: { orderBy: [{ factor: 'asc' }, { name: 'asc' }] } } },
    },
  });
  const events: NewEvent[] = [];
  for (const p of products) {
    events.push({
      tenantId,
      aggregateType: 'Product',
      aggregateId: p.id,
      type: PRODUCT_CHANGED,
      version: 1,
      payload: {
        productId: p.id,
        name: p.name,
        nameEn: p.nameEn,
        brandId: p.brandId,
        categoryId: p.categoryId,
        tags: p.tags,
        onShelf: p.onShelf,
        skuIds: p.skus.map((s: { id: string }) => s.id),
      },
    });
    for (const s of p.skus) {
      events.push({
        tenantId,
        aggregateType: 'Sku',
        aggregateId: s.id,
        type: SKU_CHANGED,
        version: 1,
        payload: {
          skuId: s.id,
          productId: p.id,
          code: s.code,
          brandId: p.brandId,
          categoryId: p.categoryId,
          baseUnit: s.baseUnit,
          units: s.units.map((u: { name: string; factor: number }) => ({ name: u.name, factor: u.factor })),
          onShelf: p.onShelf,
        },
      });
    }
  }
  await appendEvents(tx, 'catalog', events);
}
