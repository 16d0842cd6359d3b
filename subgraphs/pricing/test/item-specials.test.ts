import {
  appendEvents,
  eventTablesSql,
  pgTransactionalDb,
  type RunningSubgraph,
  signGuestToken,
  startSubgraph,
} from '@wholesail/platform';
import {
  createTestDatabase,
  gql,
  graphqlRequest,
  TEST_AUTH_SECRET,
  type TestDatabase,
} from '@wholesail/platform/testing';
import pg from 'pg';
import { bestSpecialFor, itemSpecialRows } from '../src/domain/item-specials';
import { database, pricing } from '../src/service';

// Item specials (特价) as pricing resolves them itself: marketing's PromotionChanged events
// feed the ItemSpecial projection; a customer gets the lowest running special open to its
// level and to it, staff see each customer's own in priceOptions.

let testDb: TestDatabase;
let server: RunningSubgraph;
let pool: pg.Pool;

const customer = (customerId: string, tenantId = 'tnt_a') => ({
  kind: 'customer' as const,
  tenantId,
  customerId,
  customerUserId: `u_${customerId}`,
});
const vip = customer('cus_vip');
const wholesale = customer('cus_whl');
const named = customer('cus_named');
const office = { kind: 'staff' as const, tenantId: 'tnt_a', staffId: 's1', roles: ['OFFICE' as const] };
const units = [
  { name: '瓶', factor: 1 },
  { name: '箱', factor: 24 },
];
const sku = (id: string) => ({ __typename: 'Sku', id, baseUnit: '瓶', units });
const DAY = 86_400_000;
const iso = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY).toISOString();

const PRICE = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Sku { id
  price { amount source original { amount source } } box: price(unit: "箱") { amount source } } } }`;
const OPTIONS = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Sku { id
  vip: priceOptions(customerId: "cus_vip") { source amount applies }
  whl: priceOptions(customerId: "cus_whl") { source amount applies }
  named: priceOptions(customerId: "cus_named") { source amount applies } } } }`;

const asGuest = async (query: string, variables: Record<string, unknown>) =>
  graphqlRequest(server.url, query, variables, { token: await signGuestToken('tnt_a', TEST_AUTH_SECRET) });

async function emit(tenantId: string, payloads: object[], source = 'marketing') {
  await pgTransactionalDb(pool).$transaction((tx) =>
    appendEvents(
      tx,
      source,
      payloads.map((payload: any) => ({
        tenantId,
        aggregateType: 'Promotion',
        aggregateId: payload.promotionId ?? 'x',
        type: 'PromotionChanged',
        payload,
      })),
    ),
  );
  await server.drained();
}

/** A PromotionChanged payload as marketing sends it (version 1). */
const promotion = (
  promotionId: string,
  specials: Record<string, number>,
  over: Record<string, unknown> = {},
) => ({
  promotionId,
  kind: 'ITEM_SPECIAL',
  status: 'RUNNING',
  startsAt: iso(-1),
  endsAt: iso(10),
  levelIds: [],
  customerIds: [],
  specials: Object.entries(specials).map(([skuId, minor]) => ({ skuId, minor: String(minor) })),
  flashSale: false,
  ...over,
});

async function rows(promotionId?: string) {
  const { rows } = await pool.query(
    `SELECT "tenantId", "promotionId", "skuId", "minor"::text AS minor, "levelIds", "customerIds"
     FROM pricing."ItemSpecial" ${promotionId ? 'WHERE "promotionId" = $1' : ''} ORDER BY 1, 2, 3`,
    promotionId ? [promotionId] : [],
  );
  return rows;
}

const prices = async (viewer: any, ids: string[]) =>
  (await gql(server.url, PRICE, { r: ids.map(sku) }, viewer)).data._entities;

beforeAll(async () => {
  testDb = await createTestDatabase('pricingspecials');
  pool = new pg.Pool({ connectionString: testDb.url, max: 2 });
  await pool.query(eventTablesSql('crm') + eventTablesSql('catalog'));
  server = await startSubgraph(pricing, { databaseUrl: testDb.url, port: 0, authSecret: TEST_AUTH_SECRET });
  const raw = database.raw();
  for (const tenantId of ['tnt_a', 'tnt_b']) {
    await raw.customerPriceProfile.createMany({
      data: [
        { tenantId, customerId: 'cus_vip', levelId: 'lvl_vip' },
        { tenantId, customerId: 'cus_whl', levelId: 'lvl_whl' },
        { tenantId, customerId: 'cus_named', levelId: 'lvl_whl' },
      ],
    });
    await raw.skuPrice.createMany({
      data: [
        { tenantId, skuId: 'sku_1', unit: '瓶', wholesaleMinor: 1000n, retailMinor: 1300n },
        { tenantId, skuId: 'sku_2', unit: '瓶', wholesaleMinor: 500n, retailMinor: 650n },
        { tenantId, skuId: 'sku_3', unit: '瓶', wholesaleMinor: 300n, retailMinor: 400n },
      ],
    });
    await raw.levelPrice.createMany({
      data: [
        { tenantId, skuId: 'sku_1', levelId: 'lvl_vip', unit: '瓶', priceMinor: 950n },
        { tenantId, skuId: 'sku_1', levelId: 'lvl_whl', unit: '瓶', priceMinor: 980n },
      ],
    });
  }
  await emit('tnt_a', [
    // VIP level only, on sku_1
    promotion('pro_vip', { sku_1: 800 }, { levelIds: ['lvl_vip'], flashSale: true }),
    // one named customer, on sku_2
    promotion('pro_named', { sku_2: 420 }, { customerIds: ['cus_named'] }),
    // everyone, guests too, on sku_3
    promotion('pro_all', { sku_3: 250 }),
    // starts later: kept, not applied yet
    promotion('pro_future', { sku_1: 100, sku_3: 100 }, { status: 'SCHEDULED', startsAt: iso(2) }),
    // was running when sent, its window has passed since
    promotion('pro_past', { sku_1: 50, sku_3: 50 }, { startsAt: iso(-10), endsAt: iso(-1) }),
    // ended: no rows at all
    promotion('pro_ended', { sku_1: 10 }, { status: 'ENDED' }),
    // another kind: no rows
    { ...promotion('pro_amount', {}), kind: 'ORDER_AMOUNT_OFF' },
  ]);
}, 60_000);

afterAll(async () => {
  await server?.close();
  await pool?.end();
  await testDb?.drop();
});

describe('a special limited to the VIP level', () => {
  it('is what a VIP customer pays, per unit and per box; a wholesale-level customer pays its level price', async () => {
    expect(await prices(vip, ['sku_1'])).toEqual([
      {
        id: 'sku_1',
        price: { amount: '8.00', source: 'SPECIAL', original: { amount: '9.50', source: 'LEVEL' } },
        box: { amount: '192.00', source: 'SPECIAL' },
      },
    ]);
    expect(await prices(wholesale, ['sku_1'])).toEqual([
      {
        id: 'sku_1',
        price: { amount: '9.80', source: 'LEVEL', original: null },
        box: { amount: '235.20', source: 'LEVEL' },
      },
    ]);
    // guests: retail, no level-limited special; staff without a customer: wholesale
    expect((await asGuest(PRICE, { r: [sku('sku_1')] })).data._entities[0].price.source).toBe('RETAIL');
    expect((await prices(office, ['sku_1']))[0].price).toEqual({
      amount: '10.00',
      source: 'WHOLESALE',
      original: null,
    });
  });

  it('is marked as applying in staff priceOptions only for the customer it is for', async () => {
    const res = await gql(server.url, OPTIONS, { r: [sku('sku_1')] }, office);
    expect(res.errors).toBeUndefined();
    expect(res.data._entities[0].vip).toEqual([
      { source: 'LEVEL', amount: '9.50', applies: false },
      { source: 'WHOLESALE', amount: '10.00', applies: false },
      { source: 'RETAIL', amount: '13.00', applies: false },
      { source: 'SPECIAL', amount: '8.00', applies: true },
    ]);
    // the staff viewer would see every special; the wholesale customer gets none of them
    expect(res.data._entities[0].whl).toEqual([
      { source: 'LEVEL', amount: '9.80', applies: true },
      { source: 'WHOLESALE', amount: '10.00', applies: false },
      { source: 'RETAIL', amount: '13.00', applies: false },
    ]);
  });

  it('stays in its tenant', async () => {
    expect((await prices(customer('cus_vip', 'tnt_b'), ['sku_1']))[0].price.source).toBe('LEVEL');
  });
});

describe('a special for a named customer', () => {
  it('applies to that customer only', async () => {
    expect((await prices(named, ['sku_2']))[0]).toEqual({
      id: 'sku_2',
      price: { amount: '4.20', source: 'SPECIAL', original: { amount: '5.00', source: 'WHOLESALE' } },
      box: { amount: '100.80', source: 'SPECIAL' },
    });
    // same level, not named; another level
    expect((await prices(wholesale, ['sku_2']))[0].price.source).toBe('WHOLESALE');
    expect((await prices(vip, ['sku_2']))[0].price.source).toBe('WHOLESALE');
    expect((await asGuest(PRICE, { r: [sku('sku_2')] })).data._entities[0].price.source).toBe('RETAIL');
    const options = (await gql(server.url, OPTIONS, { r: [sku('sku_2')] }, office)).data._entities[0];
    expect(options.named.find((o: any) => o.applies)).toEqual({
      source: 'SPECIAL',
      amount: '4.20',
      applies: true,
    });
    expect(options.whl.find((o: any) => o.applies)).toEqual({
      source: 'WHOLESALE',
      amount: '5.00',
      applies: true,
    });
  });
});

describe('the window', () => {
  it('ignores a special that has not started or has ended', async () => {
    // sku_3: the open special (2.50) applies; the future (1.00) and past (0.50) ones do not
    for (const viewer of [vip, wholesale]) {
      expect((await prices(viewer, ['sku_3']))[0].price).toEqual({
        amount: '2.50',
        source: 'SPECIAL',
        original: { amount: '3.00', source: 'WHOLESALE' },
      });
    }
    expect((await asGuest(PRICE, { r: [sku('sku_3')] })).data._entities[0].price).toEqual({
      amount: '2.50',
      source: 'SPECIAL',
      original: { amount: '4.00', source: 'RETAIL' },
    });
    expect((await prices(vip, ['sku_1']))[0].price.amount).toBe('8.00');
    expect((await prices(wholesale, ['sku_1']))[0].price.source).toBe('LEVEL');
  });
});

describe('the PromotionChanged consumer', () => {
  it('keeps rows for scheduled and running item specials only', async () => {
    expect((await rows()).map((r) => `${r.promotionId}/${r.skuId}/${r.minor}`)).toEqual([
      'pro_all/sku_3/250',
      'pro_future/sku_1/100',
      'pro_future/sku_3/100',
      'pro_named/sku_2/420',
      'pro_past/sku_1/50',
      'pro_past/sku_3/50',
      'pro_vip/sku_1/800',
    ]);
    expect(await rows('pro_vip')).toEqual([
      {
        tenantId: 'tnt_a',
        promotionId: 'pro_vip',
        skuId: 'sku_1',
        minor: '800',
        levelIds: ['lvl_vip'],
        customerIds: [],
      },
    ]);
  });

  it('applies the same event twice as once, replaces a changed promotion and removes an ended one', async () => {
    const before = await rows();
    const again = promotion('pro_vip', { sku_1: 800 }, { levelIds: ['lvl_vip'], flashSale: true });
    await emit('tnt_a', [again]);
    await emit('tnt_a', [again]);
    expect(await rows()).toEqual(before);

    // changed: another price, another SKU, open to every level
    await emit('tnt_a', [promotion('pro_vip', { sku_1: 700, sku_2: 450 })]);
    expect((await rows('pro_vip')).map((r) => `${r.skuId}/${r.minor}/${r.levelIds.length}`)).toEqual([
      'sku_1/700/0',
      'sku_2/450/0',
    ]);
    expect((await prices(wholesale, ['sku_1']))[0].price).toMatchObject({
      amount: '7.00',
      source: 'SPECIAL',
    });

    // a payload it cannot read changes nothing (and does not block the events after it)
    await emit('tnt_a', [{ promotionId: 'pro_vip', kind: 'ITEM_SPECIAL' }]);
    expect(await rows('pro_vip')).toHaveLength(2);

    // ended by staff: its rows go, prices fall back at once
    await emit('tnt_a', [
      promotion('pro_vip', { sku_1: 700, sku_2: 450 }, { status: 'ENDED', endsAt: iso(0) }),
    ]);
    expect(await rows('pro_vip')).toEqual([]);
    expect((await prices(vip, ['sku_1']))[0].price).toMatchObject({ amount: '9.50', source: 'LEVEL' });
    expect((await prices(wholesale, ['sku_1']))[0].price).toMatchObject({ amount: '9.80', source: 'LEVEL' });
    // the other promotions are untouched
    expect(await rows('pro_named')).toHaveLength(1);
    // tenant b never had any
    expect((await rows()).every((r) => r.tenantId === 'tnt_a')).toBe(true);
  });

  it('turns a changed kind or a cancelled promotion into no rows', async () => {
    await emit('tnt_a', [promotion('pro_named', { sku_2: 420 }, { status: 'CANCELLED' })]);
    expect(await rows('pro_named')).toEqual([]);
    await emit('tnt_a', [promotion('pro_named', { sku_2: 420 }, { customerIds: ['cus_named'] })]);
    expect(await rows('pro_named')).toHaveLength(1);
  });
});

describe('the rules', () => {
  const now = new Date('2026-12-10T00:00:00Z');
  const window = { startsAt: new Date('2026-12-01T00:00:00Z'), endsAt: new Date('2026-12-20T00:00:00Z') };
  it('picks the lowest running special open to the audience', () => {
    const specials = [
      { ...window, minor: 300n, levelIds: [], customerIds: [] },
      { ...window, minor: 200n, levelIds: ['lvl_vip'], customerIds: [] },
      { ...window, minor: 100n, levelIds: [], customerIds: ['cus_1'] },
      { ...window, minor: 50n, levelIds: ['lvl_std'], customerIds: ['cus_1'] },
      {
        startsAt: window.endsAt,
        endsAt: new Date('2026-12-30T00:00:00Z'),
        minor: 10n,
        levelIds: [],
        customerIds: [],
      },
    ];
    expect(bestSpecialFor(specials, { customerId: 'cus_1', levelId: 'lvl_vip' }, now)).toBe(100n);
    expect(bestSpecialFor(specials, { customerId: 'cus_1', levelId: 'lvl_std' }, now)).toBe(50n);
    expect(bestSpecialFor(specials, { customerId: 'cus_2', levelId: 'lvl_vip' }, now)).toBe(200n);
    expect(bestSpecialFor(specials, { customerId: null, levelId: null }, now)).toBe(300n);
    // the end is excluded, the start included
    expect(bestSpecialFor(specials, { customerId: null, levelId: null }, window.endsAt)).toBe(10n);
  });
  it('reads a payload into rows, or nothing it does not understand', () => {
    expect(itemSpecialRows({ promotionId: 'p' })).toBeNull();
    expect(
      itemSpecialRows({ ...promotion('p', { s: 1 }), specials: [{ skuId: 's', minor: '1.5' }] }),
    ).toBeNull();
    expect(itemSpecialRows(promotion('p', { s: 0, t: 5 }))?.rows.map((r) => [r.skuId, r.minor])).toEqual([
      ['t', 5n],
    ]);
  });
});
