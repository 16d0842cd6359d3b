/**
 * A customer's most recent orders, loaded for many customers at once: one query for the whole
 * batch (newest first, capped at MAX_ROWS_PER_BATCH rows), grouped here. When the cap cuts the
 * result, a customer with fewer than `limit` rows may have older ones that were cut off; those
 * customers are listed in `incomplete` and loaded on their own.
 */
export const DEFAULT_RECENT_ORDERS = 10;
export const MAX_RECENT_ORDERS = 50;
export const MAX_ROWS_PER_BATCH = 1000;

/** The number of orders to show: the default when absent, never below 0 nor above the maximum. */
export function recentOrdersLimit(requested: number | null | undefined): number {
  if (requested === null || requested === undefined) return DEFAULT_RECENT_ORDERS;
  return Math.min(Math.max(Math.trunc(requested), 0), MAX_RECENT_ORDERS);
}

/**
 * Groups `rows` (already newest first) by customer in the order of `customerIds`, keeping at most
 * `limit` each. `truncated` says the query hit its row cap.
 */
export function groupRecent<T extends { customerId: string }>(
  customerIds: readonly string[],
  rows: readonly T[],
  limit: number,
  truncated: boolean,
): { groups: T[][]; incomplete: string[] } {
  const byCustomer = new Map<string, T[]>(customerIds.map((id) => [id, []]));
  for (const row of rows) {
    const list = byCustomer.get(row.customerId);
    if (list && list.length < limit) list.push(row);
  }
  const groups = customerIds.map((id) => byCustomer.get(id) ?? []);
  const incomplete = truncated
    ? [...byCustomer].filter(([, list]) => list.length < limit).map(([id]) => id)
    : [];
  return { groups, incomplete };
}
