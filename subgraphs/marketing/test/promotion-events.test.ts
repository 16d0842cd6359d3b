import { eventTablesSql, type RunningSubgraph, startSubgraph } from '@wholesail/platform';
import { createTestDatabase, gql, TEST_AUTH_SECRET, type TestDatabase } from '@wholesail/platform/testing';
import pg from 'pg';
import { promotionChangedPayload } from '../src/domain/promotion-event';
import { database, marketing } from '../src/service';

// PromotionChanged: every change of a promotion appends it to marketing's outbox in the
// transaction of the change (pricing keeps its item specials from it).

let testDb: TestDatabase;
let server: RunningSubgraph;
let pool: pg.Pool;

const boss = { kind: 'staff' as const, tenantId: 'tnt_a', staffId: 'b1', roles: ['BOSS' as const] };
const rep = { kind: 'staff' as const, tenantId: 'tnt_a', staffId: 'r1', roles: ['REP' as const] };
const DAY = 86_400_000;
const iso = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY).toISOString();

const CREATE = `mutation($i: PromotionInput!) { createPromotion(input: $i) {
  __typename ... on MutationCreatePromotionSuccess { data { id status } }
  ... on ValidationError { problems { field } } } }`;
const UPDATE = `mutation($id: ID!, $i: PromotionInput!) { updatePromotion(id: $id, input: $i) {
  __typename ... on MutationUpdatePromotionSuccess { data { id status } }
  ... on ValidationError { problems { field } } } }`;
const END = `mutation($id: ID!) { endPromotion(id: $id) {
  __typename ... on MutationEndPromotionSuccess { data { id status endsAt } } ... on ValidationError { problems { field } } } }`;

const special = (over: Record<string, unknown> = {}) => ({
  kind: 'ITEM_SPECIAL',
  title: 'VIP 特价',
  startsAt: iso(-1),
  endsAt: iso(10),
  levelIds: ['lvl_vip'],
  customerIds: ['cus_std'],
  flashSale: true,
  specials: [
    { skuId: 'sku_b', price: '2.50' },
    { skuId: 'sku_a', price: '12.34' },
  ],
  ...over,
});

interface Row {
  tenantId: string;
  aggregateType: string;
  aggregateId: string;
  type: string;
  version: number;
  payload: any;
}
async function outbox(): Promise<Row[]> {
  const { rows } = await pool.query(
    `SELECT "tenantId", "aggregateType", "aggregateId", "type", "version", "payload"
     FROM marketing."OutboxEvent" ORDER BY "position"`,
  );
  return rows;
}
const promotionCount = async () =>
  Number((await pool.query(`SELECT count(*) FROM marketing."Promotion"`)).rows[0].count);

beforeAll(async () => {
  testDb = await createTestDatabase('marketingevents');
  pool = new pg.Pool({ connectionString: testDb.url, max: 2 });
  await pool.query(eventTablesSql('crm') + eventTablesSql('pricing') + eventTablesSql('orders'));
  server = await startSubgraph(marketing, { databaseUrl: testDb.url, port: 0, authSecret: TEST_AUTH_SECRET });
  await database.raw().customerProfile.create({
    data: { tenantId: 'tnt_a', customerId: 'cus_std', levelId: 'lvl_std' },
  });
}, 60_000);

afterAll(async () => {
  await server?.close();
  await pool?.end();
  await testDb?.drop();
});

describe('PromotionChanged', () => {
  it('is emitted by create, update and end with the promotion as stored', async () => {
    const created = await gql(server.url, CREATE, { i: special() }, boss);
    expect(created.data.createPromotion.__typename).toBe('MutationCreatePromotionSuccess');
    const id = created.data.createPromotion.data.id;
    let events = await outbox();
    expect(events).toHaveLength(1);
    const stored = await pool.query(`SELECT "startsAt", "endsAt" FROM marketing."Promotion" WHERE id = $1`, [
      id,
    ]);
    expect(events[0]).toEqual({
      tenantId: 'tnt_a',
      aggregateType: 'Promotion',
      aggregateId: id,
      type: 'PromotionChanged',
      version: 1,
      payload: {
        promotionId: id,
        kind: 'ITEM_SPECIAL',
        status: 'RUNNING',
        startsAt: stored.rows[0].startsAt.toISOString(),
        endsAt: stored.rows[0].endsAt.toISOString(),
        levelIds: ['lvl_vip'],
        customerIds: ['cus_std'],
        // fen strings per base unit, by SKU id
        specials: [
          { skuId: 'sku_a', minor: '1234' },
          { skuId: 'sku_b', minor: '250' },
        ],
        flashSale: true,
      },
    });

    const updated = await gql(
      server.url,
      UPDATE,
      {
        id,
        i: special({
          levelIds: [],
          customerIds: [],
          flashSale: false,
          startsAt: iso(2),
          specials: [{ skuId: 'sku_a', price: '11' }],
        }),
      },
      boss,
    );
    expect(updated.data.updatePromotion.data.status).toBe('SCHEDULED');
    events = await outbox();
    expect(events).toHaveLength(2);
    expect(events[1]!.payload).toMatchObject({
      promotionId: id,
      status: 'SCHEDULED',
      levelIds: [],
      customerIds: [],
      specials: [{ skuId: 'sku_a', minor: '1100' }],
      flashSale: false,
    });

    const ended = await gql(server.url, END, { id }, boss);
    expect(ended.data.endPromotion.data.status).toBe('ENDED');
    events = await outbox();
    expect(events).toHaveLength(3);
    expect(events[2]!.payload).toMatchObject({ promotionId: id, status: 'ENDED', kind: 'ITEM_SPECIAL' });
    expect(events[2]!.payload.endsAt).toBe(new Date(ended.data.endPromotion.data.endsAt).toISOString());
  });

  it('carries no specials for other kinds', async () => {
    const before = (await outbox()).length;
    const res = await gql(
      server.url,
      CREATE,
      {
        i: {
          kind: 'ORDER_AMOUNT_OFF',
          title: '满100减10',
          startsAt: iso(-1),
          endsAt: iso(3),
          tiers: [{ threshold: '100', off: '10' }],
        },
      },
      boss,
    );
    const events = await outbox();
    expect(events).toHaveLength(before + 1);
    expect(events.at(-1)!.payload).toMatchObject({
      promotionId: res.data.createPromotion.data.id,
      kind: 'ORDER_AMOUNT_OFF',
      status: 'RUNNING',
      specials: [],
      flashSale: false,
    });
  });

  it('is not emitted for a refused create, update or end', async () => {
    const { data } = (await gql(server.url, CREATE, { i: special() }, boss)).data.createPromotion;
    const before = await outbox();
    const refused = [
      await gql(server.url, CREATE, { i: special({ specials: [{ skuId: 'sku_a', price: '0' }] }) }, boss),
      await gql(server.url, CREATE, { i: special() }, rep),
      await gql(server.url, UPDATE, { id: data.id, i: special({ endsAt: iso(-3) }) }, boss),
      await gql(server.url, UPDATE, { id: data.id, i: { ...special(), kind: 'ORDER_GIFT' } }, boss),
      await gql(server.url, UPDATE, { id: 'nope', i: special() }, boss),
      await gql(server.url, UPDATE, { id: data.id, i: special() }, { ...boss, tenantId: 'tnt_b' }),
      await gql(server.url, END, { id: 'nope' }, boss),
    ];
    for (const res of refused) {
      const answer = res.data ? Object.values(res.data)[0] : null;
      expect(
        res.errors?.[0]?.extensions?.code === 'FORBIDDEN' ||
          (answer as any)?.__typename === 'ValidationError',
      ).toBe(true);
    }
    expect(await outbox()).toEqual(before);
    // ending twice: the second is refused and emits nothing
    await gql(server.url, END, { id: data.id }, boss);
    const afterEnd = await outbox();
    expect(afterEnd).toHaveLength(before.length + 1);
    expect((await gql(server.url, END, { id: data.id }, boss)).data.endPromotion.__typename).toBe(
      'ValidationError',
    );
    expect(await outbox()).toEqual(afterEnd);
  });

  it('commits with the change or not at all', async () => {
    const promotions = await promotionCount();
    const events = (await outbox()).length;
    // the outbox insert fails: the promotion is not stored either
    await pool.query(`ALTER TABLE marketing."OutboxEvent" RENAME TO "OutboxEventOff"`);
    try {
      const res = await gql(server.url, CREATE, { i: special() }, boss);
      expect(res.data?.createPromotion ?? null).toBeNull();
      expect(res.errors).toBeDefined();
    } finally {
      await pool.query(`ALTER TABLE marketing."OutboxEventOff" RENAME TO "OutboxEvent"`);
    }
    expect(await promotionCount()).toBe(promotions);
    expect(await outbox()).toHaveLength(events);
  });
});

describe('promotionChangedPayload', () => {
  const base = {
    id: 'pro_1',
    kind: 'ITEM_SPECIAL' as const,
    active: true,
    startsAt: new Date('2026-12-01T00:00:00Z'),
    endsAt: new Date('2026-12-31T00:00:00Z'),
    levelIds: [],
    customerIds: [],
    rules: { skuPrices: { s1: 250 } },
  };
  it('derives the status from the window and the ended flag', () => {
    expect(promotionChangedPayload(base, new Date('2026-11-30T00:00:00Z')).status).toBe('SCHEDULED');
    expect(promotionChangedPayload(base, new Date('2026-12-05T00:00:00Z')).status).toBe('RUNNING');
    expect(promotionChangedPayload({ ...base, active: false }, new Date('2026-12-05T00:00:00Z')).status).toBe(
      'ENDED',
    );
  });
  it('prices nothing for malformed special rules', () => {
    const p = promotionChangedPayload({ ...base, rules: { skuPrices: { s1: -1 } } }, new Date());
    expect(p.specials).toEqual([]);
  });
});
