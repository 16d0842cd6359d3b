import { type RunningServer, startSubgraph } from '@wholesail/platform';
import {
  countStatements,
  createTestDatabase,
  gql,
  TEST_AUTH_SECRET,
  type TestDatabase,
} from '@wholesail/platform/testing';
import { database, pricing } from '../src/service';

let testDb: TestDatabase;
let server: RunningServer;

const vip = { kind: 'customer' as const, tenantId: 'tnt_a', customerId: 'cus_vip', customerUserId: 'u1' };
const plain = { kind: 'customer' as const, tenantId: 'tnt_a', customerId: 'cus_plain', customerUserId: 'u2' };
const office = { kind: 'staff' as const, tenantId: 'tnt_a', staffId: 's1', roles: ['OFFICE' as const] };
const rep = { kind: 'staff' as const, tenantId: 'tnt_a', staffId: 's2', roles: ['REP' as const] };
const units = [
  { name: '瓶', factor: 1 },
  { name: '箱', factor: 24 },
];
const rep_ = (id: string) => ({ __typename: 'Sku', id, baseUnit: '瓶', units });
const PRICES = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Sku { id
  price { amount source unit } box: price(unit: "箱") { amount source } } } }`;

beforeAll(async () => {
  testDb = await createTestDatabase('pricing');
  server = await startSubgraph(pricing, { databaseUrl: testDb.url, port: 0, authSecret: TEST_AUTH_SECRET });
  const raw = database.raw();
  for (const t of ['a', 'b']) {
    const tenantId = `tnt_${t}`;
    const bump = t === 'a' ? 0n : 5n; // tenant b has other prices for the same ids
    await raw.pricingSettings.create({ data: { tenantId, trackLastPrice: true } });
    await raw.customerPriceProfile.createMany({
      data: [
        { tenantId, customerId: 'cus_vip', levelId: 'lvl_vip' },
        { tenantId, customerId: 'cus_plain', levelId: 'lvl_plain' },
      ],
    });
    await raw.skuPrice.createMany({
      data: [
        { tenantId, skuId: 'sku_1', unit: '瓶', wholesaleMinor: 300n + bump, retailMinor: 400n },
        { tenantId, skuId: 'sku_1', unit: '箱', wholesaleMinor: 6800n + bump, retailMinor: 9000n },
        { tenantId, skuId: 'sku_2', unit: '瓶', wholesaleMinor: 500n + bump, retailMinor: 650n },
        { tenantId, skuId: 'sku_3', unit: '瓶', wholesaleMinor: 1000n + bump, retailMinor: 1300n },
      ],
    });
    await raw.levelPrice.createMany({
      data: [
        { tenantId, skuId: 'sku_1', levelId: 'lvl_vip', unit: '瓶', priceMinor: 280n + bump },
        { tenantId, skuId: 'sku_2', levelId: 'lvl_vip', unit: '瓶', priceMinor: 460n + bump },
      ],
    });
    await raw.customerPrice.create({
      data: { tenantId, customerId: 'cus_vip', skuId: 'sku_2', unit: '瓶', priceMinor: 450n + bump },
    });
    await raw.lastSalePrice.create({
      data: {
        tenantId,
        customerId: 'cus_vip',
        skuId: 'sku_3',
        unit: '瓶',
        priceMinor: 950n + bump,
        soldAt: new Date(),
      },
    });
  }
}, 60_000);

afterAll(async () => {
  await server?.close();
  await testDb?.drop();
});

describe('Sku.price through entity resolution', () => {
  it('resolves each source in order for a VIP customer, per unit and per box', async () => {
    const res = await gql(server.url, PRICES, { r: ['sku_1', 'sku_2', 'sku_3'].map(rep_) }, vip);
    expect(res.errors).toBeUndefined();
    expect(res.data._entities).toEqual([
      // level price; no level box price, so the level unit price × 24
      {
        id: 'sku_1',
        price: { amount: '2.80', source: 'LEVEL', unit: '瓶' },
        box: { amount: '67.20', source: 'LEVEL' },
      },
      {
        id: 'sku_2',
        price: { amount: '4.50', source: 'CUSTOMER', unit: '瓶' },
        box: { amount: '108.00', source: 'CUSTOMER' },
      },
      {
        id: 'sku_3',
        price: { amount: '9.50', source: 'LAST_SALE', unit: '瓶' },
        box: { amount: '228.00', source: 'LAST_SALE' },
      },
    ]);
  });

  it('falls back to wholesale, and uses a box price set on its own', async () => {
    const res = await gql(server.url, PRICES, { r: ['sku_1', 'sku_2'].map(rep_) }, plain);
    expect(res.data._entities).toEqual([
      {
        id: 'sku_1',
        price: { amount: '3.00', source: 'WHOLESALE', unit: '瓶' },
        box: { amount: '68.00', source: 'WHOLESALE' },
      },
      {
        id: 'sku_2',
        price: { amount: '5.00', source: 'WHOLESALE', unit: '瓶' },
        box: { amount: '120.00', source: 'WHOLESALE' },
      },
    ]);
  });

  it('shows staff the base wholesale price when no customer is in mind', async () => {
    const res = await gql(server.url, PRICES, { r: [rep_('sku_2')] }, office);
    expect(res.data._entities[0].price).toEqual({ amount: '5.00', source: 'WHOLESALE', unit: '瓶' });
  });

  it('gives staff every option for a customer, and refuses customers', async () => {
    const q = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Sku { priceOptions(customerId: "cus_vip") { source amount } } } }`;
    const res = await gql(server.url, q, { r: [rep_('sku_2')] }, rep);
    expect(res.data._entities[0].priceOptions).toEqual([
      { source: 'CUSTOMER', amount: '4.50' },
      { source: 'LEVEL', amount: '4.60' },
      { source: 'WHOLESALE', amount: '5.00' },
      { source: 'RETAIL', amount: '6.50' },
    ]);
    const refused = await gql(server.url, q, { r: [rep_('sku_2')] }, vip);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('rejects a unit the SKU is not sold in with a typed error', async () => {
    const q = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Sku { price(unit: "吨") { amount } } } }`;
    const res = await gql(server.url, q, { r: [rep_('sku_1')] }, vip);
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('keeps tenants apart', async () => {
    const res = await gql(server.url, PRICES, { r: [rep_('sku_1')] }, { ...vip, tenantId: 'tnt_b' });
    expect(res.data._entities[0].price).toEqual({ amount: '2.85', source: 'LEVEL', unit: '瓶' });
  });

  it('costs the same number of SQL statements for 2 SKUs as for 60', async () => {
    const ids = Array.from({ length: 60 }, (_, i) => `sku_${(i % 3) + 1}_${i}`);
    const two = await countStatements(() => gql(server.url, PRICES, { r: ids.slice(0, 2).map(rep_) }, vip));
    const sixty = await countStatements(() => gql(server.url, PRICES, { r: ids.map(rep_) }, vip));
    expect(sixty.statements).toBe(two.statements);
  });
});
