import { appendEvents, ImportRejected, requireTenantId, ValidationError } from '@wholesail/platform';
import { builder } from '../builder';
import { db } from '../db';
import {
  type CheckedPriceRow,
  checkPriceRows,
  type PriceFileKind,
  readPriceFile,
  writePriceFile,
} from '../domain/price-file';
import type { SaleUnit } from '../domain/price-rules';
import { unitsOfRef } from '../domain/projections';
import { customerPriceChanged } from './price-admin';

const staffRoles = { role: ['BOSS', 'OFFICE'] } as { role: ('BOSS' | 'OFFICE')[] };

/** Files above this are refused whole (the body limit of 1 MB comes first in practice). */
const MAX_ROWS = 20_000;

interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
}

const ImportResultRef = builder.objectRef<ImportCounts>('PriceImportResult').implement({
  description: 'What an import did: rows created, updated, and already at that price.',
  fields: (t) => ({
    created: t.exposeInt('created'),
    updated: t.exposeInt('updated'),
    unchanged: t.exposeInt('unchanged'),
  }),
});

async function skuLookup(codes: string[]) {
  const refs = await db().skuRef.findMany({ where: { code: { in: codes } }, orderBy: { skuId: 'asc' } });
  const byCode = new Map<string, { skuId: string; units: SaleUnit[] }>();
  for (const r of refs) if (!byCode.has(r.code)) byCode.set(r.code, { skuId: r.skuId, units: unitsOfRef(r) });
  return byCode;
}

async function ownerLookup(kind: PriceFileKind, codes: string[]): Promise<Map<string, string>> {
  if (kind === 'level') {
    const levels = await db().priceLevel.findMany({ where: { code: { in: codes } } });
    return new Map(levels.map((l) => [l.code, l.levelId]));
  }
  const customers = await db().customerPriceProfile.findMany({ where: { code: { in: codes } } });
  return new Map(customers.filter((c) => c.code).map((c) => [c.code!, c.customerId]));
}

/** Reads and checks a whole file; throws ImportRejected listing every bad row. */
async function checkedFile(csv: string, kind: PriceFileKind): Promise<CheckedPriceRow[]> {
  const read = readPriceFile(csv, kind);
  if (read.rows.length + read.problems.length > MAX_ROWS)
    throw new ImportRejected([
      { line: 1, field: 'file', message: `最多 ${MAX_ROWS} 行 (at most ${MAX_ROWS} rows)` },
    ]);
  const unique = <T>(xs: T[]) => [...new Set(xs)];
  const [skus, owners] = await Promise.all([
    skuLookup(unique(read.rows.map((r) => r.skuCode))),
    ownerLookup(kind, unique(read.rows.map((r) => r.ownerCode))),
  ]);
  const checked = checkPriceRows(read.rows, kind, {
    sku: (code) => skus.get(code),
    owner: (code) => owners.get(code),
  });
  const problems = [...read.problems, ...checked.problems].sort((a, b) => a.line - b.line);
  if (problems.length) throw new ImportRejected(problems);
  if (!checked.rows.length)
    throw new ImportRejected([
      { line: 1, field: 'file', message: '文件没有价格行 (the file has no price rows)' },
    ]);
  return checked.rows;
}

function keyOf(r: { skuId: string; unit: string }, owner: string) {
  return `${owner}\u0000${r.skuId}\u0000${r.unit}`;
}

builder.mutationField('importLevelPrices', (t) =>
  t.field({
    type: ImportResultRef,
    description:
      'Boss or office: level prices from CSV (header `sku_code,unit,level_code,price`). Every row is checked first; if any is bad, nothing is imported and every bad row is listed by line (header = 1).',
    authScopes: staffRoles,
    errors: { types: [ImportRejected, ValidationError] },
    args: { csv: t.arg.string({ required: true }) },
    resolve: async (_root, { csv }) => {
      const rows = await checkedFile(csv, 'level');
      return db().$transaction(
        async (tx) => {
          const existing = await tx.levelPrice.findMany({
            where: {
              levelId: { in: [...new Set(rows.map((r) => r.ownerId))] },
              skuId: { in: [...new Set(rows.map((r) => r.skuId))] },
            },
          });
          const byKey = new Map(existing.map((e) => [keyOf(e, e.levelId), e]));
          const counts: ImportCounts = { created: 0, updated: 0, unchanged: 0 };
          const create = [];
          for (const r of rows) {
            const found = byKey.get(keyOf(r, r.ownerId));
            if (!found) {
              create.push({
                tenantId: requireTenantId(),
                skuId: r.skuId,
                levelId: r.ownerId,
                unit: r.unit,
                priceMinor: r.minor,
              });
              counts.created++;
            } else if (found.priceMinor === r.minor) counts.unchanged++;
            else {
              await tx.levelPrice.update({ where: { id: found.id }, data: { priceMinor: r.minor } });
              counts.updated++;
            }
          }
          if (create.length) await tx.levelPrice.createMany({ data: create });
          return counts;
        },
        { timeout: 60_000 },
      );
    },
  }),
);

builder.mutationField('importCustomerPrices', (t) =>
  t.field({
    type: ImportResultRef,
    description:
      'Boss or office: customer prices from CSV (header `sku_code,unit,customer_code,price`). Every row is checked first; if any is bad, nothing is imported and every bad row is listed by line (header = 1).',
    authScopes: staffRoles,
    errors: { types: [ImportRejected, ValidationError] },
    args: { csv: t.arg.string({ required: true }) },
    resolve: async (_root, { csv }) => {
      const rows = await checkedFile(csv, 'customer');
      return db().$transaction(
        async (tx) => {
          const existing = await tx.customerPrice.findMany({
            where: {
              customerId: { in: [...new Set(rows.map((r) => r.ownerId))] },
              skuId: { in: [...new Set(rows.map((r) => r.skuId))] },
            },
          });
          const byKey = new Map(existing.map((e) => [keyOf(e, e.customerId), e]));
          const counts: ImportCounts = { created: 0, updated: 0, unchanged: 0 };
          const create = [];
          const events = [];
          for (const r of rows) {
            const found = byKey.get(keyOf(r, r.ownerId));
            if (found?.priceMinor === r.minor) {
              counts.unchanged++;
              continue;
            }
            if (!found) {
              create.push({
                tenantId: requireTenantId(),
                customerId: r.ownerId,
                skuId: r.skuId,
                unit: r.unit,
                priceMinor: r.minor,
              });
              counts.created++;
            } else {
              await tx.customerPrice.update({ where: { id: found.id }, data: { priceMinor: r.minor } });
              counts.updated++;
            }
            events.push(customerPriceChanged(r.ownerId, r.skuId, r.unit, r.minor));
          }
          if (create.length) await tx.customerPrice.createMany({ data: create });
          await appendEvents(tx, 'pricing', events);
          return counts;
        },
        { timeout: 60_000 },
      );
    },
  }),
);

async function skuCodes(skuIds: string[]) {
  const refs = await db().skuRef.findMany({ where: { skuId: { in: skuIds } } });
  return new Map(refs.map((r) => [r.skuId, r.code]));
}

builder.queryField('exportLevelPrices', (t) =>
  t.string({
    description:
      'Boss or office: level prices as CSV (`sku_code,unit,level_code,price`), of one level or all; importLevelPrices reads it back.',
    authScopes: staffRoles,
    args: { levelId: t.arg.id({ required: false }) },
    resolve: async (_root, { levelId }) => {
      const [rows, levels] = await Promise.all([
        db().levelPrice.findMany({ where: levelId ? { levelId } : {} }),
        db().priceLevel.findMany(),
      ]);
      const codes = await skuCodes([...new Set(rows.map((r) => r.skuId))]);
      const levelCodes = new Map(levels.map((l) => [l.levelId, l.code]));
      return writePriceFile(
        'level',
        rows
          .filter((r) => codes.has(r.skuId) && levelCodes.has(r.levelId))
          .map((r) => ({
            skuCode: codes.get(r.skuId)!,
            unit: r.unit,
            ownerCode: levelCodes.get(r.levelId)!,
            minor: r.priceMinor,
          })),
      );
    },
  }),
);

builder.queryField('exportCustomerPrices', (t) =>
  t.string({
    description:
      'Boss or office: customer prices as CSV (`sku_code,unit,customer_code,price`), of one customer or all; importCustomerPrices reads it back.',
    authScopes: staffRoles,
    args: { customerId: t.arg.id({ required: false }) },
    resolve: async (_root, { customerId }) => {
      const rows = await db().customerPrice.findMany({ where: customerId ? { customerId } : {} });
      const [codes, customers] = await Promise.all([
        skuCodes([...new Set(rows.map((r) => r.skuId))]),
        db().customerPriceProfile.findMany({
          where: { customerId: { in: [...new Set(rows.map((r) => r.customerId))] } },
        }),
      ]);
      const customerCodes = new Map(customers.filter((c) => c.code).map((c) => [c.customerId, c.code!]));
      return writePriceFile(
        'customer',
        rows
          .filter((r) => codes.has(r.skuId) && customerCodes.has(r.customerId))
          .map((r) => ({
            skuCode: codes.get(r.skuId)!,
            unit: r.unit,
            ownerCode: customerCodes.get(r.customerId)!,
            minor: r.priceMinor,
          })),
      );
    },
  }),
);
