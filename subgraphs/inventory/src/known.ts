import type { InputProblem } from '@wholesail/platform';
import { db } from './db';

/**
 * Which of these SKUs and which warehouse exist, from inventory's projections (SkuRef from
 * catalog's SkuChanged events, WarehouseRef from the seed), in the tenant in scope.
 */
export async function knownIds(
  skuIds: readonly string[],
  warehouseId: string | null,
): Promise<{ skus: Set<string>; warehouse: boolean }> {
  const [skus, warehouse] = await Promise.all([
    skuIds.length
      ? db().skuRef.findMany({ where: { skuId: { in: [...new Set(skuIds)] } }, select: { skuId: true } })
      : Promise.resolve([]),
    warehouseId
      ? db().warehouseRef.findFirst({ where: { warehouseId }, select: { id: true } })
      : Promise.resolve(null),
  ]);
  return { skus: new Set(skus.map((s) => s.skuId)), warehouse: warehouse != null };
}

/** The problems of a staff change naming a SKU or warehouse inventory does not know. */
export async function unknownSkuOrWarehouse(skuId: string, warehouseId: string): Promise<InputProblem[]> {
  const known = await knownIds([skuId], warehouseId);
  const problems: InputProblem[] = [];
  if (!known.skus.has(skuId)) problems.push({ field: 'skuId', message: `商品不存在 (unknown SKU ${skuId})` });
  if (!known.warehouse)
    problems.push({ field: 'warehouseId', message: `仓库不存在 (unknown warehouse ${warehouseId})` });
  return problems;
}
