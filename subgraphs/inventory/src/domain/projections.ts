import { z } from '@wholesail/platform';

/** The part of catalog's `SkuChanged` payload inventory keeps (see catalog/src/events.ts). */
export const skuChangedPayload = z.object({
  skuId: z.string().min(1),
  productId: z.string().min(1),
  code: z.string(),
});

export function skuRefChange(payload: unknown): z.infer<typeof skuChangedPayload> | null {
  const parsed = skuChangedPayload.safeParse(payload);
  return parsed.success ? parsed.data : null;
}

const orderEventPayload = z.object({ orderId: z.string().min(1), reason: z.string().nullish() });

/** `OrderPlaced`: the order committed, so its held stock is confirmed (if orders' confirmStock got lost). */
export function orderPlacedOf(type: string, payload: unknown): { orderId: string } | null {
  if (type !== 'OrderPlaced') return null;
  const parsed = orderEventPayload.safeParse(payload);
  return parsed.success ? { orderId: parsed.data.orderId } : null;
}

/** Order events that release the order's stock, and the reason kept on the release. */
export const RELEASING_ORDER_EVENTS: Record<string, string> = {
  OrderRejected: 'ORDER_REJECTED',
  OrderCancelled: 'ORDER_CANCELLED',
};

export function orderReleaseOf(type: string, payload: unknown): { orderId: string; reason: string } | null {
  const reason = RELEASING_ORDER_EVENTS[type];
  if (!reason) return null;
  const parsed = orderEventPayload.safeParse(payload);
  return parsed.success ? { orderId: parsed.data.orderId, reason } : null;
}
