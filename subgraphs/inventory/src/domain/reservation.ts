import { type InputProblem, z } from '@wholesail/platform';

/** Largest quantity of one line, base units (as for stock adjustments). */
export const MAX_LINE_QUANTITY = 100_000_000;
/** Most lines of one reserveStock / checkStock call. */
export const MAX_LINES = 500;

export const RESERVATION_STATUSES = ['HELD', 'CONFIRMED', 'RELEASED', 'CONSUMED'] as const;
export type ReservationStatus = (typeof RESERVATION_STATUSES)[number];
/** Status of an order's request: a reservation status, or REFUSED (answered OUT_OF_STOCK). */
export type RequestStatus = ReservationStatus | 'REFUSED';

const id = z.string().trim().min(1).max(100);
const line = z.object({
  skuId: id,
  quantity: z.number().int().positive().max(MAX_LINE_QUANTITY),
});
const lines = z.array(line).min(1).max(MAX_LINES);

export const reserveStockInput = z.object({
  orderId: id,
  customerId: id,
  warehouseId: id.nullish(),
  lines,
});
export type ReserveStockInput = z.infer<typeof reserveStockInput>;

export const orderIdInput = z.object({ orderId: id });
export const releaseStockInput = z.object({ orderId: id, reason: z.string().trim().max(200).nullish() });
export const checkStockInput = z.object({ customerId: id, warehouseId: id.nullish(), lines });
export type CheckStockInput = z.infer<typeof checkStockInput>;

export interface Line {
  skuId: string;
  quantity: number;
}

/** The lines of an order by SKU (a SKU twice is one line of the sum), in first-seen order. */
export function mergeLines(input: readonly Line[]): Line[] {
  const bySku = new Map<string, number>();
  for (const l of input) bySku.set(l.skuId, (bySku.get(l.skuId) ?? 0) + l.quantity);
  return [...bySku].map(([skuId, quantity]) => ({ skuId, quantity }));
}

/** The order rows are locked in, the same for every command, so no two transactions deadlock. */
export function lockOrder<T extends { skuId: string; warehouseId?: string }>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) =>
    a.skuId === b.skuId
      ? (a.warehouseId ?? '').localeCompare(b.warehouseId ?? '')
      : a.skuId < b.skuId
        ? -1
        : 1,
  );
}

export type ReserveAnswer =
  | {
      kind: 'RESERVED';
      warehouseId: string;
      expiresAt: string;
      lines: { skuId: string; quantity: number; availableAfter: number }[];
    }
  | {
      kind: 'OUT_OF_STOCK';
      warehouseId: string;
      lines: { skuId: string; requested: number; available: number }[];
    }
  /** The order's stock was released before (releaseStock, cancel, expiry): nothing is reserved. */
  | { kind: 'RELEASED'; warehouseId: string | null; reason: string | null }
  /** Unknown SKUs or warehouse, or no warehouse for the customer: nothing was reserved or kept. */
  | { kind: 'INVALID'; warehouseId: string | null; problems: InputProblem[] };

export type ReleaseAnswer = {
  kind: 'RELEASED';
  lines: { skuId: string; warehouseId: string; quantity: number; availableAfter: number }[];
};

export type ConfirmAnswer =
  | { kind: 'CONFIRMED'; warehouseId: string | null; lines: { skuId: string; quantity: number }[] }
  | { kind: 'RELEASED'; reason: string | null }
  /** No holds for the order: it never reserved, or was answered OUT_OF_STOCK. */
  | { kind: 'NOT_RESERVED' };

export interface CheckAnswer {
  warehouseId: string | null;
  lines: { skuId: string; available: number; enough: boolean; known: boolean }[];
}

/** The problems of unknown SKUs / warehouse, with the field of the first line naming each. */
export function unknownProblems(
  lines: readonly Line[],
  knownSkus: ReadonlySet<string>,
  warehouseId: string | null,
  warehouseKnown: boolean,
  linesField = 'lines',
): InputProblem[] {
  const problems: InputProblem[] = [];
  if (!warehouseId)
    problems.push({
      field: 'warehouseId',
      message: '没有可用的仓库 (no warehouse: the customer has none and the tenant has no default)',
    });
  else if (!warehouseKnown)
    problems.push({ field: 'warehouseId', message: `仓库不存在 (unknown warehouse ${warehouseId})` });
  lines.forEach((l, i) => {
    if (!knownSkus.has(l.skuId))
      problems.push({ field: `${linesField}.${i}.skuId`, message: `商品不存在 (unknown SKU ${l.skuId})` });
  });
  return problems;
}
