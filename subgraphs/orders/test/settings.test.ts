import { type RunningServer, startSubgraph } from '@wholesail/platform';
import { TEST_AUTH_SECRET as AUTH_SECRET, createTestDatabase, gql } from '@wholesail/platform/testing';
import { orders } from '../src/service';

// The ordering rules staff set: review steps, auto approval, windows and minimums, validated as a
// whole (nothing changes when anything is wrong), per tenant.

let testDb: Awaited<ReturnType<typeof createTestDatabase>>;
let server: RunningServer;

const boss = { kind: 'staff' as const, tenantId: 'tnt_a', staffId: 'stf_boss', roles: ['BOSS' as const] };
const rep = { kind: 'staff' as const, tenantId: 'tnt_a', staffId: 'stf_rep', roles: ['REP' as const] };
const bossB = { ...boss, tenantId: 'tnt_b' };

const SETTINGS = `{ orderSettings { reviewSteps autoApproveLevelIds autoApproveBelow { amount } windowStart windowEnd
  timeZone minimumAmount { amount } minimumQuantity routeWindows { routeId windowStart windowEnd }
  levelMinimums { levelId minimumAmount { amount } minimumQuantity } } }`;
const UPDATE = `mutation($input: OrderSettingsInput!) { updateOrderSettings(input: $input) { __typename
  ... on MutationUpdateOrderSettingsSuccess { data { reviewSteps windowStart windowEnd minimumAmount { amount } } }
  ... on ValidationError { problems { field message } } } }`;

beforeAll(async () => {
  testDb = await createTestDatabase('orders-settings');
  server = await startSubgraph(orders, {
    databaseUrl: testDb.url,
    port: 0,
    authSecret: AUTH_SECRET,
    jobs: false,
  });
});

afterAll(async () => {
  await server?.close();
  await testDb?.drop();
});

describe('ordering settings', () => {
  it('start open: one review step, no window, no minimum', async () => {
    const res = await gql(server.url, SETTINGS, {}, boss);
    expect(res.data.orderSettings).toMatchObject({
      reviewSteps: 1,
      autoApproveBelow: null,
      windowStart: null,
      windowEnd: null,
      timeZone: 'Asia/Shanghai',
      minimumAmount: { amount: '0.00' },
      routeWindows: [],
    });
  });

  it('refuse every bad field at once and change nothing', async () => {
    const res = await gql(
      server.url,
      UPDATE,
      {
        input: {
          reviewSteps: 3,
          windowStart: '25:00',
          minimumAmount: '-1',
          minimumQuantity: -2,
          timeZone: 'Mars/Base',
        },
      },
      boss,
    );
    const fields = res.data.updateOrderSettings.problems.map((p: any) => p.field).sort();
    expect(fields).toEqual([
      'minimumAmount',
      'minimumQuantity',
      'reviewSteps',
      'timeZone',
      'windowEnd',
      'windowStart',
    ]);
    expect((await gql(server.url, SETTINGS, {}, boss)).data.orderSettings.reviewSteps).toBe(1);
  });

  it('keep what boss or office set, per tenant; reps may not', async () => {
    const res = await gql(
      server.url,
      UPDATE,
      { input: { reviewSteps: 2, windowStart: '22:00', windowEnd: '05:00', minimumAmount: '300.00' } },
      boss,
    );
    expect(res.data.updateOrderSettings.data).toEqual({
      reviewSteps: 2,
      windowStart: '22:00',
      windowEnd: '05:00',
      minimumAmount: { amount: '300.00' },
    });
    expect((await gql(server.url, SETTINGS, {}, bossB)).data.orderSettings.reviewSteps).toBe(1);
    const denied = await gql(server.url, UPDATE, { input: { reviewSteps: 1 } }, rep);
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const route = await gql(
      server.url,
      `mutation { setRouteOrderingWindow(routeId: "rt_1", windowStart: "03:00", windowEnd: "05:00") { __typename } }`,
      {},
      boss,
    );
    expect(route.data.setRouteOrderingWindow.__typename).toBe('MutationSetRouteOrderingWindowSuccess');
    const level = await gql(
      server.url,
      `mutation { setLevelMinimum(levelId: "lvl_vip", minimumAmount: "1000.00", minimumQuantity: 24) { __typename } }`,
      {},
      boss,
    );
    expect(level.data.setLevelMinimum.__typename).toBe('MutationSetLevelMinimumSuccess');
    const after = (await gql(server.url, SETTINGS, {}, boss)).data.orderSettings;
    expect(after.routeWindows).toEqual([{ routeId: 'rt_1', windowStart: '03:00', windowEnd: '05:00' }]);
    expect(after.levelMinimums).toEqual([
      { levelId: 'lvl_vip', minimumAmount: { amount: '1000.00' }, minimumQuantity: 24 },
    ]);
    const half = await gql(
      server.url,
      `mutation { setRouteOrderingWindow(routeId: "rt_2", windowStart: "03:00") { __typename ... on ValidationError { problems { field } } } }`,
      {},
      boss,
    );
    expect(half.data.setRouteOrderingWindow.problems).toEqual([{ field: 'windowEnd' }]);
  });
});
