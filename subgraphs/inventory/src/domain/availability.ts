/** available = on hand - reserved (+ in transit when the tenant counts it); never below 0. */
export function available(
  stock: { onHand: number; reserved: number; inTransit: number },
  countInTransit = false,
): number {
  const value = stock.onHand - stock.reserved + (countInTransit ? stock.inTransit : 0);
  return Math.max(0, value);
}

export type StockLevel = 'IN_STOCK' | 'LOW' | 'OUT';

export function stockLevel(availableQuantity: number, lowThreshold: number): StockLevel {
  if (availableQuantity <= 0) return 'OUT';
  return availableQuantity <= lowThreshold ? 'LOW' : 'IN_STOCK';
}
