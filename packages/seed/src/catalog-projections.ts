/**
 * The catalog's projections of other domains' facts, derived from the rest of the demo world
 * exactly as the events would have built them (see subgraphs/catalog/src/consumers.ts): customer
 * levels and warehouses (crm), available stock (inventory), base wholesale prices (pricing),
 * quantities sold per product (orders, every seeded order counted once), plus the demo home page.
 */
import type { Layout } from '../../../subgraphs/catalog/src/domain/home-layout';
import { defaultZone } from '../../../subgraphs/catalog/src/domain/home-layout';
import { PROMOTION_IDS } from './constants';
import type { World } from './world';

export function fillCatalogProjections(world: World): void {
  const { tenantId, now } = world;
  const c = world.catalog;
  for (const customer of world.crm.Customer) {
    c.CustomerProfile.push({
      id: `ccp_${customer.id}`,
      tenantId,
      customerId: customer.id,
      levelId: customer.levelId,
      warehouseId: customer.warehouseId,
      status: customer.status,
      updatedAt: now,
    });
  }
  const countInTransit = world.inventory.InventorySettings[0]?.countInTransit ?? false;
  for (const s of world.inventory.Stock) {
    c.SkuStock.push({
      id: `css_${s.id}`,
      tenantId,
      skuId: s.skuId,
      warehouseId: s.warehouseId,
      available: s.onHand - s.reserved + (countInTransit ? s.inTransit : 0),
    });
  }
  const skuById = new Map(c.Sku.map((s) => [s.id, s]));
  const minPrice = new Map<string, bigint>();
  for (const p of world.pricing.SkuPrice) {
    const sku = skuById.get(p.skuId);
    if (!sku || p.unit !== sku.baseUnit) continue;
    c.SkuWholesalePrice.push({
      id: `cwp_${p.skuId}`,
      tenantId,
      skuId: p.skuId,
      wholesaleMinor: p.wholesaleMinor,
    });
    if (p.wholesaleMinor === null) continue;
    const min = minPrice.get(sku.productId);
    if (min === undefined || p.wholesaleMinor < min) minPrice.set(sku.productId, p.wholesaleMinor);
  }
  const sold = new Map<string, bigint>();
  for (const line of world.orders.OrderLine) {
    const sku = skuById.get(line.skuId);
    if (!sku) continue;
    sold.set(sku.productId, (sold.get(sku.productId) ?? 0n) + BigInt(line.quantity * line.factor));
  }
  for (const p of c.Product) {
    c.ProductRanking.push({
      id: `cpr_${p.id}`,
      tenantId,
      productId: p.id,
      minWholesaleMinor: minPrice.get(p.id) ?? null,
      soldQuantity: sold.get(p.id) ?? 0n,
    });
  }
  for (const o of world.orders.Order) c.CountedOrder.push({ id: `cco_${o.id}`, tenantId, orderId: o.id });
  c.HomeLayout.push({ id: 'home_demo', tenantId, layout: demoLayout(world) as never, updatedAt: now });
}

function demoLayout(world: World): Layout {
  const c = world.catalog;
  const restricted = new Set(c.Brand.filter((b) => b.restricted).map((b) => b.id));
  const shown = c.Product.filter((p) => p.onShelf && !restricted.has(p.brandId));
  const specials = new Set(
    world.marketing.PromotionTarget.filter(
      (t) => t.promotionId === PROMOTION_IDS.itemSpecial && t.productId,
    ).map((t) => t.productId!),
  );
  const tops = c.Category.filter((x) => x.parentId === null).sort((a, b) => a.sortOrder - b.sortOrder);
  const brand = (id: string) => c.Brand.find((b) => b.id === id);
  const banners: Layout['banners'] = [];
  if (brand('brd_coca_cola'))
    banners.push({
      imageUrl: '/images/banners/coca-cola.svg',
      title: '可口可乐 夏日畅饮 整箱批发',
      link: { kind: 'BRAND', targetId: 'brd_coca_cola', url: null },
    });
  if (tops[0])
    banners.push({
      imageUrl: '/images/banners/category.svg',
      title: `${tops[0].name}专场`,
      link: { kind: 'CATEGORY', targetId: tops[0].id, url: null },
    });
  banners.push({
    imageUrl: '/images/banners/specials.svg',
    title: '本周特价 低至八折',
    link: { kind: 'URL', targetId: null, url: '/promotions' },
  });
  const zone = (kind: Layout['zones'][number]['kind'], extra: Partial<Layout['zones'][number]> = {}) => ({
    ...defaultZone(kind),
    ...extra,
  });
  return {
    banners,
    navButtons: [
      ...tops.slice(0, 6).map((t) => ({
        label: t.name.slice(0, 8),
        labelEn: t.nameEn.slice(0, 24),
        icon: `/images/icons/${t.id}.svg`,
        link: { kind: 'CATEGORY' as const, targetId: t.id, url: null },
      })),
      {
        label: '常购清单',
        labelEn: 'Bought before',
        icon: '/images/icons/reorder.svg',
        link: { kind: 'URL', targetId: null, url: '/bought-before' },
      },
      {
        label: '促销活动',
        labelEn: 'Promotions',
        icon: '/images/icons/promotions.svg',
        link: { kind: 'URL', targetId: null, url: '/promotions' },
      },
    ],
    notice: {
      text: '每日 17:00 前下单，次日送达；满 300 元减 20 元。',
      startsAt: new Date(world.now.getTime() - 7 * 86_400_000).toISOString(),
      endsAt: new Date(world.now.getTime() + 30 * 86_400_000).toISOString(),
    },
    zones: [
      zone('NEW', { display: 'CAROUSEL', limit: 10 }),
      zone('RECOMMENDED', { limit: 8, productIds: shown.slice(0, 8).map((p) => p.id) }),
      zone('PROMOTION', {
        display: 'LIST',
        limit: 10,
        productIds: shown
          .filter((p) => specials.has(p.id))
          .slice(0, 10)
          .map((p) => p.id),
      }),
      zone('HOT', { limit: 10 }),
      zone('CLEARANCE', { display: 'LIST', limit: 6 }),
    ],
  };
}
