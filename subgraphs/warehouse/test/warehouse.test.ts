import { type RunningServer, startSubgraph } from '@wholesail/platform';
import {
  TEST_AUTH_SECRET as AUTH_SECRET,
  countStatements,
  createTestDatabase,
  gql,
} from '@wholesail/platform/testing';
import { database, warehouse } from '../src/service';

let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
let server: RunningServer;

const bossA = { kind: 'staff' as const, tenantId: 'tnt_a', staffId: 'stf_a_boss', roles: ['BOSS' as const] };
const serviceA = { kind: 'service' as const, tenantId: 'tnt_a', service: 'delivery' };
const customerA = {
  kind: 'customer' as const,
  tenantId: 'tnt_a',
  customerId: 'cus_a1',
  customerUserId: 'cu_a1',
};

const ENTITIES =
  'query($r: [_Any!]!) { _entities(representations: $r) { ... on Warehouse { id code locations { code } } } }';

beforeAll(async () => {
  testDb = await createTestDatabase('warehouse');
  server = await startSubgraph(warehouse, { databaseUrl: testDb.url, port: 0, authSecret: AUTH_SECRET });
  const raw = database.raw();
  for (const t of ['a', 'b']) {
    for (const n of [1, 2]) {
      await raw.warehouse.create({
        data: {
          id: `wh_${t}${n}`,
          tenantId: `tnt_${t}`,
          code: `WH${n}`,
          name: `仓库${t}${n}`,
          nameEn: `Warehouse ${t}${n}`,
        },
      });
      for (const code of ['1-A-02-01-01', '1-A-01-01-01']) {
        const [zone, aisle, rack, level, position] = code.split('-') as [
          string,
          string,
          string,
          string,
          string,
        ];
        await raw.location.create({
          data: {
            tenantId: `tnt_${t}`,
            warehouseId: `wh_${t}${n}`,
            zone,
            aisle,
            rack,
            level,
            position,
            code,
          },
        });
      }
    }
  }
  // Enough warehouses in tenant a to resolve 50 references at once.
  await raw.warehouse.createMany({
    data: Array.from({ length: 48 }, (_, i) => ({
      id: `wh_a_bulk${i}`,
      tenantId: 'tnt_a',
      code: `BULK${String(i).padStart(2, '0')}`,
      name: `批量${i}`,
      nameEn: `Bulk ${i}`,
    })),
  });
  await raw.location.createMany({
    data: Array.from({ length: 48 }, (_, i) => ({
      tenantId: 'tnt_a',
      warehouseId: `wh_a_bulk${i}`,
      zone: '1',
      aisle: 'A',
      rack: '01',
      level: '01',
      position: '01',
      code: '1-A-01-01-01',
    })),
  });
}, 60_000);

afterAll(async () => {
  await server?.close();
  await testDb?.drop();
});

describe('warehouses', () => {
  it('lists only the caller tenant warehouses, with bins in walking order', async () => {
    const res = await gql(server.url, '{ warehouses { id code name locations { code } } }', {}, bossA);
    expect(res.errors).toBeUndefined();
    const small = res.data.warehouses.filter((w: any) => !w.code.startsWith('BULK'));
    expect(small).toEqual([
      {
        id: 'wh_a1',
        code: 'WH1',
        name: '仓库a1',
        locations: [{ code: '1-A-01-01-01' }, { code: '1-A-02-01-01' }],
      },
      {
        id: 'wh_a2',
        code: 'WH2',
        name: '仓库a2',
        locations: [{ code: '1-A-01-01-01' }, { code: '1-A-02-01-01' }],
      },
    ]);
    expect(res.data.warehouses.every((w: any) => w.id.startsWith('wh_a'))).toBe(true);
  });

  it('never returns another tenant warehouse by id or by entity representation', async () => {
    const byId = await gql(server.url, '{ warehouse(id: "wh_b1") { id } }', {}, bossA);
    expect(byId.data.warehouse).toBeNull();
    const own = await gql(server.url, '{ warehouse(id: "wh_a1") { id nameEn } }', {}, bossA);
    expect(own.data.warehouse).toEqual({ id: 'wh_a1', nameEn: 'Warehouse a1' });
    const entities = await gql(
      server.url,
      ENTITIES,
      {
        r: [
          { __typename: 'Warehouse', id: 'wh_b1' },
          { __typename: 'Warehouse', id: 'wh_a2' },
        ],
      },
      serviceA,
    );
    expect(entities.errors).toBeUndefined();
    expect(entities.data._entities).toEqual([
      null,
      { id: 'wh_a2', code: 'WH2', locations: [{ code: '1-A-01-01-01' }, { code: '1-A-02-01-01' }] },
    ]);
  });

  it('resolves 50 references with as many SQL statements as 2', async () => {
    const ids = ['wh_a1', 'wh_a2', ...Array.from({ length: 48 }, (_, i) => `wh_a_bulk${i}`)];
    const rep = (list: string[]) => ({ r: list.map((id) => ({ __typename: 'Warehouse', id })) });
    const two = await countStatements(() => gql(server.url, ENTITIES, rep(ids.slice(0, 2)), bossA));
    const fifty = await countStatements(() => gql(server.url, ENTITIES, rep(ids), bossA));
    expect(fifty.result.errors).toBeUndefined();
    expect(fifty.result.data._entities.map((w: any) => w.id)).toEqual(ids);
    expect(fifty.result.data._entities.every((w: any) => w.locations.length > 0)).toBe(true);
    expect(two.statements).toBeGreaterThan(0);
    expect(fifty.statements).toBe(two.statements);
    expect(fifty.statements).toBeLessThanOrEqual(3);
  });

  it('refuses anonymous callers and customers', async () => {
    for (const viewer of [undefined, customerA]) {
      const list = await gql(server.url, '{ warehouses { id } }', {}, viewer);
      expect(list.data).toBeNull();
      expect(list.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const one = await gql(server.url, '{ warehouse(id: "wh_a1") { id } }', {}, viewer);
      expect(one.data.warehouse).toBeNull();
      expect(one.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const entities = await gql(
        server.url,
        ENTITIES,
        { r: [{ __typename: 'Warehouse', id: 'wh_a1' }] },
        viewer,
      );
      expect(entities.data?._entities?.[0] ?? null).toBeNull();
      expect(entities.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });
});
