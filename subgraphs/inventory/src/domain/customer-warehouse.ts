import { z } from '@wholesail/platform';

/** The part of crm's `CustomerChanged` payload inventory keeps. */
export const customerChangedPayload = z.object({
  customerId: z.string().min(1),
  warehouseId: z.string().min(1).nullable().optional(),
});

/**
 * What a `CustomerChanged` event does to the CustomerWarehouse projection: set the customer's
 * warehouse, or clear it (null: the tenant's default warehouse serves it). Null for a payload
 * that is not understood (skipped, never half-applied).
 */
export function customerWarehouseChange(
  payload: unknown,
): { customerId: string; warehouseId: string | null } | null {
  const parsed = customerChangedPayload.safeParse(payload);
  if (!parsed.success) return null;
  return { customerId: parsed.data.customerId, warehouseId: parsed.data.warehouseId ?? null };
}
