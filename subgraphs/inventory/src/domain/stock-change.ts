import type { InputProblem } from '@wholesail/platform';
import { available } from './availability';

export interface StockQuantities {
  onHand: number;
  reserved: number;
  inTransit: number;
}

/** Why staff adjust stock (INV-5); stored on the ledger row. */
export const ADJUSTMENT_REASONS = [
  'STOCKTAKE',
  'DAMAGE',
  'EXPIRED',
  'FOUND',
  'RETURN',
  'PURCHASE',
  'TRANSFER',
  'CORRECTION',
  'OTHER',
] as const;
export type AdjustmentReason = (typeof ADJUSTMENT_REASONS)[number];

const MAX_QUANTITY = 100_000_000;

function quantityProblems(field: string, value: number, allowZero: boolean): InputProblem[] {
  if (!Number.isInteger(value))
    return [{ field, message: '数量必须是整数（基本单位）(quantity must be a whole number of base units)' }];
  if (!allowZero && value === 0) return [{ field, message: '调整数量不能为 0 (quantity must not be 0)' }];
  if (Math.abs(value) > MAX_QUANTITY) return [{ field, message: `数量太大 (at most ${MAX_QUANTITY})` }];
  return [];
}

function noteProblems(note: string | null | undefined): InputProblem[] {
  return note != null && note.length > 500
    ? [{ field: 'note', message: '备注最多 500 字 (note is at most 500 characters)' }]
    : [];
}

/**
 * An adjustment of on hand by `delta`: the new quantities, or the problems. On hand may never
 * go below what is reserved for orders (nor below 0).
 */
export function adjustOnHand(
  stock: StockQuantities,
  delta: number,
  note?: string | null,
): { ok: true; stock: StockQuantities } | { ok: false; problems: InputProblem[] } {
  const problems = [...quantityProblems('quantity', delta, false), ...noteProblems(note)];
  if (!problems.length) {
    const onHand = stock.onHand + delta;
    if (onHand < 0)
      problems.push({
        field: 'quantity',
        message: `库存不能为负：现有 ${stock.onHand} (on hand would be ${onHand}; it is ${stock.onHand})`,
      });
    else if (onHand < stock.reserved)
      problems.push({
        field: 'quantity',
        message: `库存不能低于已预留 ${stock.reserved} (on hand would be ${onHand}, below the ${stock.reserved} reserved)`,
      });
    if (!problems.length) return { ok: true, stock: { ...stock, onHand } };
  }
  return { ok: false, problems };
}

/** Sets the quantity on the way to the warehouse (goods shipped but not received). */
export function setInTransitQuantity(
  stock: StockQuantities,
  quantity: number,
  note?: string | null,
): { ok: true; stock: StockQuantities } | { ok: false; problems: InputProblem[] } {
  const problems = [...quantityProblems('quantity', quantity, true), ...noteProblems(note)];
  if (!problems.length && quantity < 0)
    problems.push({ field: 'quantity', message: '在途数量不能为负 (in transit must not be negative)' });
  return problems.length ? { ok: false, problems } : { ok: true, stock: { ...stock, inTransit: quantity } };
}

export const STOCK_CHANGED = 'StockChanged';

/** Payload of `StockChanged` (aggregate Sku, version 1): integers in the base unit. */
export function stockChangedPayload(
  skuId: string,
  warehouseId: string,
  stock: StockQuantities,
  countInTransit: boolean,
) {
  return {
    skuId,
    warehouseId,
    onHand: stock.onHand,
    reserved: stock.reserved,
    inTransit: stock.inTransit,
    available: available(stock, countInTransit),
  };
}
