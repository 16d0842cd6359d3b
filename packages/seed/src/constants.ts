/**
 * The fixed facts of the demo tenant, for the generator and for tests that log in as someone
 * or look something up. Ids are readable and stable across runs and scales.
 */
import type { StaffRole } from '@wholesail/platform';

export const TENANT_ID = 'tnt_demo';
export const TENANT_SLUG = 'demo';
export const TENANT_NAME = '鑫盛商贸';
export const TENANT_NAME_EN = 'Xinsheng Trading';

/** The password of every seeded login, staff and customer users alike. */
export const DEMO_PASSWORD = 'demo1234';

export type Scale = 'demo' | 'bench';

export interface ScaleConfig {
  customers: number;
  skus: number;
  orders: number;
  /** cap on customer-specific prices per customer (see world.ts, customer prices) */
  maxCustomerPricesPerCustomer: number;
  /**
   * Share of the SKUs of a customer's usual brands that get a customer price. Unset: a random
   * 8-12% per customer (demo). bench: exactly 10% (the benchmark's data, docs/benchmarks.md).
   */
  customerPriceShare?: number;
}

export const SCALES: Record<Scale, ScaleConfig> = {
  demo: { customers: 200, skus: 1_000, orders: 300, maxCustomerPricesPerCustomer: 60 },
  bench: {
    customers: 10_000,
    skus: 50_000,
    orders: 15_000,
    maxCustomerPricesPerCustomer: Number.POSITIVE_INFINITY,
    customerPriceShare: 0.1,
  },
};

export function isScale(value: string): value is Scale {
  return value === 'demo' || value === 'bench';
}

export const LEVEL_IDS = { vip: 'lvl_vip', wholesale: 'lvl_wholesale', retail: 'lvl_retail' } as const;

export interface StaffDef {
  id: string;
  username: string;
  name: string;
  roles: StaffRole[];
}

export const STAFF: readonly StaffDef[] = [
  { id: 'stf_boss', username: 'boss', name: '陈鑫盛', roles: ['BOSS'] },
  { id: 'stf_office1', username: 'office1', name: '王丽', roles: ['OFFICE'] },
  { id: 'stf_office2', username: 'office2', name: '李娜', roles: ['OFFICE'] },
  { id: 'stf_rep1', username: 'rep1', name: '张伟', roles: ['REP', 'STORE_MANAGER'] },
  { id: 'stf_rep2', username: 'rep2', name: '刘强', roles: ['REP'] },
  { id: 'stf_rep3', username: 'rep3', name: '赵磊', roles: ['REP'] },
  { id: 'stf_picker1', username: 'picker1', name: '孙浩', roles: ['PICKER'] },
  { id: 'stf_picker2', username: 'picker2', name: '周杰', roles: ['PICKER'] },
  { id: 'stf_driver1', username: 'driver1', name: '吴刚', roles: ['DRIVER'] },
  { id: 'stf_driver2', username: 'driver2', name: '郑军', roles: ['DRIVER'] },
  { id: 'stf_finance1', username: 'finance1', name: '钱芳', roles: ['FINANCE'] },
];

export const STAFF_IDS = {
  boss: 'stf_boss',
  office1: 'stf_office1',
  office2: 'stf_office2',
  rep1: 'stf_rep1',
  rep2: 'stf_rep2',
  rep3: 'stf_rep3',
  picker1: 'stf_picker1',
  picker2: 'stf_picker2',
  driver1: 'stf_driver1',
  driver2: 'stf_driver2',
  finance1: 'stf_finance1',
} as const;

export const WAREHOUSE_IDS = { main: 'wh_main', north: 'wh_north' } as const;
export const ROUTE_IDS = { east: 'rt_east', west: 'rt_west', north: 'rt_north' } as const;

/** Customer number n (1-based): id, store code / login, and its login's id. */
export const customerId = (n: number): string => `cus_${String(n).padStart(4, '0')}`;
export const customerCode = (n: number): string => `store${String(n).padStart(3, '0')}`;
export const customerUserId = (n: number): string => `cu_${String(n).padStart(4, '0')}`;
export const productId = (n: number): string => `prd_${String(n).padStart(5, '0')}`;
export const skuId = (n: number): string => `sku_${String(n).padStart(5, '0')}`;

/** The three customers tests lean on; each is on its own route. */
export const DEMO_CUSTOMERS = {
  /** VIP, east route (main warehouse), authorised for the restricted brand Moutai, has customer prices */
  store001: {
    id: 'cus_0001',
    userId: 'cu_0001',
    username: 'store001',
    levelId: LEVEL_IDS.vip,
    routeId: ROUTE_IDS.east,
    warehouseId: WAREHOUSE_IDS.main,
  },
  /** Wholesale level, west route (main warehouse), authorised for no restricted brand */
  store002: {
    id: 'cus_0002',
    userId: 'cu_0002',
    username: 'store002',
    levelId: LEVEL_IDS.wholesale,
    routeId: ROUTE_IDS.west,
    warehouseId: WAREHOUSE_IDS.main,
  },
  /** Standard level (no level prices), north route (north warehouse), authorised for Wuliangye */
  store003: {
    id: 'cus_0003',
    userId: 'cu_0003',
    username: 'store003',
    levelId: LEVEL_IDS.retail,
    routeId: ROUTE_IDS.north,
    warehouseId: WAREHOUSE_IDS.north,
  },
} as const;

/**
 * The two restricted brands: store001 may see Moutai (by name, and so may every VIP through a
 * level authorisation); Wuliangye is authorised for a few named customers, never store001/002.
 */
export const RESTRICTED_BRAND_IDS = { moutai: 'brd_moutai', wuliangye: 'brd_wuliangye' } as const;

export const PROMOTION_IDS = {
  itemSpecial: 'promo_special',
  amountOff: 'promo_amount_off',
  percentOff: 'promo_percent_off',
  gift: 'promo_gift',
  buyGet: 'promo_buy_get',
} as const;

/** The eight subgraph schemas, in the order their data is written. */
export const SUBGRAPHS = [
  'crm',
  'warehouse',
  'delivery',
  'catalog',
  'pricing',
  'marketing',
  'inventory',
  'orders',
] as const;
export type SubgraphName = (typeof SUBGRAPHS)[number];
