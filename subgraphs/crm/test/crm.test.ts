import { hashPassword, type RunningServer, startSubgraph } from '@wholesail/platform';
import {
  createTestDatabase,
  graphqlRequest,
  TEST_AUTH_SECRET,
  type TestDatabase,
} from '@wholesail/platform/testing';
import { crm, database } from '../src/service';

let testDb: TestDatabase;
let server: RunningServer;

const LOGIN = `mutation($input: LoginInput!) { login(input: $input) {
  __typename
  ... on LoginSuccess { token viewer { __typename ... on Staff { name roles } ... on CustomerUser { customer { name level { name } } } } }
  ... on InvalidCredentials { message }
  ... on TooManyLoginAttempts { retryAfterSeconds }
  ... on AccountNotActive { message }
} }`;

beforeAll(async () => {
  process.env.AUTH_SECRET = TEST_AUTH_SECRET;
  testDb = await createTestDatabase('crm');
  server = await startSubgraph(crm, { databaseUrl: testDb.url, port: 0, authSecret: TEST_AUTH_SECRET });
  const raw = database.raw();
  const hash = await hashPassword('demo1234');
  for (const t of ['a', 'b']) {
    await raw.tenant.create({ data: { id: `tnt_${t}`, slug: t, name: `Tenant ${t}` } });
    await raw.customerLevel.create({
      data: { id: `lvl_${t}`, tenantId: `tnt_${t}`, code: 'A', name: `级别${t}`, nameEn: 'A' },
    });
    await raw.staff.create({
      data: {
        id: `stf_${t}_boss`,
        tenantId: `tnt_${t}`,
        username: 'boss',
        name: `Boss ${t}`,
        roles: ['BOSS'],
        passwordHash: hash,
      },
    });
    await raw.staff.create({
      data: {
        id: `stf_${t}_rep`,
        tenantId: `tnt_${t}`,
        username: 'rep1',
        name: `Rep ${t}`,
        roles: ['REP'],
        passwordHash: hash,
      },
    });
    for (const n of [1, 2]) {
      await raw.customer.create({
        data: {
          id: `cus_${t}${n}`,
          tenantId: `tnt_${t}`,
          code: `store00${n}`,
          name: `Store ${t}${n}`,
          contactName: 'x',
          phone: '1',
          address: 'x',
          levelId: `lvl_${t}`,
          ownerRepId: n === 1 ? `stf_${t}_rep` : null,
          status: n === 1 ? 'ACTIVE' : 'PENDING',
        },
      });
      await raw.customerUser.create({
        data: {
          id: `cu_${t}${n}`,
          tenantId: `tnt_${t}`,
          customerId: `cus_${t}${n}`,
          username: `store00${n}`,
          name: 'u',
          passwordHash: hash,
        },
      });
    }
  }
}, 60_000);

afterAll(async () => {
  await server?.close();
  await testDb?.drop();
});

describe('login', () => {
  it('returns a token and the staff viewer', async () => {
    const res = await graphqlRequest(server.url, LOGIN, {
      input: { tenant: 'a', username: 'boss', password: 'demo1234' },
    });
    expect(res.data.login.__typename).toBe('LoginSuccess');
    expect(res.data.login.viewer).toEqual({ __typename: 'Staff', name: 'Boss a', roles: ['BOSS'] });
    const me = await graphqlRequest(
      server.url,
      '{ me { __typename ... on Staff { name } } }',
      {},
      { token: res.data.login.token },
    );
    expect(me.data.me).toEqual({ __typename: 'Staff', name: 'Boss a' });
  });

  it('returns a customer user with its customer and level', async () => {
    const res = await graphqlRequest(server.url, LOGIN, {
      input: { tenant: 'b', username: 'store001', password: 'demo1234' },
    });
    expect(res.data.login.viewer).toEqual({
      __typename: 'CustomerUser',
      customer: { name: 'Store b1', level: { name: '级别b' } },
    });
  });

  it('gives the same answer for a wrong password, an unknown user and an unknown tenant', async () => {
    const answers = await Promise.all([
      graphqlRequest(server.url, LOGIN, { input: { tenant: 'a', username: 'rep1', password: 'nope' } }),
      graphqlRequest(server.url, LOGIN, { input: { tenant: 'a', username: 'ghost', password: 'nope' } }),
      graphqlRequest(server.url, LOGIN, { input: { tenant: 'zz', username: 'rep1', password: 'nope' } }),
    ]);
    for (const a of answers) expect(a.data.login).toEqual(answers[0]!.data.login);
    expect(answers[0]!.data.login.__typename).toBe('InvalidCredentials');
  });

  it('refuses a store still pending review', async () => {
    const res = await graphqlRequest(server.url, LOGIN, {
      input: { tenant: 'a', username: 'store002', password: 'demo1234' },
    });
    expect(res.data.login.__typename).toBe('AccountNotActive');
  });

  it('slows repeated failures, even with the right password afterwards', async () => {
    const input = { tenant: 'b', username: 'boss', password: 'wrong' };
    for (let i = 0; i < 5; i++) {
      const r = await graphqlRequest(server.url, LOGIN, { input });
      expect(r.data.login.__typename).toBe('InvalidCredentials');
    }
    const blocked = await graphqlRequest(server.url, LOGIN, { input });
    expect(blocked.data.login.__typename).toBe('InvalidCredentials');
    const right = await graphqlRequest(server.url, LOGIN, { input: { ...input, password: 'demo1234' } });
    expect(right.data.login.__typename).toBe('TooManyLoginAttempts');
    expect(right.data.login.retryAfterSeconds).toBeGreaterThan(0);
  });
});

describe('login throttle under concurrency', () => {
  it('counts every one of many concurrent failures', async () => {
    const input = { tenant: 'a', username: 'office-ghost', password: 'wrong' };
    await Promise.all(Array.from({ length: 12 }, () => graphqlRequest(server.url, LOGIN, { input })));
    const row = await database.raw().loginThrottle.findUnique({ where: { key: 'a:office-ghost' } });
    expect(row?.failures).toBe(12);
    expect(row?.blockedUntil).not.toBeNull();
  });
});

describe('tenant isolation and data scope', () => {
  const bossA = {
    kind: 'staff' as const,
    tenantId: 'tnt_a',
    staffId: 'stf_a_boss',
    roles: ['BOSS' as const],
  };

  it('lists only the caller tenant customers', async () => {
    const res = await graphqlRequest(
      server.url,
      '{ customers(first: 50) { edges { node { id } } } }',
      {},
      { viewer: bossA },
    );
    expect(res.data.customers.edges.map((e: any) => e.node.id).sort()).toEqual(['cus_a1', 'cus_a2']);
  });

  it('never returns another tenant row by id or by entity representation', async () => {
    const byId = await graphqlRequest(server.url, '{ customer(id: "cus_b1") { id } }', {}, { viewer: bossA });
    expect(byId.data.customer).toBeNull();
    const entities = await graphqlRequest(
      server.url,
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { id name } } }',
      {
        r: [
          { __typename: 'Customer', id: 'cus_b1' },
          { __typename: 'Customer', id: 'cus_a1' },
        ],
      },
      { viewer: bossA },
    );
    expect(entities.data._entities).toEqual([null, { id: 'cus_a1', name: 'Store a1' }]);
  });

  it('shows a rep only their own customers', async () => {
    const rep = { kind: 'staff' as const, tenantId: 'tnt_a', staffId: 'stf_a_rep', roles: ['REP' as const] };
    const res = await graphqlRequest(
      server.url,
      '{ customers(first: 50) { edges { node { id } } } }',
      {},
      { viewer: rep },
    );
    expect(res.data.customers.edges.map((e: any) => e.node.id)).toEqual(['cus_a1']);
  });

  it('shows a customer only itself', async () => {
    const customer = {
      kind: 'customer' as const,
      tenantId: 'tnt_a',
      customerId: 'cus_a1',
      customerUserId: 'cu_a1',
    };
    const own = await graphqlRequest(
      server.url,
      '{ customer(id: "cus_a1") { name } }',
      {},
      { viewer: customer },
    );
    expect(own.data.customer.name).toBe('Store a1');
    const other = await graphqlRequest(
      server.url,
      '{ customer(id: "cus_a2") { name } }',
      {},
      { viewer: customer },
    );
    expect(other.data.customer).toBeNull();
  });

  it('refuses anonymous and forged callers', async () => {
    const anon = await graphqlRequest(server.url, '{ customers(first: 5) { edges { node { id } } } }');
    expect(anon.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const forged = await graphqlRequest(
      server.url,
      '{ me { __typename } }',
      {},
      { viewer: bossA, secret: 'another-secret-another-secret-another-secret' },
    );
    expect(forged.status).toBe(401);
    expect(forged.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
