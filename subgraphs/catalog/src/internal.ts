import { type InternalCommands, internalCommand, z } from '@wholesail/platform';
import { db } from './db';
import { type CatalogAccess, catalogAccess } from './domain/visibility';

/** Why a SKU cannot be ordered by this customer (null: it can). */
export type NotOrderable = 'UNKNOWN' | 'OFF_SHELF' | 'NOT_AUTHORIZED';

const skuFactsInput = z.object({
  /** the customer ordering (null: staff view, everything orderable that exists and is on the shelf) */
  customerId: z.string().min(1).nullable(),
  skuIds: z.array(z.string().min(1)).min(1).max(500),
});

export interface SkuFacts {
  skuId: string;
  productId: string | null;
  code: string | null;
  name: string | null;
  spec: string | null;
  baseUnit: string | null;
  units: { name: string; factor: number }[];
  brandId: string | null;
  /** the product's category and every category above it (promotion targets) */
  categoryIds: string[];
  notOrderable: NotOrderable | null;
}

function brandOpen(
  brand: { restricted: boolean; authorizations: { customerId: string | null; levelId: string | null }[] },
  access: CatalogAccess,
): boolean {
  if (access.all || !brand.restricted) return true;
  return brand.authorizations.some(
    (a) =>
      (access.customerId !== null && a.customerId === access.customerId) ||
      (access.levelId !== null && a.levelId === access.levelId),
  );
}

/**
 * For orders: what each SKU is (names, units and factors for the order lines) and whether this
 * customer may order it (on the shelf, brand open to it), in two statements whatever the count.
 */
export const catalogInternal: InternalCommands = {
  skuFacts: internalCommand(skuFactsInput, async ({ customerId, skuIds }) => {
    const profile = customerId
      ? await db().customerProfile.findFirst({
          where: { customerId },
          select: { levelId: true, warehouseId: true },
        })
      : null;
    const access = customerId
      ? catalogAccess({ kind: 'customer', tenantId: '', customerId, customerUserId: '' }, profile)
      : catalogAccess({ kind: 'service', tenantId: '', service: 'orders' });
    const rows = await db().sku.findMany({
      where: { id: { in: [...new Set(skuIds)] } },
      include: {
        units: { orderBy: { factor: 'asc' } },
        product: {
          select: {
            id: true,
            name: true,
            onShelf: true,
            brandId: true,
            categoryId: true,
            brand: {
              select: {
                restricted: true,
                authorizations: {
                  where: customerId
                    ? { OR: [{ customerId }, ...(profile?.levelId ? [{ levelId: profile.levelId }] : [])] }
                    : { id: '__none__' },
                  select: { customerId: true, levelId: true },
                },
              },
            },
          },
        },
      },
    });
    const byId = new Map(rows.map((r) => [r.id, r]));
    const categories = await db().category.findMany({ select: { id: true, parentId: true } });
    const parentOf = new Map(categories.map((c) => [c.id, c.parentId]));
    const chain = (id: string) => {
      const ids: string[] = [];
      for (let at: string | null | undefined = id; at && ids.length < 10; at = parentOf.get(at)) ids.push(at);
      return ids;
    };
    const skus: SkuFacts[] = skuIds.map((skuId) => {
      const sku = byId.get(skuId);
      if (!sku)
        return {
          skuId,
          productId: null,
          code: null,
          name: null,
          spec: null,
          baseUnit: null,
          units: [],
          brandId: null,
          categoryIds: [],
          notOrderable: 'UNKNOWN',
        };
      const notOrderable: NotOrderable | null = !sku.product.onShelf
        ? 'OFF_SHELF'
        : !brandOpen(sku.product.brand, access)
          ? 'NOT_AUTHORIZED'
          : null;
      return {
        skuId,
        productId: sku.product.id,
        code: sku.code,
        name: sku.product.name,
        spec: sku.spec,
        baseUnit: sku.baseUnit,
        units: sku.units.map((u) => ({ name: u.name, factor: u.factor })),
        brandId: sku.product.brandId,
        categoryIds: chain(sku.product.categoryId),
        notOrderable,
      };
    });
    return { skus };
  }),
};
