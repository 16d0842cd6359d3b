import type { DomainEvent, EventConsumerDefinition } from '@wholesail/platform';
import { customerWarehouseChange } from './domain/customer-warehouse';

type Tx = {
  customerWarehouse: {
    upsert(args: unknown): Promise<unknown>;
    deleteMany(args: unknown): Promise<unknown>;
  };
};

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
      create: { customerId: change.customerId, warehouseId: change.warehouseId },
      update: { warehouseId: change.warehouseId },
    });
  },
};
