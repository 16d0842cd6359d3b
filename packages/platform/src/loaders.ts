import DataLoader from 'dataloader';
import type { RequestContext } from './context';

/**
 * A DataLoader that lives for one request, created on first use. `key` identifies the loader
 * (one per kind of lookup); `batch` gets every key asked for in the same tick and must return
 * results in the same order, so a list of N items costs one query, not N.
 */
export function requestLoader<K, V, C = K>(
  ctx: RequestContext,
  key: unknown,
  batch: (keys: readonly K[]) => Promise<(V | Error)[]>,
  options?: DataLoader.Options<K, V, C>,
): DataLoader<K, V, C> {
  let loader = ctx.loaders.get(key) as DataLoader<K, V, C> | undefined;
  if (!loader) {
    loader = new DataLoader(batch, options);
    ctx.loaders.set(key, loader);
  }
  return loader;
}

/** Orders `rows` to match `ids`, with null for ids that were not found. */
export function byIds<T extends { id: string }>(ids: readonly string[], rows: T[]): (T | null)[] {
  const map = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => map.get(id) ?? null);
}

/** Groups `rows` by `keyOf` in the order of `keys`; missing keys get []. */
export function groupedBy<T>(keys: readonly string[], rows: T[], keyOf: (row: T) => string): T[][] {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const k = keyOf(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return keys.map((k) => map.get(k) ?? []);
}

/** Loads one row by id through a per-request batch: N lookups in a tick cost one query. */
export function loadById<T extends { id: string }>(
  ctx: RequestContext,
  key: string,
  findMany: (ids: string[]) => Promise<T[]>,
  id: string,
): Promise<T | null> {
  return requestLoader<string, T | null>(ctx, key, async (ids) => byIds(ids, await findMany([...ids]))).load(
    id,
  );
}
