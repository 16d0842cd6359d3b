import { assertValid, type InputProblem, ValidationError } from '@wholesail/platform';
import { builder } from '../builder';
import { db } from '../db';
import { pinyinInitials } from '../domain/pinyin';
import { productProblems, type SkuFields, skuBarcodes, skuProblems } from '../domain/rules';
import { emitCatalogChanges } from '../events';
import { staffRoles } from './brand-admin';
import { ProductRef, ProductTagEnum } from './product';
import { SkuRef } from './sku';

const SaleUnitInput = builder.inputType('SaleUnitInput', {
  fields: (t) => ({
    name: t.string({ required: true, description: 'e.g. 箱' }),
    factor: t.int({ required: true, description: 'Base units in one of it (the base unit itself: 1).' }),
    barcode: t.string(),
  }),
});

const skuExtras = {
  spec: 'e.g. 330ml',
  barcodes: 'Barcodes of the base unit (the first is the main one); replaces them.',
  units: 'Every unit it is sold in, the base unit with factor 1 among them; replaces them.',
};

const NewSkuInput = builder.inputType('NewSkuInput', {
  fields: (t) => ({
    code: t.string({ required: true }),
    baseUnit: t.string({ required: true, description: 'The smallest unit, e.g. 瓶.' }),
    spec: t.string({ description: skuExtras.spec }),
    sortOrder: t.int(),
    barcodes: t.stringList({ description: skuExtras.barcodes }),
    units: t.field({ type: [SaleUnitInput], description: skuExtras.units }),
  }),
});
const CreateSkuInput = builder.inputType('CreateSkuInput', {
  fields: (t) => ({
    productId: t.id({ required: true }),
    code: t.string({ required: true }),
    baseUnit: t.string({ required: true }),
    spec: t.string({ description: skuExtras.spec }),
    sortOrder: t.int(),
    barcodes: t.stringList({ description: skuExtras.barcodes }),
    units: t.field({ type: [SaleUnitInput], description: skuExtras.units }),
  }),
});
const UpdateSkuInput = builder.inputType('UpdateSkuInput', {
  description: 'Fields left out keep their value.',
  fields: (t) => ({
    id: t.id({ required: true }),
    code: t.string(),
    baseUnit: t.string(),
    spec: t.string({ description: skuExtras.spec }),
    sortOrder: t.int(),
    barcodes: t.stringList({ description: skuExtras.barcodes }),
    units: t.field({ type: [SaleUnitInput], description: skuExtras.units }),
  }),
});

const CreateProductInput = builder.inputType('CreateProductInput', {
  fields: (t) => ({
    brandId: t.id({ required: true }),
    categoryId: t.id({ required: true }),
    name: t.string({ required: true }),
    onShelf: t.boolean({ description: 'Default true.' }),
    skus: t.field({ type: [NewSkuInput], required: true, description: 'At least one.' }),
    nameEn: t.string(),
    description: t.string(),
    images: t.stringList(),
    videoUrl: t.string(),
    tags: t.field({ type: [ProductTagEnum] }),
    sortOrder: t.int(),
  }),
});
const UpdateProductInput = builder.inputType('UpdateProductInput', {
  description: 'Fields left out keep their value.',
  fields: (t) => ({
    id: t.id({ required: true }),
    brandId: t.id(),
    categoryId: t.id(),
    name: t.string(),
    nameEn: t.string(),
    description: t.string(),
    images: t.stringList(),
    videoUrl: t.string(),
    tags: t.field({ type: [ProductTagEnum] }),
    sortOrder: t.int(),
  }),
});

type SkuArgs = SkuFields & { units?: { name: string; factor: number; barcode?: string | null }[] | null };

/** Code and barcodes of these SKUs must be free in the tenant (other than on `ownSkuId`). */
async function tenantClashes(
  skus: { input: SkuArgs; prefix: string }[],
  ownSkuId?: string,
): Promise<InputProblem[]> {
  const codes = skus.flatMap((s) =>
    s.input.code?.trim() ? [{ field: `${s.prefix}code`, code: s.input.code.trim() }] : [],
  );
  const barcodes = skus.flatMap((s) => skuBarcodes(s.input, s.prefix));
  const problems: InputProblem[] = [];
  // within the input itself (createProduct with several SKUs)
  const seenCode = new Set<string>();
  for (const c of codes) {
    if (seenCode.has(c.code))
      problems.push({ field: c.field, message: `编码 ${c.code} 重复 (code used twice)` });
    seenCode.add(c.code);
  }
  const seenBarcode = new Set<string>();
  for (const b of barcodes) {
    if (seenBarcode.has(b.barcode) && !problems.some((p) => p.field === b.field))
      problems.push({ field: b.field, message: `条码 ${b.barcode} 重复 (barcode used twice)` });
    seenBarcode.add(b.barcode);
  }
  const other = ownSkuId ? { id: { not: ownSkuId } } : {};
  const list = [...seenBarcode];
  const [usedCodes, usedBarcodes, usedUnitBarcodes] = await Promise.all([
    codes.length
      ? db().sku.findMany({ where: { code: { in: [...seenCode] }, ...other }, select: { code: true } })
      : [],
    list.length
      ? db().skuBarcode.findMany({
          where: { barcode: { in: list }, ...(ownSkuId ? { skuId: { not: ownSkuId } } : {}) },
          select: { barcode: true },
        })
      : [],
    list.length
      ? db().saleUnit.findMany({
          where: { barcode: { in: list }, ...(ownSkuId ? { skuId: { not: ownSkuId } } : {}) },
          select: { barcode: true },
        })
      : [],
  ]);
  const takenCodes = new Set(usedCodes.map((r) => r.code));
  const takenBarcodes = new Set([...usedBarcodes, ...usedUnitBarcodes].map((r) => r.barcode));
  for (const c of codes)
    if (takenCodes.has(c.code))
      problems.push({ field: c.field, message: `编码 ${c.code} 已被使用 (code already used)` });
  for (const b of barcodes)
    if (takenBarcodes.has(b.barcode))
      problems.push({ field: b.field, message: `条码 ${b.barcode} 已被其他商品使用 (barcode already used)` });
  return problems;
}

async function referenceProblems(
  brandId?: string | null,
  categoryId?: string | null,
): Promise<InputProblem[]> {
  const [brand, category] = await Promise.all([
    brandId ? db().brand.findFirst({ where: { id: brandId }, select: { id: true } }) : true,
    categoryId ? db().category.findFirst({ where: { id: categoryId }, select: { id: true } }) : true,
  ]);
  return [
    ...(brand ? [] : [{ field: 'brandId', message: '品牌不存在 (brand not found)' }]),
    ...(category ? [] : [{ field: 'categoryId', message: '分类不存在 (category not found)' }]),
  ];
}

type Tx = Parameters<Parameters<ReturnType<typeof db>['$transaction']>[0]>[0];

async function writeSkuParts(tx: Tx, skuId: string, input: SkuArgs, creating: boolean) {
  if (input.barcodes) {
    if (!creating) await tx.skuBarcode.deleteMany({ where: { skuId } });
    const codes = input.barcodes.map((b) => b.trim());
    if (codes.length)
      await tx.skuBarcode.createMany({ data: codes.map((barcode) => ({ skuId, barcode })) as never });
  }
  const units = input.units ?? (creating ? [{ name: input.baseUnit!.trim(), factor: 1 }] : null);
  if (units) {
    if (!creating) await tx.saleUnit.deleteMany({ where: { skuId } });
    await tx.saleUnit.createMany({
      data: units.map((u) => ({
        skuId,
        name: u.name.trim(),
        factor: u.factor,
        barcode: ('barcode' in u && u.barcode?.trim()) || null,
      })) as never,
    });
  }
}

/** A unique constraint lost to a concurrent write: the same refusal as the check before it. */
/** A new SKU row with its barcodes and sale units. */
async function createSku(
  tx: Tx,
  productId: string,
  input: SkuArgs & { code: string; baseUnit: string; spec?: string | null; sortOrder?: number | null },
  defaultSortOrder: number,
) {
  const sku = await tx.sku.create({
    data: {
      productId,
      code: input.code.trim(),
      spec: input.spec?.trim() ?? '',
      baseUnit: input.baseUnit.trim(),
      sortOrder: input.sortOrder ?? defaultSortOrder,
    } as never,
  });
  await writeSkuParts(tx, sku.id, input, true);
  return sku;
}

async function orRefuse<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if ((error as { code?: string }).code === 'P2002')
      throw new ValidationError('编码或条码已被使用 (code or barcode already used)', [
        { field: 'code', message: '编码或条码已被使用 (code or barcode already used)' },
      ]);
    throw error;
  }
}

const notFound = (field: string, message: string) =>
  new ValidationError(message, [{ field, message }], 'NOT_FOUND');

builder.mutationFields((t) => ({
  createProduct: t.field({
    type: ProductRef,
    description: 'Boss or office: a product with its SKUs (codes and barcodes unique in the tenant).',
    authScopes: staffRoles,
    errors: { types: [ValidationError] },
    args: { input: t.arg({ type: CreateProductInput, required: true }) },
    resolve: async (_root, { input }) => {
      const problems = [
        ...productProblems(input, true),
        ...input.skus.flatMap((s, i) => skuProblems(s, true, `skus.${i}.`)),
      ];
      if (input.skus.length === 0)
        problems.push({ field: 'skus', message: '至少一个规格 (at least one SKU)' });
      if (input.skus.length > 50)
        problems.push({ field: 'skus', message: '最多 50 个规格 (at most 50 SKUs)' });
      assertValid(problems);
      assertValid([
        ...(await referenceProblems(input.brandId, input.categoryId)),
        ...(await tenantClashes(input.skus.map((s, i) => ({ input: s, prefix: `skus.${i}.` })))),
      ]);
      const name = input.name.trim();
      const id = await orRefuse(() =>
        db().$transaction(async (tx) => {
          const product = await tx.product.create({
            data: {
              brandId: input.brandId,
              categoryId: input.categoryId,
              name,
              nameEn: input.nameEn?.trim() ?? '',
              pinyin: pinyinInitials(name),
              description: input.description?.trim() ?? '',
              images: (input.images ?? []).map((u) => u.trim()),
              videoUrl: input.videoUrl?.trim() || null,
              tags: [...new Set(input.tags ?? [])],
              onShelf: input.onShelf ?? true,
              sortOrder: input.sortOrder ?? 0,
            } as never,
          });
          for (const [i, s] of input.skus.entries()) await createSku(tx, product.id, s, i + 1);
          await emitCatalogChanges(tx, [product.id]);
          return product.id;
        }),
      );
      return db().product.findFirstOrThrow({ where: { id } });
    },
  }),
  updateProduct: t.field({
    type: ProductRef,
    description:
      'Boss or office: change names, brand, category, description, images, video, tags or sort order.',
    authScopes: staffRoles,
    errors: { types: [ValidationError] },
    args: { input: t.arg({ type: UpdateProductInput, required: true }) },
    resolve: async (_root, { input }) => {
      assertValid(productProblems(input, false));
      const product = await db().product.findFirst({ where: { id: input.id }, select: { id: true } });
      if (!product) throw notFound('id', '商品不存在 (product not found)');
      assertValid(await referenceProblems(input.brandId, input.categoryId));
      const name = input.name?.trim();
      await db().$transaction(async (tx) => {
        await tx.product.update({
          where: { id: product.id },
          data: {
            ...(input.brandId ? { brandId: input.brandId } : {}),
            ...(input.categoryId ? { categoryId: input.categoryId } : {}),
            ...(name ? { name, pinyin: pinyinInitials(name) } : {}),
            ...(input.nameEn != null ? { nameEn: input.nameEn.trim() } : {}),
            ...(input.description != null ? { description: input.description.trim() } : {}),
            ...(input.images ? { images: input.images.map((u) => u.trim()) } : {}),
            ...(input.videoUrl !== undefined ? { videoUrl: input.videoUrl?.trim() || null } : {}),
            ...(input.tags ? { tags: [...new Set(input.tags)] } : {}),
            ...(input.sortOrder != null ? { sortOrder: input.sortOrder } : {}),
          },
        });
        await emitCatalogChanges(tx, [product.id]);
      });
      return db().product.findFirstOrThrow({ where: { id: product.id } });
    },
  }),
  setProductsOnShelf: t.field({
    type: [ProductRef],
    description:
      'Boss or office: put products on or off the shelf (all of them, or none when an id is unknown).',
    authScopes: staffRoles,
    errors: { types: [ValidationError] },
    args: { ids: t.arg.idList({ required: true }), onShelf: t.arg.boolean({ required: true }) },
    resolve: async (_root, { ids, onShelf }) => {
      const wanted = [...new Set(ids)];
      if (wanted.length > 500) throw notFound('ids', '一次最多 500 个商品 (at most 500 products at once)');
      const found = new Set(
        (await db().product.findMany({ where: { id: { in: wanted } }, select: { id: true } })).map(
          (p) => p.id,
        ),
      );
      assertValid(
        ids.flatMap((id, i) =>
          found.has(id) ? [] : [{ field: `ids.${i}`, message: `商品 ${id} 不存在 (product not found)` }],
        ),
      );
      await db().$transaction(async (tx) => {
        await tx.product.updateMany({ where: { id: { in: wanted } }, data: { onShelf } });
        await emitCatalogChanges(tx, wanted);
      });
      const rows = await db().product.findMany({ where: { id: { in: wanted } } });
      const byId = new Map(rows.map((r) => [r.id, r]));
      return wanted.map((id) => byId.get(id)!);
    },
  }),
  createSku: t.field({
    type: SkuRef,
    description: 'Boss or office: a new SKU of a product.',
    authScopes: staffRoles,
    errors: { types: [ValidationError] },
    args: { input: t.arg({ type: CreateSkuInput, required: true }) },
    resolve: async (_root, { input }) => {
      assertValid(skuProblems(input, true));
      const product = await db().product.findFirst({ where: { id: input.productId }, select: { id: true } });
      if (!product) throw notFound('productId', '商品不存在 (product not found)');
      assertValid(await tenantClashes([{ input, prefix: '' }]));
      const id = await orRefuse(() =>
        db().$transaction(async (tx) => {
          const count = await tx.sku.count({ where: { productId: product.id } });
          const sku = await createSku(tx, product.id, input, count + 1);
          await emitCatalogChanges(tx, [product.id]);
          return sku.id;
        }),
      );
      return db().sku.findFirstOrThrow({ where: { id } });
    },
  }),
  updateSku: t.field({
    type: SkuRef,
    description: 'Boss or office: change a SKU: code, spec, base unit, sort order, barcodes, sale units.',
    authScopes: staffRoles,
    errors: { types: [ValidationError] },
    args: { input: t.arg({ type: UpdateSkuInput, required: true }) },
    resolve: async (_root, { input }) => {
      const sku = await db().sku.findFirst({
        where: { id: input.id },
        include: { units: { select: { name: true, factor: true } } },
      });
      if (!sku) throw notFound('id', '规格不存在 (SKU not found)');
      assertValid(skuProblems(input, false, '', { baseUnit: sku.baseUnit, units: sku.units }));
      assertValid(await tenantClashes([{ input, prefix: '' }], sku.id));
      await orRefuse(() =>
        db().$transaction(async (tx) => {
          await tx.sku.update({
            where: { id: sku.id },
            data: {
              ...(input.code ? { code: input.code.trim() } : {}),
              ...(input.spec != null ? { spec: input.spec.trim() } : {}),
              ...(input.baseUnit ? { baseUnit: input.baseUnit.trim() } : {}),
              ...(input.sortOrder != null ? { sortOrder: input.sortOrder } : {}),
            },
          });
          await writeSkuParts(tx, sku.id, input, false);
          await emitCatalogChanges(tx, [sku.productId]);
        }),
      );
      return db().sku.findFirstOrThrow({ where: { id: sku.id } });
    },
  }),
}));
