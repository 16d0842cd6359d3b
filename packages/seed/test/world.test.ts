import { parseArgs } from '../src/args';
import {
  DEMO_CUSTOMERS,
  LEVEL_IDS,
  PROMOTION_IDS,
  RESTRICTED_BRAND_IDS,
  ROUTE_IDS,
  SCALES,
  STAFF,
  TENANT_ID,
  WAREHOUSE_IDS,
} from '../src/constants';
import { gtinCheckDigit, isValidGtin, Rng } from '../src/random';
import {
  buildWorld,
  chinaDate,
  pinyinInitials,
  startOfChinaDay,
  type World,
  worldCounts,
  worldTables,
} from '../src/world';

const NOW = new Date('2026-11-24T06:30:00.000Z'); // 14:30 in Hangzhou
const DAY = 86_400_000;
let world: World;

beforeAll(() => {
  world = buildWorld({ scale: 'demo', now: NOW, passwordHash: 'hash' });
});

const ids = (rows: readonly { id: string }[]) => new Set(rows.map((r) => r.id));
const byId = <T extends { id: string }>(rows: readonly T[]) => new Map(rows.map((r) => [r.id, r]));

/** JSON with bigints and dates, for comparing whole worlds. */
const snapshot = (w: World) =>
  JSON.stringify(worldTables(w), (_k, v) => (typeof v === 'bigint' ? `${v}n` : v));

describe('determinism', () => {
  it('gives identical output for the same scale and now', () => {
    const again = buildWorld({ scale: 'demo', now: new Date(NOW), passwordHash: 'hash' });
    expect(snapshot(again)).toBe(snapshot(world));
  });

  it('moves every date with now and changes nothing else', () => {
    const later = buildWorld({ scale: 'demo', now: new Date(NOW.getTime() + 7 * DAY), passwordHash: 'hash' });
    expect(worldCounts(later)).toEqual(worldCounts(world));
    expect(later.catalog.Product.map((p) => p.name)).toEqual(world.catalog.Product.map((p) => p.name));
    expect(later.crm.Customer.map((c) => c.createdAt.getTime() - 7 * DAY)).toEqual(
      world.crm.Customer.map((c) => c.createdAt.getTime()),
    );
  });

  it('the PRNG is reproducible and spreads', () => {
    const a = new Rng('x');
    const b = new Rng('x');
    const seq = Array.from({ length: 1000 }, () => a.next());
    expect(Array.from({ length: 1000 }, () => b.next())).toEqual(seq);
    expect(Math.min(...seq)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...seq)).toBeLessThan(1);
    expect(seq.reduce((s, x) => s + x, 0) / seq.length).toBeCloseTo(0.5, 1);
  });
});

describe('counts', () => {
  it('has the demo scale', () => {
    const c = worldCounts(world);
    expect(c['crm.Customer']).toBe(SCALES.demo.customers);
    expect(c['crm.CustomerUser']).toBe(SCALES.demo.customers);
    expect(c['crm.CreditAccount']).toBe(SCALES.demo.customers);
    expect(c['catalog.Sku']).toBe(SCALES.demo.skus);
    expect(c['orders.Order']).toBe(SCALES.demo.orders);
    expect(c['crm.Staff']).toBe(11);
    expect(c['crm.CustomerLevel']).toBe(3);
    expect(c['crm.Tenant']).toBe(1);
    expect(c['warehouse.Warehouse']).toBe(2);
    expect(c['delivery.Route']).toBe(3);
    expect(c['delivery.Vehicle']).toBe(3);
    expect(c['marketing.Promotion']).toBe(5);
    expect(world.catalog.Brand.length).toBeGreaterThanOrEqual(30);
    expect(c['catalog.Product']).toBeGreaterThan(250);
    expect(c['catalog.Product']).toBeLessThan(1000);
    expect(c['pricing.CustomerPrice']).toBeGreaterThan(1000);
    expect(c['pricing.LastSalePrice']).toBeGreaterThan(100);
  });

  it('writes the crm Tenant row last', () => {
    const tables = worldTables(world);
    expect(tables[tables.length - 1]!.slice(0, 2)).toEqual(['crm', 'Tenant']);
  });
});

describe('integrity', () => {
  it('gives every row a unique id and the tenant id', () => {
    for (const [schema, model, rows] of worldTables(world)) {
      const r = rows as Record<string, unknown>[];
      if (r.length && 'id' in r[0]!) expect(new Set(r.map((x) => x.id)).size).toBe(r.length);
      const tenantColumn = model === 'Tenant' ? 'id' : 'tenantId';
      for (const row of r) {
        if (row[tenantColumn] !== TENANT_ID)
          throw new Error(`${schema}.${model} row without the tenant: ${JSON.stringify(row)}`);
      }
    }
  });

  it('points every foreign id at an existing row', () => {
    const w = world;
    const customers = ids(w.crm.Customer);
    const skus = ids(w.catalog.Sku);
    const levels = ids(w.crm.CustomerLevel);
    const staff = ids(w.crm.Staff);
    const warehouses = ids(w.warehouse.Warehouse);
    const routes = ids(w.delivery.Route);
    const brands = ids(w.catalog.Brand);
    const categories = ids(w.catalog.Category);
    const products = ids(w.catalog.Product);
    const promotions = ids(w.marketing.Promotion);
    const orders = ids(w.orders.Order);
    const users = ids(w.crm.CustomerUser);
    const checks: [string, readonly Record<string, any>[], string, Set<string>, boolean?][] = [
      ['Customer.levelId', w.crm.Customer, 'levelId', levels],
      ['Customer.ownerRepId', w.crm.Customer, 'ownerRepId', staff],
      ['Customer.routeId', w.crm.Customer, 'routeId', routes],
      ['Customer.warehouseId', w.crm.Customer, 'warehouseId', warehouses],
      ['CustomerUser.customerId', w.crm.CustomerUser, 'customerId', customers],
      ['CreditAccount.customerId', w.crm.CreditAccount, 'customerId', customers],
      ['Location.warehouseId', w.warehouse.Location, 'warehouseId', warehouses],
      ['Route.warehouseId', w.delivery.Route, 'warehouseId', warehouses],
      ['RouteStop.routeId', w.delivery.RouteStop, 'routeId', routes],
      ['RouteStop.customerId', w.delivery.RouteStop, 'customerId', customers],
      ['BrandAuthorization.brandId', w.catalog.BrandAuthorization, 'brandId', brands],
      ['BrandAuthorization.customerId', w.catalog.BrandAuthorization, 'customerId', customers, true],
      ['BrandAuthorization.levelId', w.catalog.BrandAuthorization, 'levelId', levels, true],
      ['Category.parentId', w.catalog.Category, 'parentId', categories, true],
      ['Product.brandId', w.catalog.Product, 'brandId', brands],
      ['Product.categoryId', w.catalog.Product, 'categoryId', categories],
      ['Sku.productId', w.catalog.Sku, 'productId', products],
      ['SkuBarcode.skuId', w.catalog.SkuBarcode, 'skuId', skus],
      ['SaleUnit.skuId', w.catalog.SaleUnit, 'skuId', skus],
      ['SkuPrice.skuId', w.pricing.SkuPrice, 'skuId', skus],
      ['LevelPrice.skuId', w.pricing.LevelPrice, 'skuId', skus],
      ['LevelPrice.levelId', w.pricing.LevelPrice, 'levelId', levels],
      ['CustomerPrice.customerId', w.pricing.CustomerPrice, 'customerId', customers],
      ['CustomerPrice.skuId', w.pricing.CustomerPrice, 'skuId', skus],
      ['LastSalePrice.customerId', w.pricing.LastSalePrice, 'customerId', customers],
      ['LastSalePrice.skuId', w.pricing.LastSalePrice, 'skuId', skus],
      ['VolumeTier.skuId', w.pricing.VolumeTier, 'skuId', skus],
      ['CustomerPriceProfile.customerId', w.pricing.CustomerPriceProfile, 'customerId', customers],
      ['CustomerPriceProfile.levelId', w.pricing.CustomerPriceProfile, 'levelId', levels],
      ['marketing.CustomerProfile.customerId', w.marketing.CustomerProfile, 'customerId', customers],
      ['marketing.CustomerProfile.levelId', w.marketing.CustomerProfile, 'levelId', levels],
      ['PromotionTarget.promotionId', w.marketing.PromotionTarget, 'promotionId', promotions],
      ['PromotionTarget.productId', w.marketing.PromotionTarget, 'productId', products, true],
      ['PromotionTarget.skuId', w.marketing.PromotionTarget, 'skuId', skus, true],
      ['PromotionTarget.brandId', w.marketing.PromotionTarget, 'brandId', brands, true],
      ['PromotionTarget.categoryId', w.marketing.PromotionTarget, 'categoryId', categories, true],
      ['Stock.skuId', w.inventory.Stock, 'skuId', skus],
      ['Stock.warehouseId', w.inventory.Stock, 'warehouseId', warehouses],
      ['StockMovement.skuId', w.inventory.StockMovement, 'skuId', skus],
      ['StockMovement.warehouseId', w.inventory.StockMovement, 'warehouseId', warehouses],
      ['CustomerWarehouse.customerId', w.inventory.CustomerWarehouse, 'customerId', customers],
      ['CustomerWarehouse.warehouseId', w.inventory.CustomerWarehouse, 'warehouseId', warehouses],
      [
        'InventorySettings.defaultWarehouseId',
        w.inventory.InventorySettings,
        'defaultWarehouseId',
        warehouses,
      ],
      ['Order.customerId', w.orders.Order, 'customerId', customers],
      ['OrderLine.orderId', w.orders.OrderLine, 'orderId', orders],
      ['OrderLine.skuId', w.orders.OrderLine, 'skuId', skus],
      ['OrderEvent.orderId', w.orders.OrderEvent, 'orderId', orders],
    ];
    for (const [name, rows, field, targets, nullable] of checks) {
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) {
        const value = row[field];
        if (value === null && nullable) continue;
        if (!targets.has(value)) throw new Error(`${name} = ${value} points nowhere`);
      }
    }
    for (const o of w.orders.Order) {
      expect(o.placedByKind === 'customer' ? users.has(o.placedById) : staff.has(o.placedById)).toBe(true);
    }
    const promotionRuleSkus = w.marketing.Promotion.flatMap((p) => {
      const r = p.rules as Record<string, any>;
      return [...Object.keys(r.skuPrices ?? {}), r.giftSkuId, r.skuId].filter(Boolean);
    });
    expect(promotionRuleSkus.length).toBeGreaterThan(3);
    for (const id of promotionRuleSkus) expect(skus.has(id)).toBe(true);
  });

  it('keeps unique keys unique', () => {
    const unique = (name: string, keys: string[]) =>
      expect([name, new Set(keys).size]).toEqual([name, keys.length]);
    unique(
      'Staff.username',
      world.crm.Staff.map((s) => s.username),
    );
    unique('usernames across staff and customer users', [
      ...world.crm.Staff.map((s) => s.username),
      ...world.crm.CustomerUser.map((u) => u.username),
    ]);
    unique(
      'Customer.code',
      world.crm.Customer.map((c) => c.code),
    );
    unique(
      'Customer.name',
      world.crm.Customer.map((c) => c.name),
    );
    unique(
      'Sku.code',
      world.catalog.Sku.map((s) => s.code),
    );
    unique(
      'SkuBarcode.barcode',
      world.catalog.SkuBarcode.map((b) => b.barcode),
    );
    unique(
      'SaleUnit',
      world.catalog.SaleUnit.map((u) => `${u.skuId}|${u.name}`),
    );
    unique(
      'SkuPrice',
      world.pricing.SkuPrice.map((p) => `${p.skuId}|${p.unit}`),
    );
    unique(
      'LevelPrice',
      world.pricing.LevelPrice.map((p) => `${p.skuId}|${p.levelId}|${p.unit}`),
    );
    unique(
      'CustomerPrice',
      world.pricing.CustomerPrice.map((p) => `${p.customerId}|${p.skuId}|${p.unit}`),
    );
    unique(
      'LastSalePrice',
      world.pricing.LastSalePrice.map((p) => `${p.customerId}|${p.skuId}|${p.unit}`),
    );
    unique(
      'Stock',
      world.inventory.Stock.map((s) => `${s.skuId}|${s.warehouseId}`),
    );
    unique(
      'Location',
      world.warehouse.Location.map((l) => `${l.warehouseId}|${l.code}`),
    );
    unique(
      'Order.number',
      world.orders.Order.map((o) => o.number),
    );
    unique(
      'Vehicle.plate',
      world.delivery.Vehicle.map((v) => v.plate),
    );
  });
});

describe('crm, delivery, inventory: the people and places', () => {
  it('has the staff logins and roles', () => {
    const staff = byId(world.crm.Staff);
    for (const s of STAFF) {
      expect(staff.get(s.id)).toMatchObject({
        username: s.username,
        roles: s.roles,
        passwordHash: 'hash',
        active: true,
      });
      expect(staff.get(s.id)!.name).toMatch(/^[\u4e00-\u9fa5]{2,3}$/);
    }
    expect(staff.get('stf_rep1')!.roles).toEqual(['REP', 'STORE_MANAGER']);
    expect(world.crm.CustomerUser.every((u) => u.passwordHash === 'hash')).toBe(true);
  });

  it('gives every customer a level, route, warehouse and rep that agree across subgraphs', () => {
    const stops = new Map(world.delivery.RouteStop.map((s) => [s.customerId, s]));
    const cw = new Map(world.inventory.CustomerWarehouse.map((x) => [x.customerId, x.warehouseId]));
    const profile = new Map(world.pricing.CustomerPriceProfile.map((x) => [x.customerId, x.levelId]));
    const credit = new Map(world.crm.CreditAccount.map((x) => [x.customerId, x]));
    const routes = byId(world.delivery.Route);
    const reps = new Set(['stf_rep1', 'stf_rep2', 'stf_rep3']);
    for (const c of world.crm.Customer) {
      expect(c.levelId).toBeTruthy();
      expect(reps.has(c.ownerRepId!)).toBe(true);
      expect(stops.get(c.id)?.routeId).toBe(c.routeId);
      expect(routes.get(c.routeId!)!.warehouseId).toBe(c.warehouseId);
      expect(cw.get(c.id)).toBe(c.warehouseId);
      expect(profile.get(c.id)).toBe(c.levelId);
      const account = credit.get(c.id)!;
      expect(account.limitMinor).toBeGreaterThanOrEqual(500_000n);
      expect(account.limitMinor).toBeLessThanOrEqual(15_000_000n);
      if (c.levelId === 'lvl_vip') expect(account.limitMinor).toBeGreaterThanOrEqual(6_000_000n);
      expect(account.receivableMinor + account.openOrdersMinor + account.prepaidMinor).toBe(0n);
      expect([0, 7, 15, 30]).toContain(account.paymentTermDays);
      expect(Math.abs(c.latitude! - 30.27)).toBeLessThanOrEqual(0.15);
      expect(Math.abs(c.longitude! - 120.15)).toBeLessThanOrEqual(0.15);
      expect(c.address).toMatch(/^杭州市/);
      expect(c.phone).toMatch(/^1\d{10}$/);
    }
    for (const route of Object.values(ROUTE_IDS)) {
      const positions = world.delivery.RouteStop.filter((s) => s.routeId === route)
        .map((s) => s.position)
        .sort((a, b) => a - b);
      expect(positions.length).toBeGreaterThan(10);
      expect(positions).toEqual(positions.map((_, i) => i + 1));
    }
    expect(routes.get(ROUTE_IDS.north)!.warehouseId).toBe(WAREHOUSE_IDS.north);
    for (const level of Object.values(LEVEL_IDS)) {
      expect(world.crm.Customer.filter((c) => c.levelId === level).length).toBeGreaterThan(10);
    }
  });

  it('has the named stores on their levels, routes and warehouses', () => {
    const customers = byId(world.crm.Customer);
    const users = byId(world.crm.CustomerUser);
    for (const [username, d] of Object.entries(DEMO_CUSTOMERS)) {
      expect(customers.get(d.id)).toMatchObject({
        code: username,
        levelId: d.levelId,
        routeId: d.routeId,
        warehouseId: d.warehouseId,
        status: 'ACTIVE',
      });
      expect(users.get(d.userId)).toMatchObject({ customerId: d.id, username });
    }
    expect(world.crm.Customer[0]!.name).toMatch(/(便利店|超市|烟酒店|副食店|小卖部|百货店|批发部)\(.+店\)$/);
  });

  it('keeps stores 1-10 active and about 5% of the rest pending', () => {
    expect(world.crm.Customer.slice(0, 10).every((c) => c.status === 'ACTIVE')).toBe(true);
    const pending = world.crm.Customer.filter((c) => c.status === 'PENDING').length;
    expect(pending).toBeGreaterThanOrEqual(2);
    expect(pending).toBeLessThanOrEqual(25);
    expect(world.crm.Customer.every((c) => c.status === 'ACTIVE' || c.status === 'PENDING')).toBe(true);
  });

  it('numbers stores store001..store200', () => {
    expect(world.crm.Customer.map((c) => c.code).slice(0, 2)).toEqual(['store001', 'store002']);
    expect(world.crm.Customer[199]!.code).toBe('store200');
    expect(world.crm.Customer[199]!.id).toBe('cus_0200');
  });

  it('has warehouses with bin locations and tenant settings', () => {
    expect(world.warehouse.Warehouse.map((w) => [w.id, w.name])).toEqual([
      ['wh_main', '主仓'],
      ['wh_north', '北仓'],
    ]);
    for (const l of world.warehouse.Location) {
      expect(l.code).toBe([l.zone, l.aisle, l.rack, l.level, l.position].join('-'));
      expect(l.code).toMatch(/^\d-[A-Z]-\d{2}-\d{2}-\d{2}$/);
    }
    expect(world.inventory.InventorySettings).toEqual([
      {
        tenantId: TENANT_ID,
        defaultWarehouseId: 'wh_main',
        showExactStock: true,
        lowStockThreshold: 10,
        countInTransit: false,
        allowBackorder: false,
        reservationHoldSeconds: 120,
      },
    ]);
    // inventory knows every SKU and warehouse (its projections of catalog and warehouse)
    expect(world.inventory.SkuRef.map((r) => r.skuId)).toEqual(world.catalog.Sku.map((s) => s.id));
    expect(world.inventory.WarehouseRef.map((r) => [r.warehouseId, r.code])).toEqual(
      world.warehouse.Warehouse.map((w) => [w.id, w.code]),
    );
    expect(world.pricing.PricingSettings).toEqual([
      { tenantId: TENANT_ID, trackLastPrice: true, guestBrowsing: false },
    ]);
  });

  it('stocks every SKU in the main warehouse and about 70% in the north one', () => {
    const main = world.inventory.Stock.filter((s) => s.warehouseId === 'wh_main');
    const north = world.inventory.Stock.filter((s) => s.warehouseId === 'wh_north');
    expect(main.length).toBe(world.catalog.Sku.length);
    expect(north.length / world.catalog.Sku.length).toBeGreaterThan(0.6);
    expect(north.length / world.catalog.Sku.length).toBeLessThan(0.8);
    for (const s of world.inventory.Stock) {
      expect(Number.isInteger(s.onHand)).toBe(true);
      expect(s.onHand).toBeGreaterThanOrEqual(0);
      expect(s.onHand).toBeLessThanOrEqual(500);
      expect([s.reserved, s.inTransit]).toEqual([0, 0]);
    }
    expect(main.some((s) => s.onHand === 0)).toBe(true);
    expect(main.slice(0, 50).every((s) => s.onHand >= 100)).toBe(true);
    const movements = new Map(world.inventory.StockMovement.map((m) => [`${m.skuId}|${m.warehouseId}`, m]));
    expect(movements.size).toBe(world.inventory.Stock.length);
    for (const s of world.inventory.Stock) {
      expect(movements.get(`${s.skuId}|${s.warehouseId}`)).toMatchObject({
        delta: s.onHand,
        kind: 'OPENING',
        sourceType: 'seed',
      });
    }
  });
});

describe('catalog', () => {
  it('has a three-level category tree with products only in leaves', () => {
    const cats = byId(world.catalog.Category);
    for (const c of world.catalog.Category) {
      if (c.parentId === null) expect(c.depth).toBe(0);
      else expect(c.depth).toBe(cats.get(c.parentId)!.depth + 1);
      expect(c.nameEn).toMatch(/^[A-Z]/);
    }
    expect(new Set(world.catalog.Category.map((c) => c.depth))).toEqual(new Set([0, 1, 2]));
    for (const p of world.catalog.Product) expect(cats.get(p.categoryId)!.depth).toBe(2);
    const leavesUsed = new Set(world.catalog.Product.map((p) => p.categoryId));
    expect(leavesUsed.size).toBe(world.catalog.Category.filter((c) => c.depth === 2).length);
  });

  it('names products in Chinese and English with pinyin initials', () => {
    expect(pinyinInitials('可口可乐')).toBe('kkkl');
    expect(pinyinInitials('康师傅红烧牛肉面')).toBe('ksfhsnrm');
    for (const p of world.catalog.Product) {
      expect(p.name).toMatch(/[\u4e00-\u9fa5]/);
      expect(p.nameEn).toMatch(/^[\x20-\x7e]+$/);
      expect(p.pinyin).toMatch(/^[a-z0-9]+$/);
      expect(p.pinyin).toBe(pinyinInitials(p.name));
      expect(p.images).toEqual([`/images/products/${p.id}.svg`]);
      for (const tag of p.tags) expect(['new', 'hot', 'near-expiry', 'slow', 'clearance']).toContain(tag);
    }
    const brand = byId(world.catalog.Brand);
    const p = world.catalog.Product[0]!;
    expect(p.name.startsWith(brand.get(p.brandId)!.name)).toBe(true);
    const offShelf = world.catalog.Product.filter((x) => !x.onShelf).length / world.catalog.Product.length;
    expect(offShelf).toBeGreaterThan(0.005);
    expect(offShelf).toBeLessThan(0.06);
    for (const tag of ['new', 'hot', 'near-expiry', 'slow', 'clearance']) {
      expect(world.catalog.Product.some((x) => x.tags.includes(tag))).toBe(true);
    }
    expect(world.catalog.Product.map((x) => x.sortOrder)).toEqual(world.catalog.Product.map((_, i) => i + 1));
  });

  it('has 1 to 4 SKUs per product', () => {
    const perProduct = new Map<string, number>();
    for (const s of world.catalog.Sku) perProduct.set(s.productId, (perProduct.get(s.productId) ?? 0) + 1);
    expect(perProduct.size).toBe(world.catalog.Product.length);
    const counts = [...perProduct.values()];
    expect(Math.min(...counts)).toBe(1);
    expect(Math.max(...counts)).toBe(4);
    for (const s of world.catalog.Sku) {
      expect(['瓶', '袋', '包', '盒', '桶']).toContain(s.baseUnit);
      expect(s.spec.length).toBeGreaterThan(0);
    }
  });

  it('gives every SKU a base unit, a case and valid unique barcodes starting with 69', () => {
    const units = new Map<string, { name: string; factor: number; barcode: string | null }[]>();
    for (const u of world.catalog.SaleUnit) units.set(u.skuId, [...(units.get(u.skuId) ?? []), u]);
    const barcodes = new Map<string, string[]>();
    for (const b of world.catalog.SkuBarcode)
      barcodes.set(b.skuId, [...(barcodes.get(b.skuId) ?? []), b.barcode]);
    let packs = 0;
    for (const s of world.catalog.Sku) {
      const list = units.get(s.id)!;
      expect(list.find((u) => u.factor === 1)?.name).toBe(s.baseUnit);
      const box = list.find((u) => u.name === '箱')!;
      expect([6, 12, 24]).toContain(box.factor);
      expect(box.barcode).toMatch(/^1\d{13}$/);
      expect(isValidGtin(box.barcode!)).toBe(true);
      const pack = list.find((u) => u.name === '提');
      if (pack) {
        packs++;
        expect(pack.factor).toBe(6);
      }
      const codes = barcodes.get(s.id)!;
      expect(codes.length).toBeGreaterThanOrEqual(1);
      expect(codes.length).toBeLessThanOrEqual(2);
      expect(codes[0]).toMatch(/^69\d{11}$/);
      for (const code of codes) expect(isValidGtin(code)).toBe(true);
    }
    expect(packs).toBeGreaterThan(10);
    // the check digit of a real Chinese product: 6901939621257 (a well-known cola barcode)
    expect(gtinCheckDigit('690193962125')).toBe(7);
  });

  it('restricts two brands and authorises store001 for one of them only', () => {
    const restricted = world.catalog.Brand.filter((b) => b.restricted).map((b) => b.id);
    expect(restricted.sort()).toEqual(Object.values(RESTRICTED_BRAND_IDS).sort());
    const auth = world.catalog.BrandAuthorization;
    for (const a of auth) {
      expect(restricted).toContain(a.brandId);
      expect((a.customerId === null) !== (a.levelId === null)).toBe(true);
    }
    const store001 = DEMO_CUSTOMERS.store001;
    const sees = (customer: { id: string; levelId: string }, brand: string) =>
      auth.some(
        (a) => a.brandId === brand && (a.customerId === customer.id || a.levelId === customer.levelId),
      );
    expect(sees(store001, RESTRICTED_BRAND_IDS.moutai)).toBe(true);
    expect(auth.some((a) => a.brandId === RESTRICTED_BRAND_IDS.moutai && a.customerId === store001.id)).toBe(
      true,
    );
    expect(sees(store001, RESTRICTED_BRAND_IDS.wuliangye)).toBe(false);
    expect(sees(DEMO_CUSTOMERS.store002, RESTRICTED_BRAND_IDS.moutai)).toBe(false);
    expect(sees(DEMO_CUSTOMERS.store002, RESTRICTED_BRAND_IDS.wuliangye)).toBe(false);
    expect(sees(DEMO_CUSTOMERS.store003, RESTRICTED_BRAND_IDS.wuliangye)).toBe(true);
    expect(auth.filter((a) => a.levelId !== null)).toEqual([
      expect.objectContaining({ brandId: RESTRICTED_BRAND_IDS.moutai, levelId: LEVEL_IDS.vip }),
    ]);
    expect(world.catalog.Product.some((p) => p.brandId === RESTRICTED_BRAND_IDS.moutai)).toBe(true);
    expect(world.catalog.Product.some((p) => p.brandId === RESTRICTED_BRAND_IDS.wuliangye)).toBe(true);
  });

  it('shows unrestricted products on the shelf first', () => {
    const brand = byId(world.catalog.Brand);
    for (const p of world.catalog.Product.slice(0, 100)) {
      expect(p.onShelf).toBe(true);
      expect(brand.get(p.brandId)!.restricted).toBe(false);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// pricing, as DOMAIN.md decides it

interface Book {
  wholesale: Map<string, bigint>; // sku|unit
  retail: Map<string, bigint>;
  level: Map<string, bigint>; // sku|level|unit
  customer: Map<string, bigint>; // customer|sku|unit
  last: Map<string, bigint>; // customer|sku|unit
  special: Map<string, bigint>; // sku -> base unit price
}

function book(w: World): Book {
  const rules = w.marketing.Promotion.find((p) => p.kind === 'ITEM_SPECIAL')!.rules as {
    skuPrices: Record<string, number>;
  };
  return {
    wholesale: new Map(w.pricing.SkuPrice.map((p) => [`${p.skuId}|${p.unit}`, p.wholesaleMinor])),
    retail: new Map(w.pricing.SkuPrice.map((p) => [`${p.skuId}|${p.unit}`, p.retailMinor])),
    level: new Map(w.pricing.LevelPrice.map((p) => [`${p.skuId}|${p.levelId}|${p.unit}`, p.priceMinor])),
    customer: new Map(
      w.pricing.CustomerPrice.map((p) => [`${p.customerId}|${p.skuId}|${p.unit}`, p.priceMinor]),
    ),
    last: new Map(w.pricing.LastSalePrice.map((p) => [`${p.customerId}|${p.skuId}|${p.unit}`, p.priceMinor])),
    special: new Map(Object.entries(rules.skuPrices).map(([k, v]) => [k, BigInt(v)])),
  };
}

/** The price a customer sees for one unit of a SKU now: customer > last sale > level > wholesale; a lower special wins. */
function priceFor(
  b: Book,
  w: World,
  customerId: string,
  skuId: string,
  unit: string,
): { minor: bigint; source: string } {
  const c = w.crm.Customer.find((x) => x.id === customerId)!;
  const sku = w.catalog.Sku.find((x) => x.id === skuId)!;
  const factor = BigInt(w.catalog.SaleUnit.find((u) => u.skuId === skuId && u.name === unit)!.factor);
  const own = (m: Map<string, bigint>, prefix: string) =>
    m.get(`${prefix}|${unit}`) ??
    (m.has(`${prefix}|${sku.baseUnit}`) ? m.get(`${prefix}|${sku.baseUnit}`)! * factor : undefined);
  const sources: [string, bigint | undefined][] = [
    ['CUSTOMER', own(b.customer, `${customerId}|${skuId}`)],
    ['LAST_SALE', own(b.last, `${customerId}|${skuId}`)],
    ['LEVEL', own(b.level, `${skuId}|${c.levelId}`)],
    ['WHOLESALE', own(b.wholesale, skuId)],
  ];
  const [source, minor] = sources.find(([, v]) => v !== undefined)! as [string, bigint];
  const special = b.special.get(skuId);
  if (special !== undefined && special * factor < minor)
    return { minor: special * factor, source: 'SPECIAL' };
  return { minor, source };
}

describe('pricing', () => {
  it('prices every SKU in its base unit with positive integer fen, retail above wholesale', () => {
    const b = book(world);
    for (const s of world.catalog.Sku) {
      const w = b.wholesale.get(`${s.id}|${s.baseUnit}`)!;
      const r = b.retail.get(`${s.id}|${s.baseUnit}`)!;
      expect(typeof w).toBe('bigint');
      expect(w).toBeGreaterThanOrEqual(100n);
      expect(w).toBeLessThanOrEqual(20_000n);
      expect(w % 10n).toBe(0n);
      expect(r % 10n).toBe(0n);
      expect(Number(r) / Number(w)).toBeGreaterThanOrEqual(1.2);
      expect(Number(r) / Number(w)).toBeLessThanOrEqual(1.55);
    }
    const money = [
      ...world.pricing.SkuPrice.flatMap((p) => [p.wholesaleMinor, p.retailMinor]),
      ...world.pricing.LevelPrice.map((p) => p.priceMinor),
      ...world.pricing.CustomerPrice.map((p) => p.priceMinor),
      ...world.pricing.LastSalePrice.map((p) => p.priceMinor),
      ...world.pricing.VolumeTier.map((p) => p.priceMinor),
      ...world.orders.OrderLine.map((l) => l.unitPriceMinor),
    ];
    for (const m of money) {
      expect(typeof m).toBe('bigint');
      expect(m > 0n).toBe(true);
    }
  });

  it('sets an own case price on about 30% of SKUs, a little below unit x factor; otherwise unit x factor applies', () => {
    const b = book(world);
    const boxes = world.pricing.SkuPrice.filter((p) => p.unit === '箱');
    expect(boxes.length / world.catalog.Sku.length).toBeGreaterThan(0.2);
    expect(boxes.length / world.catalog.Sku.length).toBeLessThan(0.4);
    const factor = new Map(
      world.catalog.SaleUnit.filter((u) => u.name === '箱').map((u) => [u.skuId, BigInt(u.factor)]),
    );
    for (const s of world.catalog.Sku) {
      const unit = b.wholesale.get(`${s.id}|${s.baseUnit}`)!;
      const f = factor.get(s.id)!;
      const own = b.wholesale.get(`${s.id}|箱`);
      const seen = priceFor(b, world, 'cus_0200', s.id, '箱');
      if (own === undefined) {
        expect(b.retail.get(`${s.id}|箱`)).toBeUndefined();
      } else {
        expect(own).toBeLessThan(unit * f);
        expect(Number(own)).toBeGreaterThan(Number(unit * f) * 0.9);
        expect(b.retail.get(`${s.id}|箱`)!).toBeGreaterThan(own);
      }
      if (seen.source === 'WHOLESALE') expect(seen.minor).toBe(own ?? unit * f);
    }
  });

  it('has VIP (~92%) and Wholesale (~96%) level prices on most SKUs and none for Standard', () => {
    const b = book(world);
    expect(world.pricing.LevelPrice.some((p) => p.levelId === LEVEL_IDS.retail)).toBe(false);
    const withLevel = new Set(world.pricing.LevelPrice.map((p) => p.skuId));
    expect(withLevel.size / world.catalog.Sku.length).toBeGreaterThan(0.8);
    for (const s of world.catalog.Sku.slice(0, 100)) expect(withLevel.has(s.id)).toBe(true);
    for (const p of world.pricing.LevelPrice) {
      const w = Number(b.wholesale.get(`${p.skuId}|${p.unit}`)!);
      const ratio = Number(p.priceMinor) / w;
      expect(ratio).toBeCloseTo(p.levelId === LEVEL_IDS.vip ? 0.92 : 0.96, 2);
    }
  });

  it('gives store001 customer prices on at least 20 of the first 100 SKUs', () => {
    const first100 = new Set(world.catalog.Sku.slice(0, 100).map((s) => s.id));
    const own = world.pricing.CustomerPrice.filter(
      (p) => p.customerId === DEMO_CUSTOMERS.store001.id && first100.has(p.skuId),
    );
    expect(own.length).toBeGreaterThanOrEqual(20);
    const perCustomer = new Map<string, number>();
    for (const p of world.pricing.CustomerPrice)
      perCustomer.set(p.customerId, (perCustomer.get(p.customerId) ?? 0) + 1);
    expect(perCustomer.size).toBeGreaterThan(world.crm.Customer.length * 0.8);
    expect(Math.max(...perCustomer.values())).toBeLessThanOrEqual(
      SCALES.demo.maxCustomerPricesPerCustomer + 25,
    );
  });

  it('shows store001 and store002 different prices on the first products, store001 the lower', () => {
    const b = book(world);
    const firstSkus = world.catalog.Product.slice(0, 20).map(
      (p) => world.catalog.Sku.find((s) => s.productId === p.id)!,
    );
    for (const s of firstSkus) {
      const one = priceFor(b, world, DEMO_CUSTOMERS.store001.id, s.id, s.baseUnit);
      const two = priceFor(b, world, DEMO_CUSTOMERS.store002.id, s.id, s.baseUnit);
      expect(one.minor).toBeLessThan(two.minor);
      expect(two.minor).toBeLessThan(b.wholesale.get(`${s.id}|${s.baseUnit}`)!);
      expect(['CUSTOMER', 'LEVEL', 'LAST_SALE']).toContain(one.source);
      expect(['LEVEL', 'LAST_SALE']).toContain(two.source);
    }
  });

  it('records last sale prices from delivered orders', () => {
    const delivered = new Set(
      world.orders.Order.filter((o) => o.status === 'DELIVERED' || o.status === 'COMPLETED').map((o) => o.id),
    );
    const orderById = byId(world.orders.Order);
    const paid = new Set(
      world.orders.OrderLine.filter((l) => delivered.has(l.orderId)).map(
        (l) => `${orderById.get(l.orderId)!.customerId}|${l.skuId}|${l.unit}|${l.unitPriceMinor}`,
      ),
    );
    for (const p of world.pricing.LastSalePrice) {
      expect(paid.has(`${p.customerId}|${p.skuId}|${p.unit}|${p.priceMinor}`)).toBe(true);
      expect(p.soldAt.getTime()).toBeLessThanOrEqual(NOW.getTime());
    }
  });

  it('has a few volume tiers, cheaper as the quantity grows', () => {
    const tiers = world.pricing.VolumeTier;
    expect(tiers.length).toBeGreaterThan(4);
    const bySku = new Map<string, typeof tiers>();
    for (const t of tiers) bySku.set(t.skuId, [...(bySku.get(t.skuId) ?? []), t]);
    for (const list of bySku.values()) {
      const sorted = [...list].sort((a, b) => a.minQuantity - b.minQuantity);
      expect(sorted[1]!.priceMinor).toBeLessThan(sorted[0]!.priceMinor);
    }
  });
});

describe('marketing', () => {
  it("writes pricing's ItemSpecial projection from the item special, as PromotionChanged would", () => {
    const special = world.marketing.Promotion.find((p) => p.kind === 'ITEM_SPECIAL')!;
    const prices = (special.rules as { skuPrices: Record<string, number> }).skuPrices;
    const rows = world.pricing.ItemSpecial;
    expect(rows.map((r) => [r.skuId, r.minor]).sort()).toEqual(
      Object.entries(prices)
        .map(([skuId, minor]) => [skuId, BigInt(minor)])
        .sort(),
    );
    for (const r of rows) {
      expect(r).toMatchObject({
        tenantId: TENANT_ID,
        promotionId: special.id,
        startsAt: special.startsAt,
        endsAt: special.endsAt,
        levelIds: special.levelIds,
        customerIds: special.customerIds,
      });
    }
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
  });

  it('has one active promotion of each kind, valid from a week ago to a month ahead', () => {
    const kinds = world.marketing.Promotion.map((p) => p.kind).sort();
    expect(kinds).toEqual([
      'BUY_N_GET_M',
      'ITEM_SPECIAL',
      'ORDER_AMOUNT_OFF',
      'ORDER_GIFT',
      'ORDER_PERCENT_OFF',
    ]);
    for (const p of world.marketing.Promotion) {
      expect(p.active).toBe(true);
      expect(p.startsAt.getTime()).toBe(NOW.getTime() - 7 * DAY);
      expect(p.endsAt.getTime()).toBe(NOW.getTime() + 30 * DAY);
      expect(p.title).toMatch(/[\u4e00-\u9fa5]/);
      expect(p.titleEn).toMatch(/^[\x20-\x7e¥]+$/);
    }
    expect(world.marketing.Promotion.map((p) => p.badge).sort()).toEqual(
      ['买赠', '满减', '满折', '满赠', '特价'].sort(),
    );
    const promo = byId(world.marketing.Promotion);
    expect(promo.get(PROMOTION_IDS.amountOff)!.rules).toEqual({ thresholdMinor: 30_000, offMinor: 2_000 });
    expect(promo.get(PROMOTION_IDS.percentOff)!.rules).toEqual({ thresholdMinor: 50_000, percentOff: 5 });
    expect(promo.get(PROMOTION_IDS.gift)!.rules).toMatchObject({ thresholdMinor: 20_000, giftQuantity: 6 });
    expect(promo.get(PROMOTION_IDS.buyGet)!.rules).toMatchObject({ buy: 10, get: 1 });
    const targeted = new Set(world.marketing.PromotionTarget.map((t) => t.promotionId));
    expect(targeted.has(PROMOTION_IDS.amountOff)).toBe(false); // no targets: every product
    for (const id of [
      PROMOTION_IDS.itemSpecial,
      PROMOTION_IDS.percentOff,
      PROMOTION_IDS.gift,
      PROMOTION_IDS.buyGet,
    ]) {
      expect(targeted.has(id)).toBe(true);
    }
  });

  it('prices item specials below every level price and keeps them off the first products', () => {
    const b = book(world);
    const firstSkus = new Set(world.catalog.Sku.slice(0, 100).map((s) => s.id));
    expect(b.special.size).toBeGreaterThanOrEqual(10);
    for (const [sku, price] of b.special) {
      expect(firstSkus.has(sku)).toBe(false);
      const unit = world.catalog.Sku.find((s) => s.id === sku)!.baseUnit;
      expect(price).toBeLessThan(b.wholesale.get(`${sku}|${unit}`)!);
      const vip = b.level.get(`${sku}|${LEVEL_IDS.vip}|${unit}`);
      if (vip !== undefined) expect(price).toBeLessThan(vip);
      expect(world.marketing.PromotionTarget.some((t) => t.skuId === sku)).toBe(true);
    }
  });
});

describe('orders', () => {
  it('keeps totals consistent with the lines and lines with the catalog', () => {
    const units = new Map(world.catalog.SaleUnit.map((u) => [`${u.skuId}|${u.name}`, u.factor]));
    const lines = new Map<string, typeof world.orders.OrderLine>();
    for (const l of world.orders.OrderLine) lines.set(l.orderId, [...(lines.get(l.orderId) ?? []), l]);
    for (const o of world.orders.Order) {
      const mine = lines.get(o.id)!;
      expect(mine.length).toBeGreaterThan(0);
      expect(o.totalMinor).toBe(mine.reduce((s, l) => s + l.amountMinor, 0n));
      for (const l of mine) {
        expect(l.amountMinor).toBe(l.unitPriceMinor * BigInt(l.quantity));
        expect(units.get(`${l.skuId}|${l.unit}`)).toBe(l.factor);
        expect(l.quantity).toBeGreaterThan(0);
        expect(['CUSTOMER', 'LAST_SALE', 'LEVEL', 'WHOLESALE', 'SPECIAL']).toContain(l.priceSource);
      }
      expect(o.idempotencyKey).toBeNull();
    }
  });

  it('orders only what the store may see, from active stores', () => {
    const customers = byId(world.crm.Customer);
    const products = byId(world.catalog.Product);
    const skus = byId(world.catalog.Sku);
    const brands = byId(world.catalog.Brand);
    const orders = byId(world.orders.Order);
    const auth = world.catalog.BrandAuthorization;
    for (const l of world.orders.OrderLine) {
      const o = orders.get(l.orderId)!;
      const c = customers.get(o.customerId)!;
      expect(c.status).toBe('ACTIVE');
      const p = products.get(skus.get(l.skuId)!.productId)!;
      expect(p.onShelf).toBe(true);
      if (brands.get(p.brandId)!.restricted) {
        expect(
          auth.some((a) => a.brandId === p.brandId && (a.customerId === c.id || a.levelId === c.levelId)),
        ).toBe(true);
      }
    }
  });

  it('spreads orders over the last 30 days, some today, every status and several channels', () => {
    const times = world.orders.Order.map((o) => o.createdAt.getTime());
    expect(Math.max(...times)).toBeLessThanOrEqual(NOW.getTime());
    expect(Math.min(...times)).toBeGreaterThanOrEqual(NOW.getTime() - 31 * DAY);
    const today = world.orders.Order.filter((o) => o.createdAt.getTime() >= startOfChinaDay(NOW.getTime()));
    expect(today.length).toBeGreaterThanOrEqual(5);
    const statuses = new Map<string, number>();
    for (const o of world.orders.Order) statuses.set(o.status, (statuses.get(o.status) ?? 0) + 1);
    for (const s of [
      'SUBMITTED',
      'APPROVED',
      'PICKING',
      'PACKED',
      'SHIPPED',
      'DELIVERED',
      'CANCELLED',
      'REJECTED',
    ]) {
      expect(statuses.get(s) ?? 0).toBeGreaterThanOrEqual(2);
    }
    expect(statuses.get('COMPLETED')! / world.orders.Order.length).toBeGreaterThan(0.7);
    expect(new Set(world.orders.Order.map((o) => o.channel)).size).toBeGreaterThanOrEqual(3);
    const store001 = world.orders.Order.filter((o) => o.customerId === DEMO_CUSTOMERS.store001.id);
    expect(store001.length).toBeGreaterThanOrEqual(3);
  });

  it('numbers orders by China date and sequence', () => {
    const seqByDay = new Map<string, number[]>();
    for (const o of world.orders.Order) {
      const m = /^SO(\d{8})-(\d{4})$/.exec(o.number)!;
      expect(m).not.toBeNull();
      expect(m[1]).toBe(chinaDate(o.createdAt.getTime()));
      seqByDay.set(m[1]!, [...(seqByDay.get(m[1]!) ?? []), Number(m[2])]);
    }
    for (const seqs of seqByDay.values()) expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    expect(chinaDate(Date.parse('2026-11-24T16:30:00Z'))).toBe('20261125');
  });

  it('has a timeline per order that ends in its status and never in the future', () => {
    const events = new Map<string, typeof world.orders.OrderEvent>();
    for (const e of world.orders.OrderEvent) events.set(e.orderId, [...(events.get(e.orderId) ?? []), e]);
    for (const o of world.orders.Order) {
      const list = events.get(o.id)!;
      expect(list[0]).toMatchObject({ type: 'PLACED', fromStatus: null, toStatus: 'SUBMITTED' });
      expect(list[0]!.createdAt.getTime()).toBe(o.createdAt.getTime());
      expect(list[list.length - 1]!.toStatus).toBe(o.status);
      expect(o.updatedAt.getTime()).toBe(list[list.length - 1]!.createdAt.getTime());
      for (let i = 1; i < list.length; i++) {
        expect(list[i]!.fromStatus).toBe(list[i - 1]!.toStatus);
        expect(list[i]!.createdAt.getTime()).toBeGreaterThanOrEqual(list[i - 1]!.createdAt.getTime());
      }
      expect(o.updatedAt.getTime()).toBeLessThanOrEqual(NOW.getTime());
    }
  });
});

describe('bench scale', () => {
  it('builds 50,000 SKUs and 10,000 stores with the same rules', () => {
    const bench = buildWorld({ scale: 'bench', now: NOW });
    const c = worldCounts(bench);
    expect(c['catalog.Sku']).toBe(50_000);
    expect(c['crm.Customer']).toBe(10_000);
    expect(c['orders.Order']).toBe(SCALES.bench.orders);
    expect(bench.crm.Customer[999]!.code).toBe('store1000');
    expect(bench.crm.Customer[9999]!.code).toBe('store10000');
    const barcodes = bench.catalog.SkuBarcode.map((b) => b.barcode);
    expect(new Set(barcodes).size).toBe(barcodes.length);
    expect(new Set(bench.crm.Customer.map((c) => c.name)).size).toBe(10_000);
    expect(
      bench.pricing.CustomerPrice.filter((p) => p.customerId === 'cus_0001').length,
    ).toBeGreaterThanOrEqual(25);
    // pricing's ItemSpecial projection of the bench item special
    const special = bench.marketing.Promotion.find((p) => p.kind === 'ITEM_SPECIAL')!;
    expect(bench.pricing.ItemSpecial.length).toBe(
      Object.keys((special.rules as { skuPrices: object }).skuPrices).length,
    );
    expect(bench.pricing.ItemSpecial.length).toBeGreaterThan(12);
  }, 60_000);
});

describe('cli arguments', () => {
  it('parses scale, reset and method', () => {
    expect(parseArgs([])).toEqual({ scale: 'demo', reset: false, method: 'sql', help: false });
    expect(parseArgs(['--scale', 'bench', '--reset'])).toMatchObject({ scale: 'bench', reset: true });
    expect(parseArgs(['--scale=demo', '--method=createMany'])).toMatchObject({
      scale: 'demo',
      method: 'createMany',
    });
    expect(() => parseArgs(['--scale', 'huge'])).toThrow(/demo or bench/);
    expect(() => parseArgs(['--nope'])).toThrow(/Unknown argument/);
  });
});
