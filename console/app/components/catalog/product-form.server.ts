import type { InputProblem } from '../../lib/catalog-queries';
import { PRODUCT_TAGS } from '../../lib/catalog-queries';
import type { BrandValues } from './brand-fields';
import { intOf, localProblem, str, strs } from './mutate.server';
import type { ProductValues } from './product-fields';
import type { SkuValues } from './sku-fields';

/** Reading the product and SKU forms into what was typed, and that into the API's inputs. */

export function readSku(form: FormData, prefix: string): SkuValues {
  const barcodes: string[] = [];
  for (let i = 0; form.has(`${prefix}barcodes.${i}`); i++) {
    const b = str(form, `${prefix}barcodes.${i}`).trim();
    if (b) barcodes.push(b);
  }
  const units: SkuValues['units'] = [];
  for (let i = 0; form.has(`${prefix}units.${i}.name`); i++) {
    const unit = {
      name: str(form, `${prefix}units.${i}.name`).trim(),
      factor: str(form, `${prefix}units.${i}.factor`).trim(),
      barcode: str(form, `${prefix}units.${i}.barcode`).trim(),
    };
    if (unit.name || unit.factor || unit.barcode) units.push(unit);
  }
  return {
    code: str(form, `${prefix}code`).trim(),
    spec: str(form, `${prefix}spec`).trim(),
    baseUnit: str(form, `${prefix}baseUnit`).trim(),
    sortOrder: str(form, `${prefix}sortOrder`).trim(),
    barcodes: barcodes.length > 0 ? barcodes : [''],
    units,
    baseUnitBarcode: str(form, `${prefix}baseUnitBarcode`).trim(),
  };
}

export interface SkuInput {
  code: string;
  spec: string;
  baseUnit: string;
  sortOrder?: number;
  barcodes: string[];
  units: { name: string; factor: number; barcode: string | null }[];
}

/**
 * The API's SKU input: the base unit (factor 1) first unless a typed row names it, then the
 * typed units. Only what the API's types cannot carry (a factor that is not a whole number) is
 * refused here; the rules themselves (factor >= 1, unit used twice...) are the API's.
 */
export function skuInput(
  values: SkuValues,
  prefix: string,
): { input: SkuInput; problems: InputProblem[]; prepended: boolean } {
  const problems: InputProblem[] = [];
  const sortOrder = intOf(values.sortOrder);
  if (Number.isNaN(sortOrder)) problems.push(localProblem(`${prefix}sortOrder`, 'integer'));
  const typed = values.units.map((u, i) => {
    const factor = intOf(u.factor);
    if (factor === undefined || Number.isNaN(factor))
      problems.push(localProblem(`${prefix}units.${i}.factor`, 'integer'));
    return { name: u.name, factor: factor ?? 0, barcode: u.barcode || null };
  });
  const prepended = !values.units.some((u) => u.name === values.baseUnit);
  const units =
    prepended && values.baseUnit
      ? [{ name: values.baseUnit, factor: 1, barcode: values.baseUnitBarcode || null }, ...typed]
      : typed;
  return {
    input: {
      code: values.code,
      spec: values.spec,
      baseUnit: values.baseUnit,
      ...(sortOrder === undefined || Number.isNaN(sortOrder) ? {} : { sortOrder }),
      barcodes: values.barcodes.filter((b) => b !== ''),
      units,
    },
    problems,
    prepended: prepended && values.baseUnit !== '',
  };
}

/**
 * The API's problems on the fields of the form: with the base unit put first, the API's
 * `units.0` is the base unit field and `units.n` the form's row n-1.
 */
export function skuProblemsOnForm(
  problems: InputProblem[],
  prefix: string,
  prepended: boolean,
): InputProblem[] {
  if (!prepended) return problems;
  const units = `${prefix}units.`;
  return problems.map((p) => {
    if (!p.field.startsWith(units)) return p;
    const [index = '', ...rest] = p.field.slice(units.length).split('.');
    const n = Number.parseInt(index, 10);
    if (Number.isNaN(n)) return p;
    if (n === 0) return { ...p, field: `${prefix}baseUnit` };
    return { ...p, field: [`${units}${n - 1}`, ...rest].join('.') };
  });
}

export function readProduct(form: FormData): ProductValues {
  return {
    name: str(form, 'name').trim(),
    nameEn: str(form, 'nameEn').trim(),
    brandId: str(form, 'brandId'),
    categoryId: str(form, 'categoryId'),
    tags: strs(form, 'tags').filter((tag) => (PRODUCT_TAGS as readonly string[]).includes(tag)),
    description: str(form, 'description').trim(),
    images: str(form, 'images'),
    sortOrder: str(form, 'sortOrder').trim(),
    onShelf: form.get('onShelf') === 'on',
  };
}

export interface ProductInput {
  name: string;
  nameEn: string;
  brandId: string;
  categoryId: string;
  tags: string[];
  description: string;
  images: string[];
  sortOrder?: number;
}

export function productInput(values: ProductValues): { input: ProductInput; problems: InputProblem[] } {
  const problems: InputProblem[] = [];
  const sortOrder = intOf(values.sortOrder);
  if (Number.isNaN(sortOrder)) problems.push(localProblem('sortOrder', 'integer'));
  return {
    input: {
      name: values.name,
      nameEn: values.nameEn,
      brandId: values.brandId,
      categoryId: values.categoryId,
      tags: values.tags,
      description: values.description,
      images: values.images
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean),
      ...(sortOrder === undefined || Number.isNaN(sortOrder) ? {} : { sortOrder }),
    },
    problems,
  };
}

export function readBrand(form: FormData): BrandValues {
  return {
    name: str(form, 'name').trim(),
    nameEn: str(form, 'nameEn').trim(),
    logoUrl: str(form, 'logoUrl').trim(),
    sortOrder: str(form, 'sortOrder').trim(),
    restricted: form.get('restricted') === 'on',
  };
}

export function brandInput(values: BrandValues): {
  input: { name: string; nameEn: string; logoUrl: string; sortOrder?: number; restricted: boolean };
  problems: InputProblem[];
} {
  const sortOrder = intOf(values.sortOrder);
  return {
    input: {
      name: values.name,
      nameEn: values.nameEn,
      logoUrl: values.logoUrl,
      restricted: values.restricted,
      ...(sortOrder === undefined || Number.isNaN(sortOrder) ? {} : { sortOrder }),
    },
    problems: Number.isNaN(sortOrder) ? [localProblem('sortOrder', 'integer')] : [],
  };
}
