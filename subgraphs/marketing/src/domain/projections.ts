import { z } from '@wholesail/platform';

const customerChanged = z.object({ customerId: z.string().min(1), levelId: z.string().min(1) });
const skuPriceChanged = z.object({
  skuId: z.string().min(1),
  wholesaleMinor: z.string().regex(/^\d+$/).nullable(),
  retailMinor: z.string().regex(/^\d+$/).nullable(),
});

/** The CustomerProfile a crm `CustomerChanged` payload implies; null when not understood. */
export function customerProfileFrom(payload: unknown): { customerId: string; levelId: string } | null {
  const parsed = customerChanged.safeParse(payload);
  return parsed.success ? parsed.data : null;
}

/** The reference prices a pricing `SkuPriceChanged` payload carries (fen); null when not understood. */
export function referencePriceFrom(
  payload: unknown,
): { skuId: string; wholesaleMinor: bigint | null; retailMinor: bigint | null } | null {
  const parsed = skuPriceChanged.safeParse(payload);
  if (!parsed.success) return null;
  const { skuId, wholesaleMinor, retailMinor } = parsed.data;
  return {
    skuId,
    wholesaleMinor: wholesaleMinor === null ? null : BigInt(wholesaleMinor),
    retailMinor: retailMinor === null ? null : BigInt(retailMinor),
  };
}

const orderEvent = z.object({ orderId: z.string().min(1) });

/** Order events that release the order's coupon, and the reason kept on the release. */
export const RELEASING_ORDER_EVENTS: Record<string, string> = {
  OrderRejected: 'ORDER_REJECTED',
  OrderCancelled: 'ORDER_CANCELLED',
};

/** What an orders event means for the order's coupon: OrderPlaced uses it, Rejected/Cancelled release it. */
export function orderCouponEventOf(
  type: string,
  payload: unknown,
): { action: 'CONFIRM'; orderId: string } | { action: 'RELEASE'; orderId: string; reason: string } | null {
  if (type !== 'OrderPlaced' && !RELEASING_ORDER_EVENTS[type]) return null;
  const parsed = orderEvent.safeParse(payload);
  if (!parsed.success) return null;
  if (type === 'OrderPlaced') return { action: 'CONFIRM', orderId: parsed.data.orderId };
  return { action: 'RELEASE', orderId: parsed.data.orderId, reason: RELEASING_ORDER_EVENTS[type]! };
}
