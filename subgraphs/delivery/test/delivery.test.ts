import { type RunningServer, startSubgraph } from '@wholesail/platform';
import {
  TEST_AUTH_SECRET as AUTH_SECRET,
  countStatements,
  createTestDatabase,
  gql,
} from '@wholesail/platform/testing';
import { database, delivery } from '../src/service';

let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
let server: RunningServer;

const bossA = { kind: 'staff' as const, tenantId: 'tnt_a', staffId: 'stf_a_boss', roles: ['BOSS' as const] };
const customerA1 = {
  kind: 'customer' as const,
  tenantId: 'tnt_a',
  customerId: 'cus_a1',
  customerUserId: 'cu_a1',
};

const ROUTE_OF = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { id route { id code } } } }`;
const ROUTES = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Route { id code } } }`;
const customers = (ids: string[]) => ({ r: ids.map((id) => ({ __typename: 'Customer', id })) });

beforeAll(async () => {
  testDb = await createTestDatabase('delivery');
  server = await startSubgraph(delivery, { databaseUrl: testDb.url, port: 0, authSecret: AUTH_SECRET });
  const raw = database.raw();
  for (const t of ['a', 'b']) {
    const tenantId = `tnt_${t}`;
    // Route 2 sorts first.
    await raw.route.create({
      data: {
        id: `rt_${t}1`,
        tenantId,
        code: 'R1',
        name: `东线${t}`,
        nameEn: `East ${t}`,
        warehouseId: `wh_${t}`,
        sortOrder: 2,
      },
    });
    await raw.route.create({
      data: {
        id: `rt_${t}2`,
        tenantId,
        code: 'R2',
        name: `西线${t}`,
        nameEn: `West ${t}`,
        warehouseId: `wh_${t}`,
        sortOrder: 1,
      },
    });
    await raw.routeStop.createMany({
      data: [
        { id: `st_${t}1`, tenantId, routeId: `rt_${t}1`, customerId: `cus_${t}1`, position: 2 },
        { id: `st_${t}2`, tenantId, routeId: `rt_${t}1`, customerId: `cus_${t}2`, position: 1 },
        { id: `st_${t}3`, tenantId, routeId: `rt_${t}2`, customerId: `cus_${t}3`, position: 1 },
      ],
    });
    await raw.vehicle.create({
      data: { id: `veh_${t}`, tenantId, plate: `沪A-${t}0001`, name: `Truck ${t}` },
    });
  }
  // 50 customers on a route in tenant a, for batching.
  await raw.routeStop.createMany({
    data: Array.from({ length: 50 }, (_, i) => ({
      tenantId: 'tnt_a',
      routeId: i % 2 ? 'rt_a1' : 'rt_a2',
      customerId: `cus_bulk${i}`,
      position: 10 + i,
    })),
  });
}, 60_000);

afterAll(async () => {
  await server?.close();
  await testDb?.drop();
});

describe('routes and vehicles', () => {
  it('lists the caller tenant routes in sort order with stops in delivery order', async () => {
    const res = await gql(
      server.url,
      '{ routes { id code warehouse { id } stops { id position customer { id } } } vehicles { id plate } }',
      {},
      bossA,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.routes.map((r: any) => r.id)).toEqual(['rt_a2', 'rt_a1']);
    const east = res.data.routes[1];
    expect(east.warehouse).toEqual({ id: 'wh_a' });
    expect(east.stops.slice(0, 2)).toEqual([
      { id: 'st_a2', position: 1, customer: { id: 'cus_a2' } },
      { id: 'st_a1', position: 2, customer: { id: 'cus_a1' } },
    ]);
    expect(res.data.vehicles).toEqual([{ id: 'veh_a', plate: '沪A-a0001' }]);
  });

  it('never returns another tenant route by id or by entity representation', async () => {
    const byId = await gql(server.url, '{ route(id: "rt_b1") { id } }', {}, bossA);
    expect(byId.data.route).toBeNull();
    const entities = await gql(
      server.url,
      ROUTES,
      {
        r: [
          { __typename: 'Route', id: 'rt_b1' },
          { __typename: 'Route', id: 'rt_a1' },
        ],
      },
      bossA,
    );
    expect(entities.data._entities).toEqual([null, { id: 'rt_a1', code: 'R1' }]);
    const routeOf = await gql(server.url, ROUTE_OF, customers(['cus_b1', 'cus_a1']), bossA);
    expect(routeOf.data._entities).toEqual([
      { id: 'cus_b1', route: null },
      { id: 'cus_a1', route: { id: 'rt_a1', code: 'R1' } },
    ]);
  });

  it('shows a customer its own route, not another customer route nor the other stops', async () => {
    const own = await gql(server.url, ROUTE_OF, customers(['cus_a1']), customerA1);
    expect(own.errors).toBeUndefined();
    expect(own.data._entities).toEqual([{ id: 'cus_a1', route: { id: 'rt_a1', code: 'R1' } }]);

    const other = await gql(server.url, ROUTE_OF, customers(['cus_a3']), customerA1);
    expect(other.data._entities).toEqual([{ id: 'cus_a3', route: null }]);
    expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const otherRoute = await gql(
      server.url,
      ROUTES,
      { r: [{ __typename: 'Route', id: 'rt_a2' }] },
      customerA1,
    );
    expect(otherRoute.data._entities).toEqual([null]);

    const stops = await gql(
      server.url,
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { route { stops { id } } } } }',
      customers(['cus_a1']),
      customerA1,
    );
    expect(stops.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const list = await gql(server.url, '{ routes { id } }', {}, customerA1);
    expect(list.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses anonymous callers', async () => {
    for (const query of ['{ routes { id } }', '{ vehicles { id } }', '{ route(id: "rt_a1") { id } }']) {
      const res = await gql(server.url, query);
      expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(Object.values(res.data ?? {}).every((v) => v === null)).toBe(true);
    }
    const routeOf = await gql(server.url, ROUTE_OF, customers(['cus_a1']));
    expect(routeOf.data._entities).toEqual([{ id: 'cus_a1', route: null }]);
    expect(routeOf.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const entities = await gql(server.url, ROUTES, { r: [{ __typename: 'Route', id: 'rt_a1' }] });
    expect(entities.data?._entities?.[0] ?? null).toBeNull();
    expect(entities.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('resolves Customer.route for 50 customers with as many SQL statements as for 2', async () => {
    const ids = Array.from({ length: 50 }, (_, i) => `cus_bulk${i}`);
    const two = await countStatements(() => gql(server.url, ROUTE_OF, customers(ids.slice(0, 2)), bossA));
    const fifty = await countStatements(() => gql(server.url, ROUTE_OF, customers(ids), bossA));
    expect(fifty.result.errors).toBeUndefined();
    expect(fifty.result.data._entities.map((c: any) => c.route.id)).toEqual(
      ids.map((_, i) => (i % 2 ? 'rt_a1' : 'rt_a2')),
    );
    expect(two.statements).toBeGreaterThan(0);
    expect(fifty.statements).toBe(two.statements);
    expect(fifty.statements).toBeLessThanOrEqual(2);
  });
});
