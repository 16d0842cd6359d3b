import type { DomainEvent, EventConsumerDefinition } from '@wholesail/platform';
import { customerChange, orderPlaced, skuPriceChange, stockChange } from './domain/projections';

/** What the handlers use of the tenant-scoped transaction client. */
type Tx = Record<string, any> & {
  $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number>;
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
};

/** crm CustomerChanged -> CustomerProfile (level for brand authorisation, warehouse for in stock). */
export const customerProfileConsumer: EventConsumerDefinition<Tx> = {
  name: 'catalog-customers',
  sources: ['crm'],
  async handle(event: DomainEvent, tx: Tx) {
    if (event.type !== 'CustomerChanged') return;
    const c = customerChange(event.payload);
    if (!c) return;
    const data = { levelId: c.levelId, warehouseId: c.warehouseId, status: c.status };
    await tx.customerProfile.upsert({
      where: { tenantId_customerId: { tenantId: event.tenantId, customerId: c.customerId } },
      create: { customerId: c.customerId, ...data },
      update: data,
    });
  },
};

/** inventory StockChanged -> SkuStock (available per SKU and warehouse, for the in-stock filter). */
export const stockConsumer: EventConsumerDefinition<Tx> = {
  name: 'catalog-stock',
  sources: ['inventory'],
  async handle(event: DomainEvent, tx: Tx) {
    if (event.type !== 'StockChanged') return;
    const s = stockChange(event.payload);
    if (!s) return;
    await tx.skuStock.upsert({
      where: {
        tenantId_skuId_warehouseId: { tenantId: event.tenantId, skuId: s.skuId, warehouseId: s.warehouseId },
      },
      create: { skuId: s.skuId, warehouseId: s.warehouseId, available: s.available },
      update: { available: s.available },
    });
  },
};

/**
 * pricing SkuPriceChanged -> SkuWholesalePrice, then the product's lowest SKU wholesale price
 * (ProductRanking.minWholesaleMinor, what PRICE_ASC/PRICE_DESC sort by) recomputed from it.
 */
export const priceConsumer: EventConsumerDefinition<Tx> = {
  name: 'catalog-prices',
  sources: ['pricing'],
  async handle(event: DomainEvent, tx: Tx) {
    if (event.type !== 'SkuPriceChanged') return;
    const p = skuPriceChange(event.payload);
    if (!p) return;
    await tx.skuWholesalePrice.upsert({
      where: { tenantId_skuId: { tenantId: event.tenantId, skuId: p.skuId } },
      create: { skuId: p.skuId, wholesaleMinor: p.wholesaleMinor },
      update: { wholesaleMinor: p.wholesaleMinor },
    });
    await refreshMinPrices(tx, event.tenantId, [p.skuId]);
  },
};

/** Recomputes ProductRanking.minWholesaleMinor of the products of `skuIds` (one statement). */
export async function refreshMinPrices(tx: Tx, tenantId: string, skuIds: string[]): Promise<void> {
  await tx.$executeRawUnsafe(
    `INSERT INTO "catalog"."ProductRanking" ("id", "tenantId", "productId", "minWholesaleMinor")
     SELECT 'pr_' || md5(p."tenantId" || p."id"), p."tenantId", p."id",
       (SELECT min(w."wholesaleMinor") FROM "catalog"."Sku" k
        JOIN "catalog"."SkuWholesalePrice" w ON w."tenantId" = k."tenantId" AND w."skuId" = k."id"
        WHERE k."tenantId" = p."tenantId" AND k."productId" = p."id")
     FROM "catalog"."Product" p
     WHERE p."tenantId" = $1 AND p."id" IN (SELECT "productId" FROM "catalog"."Sku" WHERE "tenantId" = $1 AND "id" = ANY($2::text[]))
     ON CONFLICT ("tenantId", "productId") DO UPDATE SET "minWholesaleMinor" = EXCLUDED."minWholesaleMinor"`,
    tenantId,
    skuIds,
  );
}

/**
 * orders OrderPlaced -> ProductRanking.soldQuantity (base units), for BEST_SELLING. Applied once
 * per order id (CountedOrder), so a replayed or duplicated event changes nothing.
 */
export const salesConsumer: EventConsumerDefinition<Tx> = {
  name: 'catalog-sales',
  sources: ['orders'],
  async handle(event: DomainEvent, tx: Tx) {
    if (event.type !== 'OrderPlaced') return;
    const o = orderPlaced(event.payload);
    if (!o) return;
    const inserted = await tx.$executeRawUnsafe(
      `INSERT INTO "catalog"."CountedOrder" ("id", "tenantId", "orderId") VALUES ($1, $2, $3)
       ON CONFLICT ("tenantId", "orderId") DO NOTHING`,
      `co_${event.tenantId}_${o.orderId}`,
      event.tenantId,
      o.orderId,
    );
    if (inserted === 0 || o.lines.length === 0) return;
    await tx.$executeRawUnsafe(
      `INSERT INTO "catalog"."ProductRanking" ("id", "tenantId", "productId", "soldQuantity")
       SELECT 'pr_' || md5(k."tenantId" || k."productId"), k."tenantId", k."productId", sum(l.quantity)
       FROM unnest($2::text[], $3::bigint[]) AS l("skuId", quantity)
       JOIN "catalog"."Sku" k ON k."tenantId" = $1 AND k."id" = l."skuId"
       GROUP BY k."tenantId", k."productId"
       ON CONFLICT ("tenantId", "productId") DO UPDATE
       SET "soldQuantity" = "ProductRanking"."soldQuantity" + EXCLUDED."soldQuantity"`,
      event.tenantId,
      o.lines.map((l) => l.skuId),
      o.lines.map((l) => String(l.quantity)),
    );
  },
};

export const catalogConsumers = [customerProfileConsumer, stockConsumer, priceConsumer, salesConsumer];
