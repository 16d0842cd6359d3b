import {
  appendEvents,
  eventTablesSql,
  pgTransactionalDb,
  type RunningSubgraph,
  signGuestToken,
  startSubgraph,
} from '@wholesail/platform';
import {
  countStatements,
  createTestDatabase,
  gql,
  graphqlRequest,
  TEST_AUTH_SECRET,
  type TestDatabase,
} from '@wholesail/platform/testing';
import pg from 'pg';
import { database, marketing } from '../src/service';

let testDb: TestDatabase;
let server: RunningSubgraph;
let pool: pg.Pool;

const boss = { kind: 'staff' as const, tenantId: 'tnt_a', staffId: 'b1', roles: ['BOSS' as const] };
const office = { kind: 'staff' as const, tenantId: 'tnt_a', staffId: 'o1', roles: ['OFFICE' as const] };
const rep = { kind: 'staff' as const, tenantId: 'tnt_a', staffId: 'r1', roles: ['REP' as const] };
const shop = (customerId: string, tenantId = 'tnt_a') => ({
  kind: 'customer' as const,
  tenantId,
  customerId,
  customerUserId: `u_${customerId}`,
});
const DAY = 86_400_000;
const iso = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY).toISOString();

const CREATE = `mutation($i: PromotionInput!) { createPromotion(input: $i) {
  __typename ... on MutationCreatePromotionSuccess { data { id kind title titleEn badge badgeEn status levelIds customerIds
    rules targets { productId skuId brandId categoryId } } }
  ... on ValidationError { message code problems { field message } } } }`;
const UPDATE = `mutation($id: ID!, $i: PromotionInput!) { updatePromotion(id: $id, input: $i) {
  __typename ... on MutationUpdatePromotionSuccess { data { id badge status targets { brandId } } }
  ... on ValidationError { problems { field } } } }`;
const END = `mutation($id: ID!) { endPromotion(id: $id) {
  __typename ... on MutationEndPromotionSuccess { data { id status } } ... on ValidationError { problems { field } } } }`;
const PRODUCT_PROMOS = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Product { id promotions { id badge badgeEn } } } }`;
const SPECIAL = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Sku { id
  specialPrice { amount promotionId original { amount } flashSale endsAt badge } } } }`;

const product = (id: string, brandId: string, skuIds: string[], category = 'cat_leaf') => ({
  __typename: 'Product',
  id,
  brand: { id: brandId },
  category:
    category === 'cat_leaf'
      ? { id: category, parent: { id: 'cat_mid', parent: { id: 'cat_top' } } }
      : { id: category, parent: null },
  skus: skuIds.map((s) => ({ id: s })),
});

async function create(input: Record<string, unknown>, viewer: any = boss) {
  return (await gql(server.url, CREATE, { i: input }, viewer)).data?.createPromotion;
}
const amountOff = (over: Record<string, unknown> = {}) => ({
  kind: 'ORDER_AMOUNT_OFF',
  title: '全场满100减10',
  startsAt: iso(-1),
  endsAt: iso(10),
  tiers: [
    { threshold: '100', off: '10' },
    { threshold: '200', off: '25' },
  ],
  ...over,
});
async function promotionCount(tenantId: string) {
  return Number(
    (await pool.query(`SELECT count(*) FROM marketing."Promotion" WHERE "tenantId" = $1`, [tenantId])).rows[0]
      .count,
  );
}
async function emit(source: string, tenantId: string, type: string, aggregateId: string, payload: object) {
  await pgTransactionalDb(pool).$transaction((tx) =>
    appendEvents(tx, source, [
      {
        tenantId,
        aggregateType: type === 'CustomerChanged' ? 'Customer' : 'Sku',
        aggregateId,
        type,
        payload,
      },
    ]),
  );
  await server.drained();
}
const customerChanged = (customerId: string, levelId: string) => ({
  customerId,
  code: customerId,
  name: customerId,
  levelId,
  warehouseId: null,
  routeId: null,
  ownerRepId: null,
  status: 'ACTIVE',
});

beforeAll(async () => {
  testDb = await createTestDatabase('marketingadmin');
  pool = new pg.Pool({ connectionString: testDb.url });
  await pool.query(eventTablesSql('crm') + eventTablesSql('pricing') + eventTablesSql('orders'));
  server = await startSubgraph(marketing, { databaseUrl: testDb.url, port: 0, authSecret: TEST_AUTH_SECRET });
  const raw = database.raw();
  for (const tenantId of ['tnt_a', 'tnt_b']) {
    await raw.customerProfile.createMany({
      data: [
        { tenantId, customerId: 'cus_vip', levelId: 'lvl_vip' },
        { tenantId, customerId: 'cus_std', levelId: 'lvl_std' },
      ],
    });
  }
}, 60_000);

afterAll(async () => {
  await server?.close();
  await pool?.end();
  await testDb?.drop();
});

describe('staff create promotions of each kind', () => {
  it('creates a tiered amount-off with the generated badge', async () => {
    const res = await create(amountOff());
    expect(res.__typename).toBe('MutationCreatePromotionSuccess');
    expect(res.data).toMatchObject({
      kind: 'ORDER_AMOUNT_OFF',
      badge: '满100减10/满200减25',
      badgeEn: '¥10 off over ¥100 / ¥25 off over ¥200',
      status: 'RUNNING',
      rules: {
        tiers: [
          { thresholdMinor: 10_000, offMinor: 1_000 },
          { thresholdMinor: 20_000, offMinor: 2_500 },
        ],
      },
      targets: [],
    });
  });

  it('creates percent-off, gift, buy-get and flash-sale specials with their targets', async () => {
    const pct = await create({
      kind: 'ORDER_PERCENT_OFF',
      title: '饮料9折',
      startsAt: iso(-1),
      endsAt: iso(5),
      tiers: [{ threshold: '0', percentOff: 10 }],
      targets: [{ categoryId: 'cat_mid' }],
      levelIds: ['lvl_vip'],
    });
    expect(pct.data).toMatchObject({
      badge: '9折',
      levelIds: ['lvl_vip'],
      targets: [{ categoryId: 'cat_mid' }],
    });
    const gift = await create({
      kind: 'ORDER_GIFT',
      title: '可乐满200送1箱',
      titleEn: 'Cola: a free case over ¥200',
      startsAt: iso(-1),
      endsAt: iso(5),
      tiers: [{ threshold: '200', giftSkuId: 'sku_gift', giftQuantity: 1, giftUnit: '箱' }],
      targets: [{ brandId: 'brd_cola' }],
    });
    expect(gift.data).toMatchObject({ badge: '满200送1箱', titleEn: 'Cola: a free case over ¥200' });
    const buyGet = await create({
      kind: 'BUY_N_GET_M',
      title: '薯片买10送1',
      startsAt: iso(-1),
      endsAt: iso(5),
      buyGet: { buy: 10, get: 1 },
      targets: [{ productId: 'p_chips', skuId: 'sku_chips' }],
      customerIds: ['cus_std'],
    });
    expect(buyGet.data).toMatchObject({ badge: '买10送1', customerIds: ['cus_std'] });
    const flash = await create({
      kind: 'ITEM_SPECIAL',
      title: '限时抢购',
      startsAt: iso(-1),
      endsAt: iso(1),
      flashSale: true,
      specials: [{ skuId: 'sku_cola', price: '1.80' }],
    });
    expect(flash.data).toMatchObject({
      badge: '限时特价',
      rules: { skuPrices: { sku_cola: 180 }, flashSale: true },
      targets: [{ productId: null, skuId: 'sku_cola', brandId: null, categoryId: null }],
    });
    const later = await create(amountOff({ title: '下周满减', startsAt: iso(3), endsAt: iso(9) }));
    expect(later.data.status).toBe('SCHEDULED');
  });

  it('refuses bad input with typed problems, storing nothing', async () => {
    const before = await promotionCount('tnt_a');
    const cases: [Record<string, unknown>, string][] = [
      [
        amountOff({
          tiers: [
            { threshold: '200', off: '10' },
            { threshold: '100', off: '20' },
          ],
        }),
        'tiers.1.threshold',
      ],
      [amountOff({ endsAt: iso(-2) }), 'endsAt'],
      [
        { ...amountOff(), kind: 'ORDER_PERCENT_OFF', tiers: [{ threshold: '100', percentOff: 100 }] },
        'tiers.0.percentOff',
      ],
      [
        { ...amountOff(), kind: 'ITEM_SPECIAL', tiers: null, specials: [{ skuId: 's1', price: '0' }] },
        'specials.0.price',
      ],
      [
        { ...amountOff(), kind: 'ORDER_GIFT', tiers: [{ threshold: '100', giftQuantity: 2 }] },
        'tiers.0.giftSkuId',
      ],
      [
        {
          ...amountOff(),
          kind: 'ORDER_GIFT',
          tiers: [{ threshold: '100', giftSkuId: 'g', giftQuantity: 0 }],
        },
        'tiers.0.giftQuantity',
      ],
      [amountOff({ customerIds: ['cus_nobody'] }), 'customerIds'],
    ];
    for (const [input, field] of cases) {
      const res = await create(input);
      expect(res.__typename).toBe('ValidationError');
      expect(res.problems.map((p: any) => p.field)).toContain(field);
    }
    for (const viewer of [rep, shop('cus_vip')]) {
      const res = await gql(server.url, CREATE, { i: amountOff() }, viewer);
      expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    expect(await promotionCount('tnt_a')).toBe(before);
  });
});

describe('updating and ending', () => {
  it('replaces rules and targets; refuses another kind, an ended one or bad input without changing it', async () => {
    const { data } = await create(amountOff({ title: '改前' }));
    const changed = await gql(
      server.url,
      UPDATE,
      {
        id: data.id,
        i: amountOff({
          title: '改后',
          tiers: [{ threshold: '50', off: '5' }],
          targets: [{ brandId: 'brd_x' }],
        }),
      },
      office,
    );
    expect(changed.data.updatePromotion.data).toMatchObject({
      badge: '满50减5',
      targets: [{ brandId: 'brd_x' }],
    });
    const bad = await gql(
      server.url,
      UPDATE,
      { id: data.id, i: amountOff({ tiers: [{ threshold: '50', off: '60' }] }) },
      office,
    );
    expect(bad.data.updatePromotion.problems).toEqual([{ field: 'tiers.0.off' }]);
    const kind = await gql(
      server.url,
      UPDATE,
      { id: data.id, i: { ...amountOff(), kind: 'ORDER_PERCENT_OFF' } },
      office,
    );
    expect(kind.data.updatePromotion.problems).toEqual([{ field: 'kind' }]);
    const stored = await pool.query(`SELECT title, rules FROM marketing."Promotion" WHERE id = $1`, [
      data.id,
    ]);
    expect(stored.rows[0]).toEqual({
      title: '改后',
      rules: { tiers: [{ thresholdMinor: 5_000, offMinor: 500 }] },
    });

    const ended = await gql(server.url, END, { id: data.id }, office);
    expect(ended.data.endPromotion.data.status).toBe('ENDED');
    expect((await gql(server.url, END, { id: data.id }, office)).data.endPromotion.problems).toEqual([
      { field: 'id' },
    ]);
    expect(
      (await gql(server.url, UPDATE, { id: data.id, i: amountOff() }, office)).data.updatePromotion.problems,
    ).toEqual([{ field: 'id' }]);
    // another tenant cannot see or end it
    const other = await gql(server.url, END, { id: data.id }, { ...office, tenantId: 'tnt_b' });
    expect(other.data.endPromotion.problems).toEqual([{ field: 'id' }]);
  });

  it('lists promotions for staff by kind, status and title', async () => {
    const q = `query($f: PromotionFilter) { promotions(filter: $f) { title status } }`;
    const running = await gql(
      server.url,
      q,
      { f: { status: ['RUNNING'], kinds: ['ORDER_AMOUNT_OFF'] } },
      rep,
    );
    expect(running.data.promotions.map((p: any) => p.title)).toEqual(['全场满100减10']);
    const scheduled = await gql(server.url, q, { f: { status: ['SCHEDULED'] } }, rep);
    expect(scheduled.data.promotions.map((p: any) => p.title)).toEqual(['下周满减']);
    const ended = await gql(server.url, q, { f: { status: ['ENDED'] } }, rep);
    expect(ended.data.promotions.map((p: any) => p.title)).toEqual(['改后']);
    const search = await gql(server.url, q, { f: { search: '可乐' } }, rep);
    expect(search.data.promotions.map((p: any) => p.title)).toEqual(['可乐满200送1箱']);
    expect((await gql(server.url, q, {}, { ...rep, tenantId: 'tnt_b' })).data.promotions).toEqual([]);
    expect((await gql(server.url, q, {}, shop('cus_vip'))).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('what each viewer sees', () => {
  const cola = product('p_cola', 'brd_cola', ['sku_cola']);
  const chips = product('p_chips', 'brd_lays', ['sku_chips'], 'cat_other');

  const badges = async (viewer: any, products = [cola, chips]) =>
    (await gql(server.url, PRODUCT_PROMOS, { r: products }, viewer)).data._entities.map((e: any) =>
      e.promotions.map((p: any) => p.badge).sort(),
    );

  it('shows running promotions by level, named customer, range and dates', async () => {
    expect(await badges(shop('cus_vip'))).toEqual([
      ['9折', '满100减10/满200减25', '满200送1箱', '限时特价'].sort(),
      ['满100减10/满200减25'],
    ]);
    expect(await badges(shop('cus_std'))).toEqual([
      ['满100减10/满200减25', '满200送1箱', '限时特价'].sort(),
      ['买10送1', '满100减10/满200减25'].sort(),
    ]);
    // a customer crm has not told marketing about: no level, not named
    expect(await badges(shop('cus_new'))).toEqual([
      ['满100减10/满200减25', '满200送1箱', '限时特价'].sort(),
      ['满100减10/满200减25'],
    ]);
    // the other tenant has none of these
    expect(await badges(shop('cus_vip', 'tnt_b'))).toEqual([[], []]);
  });

  it('follows a level change from crm (CustomerChanged)', async () => {
    await emit('crm', 'tnt_a', 'CustomerChanged', 'cus_new', customerChanged('cus_new', 'lvl_vip'));
    expect((await badges(shop('cus_new')))[0]).toContain('9折');
    await emit('crm', 'tnt_a', 'CustomerChanged', 'cus_vip', customerChanged('cus_vip', 'lvl_std'));
    expect((await badges(shop('cus_vip')))[0]).not.toContain('9折');
    // tenant b's cus_vip is still VIP
    const rows = await pool.query(
      `SELECT "tenantId", "levelId" FROM marketing."CustomerProfile" WHERE "customerId" = 'cus_vip' ORDER BY "tenantId"`,
    );
    expect(rows.rows).toEqual([
      { tenantId: 'tnt_a', levelId: 'lvl_std' },
      { tenantId: 'tnt_b', levelId: 'lvl_vip' },
    ]);
  });

  it('gives the flash-sale special with its end and the list price from pricing', async () => {
    const skus = [{ __typename: 'Sku', id: 'sku_cola' }];
    const before = await gql(server.url, SPECIAL, { r: skus }, shop('cus_std'));
    expect(before.data._entities[0].specialPrice).toMatchObject({
      amount: '1.80',
      original: null,
      flashSale: true,
      badge: '限时特价',
    });
    await emit('pricing', 'tnt_a', 'SkuPriceChanged', 'sku_cola', {
      skuId: 'sku_cola',
      wholesaleMinor: '250',
      retailMinor: '300',
    });
    const after = await gql(server.url, SPECIAL, { r: skus }, shop('cus_std'));
    expect(after.data._entities[0].specialPrice.original).toEqual({ amount: '2.50' });
    expect(new Date(after.data._entities[0].specialPrice.endsAt).getTime()).toBeGreaterThan(Date.now());
    const guest = await graphqlRequest(
      server.url,
      SPECIAL,
      { r: skus },
      {
        token: await signGuestToken('tnt_a', TEST_AUTH_SECRET),
      },
    );
    expect(guest.data._entities[0].specialPrice.original).toEqual({ amount: '3.00' }); // guests compare with retail
    const b = await gql(server.url, SPECIAL, { r: skus }, shop('cus_std', 'tnt_b'));
    expect(b.data._entities[0].specialPrice).toBeNull();
  });

  it('costs the same number of SQL statements for 2 products as for 50', async () => {
    const many = Array.from({ length: 50 }, (_, i) =>
      product(`p_${i}`, i % 2 ? 'brd_cola' : 'brd_x', [`s_${i}`]),
    );
    const fewest = async (products: object[]) => {
      let least = Number.POSITIVE_INFINITY;
      for (let i = 0; i < 3; i++)
        least = Math.min(
          least,
          (await countStatements(() => gql(server.url, PRODUCT_PROMOS, { r: products }, shop('cus_std'))))
            .statements,
        );
      return least;
    };
    expect(await fewest(many)).toBe(await fewest(many.slice(0, 2)));
  });
});
