/**
 * What pricing keeps of other domains, read from their events: a customer's level, code and
 * owner rep (crm CustomerChanged), a level's code (crm CustomerLevelChanged), a SKU's code and
 * sale units (catalog SkuChanged). A payload that is not understood is skipped, never half-applied.
 */
import { z } from '@wholesail/platform';

export const customerChanged = z.object({
  customerId: z.string().min(1),
  code: z.string().nullable().optional(),
  name: z.string().nullable().optional(),
  levelId: z.string().min(1),
  ownerRepId: z.string().nullable().optional(),
  status: z.string().nullable().optional(),
});

export const customerLevelChanged = z.object({
  levelId: z.string().min(1),
  code: z.string().min(1),
  name: z.string(),
  rank: z.number().int(),
});

export const skuChanged = z.object({
  skuId: z.string().min(1),
  productId: z.string().min(1),
  code: z.string().min(1),
  baseUnit: z.string().min(1),
  units: z.array(z.object({ name: z.string().min(1), factor: z.number().int().positive() })),
  onShelf: z.boolean().optional(),
});

export type SkuFacts = z.infer<typeof skuChanged>;

/** The sale units of a SKU, the base unit always among them with factor 1. */
export function saleUnitsOf(sku: { baseUnit: string; units: readonly { name: string; factor: number }[] }) {
  const units = sku.units.filter((u) => u.name !== sku.baseUnit);
  return [{ name: sku.baseUnit, factor: 1 }, ...units];
}

/** SkuRef keeps the units as two parallel columns (names, factors). */
export function unitColumns(units: readonly { name: string; factor: number }[]) {
  return { unitNames: units.map((u) => u.name), unitFactors: units.map((u) => u.factor) };
}

export function unitsOfRef(ref: { unitNames: string[]; unitFactors: number[] }) {
  return ref.unitNames.map((name, i) => ({ name, factor: ref.unitFactors[i] ?? 1 }));
}
