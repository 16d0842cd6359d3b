/**
 * Price files (PRC-7): CSV with a header row, one price per row, keyed by SKU code, sale unit
 * and level or customer code, the price in yuan as a decimal. A file is checked whole: every
 * bad row is reported by its line (the header is line 1) and nothing is imported if any is bad.
 */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { parseAmount, type SaleUnit } from './price-rules';

export type PriceFileKind = 'level' | 'customer';

export interface RowProblem {
  line: number;
  field: string;
  message: string;
}

const OWNER_COLUMN: Record<PriceFileKind, string> = { level: 'level_code', customer: 'customer_code' };

export function priceFileHeader(kind: PriceFileKind): string[] {
  return ['sku_code', 'unit', OWNER_COLUMN[kind], 'price'];
}

export interface PriceFileRow {
  line: number;
  skuCode: string;
  unit: string;
  ownerCode: string;
  price: string;
}

/** Reads the rows of a price file; problems for a missing header column or a missing value. */
export function readPriceFile(
  text: string,
  kind: PriceFileKind,
): { rows: PriceFileRow[]; problems: RowProblem[] } {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    return {
      rows: [],
      problems: [
        { line, field: 'file', message: `CSV 格式错误 (not valid CSV: ${(error as Error).message})` },
      ],
    };
  }
  const header = records[0];
  if (!header)
    return { rows: [], problems: [{ line: 1, field: 'file', message: '文件为空 (the file is empty)' }] };
  const names = header.record.map((h) => h.trim().toLowerCase());
  const wanted = priceFileHeader(kind);
  const index = new Map(wanted.map((c) => [c, names.indexOf(c)]));
  const missing = wanted.filter((c) => index.get(c)! < 0);
  if (missing.length)
    return {
      rows: [],
      problems: missing.map((c) => ({ line: 1, field: c, message: `缺少列 ${c} (missing column ${c})` })),
    };
  const rows: PriceFileRow[] = [];
  const problems: RowProblem[] = [];
  for (const { record, info } of records.slice(1)) {
    const line = info.lines;
    const value = (c: string) => (record[index.get(c)!] ?? '').trim();
    let complete = true;
    for (const c of wanted) {
      if (!value(c)) {
        problems.push({ line, field: c, message: `缺少 ${c} (missing ${c})` });
        complete = false;
      }
    }
    if (complete)
      rows.push({
        line,
        skuCode: value('sku_code'),
        unit: value('unit'),
        ownerCode: value(OWNER_COLUMN[kind]),
        price: value('price'),
      });
  }
  return { rows, problems };
}

export interface PriceFileLookups {
  sku(code: string): { skuId: string; units: readonly SaleUnit[] } | undefined;
  /** the level or customer id of a code */
  owner(code: string): string | undefined;
}

export interface CheckedPriceRow {
  line: number;
  skuId: string;
  unit: string;
  ownerId: string;
  minor: bigint;
}

/** Checks rows against what is known (SKU codes and units, level/customer codes) and each other. */
export function checkPriceRows(
  rows: readonly PriceFileRow[],
  kind: PriceFileKind,
  lookups: PriceFileLookups,
): { rows: CheckedPriceRow[]; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const checked: CheckedPriceRow[] = [];
  const firstLine = new Map<string, number>();
  const ownerColumn = OWNER_COLUMN[kind];
  for (const row of rows) {
    const before = problems.length;
    const sku = lookups.sku(row.skuCode);
    if (!sku)
      problems.push({
        line: row.line,
        field: 'sku_code',
        message: `没有商品编码 ${row.skuCode} (unknown SKU code)`,
      });
    else if (!sku.units.some((u) => u.name === row.unit))
      problems.push({
        line: row.line,
        field: 'unit',
        message: `商品 ${row.skuCode} 没有单位"${row.unit}" (unknown unit; units: ${sku.units.map((u) => u.name).join(', ')})`,
      });
    const ownerId = lookups.owner(row.ownerCode);
    if (!ownerId)
      problems.push({
        line: row.line,
        field: ownerColumn,
        message:
          kind === 'level'
            ? `没有客户等级 ${row.ownerCode} (unknown level code)`
            : `没有客户编码 ${row.ownerCode} (unknown customer code)`,
      });
    const amount = parseAmount(row.price);
    if ('error' in amount) problems.push({ line: row.line, field: 'price', message: amount.error });
    const key = `${row.skuCode}\u0000${row.unit}\u0000${row.ownerCode}`;
    const first = firstLine.get(key);
    if (first !== undefined)
      problems.push({
        line: row.line,
        field: 'sku_code',
        message: `与第 ${first} 行重复 (duplicate of line ${first}: same SKU, unit and ${ownerColumn})`,
      });
    else firstLine.set(key, row.line);
    if (problems.length === before && sku && ownerId && 'minor' in amount)
      checked.push({ line: row.line, skuId: sku.skuId, unit: row.unit, ownerId, minor: amount.minor });
  }
  return { rows: checked, problems };
}

export interface ExportRow {
  skuCode: string;
  unit: string;
  ownerCode: string;
  minor: bigint;
}

function yuan(minor: bigint): string {
  return `${minor / 100n}.${(minor % 100n).toString().padStart(2, '0')}`;
}

/** Writes a price file that `readPriceFile` reads back, rows sorted by SKU code, unit, owner. */
export function writePriceFile(kind: PriceFileKind, rows: readonly ExportRow[]): string {
  const sorted = [...rows].sort(
    (a, b) =>
      a.skuCode.localeCompare(b.skuCode) ||
      a.unit.localeCompare(b.unit) ||
      a.ownerCode.localeCompare(b.ownerCode),
  );
  return stringify([
    priceFileHeader(kind),
    ...sorted.map((r) => [r.skuCode, r.unit, r.ownerCode, yuan(r.minor)]),
  ]);
}
