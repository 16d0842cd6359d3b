import type { DomainEvent, EventConsumerDefinition } from '@wholesail/platform';
import { customerWarehouseChange } from './domain/customer-warehouse';
import { orderPlacedOf, orderReleaseOf, skuRefChange } from './domain/projections';
import { confirmOrderIn, releaseOrderIn, type Tx } from './reservations';

/**
 * Keeps CustomerWarehouse in step with crm: the consumer applies crm's events once each, in
 * log order, so the newest CustomerChanged of a customer is the one that stays.
 */
export const customerWarehouseConsumer: EventConsumerDefinition<Tx> = {
  name: 'inventory-customers',
  sources: ['crm'],
  async handle(event: DomainEvent, tx: Tx) {
    if (event.type !== 'CustomerChanged') return;
    const change = customerWarehouseChange(event.payload);
    if (!change) return;
    if (change.warehouseId === null) {
      await tx.customerWarehouse.deleteMany({ where: { customerId: change.customerId } });
      return;
    }
    await tx.customerWarehouse.upsert({
      where: { tenantId_customerId: { tenantId: event.tenantId, customerId: change.customerId } },
      create: { tenantId: event.tenantId, customerId: change.customerId, warehouseId: change.warehouseId },
      update: { warehouseId: change.warehouseId },
    });
  },
};

/** Keeps SkuRef (the SKUs stock may be kept for) in step with catalog's SkuChanged. */
export const skuRefConsumer: EventConsumerDefinition<Tx> = {
  name: 'inventory-skus',
  sources: ['catalog'],
  async handle(event: DomainEvent, tx: Tx) {
    if (event.type !== 'SkuChanged') return;
    const sku = skuRefChange(event.payload);
    if (!sku) return;
    const facts = { productId: sku.productId, code: sku.code };
    await tx.skuRef.upsert({
      where: { tenantId_skuId: { tenantId: event.tenantId, skuId: sku.skuId } },
      create: { tenantId: event.tenantId, skuId: sku.skuId, ...facts },
      update: facts,
    });
  },
};

/**
 * A rejected or cancelled order gives its stock back: the same release as releaseStock (so
 * either may come first, and an event applied twice releases once). A placed order's holds are
 * confirmed (as confirmStock does), so they do not expire when orders' own confirm was lost.
 */
export const orderStockConsumer: EventConsumerDefinition<Tx> = {
  name: 'inventory-orders',
  sources: ['orders'],
  async handle(event: DomainEvent, tx: Tx) {
    const placed = orderPlacedOf(event.type, event.payload);
    if (placed) {
      await confirmOrderIn(tx, placed.orderId);
      return;
    }
    const release = orderReleaseOf(event.type, event.payload);
    if (!release) return;
    await releaseOrderIn(tx, release.orderId, release.reason);
  },
};
