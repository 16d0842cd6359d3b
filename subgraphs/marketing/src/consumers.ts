import type { DomainEvent, EventConsumerDefinition } from '@wholesail/platform';
import { type Tx as CouponTx, confirmCouponIn, releaseCouponIn } from './coupons';
import { customerProfileFrom, orderCouponEventOf, referencePriceFrom } from './domain/projections';

type Delegate = { upsert(args: unknown): Promise<unknown> };
type Tx = { customerProfile: Delegate; skuReferencePrice: Delegate };

/** Keeps CustomerProfile (a customer's level) in step with crm; events arrive once each, in order. */
export const customerProfileConsumer: EventConsumerDefinition<Tx> = {
  name: 'marketing-customers',
  sources: ['crm'],
  async handle(event: DomainEvent, tx: Tx) {
    if (event.type !== 'CustomerChanged') return;
    const profile = customerProfileFrom(event.payload);
    if (!profile) return;
    await tx.customerProfile.upsert({
      where: { tenantId_customerId: { tenantId: event.tenantId, customerId: profile.customerId } },
      create: profile,
      update: { levelId: profile.levelId },
    });
  },
};

/** Keeps SkuReferencePrice (the list price shown struck through beside a special) in step with pricing. */
export const referencePriceConsumer: EventConsumerDefinition<Tx> = {
  name: 'marketing-prices',
  sources: ['pricing'],
  async handle(event: DomainEvent, tx: Tx) {
    if (event.type !== 'SkuPriceChanged') return;
    const price = referencePriceFrom(event.payload);
    if (!price) return;
    const { skuId, ...prices } = price;
    await tx.skuReferencePrice.upsert({
      where: { tenantId_skuId: { tenantId: event.tenantId, skuId } },
      create: price,
      update: prices,
    });
  },
};

/** An order's coupon: USED once the order is placed, back to the store when it is cancelled or rejected. */
export const orderCouponConsumer: EventConsumerDefinition<CouponTx> = {
  name: 'marketing-orders',
  sources: ['orders'],
  async handle(event: DomainEvent, tx: CouponTx) {
    const e = orderCouponEventOf(event.type, event.payload);
    if (!e) return;
    if (e.action === 'CONFIRM') await confirmCouponIn(tx, e.orderId);
    else await releaseCouponIn(tx, e.orderId, e.reason);
  },
};
