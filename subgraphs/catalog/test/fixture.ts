import { pinyinInitials } from '../src/domain/pinyin';
import type { database } from '../src/service';

type Raw = ReturnType<typeof database.raw>;

export const viewers = (tenantId = 'tnt_a') => ({
  vip: { kind: 'customer' as const, tenantId, customerId: 'cus_vip', customerUserId: 'cu_vip' },
  named: { kind: 'customer' as const, tenantId, customerId: 'cus_named', customerUserId: 'cu_named' },
  plain: { kind: 'customer' as const, tenantId, customerId: 'cus_plain', customerUserId: 'cu_plain' },
  office: { kind: 'staff' as const, tenantId, staffId: 'stf_office', roles: ['OFFICE' as const] },
  boss: { kind: 'staff' as const, tenantId, staffId: 'stf_boss', roles: ['BOSS' as const] },
  picker: { kind: 'staff' as const, tenantId, staffId: 'stf_picker', roles: ['PICKER' as const] },
});

/**
 * Two tenants with the same catalog (ids prefixed a_ / b_): open brands 可口可乐 and 百事, Moutai
 * restricted to the VIP level, Wuliangye restricted to the customer cus_named; a three-level
 * category tree; an off-shelf product; stock, prices and sales in the projections.
 */
export async function seedCatalog(raw: Raw, t: 'a' | 'b') {
  const tenantId = `tnt_${t}`;
  const id = (s: string) => `${t}_${s}`;
  await raw.brand.createMany({
    data: [
      { id: id('coke'), tenantId, name: '可口可乐', nameEn: 'Coca-Cola', sortOrder: 1, pinyin: 'kkkl' },
      { id: id('pepsi'), tenantId, name: '百事', nameEn: 'Pepsi', sortOrder: 2, pinyin: 'bs' },
      {
        id: id('moutai'),
        tenantId,
        name: '茅台',
        nameEn: 'Moutai',
        sortOrder: 3,
        restricted: true,
        pinyin: 'mt',
      },
      {
        id: id('wly'),
        tenantId,
        name: '五粮液',
        nameEn: 'Wuliangye',
        sortOrder: 4,
        restricted: true,
        pinyin: 'wly',
      },
    ],
  });
  await raw.brandAuthorization.createMany({
    data: [
      { tenantId, brandId: id('moutai'), levelId: 'lvl_vip' },
      { tenantId, brandId: id('wly'), customerId: 'cus_named' },
    ],
  });
  const cats: [string, string | null, string, string, number, number][] = [
    ['drink', null, '饮料', 'Drinks', 0, 1],
    ['soda', 'drink', '碳酸饮料', 'Soda', 1, 1],
    ['cola', 'soda', '可乐', 'Cola', 2, 1],
    ['water', 'drink', '饮用水', 'Water', 1, 2],
    ['liquor', null, '酒水', 'Liquor', 0, 2],
    ['baijiu', 'liquor', '白酒', 'Baijiu', 1, 1],
  ];
  for (const [slug, parent, name, nameEn, depth, sortOrder] of cats)
    await raw.category.create({
      data: {
        id: id(slug),
        tenantId,
        parentId: parent ? id(parent) : null,
        name,
        nameEn,
        depth,
        sortOrder,
        pinyin: pinyinInitials(name),
      },
    });
  const products: {
    slug: string;
    brand: string;
    cat: string;
    name: string;
    nameEn: string;
    tags: string[];
    sortOrder: number;
    created: string;
    onShelf?: boolean;
  }[] = [
    {
      slug: 'cola',
      brand: 'coke',
      cat: 'cola',
      name: '可口可乐 330ml',
      nameEn: 'Coca-Cola 330ml',
      tags: ['hot'],
      sortOrder: 1,
      created: '2026-01-01',
    },
    {
      slug: 'zero',
      brand: 'coke',
      cat: 'cola',
      name: '零度可乐',
      nameEn: 'Coke Zero',
      tags: ['new'],
      sortOrder: 2,
      created: '2026-03-01',
    },
    {
      slug: 'pepsi',
      brand: 'pepsi',
      cat: 'cola',
      name: '百事可乐',
      nameEn: 'Pepsi Cola',
      tags: ['hot'],
      sortOrder: 3,
      created: '2026-02-01',
    },
    {
      slug: 'water',
      brand: 'coke',
      cat: 'water',
      name: '冰露可口纯净水',
      nameEn: 'Ice Dew water',
      tags: ['clearance'],
      sortOrder: 0,
      created: '2025-12-01',
    },
    {
      slug: 'off',
      brand: 'coke',
      cat: 'soda',
      name: '雪碧',
      nameEn: 'Sprite',
      tags: ['hot'],
      sortOrder: 5,
      created: '2026-04-01',
      onShelf: false,
    },
    {
      slug: 'moutai',
      brand: 'moutai',
      cat: 'baijiu',
      name: '飞天茅台',
      nameEn: 'Feitian Moutai',
      tags: ['new'],
      sortOrder: 6,
      created: '2026-05-01',
    },
    {
      slug: 'wly',
      brand: 'wly',
      cat: 'baijiu',
      name: '五粮液普五',
      nameEn: 'Wuliangye',
      tags: [],
      sortOrder: 7,
      created: '2025-11-01',
    },
  ];
  const digit = t === 'a' ? '1' : '2';
  for (const [i, p] of products.entries()) {
    await raw.product.create({
      data: {
        id: id(p.slug),
        tenantId,
        brandId: id(p.brand),
        categoryId: id(p.cat),
        name: p.name,
        nameEn: p.nameEn,
        pinyin: pinyinInitials(p.name),
        images: [],
        tags: p.tags,
        sortOrder: p.sortOrder,
        onShelf: p.onShelf ?? true,
        createdAt: new Date(`${p.created}T00:00:00Z`),
      },
    });
    const skus = p.slug === 'cola' ? ['s1', 's2'] : ['s1'];
    for (const [k, s] of skus.entries()) {
      const skuId = id(`${p.slug}_${s}`);
      await raw.sku.create({
        data: {
          id: skuId,
          tenantId,
          productId: id(p.slug),
          code: `${t}-${p.slug}-${s}`,
          baseUnit: '瓶',
          sortOrder: k + 1,
        },
      });
      await raw.skuBarcode.create({ data: { tenantId, skuId, barcode: `69${digit}000000${i}${k}` } });
      await raw.saleUnit.createMany({
        data: [
          { tenantId, skuId, name: '瓶', factor: 1, barcode: p.slug === 'water' ? '330' : null },
          { tenantId, skuId, name: '箱', factor: 24, barcode: `169${digit}000000${i}${k}` },
        ],
      });
    }
  }
  await raw.customerProfile.createMany({
    data: [
      { tenantId, customerId: 'cus_vip', levelId: 'lvl_vip', warehouseId: 'wh_main' },
      { tenantId, customerId: 'cus_named', levelId: 'lvl_std', warehouseId: 'wh_north' },
      { tenantId, customerId: 'cus_plain', levelId: 'lvl_std', warehouseId: 'wh_main' },
    ],
  });
  await raw.skuStock.createMany({
    data: [
      { tenantId, skuId: id('cola_s1'), warehouseId: 'wh_main', available: 10 },
      { tenantId, skuId: id('pepsi_s1'), warehouseId: 'wh_main', available: 0 },
      { tenantId, skuId: id('water_s1'), warehouseId: 'wh_main', available: 5 },
      { tenantId, skuId: id('pepsi_s1'), warehouseId: 'wh_north', available: 7 },
      { tenantId, skuId: id('zero_s1'), warehouseId: 'wh_north', available: 3 },
    ],
  });
  const prices: [string, number][] = [
    ['cola_s1', 300],
    ['cola_s2', 250],
    ['zero_s1', 280],
    ['pepsi_s1', 260],
    ['water_s1', 100],
    ['moutai_s1', 150_000],
    ['wly_s1', 99_000],
  ];
  await raw.skuWholesalePrice.createMany({
    data: prices.map(([s, fen]) => ({ tenantId, skuId: id(s), wholesaleMinor: BigInt(fen) })),
  });
  const ranking: [string, number | null, number][] = [
    ['cola', 250, 300],
    ['zero', 280, 0],
    ['pepsi', 260, 500],
    ['water', 100, 10],
    ['moutai', 150_000, 0],
    ['wly', 99_000, 0],
  ];
  await raw.productRanking.createMany({
    data: ranking.map(([p, min, sold]) => ({
      tenantId,
      productId: id(p),
      minWholesaleMinor: min === null ? null : BigInt(min),
      soldQuantity: BigInt(sold),
    })),
  });
}
