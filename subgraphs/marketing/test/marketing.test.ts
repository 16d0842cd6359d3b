import { eventTablesSql, type RunningServer, startSubgraph } from '@wholesail/platform';
import { createTestDatabase, gql, TEST_AUTH_SECRET, type TestDatabase } from '@wholesail/platform/testing';
import pg from 'pg';
import { database, marketing } from '../src/service';

let testDb: TestDatabase;
let server: RunningServer;

const vip = { kind: 'customer' as const, tenantId: 'tnt_a', customerId: 'cus_vip', customerUserId: 'u1' };
const plain = { kind: 'customer' as const, tenantId: 'tnt_a', customerId: 'cus_plain', customerUserId: 'u2' };
const office = { kind: 'staff' as const, tenantId: 'tnt_a', staffId: 's1', roles: ['OFFICE' as const] };
const product = (id: string, brandId: string, categories: string[], skuIds: string[]) => ({
  __typename: 'Product',
  id,
  brand: { id: brandId },
  category: {
    id: categories[0],
    parent: categories[1]
      ? { id: categories[1], parent: categories[2] ? { id: categories[2], parent: null } : null }
      : null,
  },
  skus: skuIds.map((s) => ({ id: s })),
});
const PROMOS =
  'query($r: [_Any!]!) { _entities(representations: $r) { ... on Product { id promotions { id badge } } } }';

beforeAll(async () => {
  testDb = await createTestDatabase('marketing');
  const admin = new pg.Client({ connectionString: testDb.url });
  await admin.connect();
  // the outboxes the consumers read, if crm or pricing have none yet
  await admin.query(eventTablesSql('crm') + eventTablesSql('pricing') + eventTablesSql('orders'));
  await admin.end();
  server = await startSubgraph(marketing, { databaseUrl: testDb.url, port: 0, authSecret: TEST_AUTH_SECRET });
  const raw = database.raw();
  const now = Date.now();
  const window = { startsAt: new Date(now - 86_400_000), endsAt: new Date(now + 86_400_000) };
  for (const t of ['a', 'b']) {
    const tenantId = `tnt_${t}`;
    await raw.customerProfile.createMany({
      data: [
        { tenantId, customerId: 'cus_vip', levelId: 'lvl_vip' },
        { tenantId, customerId: 'cus_plain', levelId: 'lvl_plain' },
      ],
    });
    const promos = [
      { id: `${t}_all`, kind: 'ORDER_AMOUNT_OFF' as const, badge: '满减', ...window },
      {
        id: `${t}_brand`,
        kind: 'ITEM_SPECIAL' as const,
        badge: '特价',
        rules: { skuPrices: { s1: 199 } },
        ...window,
      },
      {
        id: `${t}_vipspecial`,
        kind: 'ITEM_SPECIAL' as const,
        badge: '特价',
        rules: { skuPrices: { s1: 150, s2: 90 } },
        levelIds: ['lvl_vip'],
        ...window,
      },
      { id: `${t}_cat`, kind: 'BUY_N_GET_M' as const, badge: '买赠', ...window },
      { id: `${t}_vip`, kind: 'ORDER_PERCENT_OFF' as const, badge: '满折', levelIds: ['lvl_vip'], ...window },
      {
        id: `${t}_over`,
        kind: 'ORDER_GIFT' as const,
        badge: '满赠',
        startsAt: new Date(now - 2 * 86_400_000),
        endsAt: new Date(now - 86_400_000),
      },
      { id: `${t}_off`, kind: 'ORDER_GIFT' as const, badge: '满赠', active: false, ...window },
    ];
    for (const p of promos) {
      await raw.promotion.create({
        data: { tenantId, title: p.id, titleEn: p.id, rules: {}, levelIds: [], ...p },
      });
    }
    await raw.promotionTarget.createMany({
      data: [
        { tenantId, promotionId: `${t}_brand`, brandId: 'brd_cola' },
        { tenantId, promotionId: `${t}_cat`, categoryId: 'cat_drinks' },
      ],
    });
  }
}, 60_000);

afterAll(async () => {
  await server?.close();
  await testDb?.drop();
});

describe('Product.promotions', () => {
  const cola = product('p_cola', 'brd_cola', ['cat_soda', 'cat_drinks'], ['s1']);
  const chips = product('p_chips', 'brd_lays', ['cat_chips', 'cat_snacks'], ['s2']);

  it('lists running promotions the product and the viewer qualify for', async () => {
    const res = await gql(server.url, PROMOS, { r: [cola, chips] }, plain);
    expect(res.data._entities).toEqual([
      {
        id: 'p_cola',
        promotions: [
          { id: 'a_all', badge: '满减' },
          { id: 'a_brand', badge: '特价' },
          { id: 'a_cat', badge: '买赠' },
        ],
      },
      { id: 'p_chips', promotions: [{ id: 'a_all', badge: '满减' }] },
    ]);
  });

  it('shows level promotions to that level only; staff see all running ones', async () => {
    const v = await gql(server.url, PROMOS, { r: [chips] }, vip);
    expect(v.data._entities[0].promotions.map((p: any) => p.id)).toEqual(['a_all', 'a_vip', 'a_vipspecial']);
    const s = await gql(server.url, PROMOS, { r: [chips] }, office);
    expect(s.data._entities[0].promotions.map((p: any) => p.id)).toEqual(['a_all', 'a_vip', 'a_vipspecial']);
  });

  it('keeps tenants apart and lists every promotion only for staff', async () => {
    const b = await gql(server.url, PROMOS, { r: [chips] }, { ...plain, tenantId: 'tnt_b' });
    expect(b.data._entities[0].promotions).toEqual([{ id: 'b_all', badge: '满减' }]);
    const list = await gql(server.url, '{ promotions { id } }', {}, office);
    expect(list.data.promotions).toHaveLength(7);
    const refused = await gql(server.url, '{ promotions { id } }', {}, plain);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('Sku.specialPrice', () => {
  const SPECIAL =
    'query($r: [_Any!]!) { _entities(representations: $r) { ... on Sku { id specialPrice { amount minor promotionId } } } }';
  const skus = ['s1', 's2', 's3'].map((id) => ({ __typename: 'Sku', id }));

  it('gives each viewer the lowest special it qualifies for', async () => {
    const p = await gql(server.url, SPECIAL, { r: skus }, plain);
    expect(p.data._entities).toEqual([
      { id: 's1', specialPrice: { amount: '1.99', minor: '199', promotionId: 'a_brand' } },
      { id: 's2', specialPrice: null },
      { id: 's3', specialPrice: null },
    ]);
    const v = await gql(server.url, SPECIAL, { r: skus }, vip);
    expect(v.data._entities.map((e: any) => e.specialPrice?.promotionId ?? null)).toEqual([
      'a_vipspecial',
      'a_vipspecial',
      null,
    ]);
  });
});

describe('Sku.promotions', () => {
  it("applies the product's brand and category chain to each SKU", async () => {
    const q =
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Sku { id promotions { id } } } }';
    const sku = (id: string, brandId: string, category: string, parent: string | null) => ({
      __typename: 'Sku',
      id,
      product: {
        id: `p_${id}`,
        brand: { id: brandId },
        category: { id: category, parent: parent ? { id: parent, parent: null } : null },
      },
    });
    const res = await gql(
      server.url,
      q,
      { r: [sku('s1', 'brd_cola', 'cat_soda', 'cat_drinks'), sku('s8', 'brd_x', 'cat_y', null)] },
      plain,
    );
    expect(res.data._entities.map((e: any) => e.promotions.map((p: any) => p.id))).toEqual([
      ['a_all', 'a_brand', 'a_cat'],
      ['a_all'],
    ]);
  });
});
