import { type RunningServer, startSubgraph } from '@wholesail/platform';
import { createTestDatabase, gql, TEST_AUTH_SECRET, type TestDatabase } from '@wholesail/platform/testing';
import { changesProjectedFacts, customerInputProblems } from '../src/domain/customer-events';
import { crm, database } from '../src/service';

let testDb: TestDatabase;
let server: RunningServer;

const boss = (t: string) => ({
  kind: 'staff' as const,
  tenantId: `tnt_${t}`,
  staffId: `stf_${t}_boss`,
  roles: ['BOSS' as const],
});
const office = {
  kind: 'staff' as const,
  tenantId: 'tnt_a',
  staffId: 'stf_a_office',
  roles: ['OFFICE' as const],
};
const rep = { kind: 'staff' as const, tenantId: 'tnt_a', staffId: 'stf_a_rep', roles: ['REP' as const] };

const UPDATE = `mutation($id: ID!, $input: UpdateCustomerInput!) { updateCustomer(id: $id, input: $input) {
  __typename
  ... on MutationUpdateCustomerSuccess { data { id name level { code } ownerRep { id } status } }
  ... on ValidationError { message problems { field message } }
} }`;

async function events() {
  return database
    .raw()
    .$queryRawUnsafe<{ type: string; aggregateId: string; payload: any; tenantId: string }[]>(
      `SELECT "type", "aggregateId", "payload", "tenantId" FROM crm."OutboxEvent" ORDER BY "position"`,
    );
}

beforeAll(async () => {
  testDb = await createTestDatabase('crmadmin');
  server = await startSubgraph(crm, { databaseUrl: testDb.url, port: 0, authSecret: TEST_AUTH_SECRET });
  const raw = database.raw();
  for (const t of ['a', 'b']) {
    await raw.tenant.create({ data: { id: `tnt_${t}`, slug: t, name: `Tenant ${t}` } });
    for (const [code, rank] of [
      ['A', 1],
      ['B', 2],
    ] as const)
      await raw.customerLevel.create({
        data: { id: `lvl_${t}_${code}`, tenantId: `tnt_${t}`, code, name: `级别${code}`, nameEn: code, rank },
      });
    await raw.staff.create({
      data: {
        id: `stf_${t}_boss`,
        tenantId: `tnt_${t}`,
        username: 'boss',
        name: 'Boss',
        roles: ['BOSS'],
        passwordHash: 'x',
      },
    });
    await raw.staff.create({
      data: {
        id: `stf_${t}_rep`,
        tenantId: `tnt_${t}`,
        username: 'rep1',
        name: 'Rep',
        roles: ['REP'],
        passwordHash: 'x',
      },
    });
    await raw.customer.create({
      data: {
        id: `cus_${t}1`,
        tenantId: `tnt_${t}`,
        code: 'store001',
        name: `Store ${t}`,
        contactName: 'x',
        phone: '13800000000',
        address: 'x',
        levelId: `lvl_${t}_B`,
      },
    });
  }
  await raw.staff.create({
    data: {
      id: 'stf_a_office',
      tenantId: 'tnt_a',
      username: 'office1',
      name: 'Office',
      roles: ['OFFICE'],
      passwordHash: 'x',
    },
  });
}, 60_000);

afterAll(async () => {
  await server?.close();
  await testDb?.drop();
});

describe('updateCustomer', () => {
  it('changes level and owner rep and emits CustomerChanged in the same transaction', async () => {
    const res = await gql(
      server.url,
      UPDATE,
      { id: 'cus_a1', input: { levelId: 'lvl_a_A', ownerRepId: 'stf_a_rep' } },
      office,
    );
    expect(res.data.updateCustomer).toEqual({
      __typename: 'MutationUpdateCustomerSuccess',
      data: {
        id: 'cus_a1',
        name: 'Store a',
        level: { code: 'A' },
        ownerRep: { id: 'stf_a_rep' },
        status: 'ACTIVE',
      },
    });
    const emitted = await events();
    expect(emitted).toHaveLength(1);
    expect(emitted[0]).toMatchObject({
      type: 'CustomerChanged',
      aggregateId: 'cus_a1',
      tenantId: 'tnt_a',
      payload: {
        customerId: 'cus_a1',
        code: 'store001',
        levelId: 'lvl_a_A',
        ownerRepId: 'stf_a_rep',
        status: 'ACTIVE',
      },
    });
  });

  it('emits nothing for a change no other domain projects', async () => {
    const before = (await events()).length;
    const res = await gql(server.url, UPDATE, { id: 'cus_a1', input: { phone: '13900000000' } }, boss('a'));
    expect(res.data.updateCustomer.__typename).toBe('MutationUpdateCustomerSuccess');
    expect(await events()).toHaveLength(before);
  });

  it('refuses bad input with every problem and changes nothing', async () => {
    const before = await database.raw().customer.findUniqueOrThrow({ where: { id: 'cus_a1' } });
    const count = (await events()).length;
    const res = await gql(
      server.url,
      UPDATE,
      { id: 'cus_a1', input: { name: ' ', levelId: 'lvl_b_A', ownerRepId: 'stf_a_boss', latitude: 99 } },
      boss('a'),
    );
    expect(res.data.updateCustomer.__typename).toBe('ValidationError');
    expect(res.data.updateCustomer.problems.map((p: { field: string }) => p.field).sort()).toEqual([
      'latitude',
      'levelId',
      'name',
      'ownerRepId',
    ]);
    expect(await database.raw().customer.findUniqueOrThrow({ where: { id: 'cus_a1' } })).toEqual(before);
    expect(await events()).toHaveLength(count);
  });

  it('cannot touch another tenant’s customer and is for boss and office only', async () => {
    const other = await gql(server.url, UPDATE, { id: 'cus_b1', input: { name: 'hijack' } }, boss('a'));
    expect(other.data.updateCustomer.__typename).toBe('ValidationError');
    expect((await database.raw().customer.findUniqueOrThrow({ where: { id: 'cus_b1' } })).name).toBe(
      'Store b',
    );
    const denied = await gql(server.url, UPDATE, { id: 'cus_a1', input: { name: 'x' } }, rep);
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('saveCustomerLevel', () => {
  const SAVE = `mutation($id: ID, $input: CustomerLevelInput!) { saveCustomerLevel(id: $id, input: $input) {
    __typename ... on MutationSaveCustomerLevelSuccess { data { id code name rank } }
    ... on ValidationError { problems { field } } } }`;

  it('creates a level with an event, and refuses a code in use', async () => {
    const res = await gql(
      server.url,
      SAVE,
      { input: { code: 'C', name: '普通', nameEn: 'Standard', rank: 3 } },
      boss('a'),
    );
    expect(res.data.saveCustomerLevel.data).toMatchObject({ code: 'C', rank: 3 });
    expect((await events()).at(-1)).toMatchObject({
      type: 'CustomerLevelChanged',
      payload: { code: 'C', rank: 3 },
    });
    const clash = await gql(
      server.url,
      SAVE,
      { input: { code: 'A', name: 'x', nameEn: 'x', rank: 1 } },
      boss('a'),
    );
    expect(clash.data.saveCustomerLevel).toEqual({
      __typename: 'ValidationError',
      problems: [{ field: 'code' }],
    });
    // the same code in another tenant is fine: codes are per tenant
    const b = await gql(
      server.url,
      SAVE,
      { input: { code: 'C', name: 'x', nameEn: 'x', rank: 3 } },
      boss('b'),
    );
    expect(b.data.saveCustomerLevel.__typename).toBe('MutationSaveCustomerLevelSuccess');
  });
});

describe('customer rules', () => {
  it('knows which changes other domains care about', () => {
    const c = {
      id: 'c',
      code: 's',
      name: 'n',
      levelId: 'l',
      warehouseId: null,
      routeId: null,
      ownerRepId: null,
      status: 'ACTIVE',
    };
    expect(changesProjectedFacts(c, { ...c })).toBe(false);
    expect(changesProjectedFacts(c, { ...c, warehouseId: 'w' })).toBe(true);
    expect(customerInputProblems({ phone: 'abc' })).toEqual([
      { field: 'phone', message: expect.any(String) },
    ]);
    expect(customerInputProblems({ name: '好店', phone: '+86 138-0000-0000' })).toEqual([]);
  });
});
