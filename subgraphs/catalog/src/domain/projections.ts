/**
 * The facts catalog keeps of other domains, read from their events' payloads (see the event
 * contract in docs/api.md, Catalog). Each parser returns null for a payload it cannot use, so a
 * malformed event is skipped rather than blocking the consumer.
 */
const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);
const int = (v: unknown): number | null => (typeof v === 'number' && Number.isInteger(v) ? v : null);

export function customerChange(payload: unknown) {
  const p = (payload ?? {}) as Record<string, unknown>;
  const customerId = str(p.customerId);
  if (!customerId) return null;
  return {
    customerId,
    levelId: str(p.levelId),
    warehouseId: str(p.warehouseId),
    status: str(p.status) ?? 'ACTIVE',
  };
}

export function stockChange(payload: unknown) {
  const p = (payload ?? {}) as Record<string, unknown>;
  const skuId = str(p.skuId);
  const warehouseId = str(p.warehouseId);
  const available = int(p.available);
  if (!skuId || !warehouseId || available === null) return null;
  return { skuId, warehouseId, available };
}

export function skuPriceChange(payload: unknown) {
  const p = (payload ?? {}) as Record<string, unknown>;
  const skuId = str(p.skuId);
  if (!skuId) return null;
  const w = p.wholesaleMinor;
  if (w !== null && w !== undefined && (typeof w !== 'string' || !/^\d{1,18}$/.test(w))) return null;
  return { skuId, wholesaleMinor: typeof w === 'string' ? BigInt(w) : null };
}

/** Quantity sold per SKU of one placed order (base units); lines of one SKU add up. */
export function orderPlaced(payload: unknown) {
  const p = (payload ?? {}) as Record<string, unknown>;
  const orderId = str(p.orderId);
  if (!orderId || !Array.isArray(p.lines)) return null;
  const perSku = new Map<string, number>();
  for (const line of p.lines as Record<string, unknown>[]) {
    const skuId = str(line?.skuId);
    const quantity = int(line?.quantity);
    if (!skuId || quantity === null || quantity <= 0) continue;
    perSku.set(skuId, (perSku.get(skuId) ?? 0) + quantity);
  }
  return { orderId, lines: [...perSku].map(([skuId, quantity]) => ({ skuId, quantity })) };
}
