import type { DomainEvent, EventConsumerDefinition } from '@wholesail/platform';
import { itemSpecialRows } from './domain/item-specials';
import {
  customerChanged,
  customerLevelChanged,
  saleUnitsOf,
  skuChanged,
  unitColumns,
} from './domain/projections';

type Upsertable = { upsert(args: unknown): Promise<unknown> };
type Replaceable = {
  deleteMany(args: unknown): Promise<unknown>;
  createMany(args: unknown): Promise<unknown>;
};
type Tx = {
  customerPriceProfile: Upsertable;
  priceLevel: Upsertable;
  skuRef: Upsertable;
  itemSpecial: Replaceable;
};

/**
 * Keeps CustomerPriceProfile and PriceLevel in step with crm. Events arrive once each in log
 * order, so the newest state of a customer or level is the one that stays.
 */
export const customerProjectionConsumer: EventConsumerDefinition<Tx> = {
  name: 'pricing-customers',
  sources: ['crm'],
  async handle(event: DomainEvent, tx: Tx) {
    if (event.type === 'CustomerChanged') {
      const parsed = customerChanged.safeParse(event.payload);
      if (!parsed.success) return;
      const c = parsed.data;
      const facts = {
        levelId: c.levelId,
        code: c.code ?? null,
        name: c.name ?? null,
        ownerRepId: c.ownerRepId ?? null,
        status: c.status ?? null,
      };
      await tx.customerPriceProfile.upsert({
        where: { tenantId_customerId: { tenantId: event.tenantId, customerId: c.customerId } },
        create: { customerId: c.customerId, ...facts },
        update: facts,
      });
    } else if (event.type === 'CustomerLevelChanged') {
      const parsed = customerLevelChanged.safeParse(event.payload);
      if (!parsed.success) return;
      const { levelId, code, name, rank } = parsed.data;
      await tx.priceLevel.upsert({
        where: { tenantId_levelId: { tenantId: event.tenantId, levelId } },
        create: { levelId, code, name, rank },
        update: { code, name, rank },
      });
    }
  },
};

/** Keeps SkuRef (code and sale units of each SKU) in step with catalog. */
export const skuProjectionConsumer: EventConsumerDefinition<Tx> = {
  name: 'pricing-skus',
  sources: ['catalog'],
  async handle(event: DomainEvent, tx: Tx) {
    if (event.type !== 'SkuChanged') return;
    const parsed = skuChanged.safeParse(event.payload);
    if (!parsed.success) return;
    const s = parsed.data;
    const facts = {
      productId: s.productId,
      code: s.code,
      baseUnit: s.baseUnit,
      ...unitColumns(saleUnitsOf(s)),
      onShelf: s.onShelf ?? true,
    };
    await tx.skuRef.upsert({
      where: { tenantId_skuId: { tenantId: event.tenantId, skuId: s.skuId } },
      create: { skuId: s.skuId, ...facts },
      update: facts,
    });
  },
};

/**
 * Keeps ItemSpecial in step with marketing: each `PromotionChanged` replaces the promotion's
 * rows (none unless it is an ITEM_SPECIAL that is scheduled or running), so applying an event
 * twice, or an older state after a newer one never happens (log order), changes nothing.
 */
export const itemSpecialConsumer: EventConsumerDefinition<Tx> = {
  name: 'pricing-promotions',
  sources: ['marketing'],
  async handle(event: DomainEvent, tx: Tx) {
    if (event.type !== 'PromotionChanged') return;
    const parsed = itemSpecialRows(event.payload);
    if (!parsed) return;
    await tx.itemSpecial.deleteMany({ where: { promotionId: parsed.promotionId } });
    if (parsed.rows.length) await tx.itemSpecial.createMany({ data: parsed.rows });
  },
};
