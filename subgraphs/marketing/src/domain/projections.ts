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
