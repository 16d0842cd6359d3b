import { eventTablesSql, type RunningSubgraph, signGuestToken, startSubgraph } from '@wholesail/platform';
import {
  countStatements,
  createTestDatabase,
  gql,
  graphqlRequest,
  TEST_AUTH_SECRET,
  type TestDatabase,
} from '@wholesail/platform/testing';
import pg from 'pg';
import { catalog, database } from '../src/service';
import { seedCatalog, viewers } from './fixture';

let testDb: TestDatabase;
let server: RunningSubgraph;
let pool: pg.Pool;
const { plain, vip, office, boss } = viewers();

beforeAll(async () => {
  testDb = await createTestDatabase('cataloghome');
  pool = new pg.Pool({ connectionString: testDb.url });
  for (const source of ['crm', 'inventory', 'pricing', 'orders']) await pool.query(eventTablesSql(source));
  // no consumers here: their polling would add statements to the counts below
  server = await startSubgraph(catalog, {
    databaseUrl: testDb.url,
    port: 0,
    authSecret: TEST_AUTH_SECRET,
    consumers: false,
  });
  await seedCatalog(database.raw(), 'a');
  await seedCatalog(database.raw(), 'b');
}, 60_000);

afterAll(async () => {
  await server?.close();
  await pool?.end();
  await testDb?.drop();
});

const HOME = `{ homeLayout {
  banners { imageUrl title link { kind targetId url } }
  navButtons { label icon link { kind targetId url } }
  notice { text startsAt endsAt active }
  zones { kind title titleEn enabled display limit products { id } } } }`;
const home = async (viewer: any) => {
  const res = await gql(server.url, HOME, {}, viewer);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data.homeLayout;
};
const zoneProducts = (layout: any) =>
  Object.fromEntries(layout.zones.map((z: any) => [z.kind, z.products.map((p: any) => p.id.slice(2))]));

const UPDATE = `mutation($i: UpdateHomeLayoutInput!) { updateHomeLayout(input: $i) { __typename
  ... on ValidationError { code problems { field message } }
  ... on MutationUpdateHomeLayoutSuccess { data { zones { kind } } } } }`;

describe('home layout', () => {
  it('starts with the five zones filled by their rules, for the viewer', async () => {
    const layout = await home(plain);
    expect(layout.banners).toEqual([]);
    expect(layout.notice).toBeNull();
    expect(layout.zones.map((z: any) => [z.kind, z.title, z.enabled, z.display, z.limit])).toEqual([
      ['NEW', '新品上架', true, 'GRID', 10],
      ['RECOMMENDED', '为您推荐', true, 'GRID', 10],
      ['PROMOTION', '促销专区', true, 'GRID', 10],
      ['HOT', '热销爆款', true, 'GRID', 10],
      ['CLEARANCE', '清仓特卖', true, 'GRID', 10],
    ]);
    // NEW: tagged new, newest first; HOT: tagged hot, best-selling first; CLEARANCE: tagged clearance
    expect(zoneProducts(layout)).toEqual({
      NEW: ['zero'],
      RECOMMENDED: [],
      PROMOTION: [],
      HOT: ['pepsi', 'cola'],
      CLEARANCE: ['water'],
    });
    expect(zoneProducts(await home(vip)).NEW).toEqual(['moutai', 'zero']);
    expect(zoneProducts(await home(office)).HOT).toEqual(['pepsi', 'cola', 'off']);
  });

  it('lets boss and office edit it, pinned products first, visibility applied', async () => {
    const res = await gql(
      server.url,
      UPDATE,
      {
        i: {
          banners: [
            {
              imageUrl: '/img/moutai.png',
              title: '茅台专供',
              link: { kind: 'PRODUCT', targetId: 'a_moutai' },
            },
            {
              imageUrl: 'https://cdn.example.com/summer.png',
              title: '夏日',
              link: { kind: 'URL', url: '/promotions' },
            },
            { imageUrl: '/img/drinks.png', link: { kind: 'CATEGORY', targetId: 'a_drink' } },
          ],
          navButtons: [
            { label: '饮料', icon: '/icons/drink.svg', link: { kind: 'CATEGORY', targetId: 'a_drink' } },
            { label: '茅台', icon: '/icons/moutai.svg', link: { kind: 'BRAND', targetId: 'a_moutai' } },
          ],
          notice: {
            text: '今日下单明日达',
            startsAt: '2020-01-01T00:00:00Z',
            endsAt: '2099-01-01T00:00:00Z',
          },
          zones: [
            {
              kind: 'RECOMMENDED',
              productIds: ['a_moutai', 'a_pepsi', 'a_off', 'a_cola'],
              limit: 2,
              display: 'CAROUSEL',
            },
            { kind: 'NEW', productIds: ['a_water'], title: '新品', titleEn: 'New' },
            { kind: 'HOT', enabled: false },
          ],
        },
      },
      office,
    );
    expect(res.data.updateHomeLayout.__typename).toBe('MutationUpdateHomeLayoutSuccess');
    expect(res.data.updateHomeLayout.data.zones.map((z: any) => z.kind)).toEqual([
      'RECOMMENDED',
      'NEW',
      'HOT',
      'PROMOTION',
      'CLEARANCE',
    ]);

    const customer = await home(plain);
    expect(customer.banners.map((b: any) => b.title)).toEqual(['夏日', '']);
    expect(customer.navButtons.map((b: any) => b.label)).toEqual(['饮料']);
    expect(customer.notice).toMatchObject({ text: '今日下单明日达', active: true });
    expect(customer.zones.map((z: any) => z.kind)).toEqual(['RECOMMENDED', 'NEW', 'PROMOTION', 'CLEARANCE']);
    expect(zoneProducts(customer)).toEqual({
      RECOMMENDED: ['pepsi', 'cola'],
      NEW: ['water', 'zero'],
      PROMOTION: [],
      CLEARANCE: ['water'],
    });
    expect(customer.zones[1]).toMatchObject({ title: '新品', titleEn: 'New' });

    const own = await home(vip);
    expect(own.banners.map((b: any) => b.title)).toEqual(['茅台专供', '夏日', '']);
    expect(zoneProducts(own).RECOMMENDED).toEqual(['moutai', 'pepsi']);

    const staff = await gql(
      server.url,
      '{ homeLayout { zones { kind enabled pinnedProductIds products(first: 3) { id } } } }',
      {},
      boss,
    );
    expect(staff.data.homeLayout.zones).toEqual([
      {
        kind: 'RECOMMENDED',
        enabled: true,
        pinnedProductIds: ['a_moutai', 'a_pepsi', 'a_off', 'a_cola'],
        products: [{ id: 'a_moutai' }, { id: 'a_pepsi' }],
      },
      {
        kind: 'NEW',
        enabled: true,
        pinnedProductIds: ['a_water'],
        products: [{ id: 'a_water' }, { id: 'a_moutai' }, { id: 'a_zero' }],
      },
      {
        kind: 'HOT',
        enabled: false,
        pinnedProductIds: [],
        products: [{ id: 'a_pepsi' }, { id: 'a_cola' }, { id: 'a_off' }],
      },
      { kind: 'PROMOTION', enabled: true, pinnedProductIds: [], products: [] },
      { kind: 'CLEARANCE', enabled: true, pinnedProductIds: [], products: [{ id: 'a_water' }] },
    ]);
    const forbidden = await gql(server.url, '{ homeLayout { zones { pinnedProductIds } } }', {}, plain);
    expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('shows a notice outside its window to staff only', async () => {
    await gql(
      server.url,
      UPDATE,
      { i: { notice: { text: '春节放假', startsAt: '2099-01-01T00:00:00Z' } } },
      office,
    );
    expect((await home(plain)).notice).toBeNull();
    expect((await home(office)).notice).toMatchObject({ text: '春节放假', active: false });
    await gql(server.url, UPDATE, { i: { notice: null } }, office);
    expect((await home(office)).notice).toBeNull();
  });

  it('refuses a bad layout as a whole and keeps the stored one', async () => {
    const stored = async () =>
      (await pool.query(`SELECT "layout" FROM catalog."HomeLayout" ORDER BY "tenantId"`)).rows;
    const before = await stored();
    const cases: [object, string[]][] = [
      [{ zones: [{ kind: 'HOT', limit: 0 }] }, ['zones.0.limit']],
      [{ zones: [{ kind: 'HOT', limit: 51 }, { kind: 'HOT' }] }, ['zones.0.limit', 'zones.1.kind']],
      [
        { zones: [{ kind: 'NEW', title: ' ', productIds: ['a_cola', 'a_cola'] }] },
        ['zones.0.title', 'zones.0.productIds.1'],
      ],
      [
        { zones: [{ kind: 'NEW', productIds: ['b_cola', 'nope'] }] },
        ['zones.0.productIds.0', 'zones.0.productIds.1'],
      ],
      [
        { banners: [{ imageUrl: 'x', link: { kind: 'PRODUCT' } }] },
        ['banners.0.imageUrl', 'banners.0.link.targetId'],
      ],
      [
        { banners: [{ imageUrl: '/a.png', link: { kind: 'BRAND', targetId: 'b_coke' } }] },
        ['banners.0.link.targetId'],
      ],
      [
        { banners: [{ imageUrl: '/a.png', link: { kind: 'URL', url: 'javascript:x' } }] },
        ['banners.0.link.url'],
      ],
      [{ navButtons: [{ label: '', icon: '' }] }, ['navButtons.0.label', 'navButtons.0.icon']],
      [
        { notice: { text: '通知', startsAt: '2026-02-01T00:00:00Z', endsAt: '2026-01-01T00:00:00Z' } },
        ['notice.endsAt'],
      ],
    ];
    for (const [i, fields] of cases) {
      const res = await gql(server.url, UPDATE, { i }, boss);
      expect(res.data.updateHomeLayout.__typename).toBe('ValidationError');
      expect(res.data.updateHomeLayout.problems.map((p: any) => p.field)).toEqual(fields);
      expect(await stored()).toEqual(before);
    }
  });

  it('serves guests and keeps tenants apart', async () => {
    const token = await signGuestToken('tnt_a', TEST_AUTH_SECRET);
    const guest = await graphqlRequest(server.url, HOME, {}, { token });
    expect(zoneProducts(guest.data.homeLayout).RECOMMENDED).toEqual(['pepsi', 'cola']);
    const other = await home(viewers('tnt_b').office);
    expect(other.banners).toEqual([]);
    expect(zoneProducts(other).RECOMMENDED).toEqual([]);
  });

  it('costs a constant number of statements whatever the zone sizes', async () => {
    const q =
      '{ homeLayout { zones { products { id name brand { name } skus { code units { name factor } } } } } }';
    await gql(server.url, UPDATE, { i: { zones: [{ kind: 'PROMOTION', productIds: ['a_cola'] }] } }, office);
    const small = await countStatements(() => gql(server.url, q, {}, vip));
    await gql(
      server.url,
      UPDATE,
      { i: { zones: [{ kind: 'PROMOTION', productIds: ['a_cola', 'a_zero', 'a_pepsi', 'a_water'] }] } },
      office,
    );
    const large = await countStatements(() => gql(server.url, q, {}, vip));
    expect(large.statements).toBe(small.statements);
  });
});
