import { type RunningServer, startSubgraph } from '@wholesail/platform';
import {
  TEST_AUTH_SECRET as AUTH_SECRET,
  countStatements,
  createTestDatabase,
  gql,
} from '@wholesail/platform/testing';
import { startOfLocalDay } from '../src/domain/business-day';
import { database, orders } from '../src/service';

let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
let server: RunningServer;

const bossA = { kind: 'staff' as const, tenantId: 'tnt_a', staffId: 'stf_a_boss', roles: ['BOSS' as const] };
const serviceA = { kind: 'service' as const, tenantId: 'tnt_a', service: 'warehouse' };
const customerA1 = {
  kind: 'customer' as const,
  tenantId: 'tnt_a',
  customerId: 'cus_a1',
  customerUserId: 'cu_a1',
};

const ORDER_ENTITIES =
  'query($r: [_Any!]!) { _entities(representations: $r) { ... on Order { id number } } }';
const RECENT = `query($r: [_Any!]!, $limit: Int) { _entities(representations: $r) {
  ... on Customer { id recentOrders(limit: $limit) { id lines { id } } } } }`;
const orderReps = (ids: string[]) => ({ r: ids.map((id) => ({ __typename: 'Order', id })) });
const customerReps = (ids: string[]) => ({ r: ids.map((id) => ({ __typename: 'Customer', id })) });
const ids = (connection: any) => connection.edges.map((e: any) => e.node.id);

const todayStart = startOfLocalDay(new Date());
const today = (ms: number) => new Date(todayStart.getTime() + ms);
const DAY = 24 * 3600 * 1000;

beforeAll(async () => {
  testDb = await createTestDatabase('orders');
  server = await startSubgraph(orders, { databaseUrl: testDb.url, port: 0, authSecret: AUTH_SECRET });
  const raw = database.raw();
  const order = (
    id: string,
    tenant: 'a' | 'b',
    customerId: string,
    createdAt: Date,
    status: any,
    total: bigint,
  ) =>
    raw.order.create({
      data: {
        id,
        tenantId: `tnt_${tenant}`,
        number: `NO-${id}`,
        customerId,
        status,
        channel: 'SELF_SERVICE',
        totalMinor: total,
        placedByKind: 'customer',
        placedById: 'cu',
        createdAt,
      },
    });
  await order('ord_a4', 'a', 'cus_a1', new Date(todayStart.getTime() - 3600 * 1000), 'DELIVERED', 5000n);
  await order('ord_a1', 'a', 'cus_a1', today(1), 'SUBMITTED', 12345n);
  await order('ord_a2', 'a', 'cus_a2', today(2), 'APPROVED', 10000n);
  await order('ord_a3', 'a', 'cus_a1', today(3), 'CANCELLED', 99999n);
  await order('ord_b1', 'b', 'cus_b1', today(1), 'SUBMITTED', 77777n);
  // Another tenant's order that carries a customer id of tenant a: still never visible in a.
  await order('ord_b2', 'b', 'cus_a1', today(4), 'SUBMITTED', 88888n);
  await raw.orderLine.createMany({
    data: [
      {
        id: 'ln_a1_1',
        tenantId: 'tnt_a',
        orderId: 'ord_a1',
        skuId: 'sku_1',
        unit: '箱',
        factor: 24,
        quantity: 2,
        unitPriceMinor: 6000n,
        priceSource: 'LEVEL',
        amountMinor: 12000n,
      },
      {
        id: 'ln_a1_2',
        tenantId: 'tnt_a',
        orderId: 'ord_a1',
        skuId: 'sku_2',
        unit: '瓶',
        factor: 1,
        quantity: 3,
        unitPriceMinor: 115n,
        priceSource: 'CUSTOMER',
        amountMinor: 345n,
      },
      {
        id: 'ln_a1_3',
        tenantId: 'tnt_a',
        orderId: 'ord_a1',
        skuId: 'sku_3',
        unit: '瓶',
        factor: 1,
        quantity: 1,
        unitPriceMinor: 0n,
        priceSource: 'GIFT',
        amountMinor: 0n,
        isGift: true,
      },
    ],
  });
  await raw.orderEvent.createMany({
    data: [
      {
        tenantId: 'tnt_a',
        orderId: 'ord_a1',
        type: 'APPROVED',
        fromStatus: 'SUBMITTED',
        toStatus: 'APPROVED',
        actorKind: 'staff',
        actorId: 'stf_a_boss',
        createdAt: today(20),
      },
      {
        tenantId: 'tnt_a',
        orderId: 'ord_a1',
        type: 'SUBMITTED',
        toStatus: 'SUBMITTED',
        actorKind: 'customer',
        actorId: 'cu_a1',
        createdAt: today(10),
      },
    ],
  });
  // 50 older orders of 25 customers, two lines each, for batching.
  await raw.order.createMany({
    data: Array.from({ length: 50 }, (_, i) => ({
      id: `ord_bulk${i}`,
      tenantId: 'tnt_a',
      number: `BULK-${i}`,
      customerId: `cus_bulk${i % 25}`,
      channel: 'OFFICE' as const,
      totalMinor: 100n,
      placedByKind: 'staff',
      placedById: 'stf_a_boss',
      createdAt: new Date(todayStart.getTime() - 3 * DAY + i * 1000),
    })),
  });
  await raw.orderLine.createMany({
    data: Array.from({ length: 100 }, (_, i) => ({
      tenantId: 'tnt_a',
      orderId: `ord_bulk${i % 50}`,
      skuId: 'sku_1',
      unit: '瓶',
      factor: 1,
      quantity: 1,
      unitPriceMinor: 50n,
      priceSource: 'LEVEL',
      amountMinor: 50n,
    })),
  });
}, 60_000);

afterAll(async () => {
  await server?.close();
  await testDb?.drop();
});

describe('orders of one tenant', () => {
  it('lists the caller tenant orders newest first, page by page', async () => {
    const query = `query($after: String) { orders(first: 3, after: $after) {
      edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }`;
    const first = await gql(server.url, query, {}, bossA);
    expect(first.errors).toBeUndefined();
    expect(ids(first.data.orders)).toEqual(['ord_a3', 'ord_a2', 'ord_a1']);
    expect(first.data.orders.pageInfo.hasNextPage).toBe(true);
    const second = await gql(server.url, query, { after: first.data.orders.pageInfo.endCursor }, bossA);
    expect(ids(second.data.orders)[0]).toBe('ord_a4');
    const all = await gql(server.url, '{ orders(first: 100) { edges { node { id } } } }', {}, bossA);
    expect(all.data.orders.edges).toHaveLength(54);
    expect(ids(all.data.orders).some((id: string) => /^ord_b\d/.test(id))).toBe(false);
  });

  it('filters by status, customer and creation time', async () => {
    const query = 'query($f: OrderFilter) { orders(first: 100, filter: $f) { edges { node { id } } } }';
    const run = async (f: object) => ids((await gql(server.url, query, { f }, bossA)).data.orders);
    expect(await run({ status: ['CANCELLED', 'APPROVED'] })).toEqual(['ord_a3', 'ord_a2']);
    expect(await run({ customerId: 'cus_a1' })).toEqual(['ord_a3', 'ord_a1', 'ord_a4']);
    expect(await run({ from: todayStart.toISOString(), to: today(3).toISOString() })).toEqual([
      'ord_a2',
      'ord_a1',
    ]);
  });

  it('shows an order with its lines, timeline and money', async () => {
    const res = await gql(
      server.url,
      `{ order(id: "ord_a1") { number status channel rush note customer { id } total { amount minor currency }
        lines { id sku { id } unit factor quantity unitPrice { amount } priceSource amount { amount } isGift }
        timeline { type fromStatus toStatus actorKind } } }`,
      {},
      bossA,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.order).toEqual({
      number: 'NO-ord_a1',
      status: 'SUBMITTED',
      channel: 'SELF_SERVICE',
      rush: false,
      note: '',
      customer: { id: 'cus_a1' },
      total: { amount: '123.45', minor: '12345', currency: 'CNY' },
      lines: [
        {
          id: 'ln_a1_1',
          sku: { id: 'sku_1' },
          unit: '箱',
          factor: 24,
          quantity: 2,
          unitPrice: { amount: '60.00' },
          priceSource: 'LEVEL',
          amount: { amount: '120.00' },
          isGift: false,
        },
        {
          id: 'ln_a1_2',
          sku: { id: 'sku_2' },
          unit: '瓶',
          factor: 1,
          quantity: 3,
          unitPrice: { amount: '1.15' },
          priceSource: 'CUSTOMER',
          amount: { amount: '3.45' },
          isGift: false,
        },
        {
          id: 'ln_a1_3',
          sku: { id: 'sku_3' },
          unit: '瓶',
          factor: 1,
          quantity: 1,
          unitPrice: { amount: '0.00' },
          priceSource: 'GIFT',
          amount: { amount: '0.00' },
          isGift: true,
        },
      ],
      timeline: [
        { type: 'SUBMITTED', fromStatus: null, toStatus: 'SUBMITTED', actorKind: 'customer' },
        { type: 'APPROVED', fromStatus: 'SUBMITTED', toStatus: 'APPROVED', actorKind: 'staff' },
      ],
    });
  });

  it('never returns another tenant order by id or by entity representation', async () => {
    for (const id of ['ord_b1', 'ord_b2']) {
      const byId = await gql(server.url, `{ order(id: "${id}") { id } }`, {}, bossA);
      expect(byId.data.order).toBeNull();
    }
    const entities = await gql(
      server.url,
      ORDER_ENTITIES,
      orderReps(['ord_b1', 'ord_a1', 'ord_b2']),
      serviceA,
    );
    expect(entities.errors).toBeUndefined();
    expect(entities.data._entities).toEqual([null, { id: 'ord_a1', number: 'NO-ord_a1' }, null]);
  });

  it('shows a customer only its own orders', async () => {
    const list = await gql(server.url, '{ orders(first: 100) { edges { node { id } } } }', {}, customerA1);
    expect(ids(list.data.orders)).toEqual(['ord_a3', 'ord_a1', 'ord_a4']);
    const asked = await gql(
      server.url,
      '{ orders(first: 100, filter: { customerId: "cus_a2" }) { edges { node { id } } } }',
      {},
      customerA1,
    );
    expect(ids(asked.data.orders)).toEqual([]);
    const other = await gql(server.url, '{ order(id: "ord_a2") { id } }', {}, customerA1);
    expect(other.data.order).toBeNull();
    const own = await gql(server.url, '{ order(id: "ord_a1") { id } }', {}, customerA1);
    expect(own.data.order).toEqual({ id: 'ord_a1' });
    const entities = await gql(server.url, ORDER_ENTITIES, orderReps(['ord_a2', 'ord_a1']), customerA1);
    expect(entities.data._entities).toEqual([null, { id: 'ord_a1', number: 'NO-ord_a1' }]);
  });

  it('counts only today, and neither cancelled nor rejected orders', async () => {
    const res = await gql(
      server.url,
      '{ orderStats { todayCount todayAmount { amount minor } } }',
      {},
      bossA,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.orderStats).toEqual({ todayCount: 2, todayAmount: { amount: '223.45', minor: '22345' } });
    const customer = await gql(server.url, '{ orderStats { todayCount } }', {}, customerA1);
    expect(customer.data).toBeNull();
    expect(customer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses anonymous callers', async () => {
    for (const query of [
      '{ orders(first: 5) { edges { node { id } } } }',
      '{ order(id: "ord_a1") { id } }',
      '{ orderStats { todayCount } }',
    ]) {
      const res = await gql(server.url, query);
      expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(Object.values(res.data ?? {}).every((v) => v === null)).toBe(true);
    }
    const entities = await gql(server.url, ORDER_ENTITIES, orderReps(['ord_a1']));
    expect(entities.data?._entities?.[0] ?? null).toBeNull();
    expect(entities.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const recent = await gql(server.url, RECENT, customerReps(['cus_a1']));
    expect(recent.data?._entities?.[0]?.recentOrders ?? null).toBeNull();
    expect(recent.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('resolves 50 order references with as many SQL statements as 2', async () => {
    const all = Array.from({ length: 50 }, (_, i) => `ord_bulk${i}`);
    const query =
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Order { id lines { id } timeline { id } } } }';
    const two = await countStatements(() => gql(server.url, query, orderReps(all.slice(0, 2)), bossA));
    const fifty = await countStatements(() => gql(server.url, query, orderReps(all), bossA));
    expect(fifty.result.errors).toBeUndefined();
    expect(fifty.result.data._entities.map((o: any) => o.id)).toEqual(all);
    expect(fifty.result.data._entities.every((o: any) => o.lines.length === 2)).toBe(true);
    expect(two.statements).toBeGreaterThan(0);
    expect(fifty.statements).toBe(two.statements);
  });
});

describe('Customer.recentOrders', () => {
  it('gives each customer its latest orders, newest first, within the tenant', async () => {
    const res = await gql(
      server.url,
      RECENT,
      { ...customerReps(['cus_a1', 'cus_a2', 'cus_b1']), limit: 2 },
      bossA,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data._entities.map((c: any) => c.recentOrders.map((o: any) => o.id))).toEqual([
      ['ord_a3', 'ord_a1'],
      ['ord_a2'],
      [],
    ]);
  });

  it('lets a customer see its own recent orders only', async () => {
    const own = await gql(server.url, RECENT, customerReps(['cus_a1']), customerA1);
    expect(own.errors).toBeUndefined();
    expect(own.data._entities[0].recentOrders.map((o: any) => o.id)).toEqual(['ord_a3', 'ord_a1', 'ord_a4']);
    const other = await gql(server.url, RECENT, customerReps(['cus_a2']), customerA1);
    expect(other.data._entities[0]).toBeNull();
    expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('loads 25 customers with as many SQL statements as 2', async () => {
    const customers = Array.from({ length: 25 }, (_, i) => `cus_bulk${i}`);
    const two = await countStatements(() =>
      gql(server.url, RECENT, customerReps(customers.slice(0, 2)), bossA),
    );
    const many = await countStatements(() => gql(server.url, RECENT, customerReps(customers), bossA));
    expect(many.result.errors).toBeUndefined();
    expect(many.result.data._entities.map((c: any) => c.recentOrders.map((o: any) => o.id))).toEqual(
      customers.map((_, i) => [`ord_bulk${i + 25}`, `ord_bulk${i}`]),
    );
    expect(
      many.result.data._entities.every((c: any) => c.recentOrders.every((o: any) => o.lines.length === 2)),
    ).toBe(true);
    expect(many.statements).toBe(two.statements);
  });

  it('stays exact when one customer has more orders than a batch loads', async () => {
    // Tenant c: a busy store with 1000 newer orders and a quiet one with 3 older orders.
    const data = (customerId: string, count: number, start: number) =>
      Array.from({ length: count }, (_, i) => ({
        id: `ord_c_${customerId}_${i}`,
        tenantId: 'tnt_c',
        number: `C-${customerId}-${i}`,
        customerId,
        channel: 'SELF_SERVICE' as const,
        totalMinor: 100n,
        placedByKind: 'customer',
        placedById: 'cu',
        createdAt: new Date(start + i * 1000),
      }));
    await database
      .raw()
      .order.createMany({ data: [...data('busy', 1000, 2 * DAY), ...data('quiet', 3, DAY)] });
    const bossC = { ...bossA, tenantId: 'tnt_c' };
    const res = await gql(server.url, RECENT, { ...customerReps(['busy', 'quiet']), limit: 3 }, bossC);
    expect(res.errors).toBeUndefined();
    expect(res.data._entities.map((c: any) => c.recentOrders.map((o: any) => o.id))).toEqual([
      ['ord_c_busy_999', 'ord_c_busy_998', 'ord_c_busy_997'],
      ['ord_c_quiet_2', 'ord_c_quiet_1', 'ord_c_quiet_0'],
    ]);
  });
});
