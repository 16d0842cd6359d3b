import type { InputProblem } from '@wholesail/platform';

/** The category tree has at most three levels: depth 0, 1 and 2. */
export const MAX_CATEGORY_DEPTH = 2;

const text = (v: string | null | undefined) => (v ?? '').trim();

function sortOrderProblem(field: string, value: number | null | undefined): InputProblem[] {
  if (value == null) return [];
  if (!Number.isInteger(value) || value < 0)
    return [{ field, message: '排序须为不小于 0 的整数 (sortOrder must be an integer >= 0)' }];
  return [];
}

function lengthProblem(field: string, value: string | null | undefined, max: number, required: boolean) {
  const v = text(value);
  if (required && !v) return [{ field, message: `必填 (${field} is required)` }];
  if (v.length > max) return [{ field, message: `最多 ${max} 个字 (${field} is at most ${max} characters)` }];
  return [];
}

export interface BrandFields {
  name?: string | null;
  nameEn?: string | null;
  logoUrl?: string | null;
  sortOrder?: number | null;
}

/** `creating`: name is required; on update only the fields given are checked. */
export function brandProblems(input: BrandFields, creating: boolean): InputProblem[] {
  return [
    ...(creating || input.name !== undefined ? lengthProblem('name', input.name, 64, true) : []),
    ...lengthProblem('nameEn', input.nameEn, 64, false),
    ...lengthProblem('logoUrl', input.logoUrl, 500, false),
    ...sortOrderProblem('sortOrder', input.sortOrder),
  ];
}

export interface CategoryNode {
  id: string;
  parentId: string | null;
  depth: number;
}

/**
 * Problems of putting category `id` (null when creating) under `parentId`: the parent must
 * exist, must not be the category itself or below it (a cycle), and the moved subtree must
 * stay within three levels.
 */
export function categoryPlacementProblems(
  tree: readonly CategoryNode[],
  id: string | null,
  parentId: string | null,
): InputProblem[] {
  const byId = new Map(tree.map((c) => [c.id, c]));
  const children = new Map<string, string[]>();
  for (const c of tree) if (c.parentId) children.set(c.parentId, [...(children.get(c.parentId) ?? []), c.id]);
  let parentDepth = -1;
  if (parentId !== null) {
    const parent = byId.get(parentId);
    if (!parent) return [{ field: 'parentId', message: '上级分类不存在 (parent category not found)' }];
    // a cycle: the new parent is the category itself or one of its descendants
    for (
      let at: CategoryNode | undefined = parent;
      at;
      at = at.parentId ? byId.get(at.parentId) : undefined
    ) {
      if (at.id === id)
        return [
          {
            field: 'parentId',
            message: '不能移到自身或其下级分类之下 (a category cannot move under itself or its descendants)',
          },
        ];
    }
    parentDepth = depthOf(byId, parent);
  }
  // height of the moved subtree (0 for a leaf or a new category)
  const height = (node: string, seen = new Set<string>()): number => {
    if (seen.has(node)) return 0;
    seen.add(node);
    return Math.max(0, ...(children.get(node) ?? []).map((c) => 1 + height(c, seen)));
  };
  const subtree = id === null ? 0 : height(id);
  if (parentDepth + 1 + subtree > MAX_CATEGORY_DEPTH)
    return [{ field: 'parentId', message: '分类最多三级 (the category tree has at most three levels)' }];
  return [];
}

function depthOf(byId: Map<string, CategoryNode>, node: CategoryNode): number {
  let depth = 0;
  const seen = new Set<string>();
  for (let at = node; at.parentId && !seen.has(at.id); depth++) {
    seen.add(at.id);
    const parent = byId.get(at.parentId);
    if (!parent) break;
    at = parent;
  }
  return depth;
}

/** The depth of every category after a move, from the parent links (depth 0 = top level). */
export function depths(tree: readonly CategoryNode[]): Map<string, number> {
  const byId = new Map(tree.map((c) => [c.id, c]));
  return new Map(tree.map((c) => [c.id, depthOf(byId, c)]));
}

export function categoryProblems(
  input: { name?: string | null; nameEn?: string | null; sortOrder?: number | null },
  creating: boolean,
): InputProblem[] {
  return [
    ...(creating || input.name !== undefined ? lengthProblem('name', input.name, 32, true) : []),
    ...lengthProblem('nameEn', input.nameEn, 64, false),
    ...sortOrderProblem('sortOrder', input.sortOrder),
  ];
}

export interface ProductFields {
  name?: string | null;
  nameEn?: string | null;
  description?: string | null;
  images?: readonly string[] | null;
  videoUrl?: string | null;
  sortOrder?: number | null;
}

const URLISH = /^(https?:\/\/|\/)\S+$/;

export function productProblems(input: ProductFields, creating: boolean, prefix = ''): InputProblem[] {
  const f = (name: string) => `${prefix}${name}`;
  const problems: InputProblem[] = [
    ...(creating || input.name !== undefined ? lengthProblem(f('name'), input.name, 100, true) : []),
    ...lengthProblem(f('nameEn'), input.nameEn, 100, false),
    ...lengthProblem(f('description'), input.description, 2000, false),
    ...sortOrderProblem(f('sortOrder'), input.sortOrder),
  ];
  if (input.images) {
    if (input.images.length > 20)
      problems.push({ field: f('images'), message: '最多 20 张图片 (at most 20 images)' });
    input.images.forEach((url, i) => {
      if (!URLISH.test(url.trim()) || url.length > 500)
        problems.push({ field: f(`images.${i}`), message: '图片地址无效 (not an image URL)' });
    });
  }
  if (input.videoUrl && (!URLISH.test(input.videoUrl.trim()) || input.videoUrl.length > 500))
    problems.push({ field: f('videoUrl'), message: '视频地址无效 (not a video URL)' });
  return problems;
}

export interface SaleUnitInput {
  name: string;
  factor: number;
  barcode?: string | null;
}

export interface SkuFields {
  code?: string | null;
  spec?: string | null;
  baseUnit?: string | null;
  sortOrder?: number | null;
  barcodes?: readonly string[] | null;
  units?: readonly SaleUnitInput[] | null;
}

const BARCODE = /^[0-9A-Za-z-]{4,32}$/;

/**
 * The rules of a SKU by itself: a code, a base unit, sale units with unique names and integer
 * factors >= 1 among which the base unit with factor 1, and barcodes (its own and its units')
 * each well formed and used once. Uniqueness in the tenant is checked against the database.
 * `current` gives the stored base unit and units when updating without them.
 */
export function skuProblems(
  input: SkuFields,
  creating: boolean,
  prefix = '',
  current?: { baseUnit: string; units: readonly SaleUnitInput[] },
): InputProblem[] {
  const f = (name: string) => `${prefix}${name}`;
  const problems: InputProblem[] = [
    ...(creating || input.code !== undefined ? lengthProblem(f('code'), input.code, 32, true) : []),
    ...lengthProblem(f('spec'), input.spec, 64, false),
    ...(creating || input.baseUnit !== undefined
      ? lengthProblem(f('baseUnit'), input.baseUnit, 8, true)
      : []),
    ...sortOrderProblem(f('sortOrder'), input.sortOrder),
  ];
  const baseUnit = text(input.baseUnit ?? current?.baseUnit);
  const units = input.units ?? (creating ? [{ name: baseUnit, factor: 1 }] : current?.units);
  if (units && baseUnit) {
    const seen = new Set<string>();
    units.forEach((u, i) => {
      const name = text(u.name);
      if (!name)
        problems.push({ field: f(`units.${i}.name`), message: '单位名称必填 (unit name is required)' });
      else if (name.length > 8)
        problems.push({
          field: f(`units.${i}.name`),
          message: '单位名称最多 8 个字 (unit name is at most 8 characters)',
        });
      else if (seen.has(name)) {
        problems.push({
          field: f(`units.${i}.name`),
          message: `单位“${name}”重复 (unit ${name} is used twice)`,
        });
        return;
      }
      seen.add(name);
      if (!Number.isInteger(u.factor) || u.factor < 1)
        problems.push({
          field: f(`units.${i}.factor`),
          message: '换算系数须为不小于 1 的整数 (factor must be an integer >= 1)',
        });
      else if (name === baseUnit && u.factor !== 1)
        problems.push({
          field: f(`units.${i}.factor`),
          message: '基本单位的换算系数须为 1 (the base unit has factor 1)',
        });
    });
    if (!units.some((u) => text(u.name) === baseUnit))
      problems.push({
        field: f('units'),
        message: `须包含基本单位“${baseUnit}” (the base unit ${baseUnit} must be one of the units)`,
      });
  }
  const seenCodes = new Set<string>();
  const checkBarcode = (field: string, code: string) => {
    if (!BARCODE.test(code)) problems.push({ field, message: '条码格式无效 (not a valid barcode)' });
    else if (seenCodes.has(code)) problems.push({ field, message: `条码 ${code} 重复 (barcode used twice)` });
    seenCodes.add(code);
  };
  for (const [i, b] of (input.barcodes ?? []).entries()) checkBarcode(f(`barcodes.${i}`), b.trim());
  input.units?.forEach((u, i) => {
    if (u.barcode?.trim()) checkBarcode(f(`units.${i}.barcode`), u.barcode.trim());
  });
  return problems;
}

/** The barcodes a SKU input carries, with the field each came from. */
export function skuBarcodes(input: SkuFields, prefix = ''): { field: string; barcode: string }[] {
  return [
    ...(input.barcodes ?? []).map((b, i) => ({ field: `${prefix}barcodes.${i}`, barcode: b.trim() })),
    ...(input.units ?? []).flatMap((u, i) =>
      u.barcode?.trim() ? [{ field: `${prefix}units.${i}.barcode`, barcode: u.barcode.trim() }] : [],
    ),
  ];
}
