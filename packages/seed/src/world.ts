/**
 * The demo world: every row of every subgraph for one tenant, as plain objects typed by the
 * generated Prisma models. Pure and deterministic: the same scale, `now` and password hash give
 * the same output (seeded PRNG, no clock, no Math.random). Dates are relative to `now`.
 */
import type * as Catalog from '../../../subgraphs/catalog/generated/prisma/client';
import { pinyinInitials } from '../../../subgraphs/catalog/src/domain/pinyin';
import type * as Crm from '../../../subgraphs/crm/generated/prisma/client';
import type * as Delivery from '../../../subgraphs/delivery/generated/prisma/client';
import type * as Inventory from '../../../subgraphs/inventory/generated/prisma/client';
import type * as Marketing from '../../../subgraphs/marketing/generated/prisma/client';
import { promotionChangedPayload } from '../../../subgraphs/marketing/src/domain/promotion-event';
import type * as Orders from '../../../subgraphs/orders/generated/prisma/client';
import type * as Pricing from '../../../subgraphs/pricing/generated/prisma/client';
import { itemSpecialRows } from '../../../subgraphs/pricing/src/domain/item-specials';
import type * as Warehouse from '../../../subgraphs/warehouse/generated/prisma/client';
import { fillCatalogProjections } from './catalog-projections';
import {
  customerCode,
  customerId,
  customerUserId,
  DEMO_CUSTOMERS,
  LEVEL_IDS,
  PROMOTION_IDS,
  productId,
  RESTRICTED_BRAND_IDS,
  ROUTE_IDS,
  SCALES,
  type Scale,
  STAFF,
  STAFF_IDS,
  type SubgraphName,
  skuId,
  TENANT_ID,
  TENANT_NAME,
  TENANT_SLUG,
  WAREHOUSE_IDS,
} from './constants';
import {
  BRANDS,
  type BrandDef,
  CATEGORY_TREE,
  GIVEN_NAMES,
  type LeafDef,
  type LineDef,
  ORDER_NOTES,
  PHONE_PREFIXES,
  SERIES,
  type SpecDef,
  STORE_PREFIXES,
  STORE_TYPES,
  STREETS,
  SURNAMES,
} from './data';
import { pad, Rng, withCheckDigit } from './random';

export interface World {
  tenantId: string;
  scale: Scale;
  now: Date;
  /** Written in this order, schema by schema and table by table (parents first); crm.Tenant last of all. */
  crm: {
    CustomerLevel: Crm.CustomerLevel[];
    Staff: Crm.Staff[];
    Customer: Crm.Customer[];
    CustomerUser: Crm.CustomerUser[];
    CreditAccount: Crm.CreditAccount[];
    Tenant: Crm.Tenant[];
  };
  warehouse: {
    Warehouse: Warehouse.Warehouse[];
    Location: Warehouse.Location[];
  };
  delivery: {
    Route: Delivery.Route[];
    RouteStop: Delivery.RouteStop[];
    Vehicle: Delivery.Vehicle[];
  };
  catalog: {
    Brand: Catalog.Brand[];
    BrandAuthorization: Catalog.BrandAuthorization[];
    Category: Catalog.Category[];
    Product: Catalog.Product[];
    Sku: Catalog.Sku[];
    SkuBarcode: Catalog.SkuBarcode[];
    SaleUnit: Catalog.SaleUnit[];
    /** projections of crm, inventory, pricing and orders facts, and the home page (catalog-projections.ts) */
    CustomerProfile: Catalog.CustomerProfile[];
    SkuStock: Catalog.SkuStock[];
    SkuWholesalePrice: Catalog.SkuWholesalePrice[];
    ProductRanking: Catalog.ProductRanking[];
    CountedOrder: Catalog.CountedOrder[];
    HomeLayout: Catalog.HomeLayout[];
  };
  pricing: {
    PricingSettings: Pricing.PricingSettings[];
    CustomerPriceProfile: Pricing.CustomerPriceProfile[];
    SkuPrice: Pricing.SkuPrice[];
    LevelPrice: Pricing.LevelPrice[];
    CustomerPrice: Pricing.CustomerPrice[];
    LastSalePrice: Pricing.LastSalePrice[];
    VolumeTier: Pricing.VolumeTier[];
    PriceLevel: Pricing.PriceLevel[];
    SkuRef: Pricing.SkuRef[];
    /** projection of marketing's item specials (PromotionChanged), filled after marketing below */
    ItemSpecial: Pricing.ItemSpecial[];
  };
  marketing: {
    Promotion: Marketing.Promotion[];
    PromotionTarget: Marketing.PromotionTarget[];
    CustomerProfile: Marketing.CustomerProfile[];
    SkuReferencePrice: Marketing.SkuReferencePrice[];
    CouponTemplate: Marketing.CouponTemplate[];
    Coupon: Marketing.Coupon[];
  };
  inventory: {
    InventorySettings: Inventory.InventorySettings[];
    /** projections of catalog.Sku and warehouse.Warehouse: the SKUs and warehouses stock may be kept for */
    SkuRef: Inventory.SkuRef[];
    WarehouseRef: Inventory.WarehouseRef[];
    CustomerWarehouse: Inventory.CustomerWarehouse[];
    Stock: Inventory.Stock[];
    StockMovement: Inventory.StockMovement[];
  };
  orders: {
    Order: Orders.Order[];
    OrderLine: Orders.OrderLine[];
    OrderEvent: Orders.OrderEvent[];
  };
}

/** A demo credit limit in fen from the customer's level and a draw of 5..50. */
function creditLimitMinor(levelId: string, draw: number): bigint {
  const thousands =
    levelId === LEVEL_IDS.vip ? 50 + draw * 2 : levelId === LEVEL_IDS.wholesale ? 20 + draw : draw;
  return BigInt(thousands) * 1000n * 100n;
}

export interface WorldOptions {
  scale?: Scale;
  now: Date;
  /** The hash stored for every login; hashing is slow, so the caller computes it once. */
  passwordHash?: string;
}

/** Every table of the world in write order: [schema, model, rows]; crm.Tenant comes last. */
export function worldTables(world: World): [SubgraphName, string, readonly object[]][] {
  const out: [SubgraphName, string, readonly object[]][] = [];
  let tenant: [SubgraphName, string, readonly object[]] | undefined;
  for (const schema of [
    'crm',
    'warehouse',
    'delivery',
    'catalog',
    'pricing',
    'marketing',
    'inventory',
    'orders',
  ] as const) {
    for (const [model, rows] of Object.entries(world[schema])) {
      if (schema === 'crm' && model === 'Tenant') tenant = [schema, model, rows];
      else out.push([schema, model, rows]);
    }
  }
  if (tenant) out.push(tenant);
  return out;
}

/** Row counts keyed "schema.Model", in write order. */
export function worldCounts(world: World): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const [schema, model, rows] of worldTables(world)) counts[`${schema}.${model}`] = rows.length;
  return counts;
}

// ---------------------------------------------------------------------------------------------
// time

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Business days and order numbers follow China time (UTC+8). */
const CHINA_OFFSET = 8 * HOUR;

export function startOfChinaDay(ms: number): number {
  return Math.floor((ms + CHINA_OFFSET) / DAY) * DAY - CHINA_OFFSET;
}

export function chinaDate(ms: number): string {
  return new Date(ms + CHINA_OFFSET).toISOString().slice(0, 10).replaceAll('-', '');
}

// ---------------------------------------------------------------------------------------------
// money helpers (integer fen; numbers here, bigint in the rows)

const round10 = (fen: number): number => Math.max(10, Math.round(fen / 10) * 10);
const pct = (fen: number, ratio: number): number => Math.max(1, Math.round(fen * ratio));

/** pinyin initials, lowercase a-z0-9 only: 可口可乐 -> kkkl (the catalog's own rule, one function) */
export { pinyinInitials };

// ---------------------------------------------------------------------------------------------

type Region = 'east' | 'west' | 'north';
const ROUTE_OF: Record<Region, string> = {
  east: ROUTE_IDS.east,
  west: ROUTE_IDS.west,
  north: ROUTE_IDS.north,
};
const WAREHOUSE_OF: Record<Region, string> = {
  east: WAREHOUSE_IDS.main,
  west: WAREHOUSE_IDS.main,
  north: WAREHOUSE_IDS.north,
};
const REP_OF: Record<Region, string> = { east: STAFF_IDS.rep1, west: STAFF_IDS.rep2, north: STAFF_IDS.rep3 };
const CITY_CENTRE = { lat: 30.27, lng: 120.15 };
const WAREHOUSE_GEO = {
  [WAREHOUSE_IDS.main]: { lat: 30.25, lng: 120.17 },
  [WAREHOUSE_IDS.north]: { lat: 30.37, lng: 120.15 },
} as Record<string, { lat: number; lng: number }>;

function regionOf(lat: number, lng: number): Region {
  if (lat >= CITY_CENTRE.lat + 0.05) return 'north';
  return lng >= CITY_CENTRE.lng ? 'east' : 'west';
}

interface CustomerInfo {
  index: number; // 0-based
  n: number; // 1-based number
  id: string;
  levelId: string;
  region: Region;
  active: boolean;
  ownerRepId: string;
  userId: string;
  createdAt: number;
  visibleBrands: Set<string>;
  usualBrands: string[];
  weight: number;
}

interface SkuInfo {
  index: number; // 0-based, in catalog order
  id: string;
  productIndex: number;
  brandId: string;
  restricted: boolean;
  onShelf: boolean;
  productCreatedAt: number;
  baseUnit: string;
  boxFactor: number;
  packFactor?: number;
  wholesale: number;
  retail: number;
  wholesaleBox?: number;
  levelVip?: number;
  levelWholesale?: number;
}

interface ProductPlan {
  leaf: LeafDef;
  categoryId: string;
  brand: BrandDef;
  line: LineDef;
  pass: number;
  variants: { spec: SpecDef; flavor?: readonly [string, string] }[];
}

/** The concatenation of some lists, sampled without copying them. */
class BrandPool {
  readonly size: number;

  constructor(private readonly lists: readonly SkuInfo[][]) {
    this.size = lists.reduce((n, l) => n + l.length, 0);
  }

  at(i: number): SkuInfo {
    for (const list of this.lists) {
      if (i < list.length) return list[i]!;
      i -= list.length;
    }
    throw new RangeError('BrandPool index out of range');
  }

  pick(rng: Rng): SkuInfo {
    return this.at(Math.floor(rng.next() * this.size));
  }

  /** `count` distinct members (all of them when count >= size), in pool order. */
  sample(rng: Rng, count: number): SkuInfo[] {
    if (count <= 0 || this.size === 0) return [];
    if (count >= this.size) return this.lists.flat();
    const chosen = new Set<number>();
    while (chosen.size < count) chosen.add(Math.floor(rng.next() * this.size));
    return [...chosen].sort((a, b) => a - b).map((i) => this.at(i));
  }
}

type OrderStatus = Orders.$Enums.OrderStatus;
type OrderChannel = Orders.$Enums.OrderChannel;

export function buildWorld(options: WorldOptions): World {
  const scale = options.scale ?? 'demo';
  const config = SCALES[scale];
  const nowMs = options.now.getTime();
  if (!Number.isFinite(nowMs)) throw new Error('buildWorld: now is not a valid date');
  const now = new Date(nowMs);
  const passwordHash = options.passwordHash ?? '';
  const tenantId = TENANT_ID;
  const at = (ms: number) => new Date(Math.round(ms));

  const world: World = {
    tenantId,
    scale,
    now,
    crm: { CustomerLevel: [], Staff: [], Customer: [], CustomerUser: [], CreditAccount: [], Tenant: [] },
    warehouse: { Warehouse: [], Location: [] },
    delivery: { Route: [], RouteStop: [], Vehicle: [] },
    catalog: {
      Brand: [],
      BrandAuthorization: [],
      Category: [],
      Product: [],
      Sku: [],
      SkuBarcode: [],
      SaleUnit: [],
      CustomerProfile: [],
      SkuStock: [],
      SkuWholesalePrice: [],
      ProductRanking: [],
      CountedOrder: [],
      HomeLayout: [],
    },
    pricing: {
      PricingSettings: [],
      CustomerPriceProfile: [],
      SkuPrice: [],
      LevelPrice: [],
      CustomerPrice: [],
      LastSalePrice: [],
      VolumeTier: [],
      PriceLevel: [],
      SkuRef: [],
      ItemSpecial: [],
    },
    marketing: {
      Promotion: [],
      PromotionTarget: [],
      CustomerProfile: [],
      SkuReferencePrice: [],
      CouponTemplate: [],
      Coupon: [],
    },
    inventory: {
      InventorySettings: [],
      SkuRef: [],
      WarehouseRef: [],
      CustomerWarehouse: [],
      Stock: [],
      StockMovement: [],
    },
    orders: { Order: [], OrderLine: [], OrderEvent: [] },
  };

  // --- crm: tenant, levels, staff ---------------------------------------------------------
  const openedAt = nowMs - 400 * DAY;
  world.crm.Tenant.push({
    id: tenantId,
    slug: TENANT_SLUG,
    name: TENANT_NAME,
    guestBrowsing: false,
    receivableOn: 'APPROVED',
    createdAt: at(openedAt),
  });
  world.crm.CustomerLevel.push(
    { id: LEVEL_IDS.vip, tenantId, code: 'A', name: 'VIP客户', nameEn: 'VIP', rank: 1 },
    { id: LEVEL_IDS.wholesale, tenantId, code: 'B', name: '批发客户', nameEn: 'Wholesale', rank: 2 },
    { id: LEVEL_IDS.retail, tenantId, code: 'C', name: '普通客户', nameEn: 'Standard', rank: 3 },
  );
  const staffRng = new Rng('staff');
  for (const [i, s] of STAFF.entries()) {
    world.crm.Staff.push({
      id: s.id,
      tenantId,
      username: s.username,
      name: s.name,
      phone: `${staffRng.pick(PHONE_PREFIXES)}${pad(staffRng.int(0, 99_999_999), 8)}`,
      roles: [...s.roles],
      passwordHash,
      active: true,
      createdAt: at(openedAt + i * HOUR),
    });
  }

  // --- warehouse --------------------------------------------------------------------------
  world.warehouse.Warehouse.push(
    {
      id: WAREHOUSE_IDS.main,
      tenantId,
      code: 'WH01',
      name: '主仓',
      nameEn: 'Main warehouse',
      address: '杭州市余杭区仓前街道良睦路88号',
      pickingEnabled: true,
    },
    {
      id: WAREHOUSE_IDS.north,
      tenantId,
      code: 'WH02',
      name: '北仓',
      nameEn: 'North warehouse',
      address: '杭州市拱墅区康桥路168号',
      pickingEnabled: true,
    },
  );
  const locationPlan: [string, string, string[], string[], number, number, number][] = [
    // warehouse, id prefix, zones, aisles, racks, levels, positions
    [WAREHOUSE_IDS.main, 'main', ['1', '2'], ['A', 'B'], 3, 2, 2],
    [WAREHOUSE_IDS.north, 'north', ['1'], ['A', 'B'], 2, 2, 2],
  ];
  for (const [warehouseId, prefix, zones, aisles, racks, levels, positions] of locationPlan) {
    let k = 0;
    for (const zone of zones)
      for (const aisle of aisles)
        for (let r = 1; r <= racks; r++)
          for (let l = 1; l <= levels; l++)
            for (let p = 1; p <= positions; p++) {
              k++;
              const [rack, level, position] = [pad(r, 2), pad(l, 2), pad(p, 2)];
              world.warehouse.Location.push({
                id: `loc_${prefix}_${pad(k, 3)}`,
                tenantId,
                warehouseId,
                zone,
                aisle,
                rack,
                level,
                position,
                code: `${zone}-${aisle}-${rack}-${level}-${position}`,
              });
            }
  }

  // --- delivery: routes and vehicles ------------------------------------------------------
  world.delivery.Route.push(
    {
      id: ROUTE_IDS.east,
      tenantId,
      code: 'E',
      name: '东线',
      nameEn: 'East route',
      warehouseId: WAREHOUSE_IDS.main,
      sortOrder: 1,
    },
    {
      id: ROUTE_IDS.west,
      tenantId,
      code: 'W',
      name: '西线',
      nameEn: 'West route',
      warehouseId: WAREHOUSE_IDS.main,
      sortOrder: 2,
    },
    {
      id: ROUTE_IDS.north,
      tenantId,
      code: 'N',
      name: '北线',
      nameEn: 'North route',
      warehouseId: WAREHOUSE_IDS.north,
      sortOrder: 3,
    },
  );
  world.delivery.Vehicle.push(
    { id: 'veh_1', tenantId, plate: '浙A·D3K21', name: '1号车 依维柯厢式货车' },
    { id: 'veh_2', tenantId, plate: '浙A·F7M56', name: '2号车 江铃顺达' },
    { id: 'veh_3', tenantId, plate: '浙A·B9Q08', name: '3号车 五菱荣光' },
  );

  // --- catalog: brands and categories -----------------------------------------------------
  const brandId = (b: BrandDef) => `brd_${b.slug}`;
  const brandBySlug = new Map(BRANDS.map((b) => [b.slug, b]));
  for (const [i, b] of BRANDS.entries()) {
    world.catalog.Brand.push({
      id: brandId(b),
      tenantId,
      name: b.name,
      nameEn: b.nameEn,
      logoUrl: `/images/brands/${brandId(b)}.svg`,
      sortOrder: i + 1,
      restricted: b.restricted ?? false,
      pinyin: pinyinInitials(b.name),
    });
  }
  const leaves: { leaf: LeafDef; categoryId: string }[] = [];
  for (const [ti, top] of CATEGORY_TREE.entries()) {
    const topId = `cat_${top.slug}`;
    world.catalog.Category.push({
      id: topId,
      tenantId,
      parentId: null,
      name: top.name,
      nameEn: top.nameEn,
      depth: 0,
      pinyin: pinyinInitials(top.name),
      sortOrder: ti + 1,
    });
    for (const [mi, mid] of top.mids.entries()) {
      const midId = `${topId}_${mid.slug}`;
      world.catalog.Category.push({
        id: midId,
        tenantId,
        parentId: topId,
        name: mid.name,
        nameEn: mid.nameEn,
        depth: 1,
        pinyin: pinyinInitials(mid.name),
        sortOrder: mi + 1,
      });
      for (const [li, leaf] of mid.leaves.entries()) {
        const leafId = `${midId}_${leaf.slug}`;
        world.catalog.Category.push({
          id: leafId,
          tenantId,
          parentId: midId,
          name: leaf.name,
          nameEn: leaf.nameEn,
          depth: 2,
          pinyin: pinyinInitials(leaf.name),
          sortOrder: li + 1,
        });
        leaves.push({ leaf, categoryId: leafId });
      }
    }
  }

  // --- catalog: products and SKUs ---------------------------------------------------------
  const productRng = new Rng('products');
  const combos: Omit<ProductPlan, 'pass' | 'variants'>[] = [];
  for (const { leaf, categoryId } of leaves)
    for (const slug of leaf.brands) {
      const brand = brandBySlug.get(slug);
      if (!brand) throw new Error(`Unknown brand ${slug} in ${leaf.slug}`);
      for (const line of leaf.lines)
        if (!line[2] || line[2] === slug) combos.push({ leaf, categoryId, brand, line });
    }
  productRng.shuffle(combos);
  const plans: ProductPlan[] = [];
  let plannedSkus = 0;
  for (let pass = 0; plannedSkus < config.skus; pass++) {
    for (const combo of combos) {
      if (plannedSkus >= config.skus) break;
      const { leaf } = combo;
      const k = productRng.weighted([
        [1, 20],
        [2, 30],
        [3, 28],
        [4, 22],
      ] as const);
      let options: ProductPlan['variants'] = leaf.specs.map((spec) => ({ spec }));
      if (leaf.flavors) {
        const specs = productRng.chance(0.5) ? [productRng.pick(leaf.specs)] : leaf.specs;
        options = specs.flatMap((spec) => leaf.flavors!.map((flavor) => ({ spec, flavor })));
      }
      const chosen = new Set(productRng.sample(options, Math.min(k, config.skus - plannedSkus)));
      const variants = options.filter((o) => chosen.has(o));
      plannedSkus += variants.length;
      plans.push({ ...combo, pass, variants });
    }
  }
  // Catalog order: shuffled, but the first products (what a shop shows first and what tests
  // compare prices on) are on the shelf and of unrestricted brands.
  productRng.shuffle(plans);
  const protectedCount = Math.min(120, Math.floor(plans.length / 3));
  for (let i = 0, j = protectedCount; i < protectedCount; i++) {
    if (!plans[i]!.brand.restricted) continue;
    while (j < plans.length && plans[j]!.brand.restricted) j++;
    if (j >= plans.length) break;
    [plans[i], plans[j]] = [plans[j]!, plans[i]!];
    j++;
  }

  const skus: SkuInfo[] = [];
  const brandCounters = new Map<string, number>();
  const brandIndex = new Map(BRANDS.map((b, i) => [b.slug, i]));
  const priceRng = new Rng('prices');
  for (const [pi, plan] of plans.entries()) {
    const id = productId(pi + 1);
    const series = SERIES[plan.pass % SERIES.length]!;
    const generation = Math.floor(plan.pass / SERIES.length);
    const name = `${plan.brand.name}${plan.line[0]}${series[0]}${generation > 0 ? `${generation + 1}代` : ''}`;
    const nameEn = [plan.brand.nameEn, plan.line[1], series[1], generation > 0 ? `Gen ${generation + 1}` : '']
      .filter(Boolean)
      .join(' ');
    const protectedSlot = pi < protectedCount;
    const onShelf = protectedSlot || !productRng.chance(0.03);
    const tags: string[] = [];
    const isNew = productRng.chance(0.08);
    if (isNew) tags.push('new');
    if (productRng.chance(0.1)) tags.push('hot');
    if (plan.leaf.food && productRng.chance(0.04)) tags.push('near-expiry');
    if (!isNew && productRng.chance(0.04)) tags.push('slow');
    if (!isNew && productRng.chance(0.03)) tags.push('clearance');
    const createdAt = isNew ? nowMs - productRng.float(1, 13) * DAY : nowMs - productRng.float(40, 365) * DAY;
    const specs = [...new Set(plan.variants.map((v) => v.spec[0]))].join('/');
    world.catalog.Product.push({
      id,
      tenantId,
      brandId: brandId(plan.brand),
      categoryId: plan.categoryId,
      name,
      nameEn,
      pinyin: pinyinInitials(name),
      description: `${plan.brand.name}${plan.leaf.name}，规格${specs}，整箱批发，按件配送。`,
      images: [`/images/products/${id}.svg`],
      videoUrl: null,
      tags,
      onShelf,
      sortOrder: pi + 1,
      createdAt: at(createdAt),
    });

    for (const [vi, variant] of plan.variants.entries()) {
      const index = skus.length;
      const sid = skuId(index + 1);
      const num = pad(index + 1, 5);
      const [spec, minFen, maxFen, boxFactor] = variant.spec;
      const baseUnit = plan.leaf.unit;
      world.catalog.Sku.push({
        id: sid,
        tenantId,
        productId: id,
        code: `SP${pad(index + 1, 6)}`,
        spec: variant.flavor ? `${variant.flavor[0]} ${spec}` : spec,
        baseUnit,
        sortOrder: vi + 1,
      });
      // barcodes: 69 (China) + 5-digit company per brand + 5-digit item + check digit
      const bi = brandIndex.get(plan.brand.slug)!;
      const item = (brandCounters.get(plan.brand.slug) ?? 0) + 1;
      brandCounters.set(plan.brand.slug, item);
      const ean = withCheckDigit(`69${21_000 + bi * 37}${pad(item, 5)}`);
      world.catalog.SkuBarcode.push({ id: `bc_${num}_1`, tenantId, skuId: sid, barcode: ean });
      if (productRng.chance(0.35)) {
        world.catalog.SkuBarcode.push({
          id: `bc_${num}_2`,
          tenantId,
          skuId: sid,
          barcode: withCheckDigit(`69${60_000 + bi * 37}${pad(item, 5)}`),
        });
      }
      const packFactor = plan.leaf.pack && boxFactor >= 12 && productRng.chance(0.35) ? 6 : undefined;
      world.catalog.SaleUnit.push(
        { id: `su_${num}_base`, tenantId, skuId: sid, name: baseUnit, factor: 1, barcode: null },
        // the case carries a GTIN-14: indicator 1 + the item's EAN without its check digit
        {
          id: `su_${num}_box`,
          tenantId,
          skuId: sid,
          name: '箱',
          factor: boxFactor,
          barcode: withCheckDigit(`1${ean.slice(0, 12)}`),
        },
      );
      if (packFactor)
        world.catalog.SaleUnit.push({
          id: `su_${num}_pack`,
          tenantId,
          skuId: sid,
          name: '提',
          factor: packFactor,
          barcode: null,
        });

      // prices: wholesale rounded to 10 fen, retail 25-50% above
      const wholesale = Math.min(20_000, Math.max(100, round10(priceRng.float(minFen, maxFen))));
      let retail = round10(wholesale * priceRng.float(1.25, 1.5));
      if (retail <= wholesale) retail = wholesale + 10;
      const info: SkuInfo = {
        index,
        id: sid,
        productIndex: pi,
        brandId: brandId(plan.brand),
        restricted: plan.brand.restricted ?? false,
        onShelf,
        productCreatedAt: createdAt,
        baseUnit,
        boxFactor,
        packFactor,
        wholesale,
        retail,
      };
      world.pricing.SkuPrice.push({
        id: `sp_${num}_base`,
        tenantId,
        skuId: sid,
        unit: baseUnit,
        wholesaleMinor: BigInt(wholesale),
        retailMinor: BigInt(retail),
      });
      if (priceRng.chance(0.3)) {
        // an own case price, a little below unit price x factor
        const full = wholesale * boxFactor;
        const box = Math.min(full - 10, round10(full * priceRng.float(0.95, 0.98)));
        const fullRetail = retail * boxFactor;
        const boxRetail = Math.max(
          box + 10,
          Math.min(fullRetail - 10, round10(fullRetail * priceRng.float(0.95, 0.98))),
        );
        info.wholesaleBox = box;
        world.pricing.SkuPrice.push({
          id: `sp_${num}_box`,
          tenantId,
          skuId: sid,
          unit: '箱',
          wholesaleMinor: BigInt(box),
          retailMinor: BigInt(boxRetail),
        });
      }
      if (index < 100 || priceRng.chance(0.9)) {
        info.levelVip = pct(wholesale, 0.92);
        info.levelWholesale = pct(wholesale, 0.96);
        world.pricing.LevelPrice.push(
          {
            id: `lp_${num}_vip`,
            tenantId,
            skuId: sid,
            levelId: LEVEL_IDS.vip,
            unit: baseUnit,
            priceMinor: BigInt(info.levelVip),
          },
          {
            id: `lp_${num}_wholesale`,
            tenantId,
            skuId: sid,
            levelId: LEVEL_IDS.wholesale,
            unit: baseUnit,
            priceMinor: BigInt(info.levelWholesale),
          },
        );
      }
      if (index >= 100 && priceRng.chance(0.02)) {
        world.pricing.VolumeTier.push(
          {
            id: `vt_${num}_1`,
            tenantId,
            skuId: sid,
            unit: baseUnit,
            minQuantity: boxFactor * 2,
            priceMinor: BigInt(pct(wholesale, 0.97)),
          },
          {
            id: `vt_${num}_2`,
            tenantId,
            skuId: sid,
            unit: baseUnit,
            minQuantity: boxFactor * 5,
            priceMinor: BigInt(pct(wholesale, 0.94)),
          },
        );
      }
      skus.push(info);
    }
  }
  // SKUs on the shelf, per brand
  const skusByBrand = new Map<string, SkuInfo[]>();
  for (const s of skus) {
    if (!s.onShelf) continue;
    const list = skusByBrand.get(s.brandId) ?? [];
    list.push(s);
    skusByBrand.set(s.brandId, list);
  }

  // --- crm: customers ---------------------------------------------------------------------
  const customerRng = new Rng('customers');
  const customers: CustomerInfo[] = [];
  const usedNames = new Set<string>();
  const numerals = ['二', '三', '四', '五', '六', '七', '八', '九'];
  const forced: Record<number, { lat: number; lng: number; levelId: string }> = {
    1: { lat: 30.262, lng: 120.205, levelId: DEMO_CUSTOMERS.store001.levelId },
    2: { lat: 30.251, lng: 120.098, levelId: DEMO_CUSTOMERS.store002.levelId },
    3: { lat: 30.362, lng: 120.163, levelId: DEMO_CUSTOMERS.store003.levelId },
  };
  for (let i = 0; i < config.customers; i++) {
    const n = i + 1;
    const f = forced[n];
    const lat = f?.lat ?? Math.round((CITY_CENTRE.lat + customerRng.float(-0.15, 0.15)) * 1e6) / 1e6;
    const lng = f?.lng ?? Math.round((CITY_CENTRE.lng + customerRng.float(-0.15, 0.15)) * 1e6) / 1e6;
    const region = regionOf(lat, lng);
    const levelId =
      f?.levelId ??
      customerRng.weighted([
        [LEVEL_IDS.vip, 15],
        [LEVEL_IDS.wholesale, 35],
        [LEVEL_IDS.retail, 50],
      ] as const);
    const [district, street] = customerRng.pick(STREETS[region]);
    const type = customerRng.weighted(STORE_TYPES);
    const prefix = customerRng.pick(STORE_PREFIXES);
    let name = `${prefix}${type}(${street}店)`;
    for (let k = 0; usedNames.has(name); k++) {
      name = `${prefix}${type}(${street}${numerals[k] ?? String(k + 2)}店)`;
    }
    usedNames.add(name);
    const contactName = `${customerRng.pick(SURNAMES)}${customerRng.pick(GIVEN_NAMES)}`;
    const phone = `${customerRng.pick(PHONE_PREFIXES)}${pad(customerRng.int(0, 99_999_999), 8)}`;
    const active = n <= 10 || !customerRng.chance(0.05);
    const ownerRepId = customerRng.chance(0.2)
      ? customerRng.pick([STAFF_IDS.rep1, STAFF_IDS.rep2, STAFF_IDS.rep3])
      : REP_OF[region];
    const createdAt = active
      ? nowMs - customerRng.float(40, 380) * DAY
      : nowMs - customerRng.float(0.1, 7) * DAY;
    const id = customerId(n);
    const userId = customerUserId(n);
    const code = customerCode(n);
    world.crm.Customer.push({
      id,
      tenantId,
      code,
      name,
      contactName,
      phone,
      address: `杭州市${district}${street}${customerRng.int(1, 399)}号`,
      latitude: lat,
      longitude: lng,
      status: active ? 'ACTIVE' : 'PENDING',
      levelId,
      ownerRepId,
      routeId: ROUTE_OF[region],
      warehouseId: WAREHOUSE_OF[region],
      createdAt: at(createdAt),
    });
    world.crm.CustomerUser.push({
      id: userId,
      tenantId,
      customerId: id,
      username: code,
      name: contactName,
      phone,
      passwordHash,
      active: true,
      createdAt: at(createdAt),
    });
    world.crm.CreditAccount.push({
      id: `cr_${pad(n, 4)}`,
      tenantId,
      customerId: id,
      // credit by level (VIP 60k-150k yuan, wholesale 25k-70k, retail 5k-50k), in whole thousands
      limitMinor: creditLimitMinor(levelId, customerRng.int(5, 50)),
      paymentTermDays: customerRng.pick([0, 7, 15, 30]),
      // balances start at zero: they are the sums of the (empty) money ledger
      receivableMinor: 0n,
      openOrdersMinor: 0n,
      prepaidMinor: 0n,
      updatedAt: at(createdAt),
    });
    world.pricing.CustomerPriceProfile.push({
      id: `cpp_${pad(n, 4)}`,
      tenantId,
      customerId: id,
      levelId,
      code,
      name,
      ownerRepId,
      status: active ? 'ACTIVE' : 'PENDING',
    });
    world.marketing.CustomerProfile.push({ id: `mcp_${pad(n, 4)}`, tenantId, customerId: id, levelId });
    world.inventory.CustomerWarehouse.push({
      id: `cw_${pad(n, 4)}`,
      tenantId,
      customerId: id,
      warehouseId: WAREHOUSE_OF[region],
    });
    customers.push({
      index: i,
      n,
      id,
      levelId,
      region,
      active,
      ownerRepId,
      userId,
      createdAt,
      visibleBrands: new Set(),
      usualBrands: [],
      weight: n <= 2 ? 3 : 0.2 + customerRng.next() ** 2 * 3,
    });
  }

  // route stops: by distance from the route's warehouse
  for (const region of ['east', 'west', 'north'] as const) {
    const home = WAREHOUSE_GEO[WAREHOUSE_OF[region]]!;
    const onRoute = world.crm.Customer.filter((c) => c.routeId === ROUTE_OF[region])
      .map((c) => ({ c, d: (c.latitude! - home.lat) ** 2 + (c.longitude! - home.lng) ** 2 }))
      .sort((a, b) => a.d - b.d || (a.c.id < b.c.id ? -1 : 1));
    for (const [position, { c }] of onRoute.entries()) {
      world.delivery.RouteStop.push({
        id: `rs_${c.id.slice(4)}`,
        tenantId,
        routeId: ROUTE_OF[region],
        customerId: c.id,
        position: position + 1,
      });
    }
  }
  world.delivery.RouteStop.sort((a, b) => (a.id < b.id ? -1 : 1));

  // --- catalog: brand authorisations ------------------------------------------------------
  const authRng = new Rng('authorisations');
  let authN = 0;
  const authorise = (brand: string, customer: string | null, level: string | null) => {
    authN++;
    world.catalog.BrandAuthorization.push({
      id: `ba_${pad(authN, 4)}`,
      tenantId,
      brandId: brand,
      customerId: customer,
      levelId: level,
    });
  };
  authorise(RESTRICTED_BRAND_IDS.moutai, null, LEVEL_IDS.vip);
  authorise(RESTRICTED_BRAND_IDS.moutai, DEMO_CUSTOMERS.store001.id, null);
  authorise(RESTRICTED_BRAND_IDS.wuliangye, DEMO_CUSTOMERS.store003.id, null);
  const authorisedBy = new Map<string, Set<string>>(); // customer id -> brand ids
  const addAuth = (c: string, b: string) => {
    const set = authorisedBy.get(c) ?? new Set<string>();
    set.add(b);
    authorisedBy.set(c, set);
  };
  addAuth(DEMO_CUSTOMERS.store001.id, RESTRICTED_BRAND_IDS.moutai);
  addAuth(DEMO_CUSTOMERS.store003.id, RESTRICTED_BRAND_IDS.wuliangye);
  for (const c of customers) {
    if (c.n <= 3) continue;
    if (authRng.chance(0.02)) {
      authorise(RESTRICTED_BRAND_IDS.moutai, c.id, null);
      addAuth(c.id, RESTRICTED_BRAND_IDS.moutai);
    }
    if (authRng.chance(0.03)) {
      authorise(RESTRICTED_BRAND_IDS.wuliangye, c.id, null);
      addAuth(c.id, RESTRICTED_BRAND_IDS.wuliangye);
    }
  }
  const levelAuthorised = new Map<string, Set<string>>([
    [LEVEL_IDS.vip, new Set([RESTRICTED_BRAND_IDS.moutai])],
  ]);
  const unrestrictedBrands = world.catalog.Brand.filter((b) => !b.restricted).map((b) => b.id);

  // --- pricing: usual brands and customer prices ------------------------------------------
  const cpRng = new Rng('customer-prices');
  const customerPrices = new Map<number, Map<number, number>>(); // customer index -> sku index -> fen
  for (const c of customers) {
    for (const b of unrestrictedBrands) c.visibleBrands.add(b);
    for (const b of authorisedBy.get(c.id) ?? []) c.visibleBrands.add(b);
    for (const b of levelAuthorised.get(c.levelId) ?? []) c.visibleBrands.add(b);
    c.usualBrands = cpRng.sample(
      unrestrictedBrands.filter((b) => (skusByBrand.get(b)?.length ?? 0) > 0),
      cpRng.int(3, 5),
    );
    const prices = new Map<number, number>();
    if (c.n === 1) {
      // store001 has its own prices on a quarter of the first 100 SKUs
      for (let i = 0; i < Math.min(100, skus.length); i += 4)
        prices.set(i, pct(skus[i]!.wholesale, cpRng.float(0.85, 0.9)));
    }
    // about a tenth of the SKUs of its usual brands, exactly a tenth at bench scale
    // (store002 keeps level prices on the first 100)
    const pool = new BrandPool(c.usualBrands.map((b) => skusByBrand.get(b) ?? []));
    const drawn = cpRng.float(0.08, 0.12); // drawn at every scale: the demo rows stay the same
    const count = Math.min(
      config.maxCustomerPricesPerCustomer,
      Math.round(pool.size * (config.customerPriceShare ?? drawn)),
    );
    for (const s of pool.sample(cpRng, count)) {
      if (c.n === 2 && s.index < 100) continue;
      if (!prices.has(s.index)) prices.set(s.index, pct(s.wholesale, cpRng.float(0.85, 0.91)));
    }
    const sorted = [...prices.entries()].sort((a, b) => a[0] - b[0]);
    customerPrices.set(c.index, new Map(sorted));
    for (const [skuIndex, price] of sorted) {
      const s = skus[skuIndex]!;
      world.pricing.CustomerPrice.push({
        id: `cp_${pad(c.n, 4)}_${pad(skuIndex + 1, 5)}`,
        tenantId,
        customerId: c.id,
        skuId: s.id,
        unit: s.baseUnit,
        priceMinor: BigInt(price),
      });
    }
  }
  world.pricing.PricingSettings.push({ tenantId, trackLastPrice: true, guestBrowsing: false });
  // pricing's projections of crm levels and catalog SKUs (kept by events after the seed)
  world.pricing.PriceLevel = world.crm.CustomerLevel.map((l) => ({
    id: `plv_${l.id}`,
    tenantId,
    levelId: l.id,
    code: l.code,
    name: l.name,
    rank: l.rank,
  }));
  const unitsOfSku = new Map<string, { unitNames: string[]; unitFactors: number[] }>();
  for (const u of world.catalog.SaleUnit) {
    const cols = unitsOfSku.get(u.skuId) ?? { unitNames: [], unitFactors: [] };
    cols.unitNames.push(u.name);
    cols.unitFactors.push(u.factor);
    unitsOfSku.set(u.skuId, cols);
  }
  const shelfOfProduct = new Map(world.catalog.Product.map((p) => [p.id, p.onShelf]));
  world.pricing.SkuRef = world.catalog.Sku.map((s) => ({
    id: `sref_${s.id}`,
    tenantId,
    skuId: s.id,
    productId: s.productId,
    code: s.code,
    baseUnit: s.baseUnit,
    ...(unitsOfSku.get(s.id) ?? { unitNames: [s.baseUnit], unitFactors: [1] }),
    onShelf: shelfOfProduct.get(s.productId) ?? true,
  }));

  // --- marketing --------------------------------------------------------------------------
  const promoRng = new Rng('promotions');
  const promoStart = nowMs - 7 * DAY;
  const promoEnd = nowMs + 30 * DAY;
  const firstProducts = Math.min(150, Math.floor(plans.length / 2));
  const eligible = skus.filter((s) => s.onShelf && !s.restricted && s.productIndex >= firstProducts);
  const specialSkus = promoRng.sample(eligible, scale === 'demo' ? 12 : 60).sort((a, b) => a.index - b.index);
  const specialPrices = new Map<number, number>();
  for (const s of specialSkus) {
    const floor = Math.min(s.wholesale, s.levelVip ?? s.wholesale);
    specialPrices.set(
      s.index,
      Math.max(1, Math.min(floor - 1, round10(s.wholesale * promoRng.float(0.8, 0.88)))),
    );
  }
  const findSku = (brand: string, prefer: RegExp) => {
    const list = (skusByBrand.get(brand) ?? []).filter((s) => s.onShelf && !specialPrices.has(s.index));
    return list.find((s) => prefer.test(world.catalog.Sku[s.index]!.spec)) ?? list[0] ?? eligible[0]!;
  };
  const giftSku = findSku('brd_coca_cola', /330ml|500ml/);
  const buyGetSku = findSku('brd_lays', /70g|40g/);
  const productName = (s: SkuInfo) => world.catalog.Product[s.productIndex]!.name;
  const promo = (
    id: string,
    kind: Marketing.$Enums.PromotionKind,
    title: string,
    titleEn: string,
    badge: string,
    rules: Record<string, unknown>,
  ): Marketing.Promotion => ({
    id,
    tenantId,
    kind,
    title,
    titleEn,
    badge,
    startsAt: at(promoStart),
    endsAt: at(promoEnd),
    active: true,
    stackable: false,
    rules: rules as Marketing.Prisma.JsonObject,
    levelIds: [],
    customerIds: [],
    createdAt: at(promoStart - HOUR),
  });
  world.marketing.Promotion.push(
    promo(PROMOTION_IDS.itemSpecial, 'ITEM_SPECIAL', '本周特价', 'Specials of the week', '特价', {
      skuPrices: Object.fromEntries(specialSkus.map((s) => [s.id, specialPrices.get(s.index)!])),
    }),
    promo(PROMOTION_IDS.amountOff, 'ORDER_AMOUNT_OFF', '全场满300减20', '¥20 off orders over ¥300', '满减', {
      thresholdMinor: 30_000,
      offMinor: 2_000,
    }),
    promo(
      PROMOTION_IDS.percentOff,
      'ORDER_PERCENT_OFF',
      '康师傅、统一满500享95折',
      'Master Kong and Uni-President: 5% off over ¥500',
      '满折',
      { thresholdMinor: 50_000, percentOff: 5 },
    ),
    promo(
      PROMOTION_IDS.gift,
      'ORDER_GIFT',
      `可口可乐系列满200赠${productName(giftSku)}6${giftSku.baseUnit}`,
      `Coca-Cola range: 6 free ${world.catalog.Product[giftSku.productIndex]!.nameEn} over ¥200`,
      '满赠',
      { thresholdMinor: 20_000, giftSkuId: giftSku.id, giftQuantity: 6 },
    ),
    promo(
      PROMOTION_IDS.buyGet,
      'BUY_N_GET_M',
      `${productName(buyGetSku)}买10赠1`,
      `${world.catalog.Product[buyGetSku.productIndex]!.nameEn}: buy 10 get 1 free`,
      '买赠',
      { buy: 10, get: 1, skuId: buyGetSku.id },
    ),
  );
  const target = (
    id: string,
    promotionId: string,
    t: { productId?: string; skuId?: string; brandId?: string; categoryId?: string },
  ): Marketing.PromotionTarget => ({
    id,
    tenantId,
    promotionId,
    productId: t.productId ?? null,
    skuId: t.skuId ?? null,
    brandId: t.brandId ?? null,
    categoryId: t.categoryId ?? null,
  });
  for (const [i, s] of specialSkus.entries()) {
    world.marketing.PromotionTarget.push(
      target(`pt_special_${pad(i + 1, 3)}`, PROMOTION_IDS.itemSpecial, {
        productId: productId(s.productIndex + 1),
        skuId: s.id,
      }),
    );
  }
  world.marketing.PromotionTarget.push(
    target('pt_percent_001', PROMOTION_IDS.percentOff, { brandId: 'brd_master_kong' }),
    target('pt_percent_002', PROMOTION_IDS.percentOff, { brandId: 'brd_uni_president' }),
    target('pt_gift_001', PROMOTION_IDS.gift, { brandId: 'brd_coca_cola' }),
    target('pt_buy_get_001', PROMOTION_IDS.buyGet, {
      productId: productId(buyGetSku.productIndex + 1),
      skuId: buyGetSku.id,
    }),
  );
  // coupons: a claimable 满200减15 (store001 and store002 hold one) and a VIP 95折 issued by staff
  const couponTemplate = (
    id: string,
    t: Partial<Marketing.CouponTemplate> & Pick<Marketing.CouponTemplate, 'title' | 'titleEn' | 'kind'>,
  ): Marketing.CouponTemplate => ({
    id,
    tenantId,
    offMinor: null,
    percentOff: null,
    maxOffMinor: null,
    minSpendMinor: 0n,
    validFrom: at(promoStart),
    validTo: at(promoEnd),
    productIds: [],
    skuIds: [],
    brandIds: [],
    categoryIds: [],
    levelIds: [],
    customerIds: [],
    totalLimit: null,
    perCustomerLimit: 1,
    issuedCount: 0,
    claimable: true,
    active: true,
    createdAt: at(promoStart - HOUR),
    updatedAt: at(promoStart - HOUR),
    ...t,
  });
  const demoCoupons: [string, string, string, string][] = [
    ['cpn_welcome_0001', 'ctpl_welcome', DEMO_CUSTOMERS.store001.id, 'WELCOME15S1'],
    ['cpn_welcome_0002', 'ctpl_welcome', DEMO_CUSTOMERS.store002.id, 'WELCOME15S2'],
    ['cpn_vip95_0001', 'ctpl_vip95', DEMO_CUSTOMERS.store001.id, 'VIP95S1'],
  ];
  const issuedOf = (templateId: string) => demoCoupons.filter((c) => c[1] === templateId).length;
  world.marketing.CouponTemplate.push(
    couponTemplate('ctpl_welcome', {
      title: '满200减15优惠券',
      titleEn: '¥15 off orders over ¥200',
      kind: 'AMOUNT_OFF',
      offMinor: 1_500n,
      minSpendMinor: 20_000n,
      totalLimit: 1_000,
      issuedCount: issuedOf('ctpl_welcome'),
    }),
    couponTemplate('ctpl_vip95', {
      title: 'VIP专享95折券',
      titleEn: 'VIP 5% off (up to ¥50)',
      kind: 'PERCENT_OFF',
      percentOff: 5,
      maxOffMinor: 5_000n,
      levelIds: [DEMO_CUSTOMERS.store001.levelId],
      claimable: false,
      issuedCount: issuedOf('ctpl_vip95'),
    }),
  );
  world.marketing.Coupon = demoCoupons.map(([id, templateId, customer, code]) => ({
    id,
    tenantId,
    templateId,
    code,
    customerId: customer,
    status: 'AVAILABLE',
    validFrom: at(promoStart),
    validTo: at(promoEnd),
    issuedBy: templateId === 'ctpl_welcome' ? 'CLAIM' : 'stf_boss',
    orderId: null,
    discountMinor: null,
    reservedAt: null,
    usedAt: null,
    createdAt: at(promoStart),
    updatedAt: at(promoStart),
  }));

  // pricing's item specials: the rows its PromotionChanged consumer would keep, from the same
  // payload marketing emits, so a fresh database prices specials without any event
  world.pricing.ItemSpecial = world.marketing.Promotion.flatMap((p) => {
    const rows = itemSpecialRows(promotionChangedPayload(p, world.now))?.rows ?? [];
    return rows.map((r) => ({ id: `isp_${r.promotionId}_${r.skuId}`, tenantId, ...r }));
  });

  // the list prices marketing shows struck through beside a special (a projection of pricing)
  world.marketing.SkuReferencePrice = skus.map((s) => ({
    id: `srp_${pad(s.index + 1, 5)}`,
    tenantId,
    skuId: s.id,
    wholesaleMinor: BigInt(s.wholesale),
    retailMinor: BigInt(s.retail),
  }));

  // --- inventory --------------------------------------------------------------------------
  const stockRng = new Rng('stock');
  world.inventory.InventorySettings.push({
    tenantId,
    defaultWarehouseId: WAREHOUSE_IDS.main,
    showExactStock: true,
    lowStockThreshold: 10,
    countInTransit: false,
    allowBackorder: false,
    reservationHoldSeconds: 120,
  });
  // the rows inventory's SkuChanged consumer would keep, and the warehouses (no events yet)
  world.inventory.SkuRef = world.catalog.Sku.map((s) => ({
    id: `iref_${s.id}`,
    tenantId,
    skuId: s.id,
    productId: s.productId,
    code: s.code,
  }));
  world.inventory.WarehouseRef = world.warehouse.Warehouse.map((w) => ({
    id: `wref_${w.id}`,
    tenantId,
    warehouseId: w.id,
    code: w.code,
    name: w.name,
  }));
  const featured = new Set([giftSku.index, buyGetSku.index, ...specialSkus.map((s) => s.index)]);
  const movements: Inventory.StockMovement[] = [];
  for (const [warehouseId, key, share] of [
    [WAREHOUSE_IDS.main, 'main', 1],
    [WAREHOUSE_IDS.north, 'north', 0.7],
  ] as const) {
    for (const s of skus) {
      // the first 50 SKUs and every promoted one are in stock everywhere, for demos and tests
      const sure = s.index < 50 || featured.has(s.index);
      if (!sure && stockRng.next() >= share) continue;
      let onHand = stockRng.chance(0.06) ? 0 : Math.round(stockRng.next() ** 1.5 * 500);
      if (sure) onHand = Math.max(onHand, 100 + stockRng.int(0, 200));
      const num = pad(s.index + 1, 5);
      world.inventory.Stock.push({
        id: `stk_${key}_${num}`,
        tenantId,
        skuId: s.id,
        warehouseId,
        onHand,
        reserved: 0,
        inTransit: 0,
      });
      movements.push({
        id: `mv_${key}_${num}`,
        tenantId,
        skuId: s.id,
        warehouseId,
        delta: onHand,
        inTransitDelta: 0,
        reservedDelta: 0,
        kind: 'OPENING',
        reason: null,
        note: null,
        sourceType: 'seed',
        sourceId: 'opening',
        staffId: null,
        onHandAfter: onHand,
        inTransitAfter: 0,
        reservedAfter: 0,
        createdAt: at(nowMs - DAY),
      });
    }
  }
  world.inventory.StockMovement = movements;

  // --- orders -----------------------------------------------------------------------------
  buildOrders(world, {
    rng: new Rng('orders'),
    nowMs,
    count: config.orders,
    customers: customers.filter((c) => c.active),
    skus,
    skusByBrand,
    customerPrices,
    specialPrices,
    promoStart,
    promoEnd,
  });

  // --- catalog: projections of the facts above, and the home page --------------------------
  fillCatalogProjections(world);

  return world;
}

// ---------------------------------------------------------------------------------------------
// orders

interface OrderContext {
  rng: Rng;
  nowMs: number;
  count: number;
  customers: CustomerInfo[];
  skus: SkuInfo[];
  skusByBrand: Map<string, SkuInfo[]>;
  customerPrices: Map<number, Map<number, number>>;
  specialPrices: Map<number, number>;
  promoStart: number;
  promoEnd: number;
}

type Step =
  | 'PLACED'
  | 'APPROVED'
  | 'PICKING'
  | 'PACKED'
  | 'SHIPPED'
  | 'DELIVERED'
  | 'COMPLETED'
  | 'CANCELLED'
  | 'REJECTED';
const STEP_STATUS: Record<Step, OrderStatus> = {
  PLACED: 'SUBMITTED',
  APPROVED: 'APPROVED',
  PICKING: 'PICKING',
  PACKED: 'PACKED',
  SHIPPED: 'SHIPPED',
  DELIVERED: 'DELIVERED',
  COMPLETED: 'COMPLETED',
  CANCELLED: 'CANCELLED',
  REJECTED: 'REJECTED',
};
const CHAIN: Step[] = ['PLACED', 'APPROVED', 'PICKING', 'PACKED', 'SHIPPED', 'DELIVERED', 'COMPLETED'];

/** How many orders of 300 are in each status other than COMPLETED (scaled with the order count). */
const STATUS_MIX: [OrderStatus, number][] = [
  ['SUBMITTED', 8],
  ['APPROVED', 6],
  ['PICKING', 4],
  ['PACKED', 3],
  ['SHIPPED', 5],
  ['DELIVERED', 8],
  ['CANCELLED', 8],
  ['REJECTED', 4],
];

interface PlannedLine {
  sku: SkuInfo;
  unit: string;
  factor: number;
  quantity: number;
  unitPrice: number;
  source: string;
}

interface PlannedOrder {
  customer: CustomerInfo;
  status: OrderStatus;
  channel: OrderChannel;
  placedByKind: string;
  placedById: string;
  createdAt: number;
  steps: { step: Step; at: number }[];
  deliveredAt?: number;
  lines: PlannedLine[];
  note: string;
  rush: boolean;
}

function buildOrders(world: World, ctx: OrderContext): void {
  const { rng, nowMs } = ctx;
  const tenantId = world.tenantId;
  if (ctx.customers.length === 0 || ctx.count === 0) return;
  const todayStart = startOfChinaDay(nowMs);
  // "today" in China time; just after midnight, the last evening stands in for it
  const recentStart = nowMs - todayStart >= 30 * MINUTE ? todayStart : nowMs - 6 * HOUR;
  const inBusinessHours = (daysAgo: number) => todayStart - daysAgo * DAY + rng.float(7, 20) * HOUR;

  const statuses: OrderStatus[] = [];
  for (const [status, per300] of STATUS_MIX) {
    const n = Math.max(1, Math.round((per300 * ctx.count) / 300));
    for (let i = 0; i < n; i++) statuses.push(status);
  }
  while (statuses.length < ctx.count) statuses.push('COMPLETED');
  statuses.length = ctx.count;
  rng.shuffle(statuses);

  const popular = ctx.skus.filter((s) => s.onShelf && !s.restricted && s.productIndex < 300);
  const totalWeight = ctx.customers.reduce((s, c) => s + c.weight, 0);
  const pickCustomer = () => {
    let r = rng.next() * totalWeight;
    for (const c of ctx.customers) {
      r -= c.weight;
      if (r < 0) return c;
    }
    return ctx.customers[ctx.customers.length - 1]!;
  };
  const usualPools = new Map<number, BrandPool>();
  const usualPool = (c: CustomerInfo) => {
    let pool = usualPools.get(c.index);
    if (!pool) {
      pool = new BrandPool(c.usualBrands.map((b) => ctx.skusByBrand.get(b) ?? []));
      usualPools.set(c.index, pool);
    }
    return pool;
  };

  const planned: PlannedOrder[] = [];
  for (const [i, status] of statuses.entries()) {
    // store001 and store002 always have a few orders of their own
    const customer = i < 6 ? ctx.customers[i % Math.min(2, ctx.customers.length)]! : pickCustomer();
    let createdAt: number;
    switch (status) {
      case 'SUBMITTED':
        createdAt = rng.float(recentStart, nowMs - MINUTE);
        break;
      case 'APPROVED':
      case 'PICKING':
      case 'PACKED':
        createdAt = nowMs - rng.float(1, 16) * HOUR;
        break;
      case 'SHIPPED':
        createdAt = nowMs - rng.float(12, 30) * HOUR;
        break;
      case 'DELIVERED':
        createdAt = inBusinessHours(rng.int(1, 3));
        break;
      case 'CANCELLED':
      case 'REJECTED': {
        const d = rng.int(0, 29);
        createdAt = d === 0 ? rng.float(recentStart, nowMs - MINUTE) : inBusinessHours(d);
        break;
      }
      default:
        createdAt = inBusinessHours(rng.int(2, 29));
    }
    createdAt = Math.round(Math.min(createdAt, nowMs - MINUTE));

    // timeline
    let chain: Step[];
    if (status === 'CANCELLED')
      chain = rng.chance(0.6) ? ['PLACED', 'CANCELLED'] : ['PLACED', 'APPROVED', 'CANCELLED'];
    else if (status === 'REJECTED') chain = ['PLACED', 'REJECTED'];
    else chain = CHAIN.slice(0, CHAIN.indexOf(status === 'SUBMITTED' ? 'PLACED' : (status as Step)) + 1);
    const steps: { step: Step; at: number }[] = [];
    let t = createdAt;
    for (const step of chain) {
      switch (step) {
        case 'PLACED':
          break;
        case 'APPROVED':
          t += rng.float(10, 90) * MINUTE;
          break;
        case 'PICKING':
          t += rng.float(30, 180) * MINUTE;
          break;
        case 'PACKED':
          t += rng.float(20, 60) * MINUTE;
          break;
        case 'SHIPPED': {
          // trucks leave the next morning at 06:00-08:00 China time
          const nextMorning = startOfChinaDay(t) + DAY + rng.float(6, 8) * HOUR;
          t = t - startOfChinaDay(t) < 12 * HOUR ? t + rng.float(1, 3) * HOUR : nextMorning;
          break;
        }
        case 'DELIVERED':
          t += rng.float(1, 5) * HOUR;
          break;
        case 'COMPLETED':
          t += rng.float(24, 48) * HOUR;
          break;
        case 'CANCELLED':
          t += rng.float(10, 300) * MINUTE;
          break;
        case 'REJECTED':
          t += rng.float(10, 120) * MINUTE;
          break;
      }
      steps.push({ step, at: t });
    }
    // squeeze a timeline that would run past now into [createdAt, now - 1 minute]
    const last = steps[steps.length - 1]!.at;
    const latest = Math.max(createdAt, nowMs - rng.float(1, 20) * MINUTE);
    if (last > latest && last > createdAt) {
      const factor = (latest - createdAt) / (last - createdAt);
      for (const s of steps) s.at = createdAt + (s.at - createdAt) * factor;
    }
    for (const s of steps) s.at = Math.round(s.at);

    const channel: OrderChannel = rng.weighted([
      ['SELF_SERVICE', 55],
      ['SALES_REP', 30],
      ['OFFICE', 15],
    ] as const);
    const [placedByKind, placedById] =
      channel === 'SELF_SERVICE'
        ? ['customer', customer.userId]
        : channel === 'SALES_REP'
          ? ['staff', customer.ownerRepId]
          : ['staff', rng.pick([STAFF_IDS.office1, STAFF_IDS.office2])];

    // lines: mostly the store's usual brands, some popular products, all visible to it
    const lineCount = rng.int(2, 12);
    const chosen = new Map<number, SkuInfo>();
    const pool = usualPool(customer);
    for (let tries = 0; chosen.size < lineCount && tries < lineCount * 4; tries++) {
      const s =
        pool.size > 0 && rng.chance(0.7)
          ? pool.pick(rng)
          : popular.length > 0
            ? rng.pick(popular)
            : undefined;
      if (!s) continue;
      if (!customer.visibleBrands.has(s.brandId) || s.productCreatedAt > createdAt) continue;
      chosen.set(s.index, s);
    }
    const lines: PlannedLine[] = [];
    for (const s of [...chosen.values()].sort((a, b) => a.index - b.index)) {
      const r = rng.next();
      let unit = s.baseUnit;
      let factor = 1;
      let quantity: number;
      if (r < 0.35) {
        unit = '箱';
        factor = s.boxFactor;
        quantity = rng.int(1, 5);
      } else if (r < 0.45 && s.packFactor) {
        unit = '提';
        factor = s.packFactor;
        quantity = rng.int(1, 4);
      } else {
        quantity = rng.weighted([
          [1, 2],
          [2, 3],
          [3, 2],
          [5, 2],
          [6, 3],
          [10, 2],
          [12, 2],
          [24, 1],
        ] as const);
      }
      lines.push({ sku: s, unit, factor, quantity, unitPrice: 0, source: '' });
    }
    if (lines.length === 0) {
      const s = popular.find((p) => customer.visibleBrands.has(p.brandId)) ?? ctx.skus[0]!;
      lines.push({ sku: s, unit: s.baseUnit, factor: 1, quantity: 6, unitPrice: 0, source: '' });
    }
    const delivered = steps.find((s) => s.step === 'DELIVERED');
    planned.push({
      customer,
      status,
      channel,
      placedByKind,
      placedById,
      createdAt,
      steps,
      deliveredAt: delivered?.at,
      lines,
      note: rng.chance(0.12) ? rng.pick(ORDER_NOTES) : '',
      rush: rng.chance(0.05),
    });
  }

  // Price every order as the pricing rules would have at the time: customer price, else last
  // sale price (recorded at delivery), else level price, else wholesale; an item special wins
  // when lower. Walk placements and deliveries in time order.
  planned.sort((a, b) => a.createdAt - b.createdAt || a.customer.index - b.customer.index);
  const timeline: { at: number; kind: 0 | 1; order: PlannedOrder }[] = [];
  for (const o of planned) {
    timeline.push({ at: o.createdAt, kind: 0, order: o });
    if (o.deliveredAt !== undefined) timeline.push({ at: o.deliveredAt, kind: 1, order: o });
  }
  timeline.sort((a, b) => a.at - b.at || b.kind - a.kind);
  const lastSale = new Map<string, { prices: Map<string, number>; soldAt: Map<string, number> }>();
  for (const event of timeline) {
    const o = event.order;
    if (event.kind === 1) {
      for (const l of o.lines) {
        const key = `${o.customer.index}|${l.sku.index}`;
        const entry = lastSale.get(key) ?? { prices: new Map(), soldAt: new Map() };
        entry.prices.set(l.unit, l.unitPrice);
        entry.soldAt.set(l.unit, event.at);
        lastSale.set(key, entry);
      }
      continue;
    }
    for (const l of o.lines) {
      const s = l.sku;
      const own = (prices: Map<string, number> | undefined, base: number | undefined) =>
        prices?.get(l.unit) ?? (base === undefined ? undefined : base * l.factor);
      const customerPrice = ctx.customerPrices.get(o.customer.index)?.get(s.index);
      const last = lastSale.get(`${o.customer.index}|${s.index}`)?.prices;
      const level =
        o.customer.levelId === LEVEL_IDS.vip
          ? s.levelVip
          : o.customer.levelId === LEVEL_IDS.wholesale
            ? s.levelWholesale
            : undefined;
      let price: number;
      let source: string;
      if (customerPrice !== undefined) [price, source] = [customerPrice * l.factor, 'CUSTOMER'];
      else if (last && own(last, last.get(s.baseUnit)) !== undefined)
        [price, source] = [own(last, last.get(s.baseUnit))!, 'LAST_SALE'];
      else if (level !== undefined) [price, source] = [level * l.factor, 'LEVEL'];
      else if (l.unit === '箱' && s.wholesaleBox !== undefined)
        [price, source] = [s.wholesaleBox, 'WHOLESALE'];
      else [price, source] = [s.wholesale * l.factor, 'WHOLESALE'];
      const special = ctx.specialPrices.get(s.index);
      if (
        special !== undefined &&
        o.createdAt >= ctx.promoStart &&
        o.createdAt <= ctx.promoEnd &&
        special * l.factor < price
      ) {
        [price, source] = [special * l.factor, 'SPECIAL'];
      }
      l.unitPrice = price;
      l.source = source;
    }
  }
  for (const [key, entry] of lastSale) {
    const [ci, si] = key.split('|').map(Number) as [number, number];
    for (const [unit, price] of entry.prices) {
      world.pricing.LastSalePrice.push({
        id: `lsp_${pad(world.pricing.LastSalePrice.length + 1, 6)}`,
        tenantId,
        customerId: customerId(ci + 1),
        skuId: ctx.skus[si]!.id,
        unit,
        priceMinor: BigInt(price),
        soldAt: new Date(entry.soldAt.get(unit)!),
      });
    }
  }

  // rows, numbered per China day in placement order
  const perDay = new Map<string, number>();
  const actorFor = (o: PlannedOrder, step: Step): [string, string] => {
    switch (step) {
      case 'PLACED':
        return [o.placedByKind, o.placedById];
      case 'APPROVED':
      case 'REJECTED':
        return ['staff', o.customer.index % 2 === 0 ? STAFF_IDS.office1 : STAFF_IDS.office2];
      case 'PICKING':
      case 'PACKED':
        return ['staff', o.customer.region === 'north' ? STAFF_IDS.picker2 : STAFF_IDS.picker1];
      case 'SHIPPED':
      case 'DELIVERED':
        return ['staff', o.customer.region === 'west' ? STAFF_IDS.driver2 : STAFF_IDS.driver1];
      case 'COMPLETED':
        return ['system', 'system'];
      case 'CANCELLED':
        return o.placedByKind === 'customer' ? [o.placedByKind, o.placedById] : ['staff', STAFF_IDS.office1];
    }
  };
  const eventNote = (step: Step) =>
    step === 'REJECTED' ? '客户信用额度不足，请先结清欠款' : step === 'CANCELLED' ? '客户要求取消' : '';
  for (const [i, o] of planned.entries()) {
    const num = pad(i + 1, 5);
    const id = `ord_${num}`;
    const day = chinaDate(o.createdAt);
    const seq = (perDay.get(day) ?? 0) + 1;
    perDay.set(day, seq);
    const total = o.lines.reduce((sum, l) => sum + l.unitPrice * l.quantity, 0);
    world.orders.Order.push({
      id,
      tenantId,
      number: `SO${day}-${pad(seq, 4)}`,
      customerId: o.customer.id,
      status: o.status,
      channel: o.channel,
      totalMinor: BigInt(total),
      note: o.note,
      rush: o.rush,
      placedByKind: o.placedByKind,
      placedById: o.placedById,
      idempotencyKey: null,
      version: o.steps.length,
      subtotalMinor: BigInt(total),
      discountMinor: 0n,
      warehouseId: o.customer.region === 'north' ? 'wh_north' : 'wh_main',
      couponCode: null,
      reviewStage: o.steps.some((st) => st.step === 'APPROVED') ? 'DONE' : 'BUSINESS',
      priceApproval: 'NONE',
      createdAt: new Date(o.createdAt),
      updatedAt: new Date(o.steps[o.steps.length - 1]!.at),
    });
    for (const [k, l] of o.lines.entries()) {
      world.orders.OrderLine.push({
        id: `ol_${num}_${pad(k + 1, 2)}`,
        tenantId,
        orderId: id,
        skuId: l.sku.id,
        unit: l.unit,
        factor: l.factor,
        quantity: l.quantity,
        unitPriceMinor: BigInt(l.unitPrice),
        priceSource: l.source,
        amountMinor: BigInt(l.unitPrice * l.quantity),
        isGift: false,
        levelPriceMinor: null,
      });
    }
    let previous: OrderStatus | null = null;
    for (const [k, s] of o.steps.entries()) {
      const [actorKind, actorId] = actorFor(o, s.step);
      const toStatus = STEP_STATUS[s.step];
      world.orders.OrderEvent.push({
        id: `oe_${num}_${k + 1}`,
        tenantId,
        orderId: id,
        type: s.step,
        fromStatus: previous,
        toStatus,
        actorKind,
        actorId,
        note: eventNote(s.step),
        createdAt: new Date(s.at),
      });
      previous = toStatus;
    }
  }
}
