import { loadById } from '@wholesail/platform';
import { viewerAccess } from '../access';
import { builder } from '../builder';
import { db } from '../db';
import { productVisibility } from '../domain/visibility';

export const SaleUnitRef = builder.prismaObject('SaleUnit', {
  description: 'A unit the SKU is sold in: 瓶 (factor 1), 箱 = 24 瓶 (factor 24).',
  shareable: true,
  fields: (t) => ({
    name: t.exposeString('name'),
    factor: t.exposeInt('factor', { description: 'How many base units one of this unit holds.' }),
    barcode: t.exposeString('barcode', { nullable: true }),
  }),
});

export const SkuRef = builder.prismaObject('Sku', {
  description: 'A sellable variant of a product (flavour, size), counted in its base unit.',
  fields: (t) => ({
    id: t.exposeID('id'),
    code: t.exposeString('code'),
    spec: t.exposeString('spec'),
    baseUnit: t.exposeString('baseUnit'),
    sortOrder: t.exposeInt('sortOrder'),
    barcode: t.string({
      nullable: true,
      description: 'The main barcode (the first of `barcodes`).',
      select: { barcodes: { select: { barcode: true }, orderBy: { id: 'asc' }, take: 1 } },
      resolve: (sku) => sku.barcodes[0]?.barcode ?? null,
    }),
    barcodes: t.stringList({
      select: { barcodes: { select: { barcode: true }, orderBy: { id: 'asc' } } },
      resolve: (sku) => sku.barcodes.map((b) => b.barcode),
    }),
    units: t.relation('units', { query: { orderBy: { factor: 'asc' } } }),
    product: t.relation('product'),
  }),
});

builder.asEntity(SkuRef, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: async (ref, ctx) => {
    const access = await viewerAccess(ctx);
    return loadById(
      ctx,
      'catalog.sku',
      (ids) => db().sku.findMany({ where: { id: { in: ids }, product: productVisibility(access) } }),
      ref.id,
    );
  },
});

builder.queryFields((t) => ({
  sku: t.prismaField({
    type: 'Sku',
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: async (query, _root, args, ctx) =>
      db().sku.findFirst({
        ...query,
        where: { id: args.id, product: productVisibility(await viewerAccess(ctx)) },
      }),
  }),
  skuByBarcode: t.prismaField({
    type: 'Sku',
    nullable: true,
    description: 'The SKU with this barcode (of its base unit or of a sale unit).',
    args: { barcode: t.arg.string({ required: true }) },
    resolve: async (query, _root, args, ctx) =>
      db().sku.findFirst({
        ...query,
        where: {
          product: productVisibility(await viewerAccess(ctx)),
          OR: [
            { barcodes: { some: { barcode: args.barcode.trim() } } },
            { units: { some: { barcode: args.barcode.trim() } } },
          ],
        },
      }),
  }),
}));
