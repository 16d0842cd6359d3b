import { appendEvents, callInternal, type RunningSubgraph, startSubgraph } from '@wholesail/platform';
import { createTestDatabase, gql, TEST_AUTH_SECRET, type TestDatabase } from '@wholesail/platform/testing';
import { availableOf, invoice, moneyIn, statementTotals } from '../src/domain/credit';
import { crm, database } from '../src/service';

let testDb: TestDatabase;
let server: RunningSubgraph;

const T = 'tnt_m';
const staff = (id: string, roles: string[]) => ({
  kind: 'staff' as const,
  tenantId: T,
  staffId: id,
  roles: roles as never,
});
const boss = staff('stf_boss', ['BOSS']);
const finance = staff('stf_fin', ['FINANCE']);
const office = staff('stf_office', ['OFFICE']);
const rep1 = staff('stf_rep1', ['REP']);
const rep2 = staff('stf_rep2', ['REP']);
const manager = staff('stf_mgr', ['REP', 'STORE_MANAGER']);
const store = (customerId: string) => ({
  kind: 'customer' as const,
  tenantId: T,
  customerId,
  customerUserId: `usr_${customerId}`,
});

const call = <O = any>(command: string, input: unknown) =>
  callInternal<O>(server.url, command, input, {
    service: 'orders',
    tenantId: T,
    authSecret: TEST_AUTH_SECRET,
  });

const raw = () => database.raw();

async function entries(where: Record<string, unknown> = {}) {
  return raw().creditLedgerEntry.findMany({ where: { tenantId: T, ...where }, orderBy: { seq: 'asc' } });
}

async function account(customerId: string) {
  return raw().creditAccount.findUniqueOrThrow({ where: { customerId } });
}

/** The cached balances equal the ledger's sums, for every account of the tenant. */
async function expectBalancesMatchLedger() {
  const accounts = await raw().creditAccount.findMany({ where: { tenantId: T } });
  for (const a of accounts) {
    const s = await raw().creditLedgerEntry.aggregate({
      where: { tenantId: T, customerId: a.customerId },
      _sum: { receivableMinor: true, openOrdersMinor: true, prepaidMinor: true },
    });
    expect({ c: a.customerId, r: a.receivableMinor, o: a.openOrdersMinor, p: a.prepaidMinor }).toEqual({
      c: a.customerId,
      r: s._sum.receivableMinor ?? 0n,
      o: s._sum.openOrdersMinor ?? 0n,
      p: s._sum.prepaidMinor ?? 0n,
    });
    expect(a.receivableMinor >= 0n && a.openOrdersMinor >= 0n && a.prepaidMinor >= 0n).toBe(true);
  }
}

async function orderEvent(type: string, orderId: string, payload: Record<string, unknown>, version = 1) {
  await raw().$transaction((tx) =>
    appendEvents(tx, 'orders', [
      {
        tenantId: T,
        aggregateType: 'Order',
        aggregateId: orderId,
        type,
        version,
        payload: { orderId, ...payload },
      },
    ]),
  );
  await server.drained(15_000);
}

async function customer(id: string, ownerRepId: string | null, limitMinor: bigint | null, status = 'ACTIVE') {
  await raw().customer.create({
    data: {
      id,
      tenantId: T,
      code: id,
      name: `Store ${id}`,
      contactName: 'x',
      phone: '13800000000',
      address: 'x',
      levelId: 'lvl_m',
      ownerRepId,
      status: status as never,
    },
  });
  if (limitMinor != null)
    await raw().creditAccount.create({
      data: { id: `cr_${id}`, tenantId: T, customerId: id, limitMinor, paymentTermDays: 30 },
    });
}

beforeAll(async () => {
  testDb = await createTestDatabase('crmcredit');
  server = await startSubgraph(crm, {
    databaseUrl: testDb.url,
    port: 0,
    authSecret: TEST_AUTH_SECRET,
    poolSize: 12,
  });
  await raw().tenant.create({ data: { id: T, slug: 'm', name: 'Money' } });
  await raw().customerLevel.create({
    data: { id: 'lvl_m', tenantId: T, code: 'A', name: 'A', nameEn: 'A', rank: 1 },
  });
  for (const s of [boss, finance, office, rep1, rep2, manager])
    await raw().staff.create({
      data: {
        id: s.staffId,
        tenantId: T,
        username: s.staffId,
        name: s.staffId,
        roles: s.roles,
        passwordHash: 'x',
      },
    });
  await customer('c_race', 'stf_rep1', 100_000n); // 1000.00 yuan
  await customer('c_idem', 'stf_rep1', 1_000_000n);
  await customer('c_flow', 'stf_rep1', 500_000n);
  await customer('c_ship', 'stf_rep2', 500_000n);
  await customer('c_none', 'stf_rep2', null);
  await customer('c_off', 'stf_rep2', 500_000n, 'SUSPENDED');
  await customer('c_cash', 'stf_rep1', 500_000n);
}, 60_000);

afterAll(async () => {
  await server?.close();
  await testDb?.drop();
});

describe('credit rules', () => {
  it('available counts prepaid; money in settles receivable first; prepaid pays invoices', () => {
    expect(availableOf({ limit: 1000n, receivable: 300n, openOrders: 200n, prepaid: 50n })).toBe(550n);
    expect(moneyIn({ receivable: 300n, openOrders: 0n, prepaid: 0n }, 500n)).toEqual({
      receivable: -300n,
      openOrders: 0n,
      prepaid: 200n,
    });
    expect(invoice({ receivable: 0n, openOrders: 100n, prepaid: 60n }, 100n, 120n)).toEqual({
      invoiced: { receivable: 120n, openOrders: -100n, prepaid: 0n },
      prepaidUsed: 60n,
    });
    const t = statementTotals(100n, [
      { kind: 'ORDER_INVOICED', receivable: 500n, prepaid: 0n },
      { kind: 'PREPAID_USED', receivable: -50n, prepaid: -50n },
      { kind: 'CREDIT_NOTE', receivable: -70n, prepaid: 0n },
      { kind: 'PAYMENT', receivable: -300n, prepaid: 0n },
    ]);
    expect(t).toEqual({
      opening: 100n,
      orders: 500n,
      returns: 70n,
      receipts: 300n,
      adjustments: 0n,
      closing: 230n,
    });
  });
});

describe('reserveCredit', () => {
  it('50 concurrent orders on one limit: the accepted never exceed it, each has its entry, the refused none', async () => {
    const amounts = Array.from({ length: 50 }, (_, i) => 1000 + ((i * 37) % 9) * 500); // 10-50 yuan
    const results = await Promise.all(
      amounts.map((amount, i) =>
        call('reserveCredit', { orderId: `race_${i}`, customerId: 'c_race', amount: String(amount) }),
      ),
    );
    const accepted = results.flatMap((r, i) => (r.kind === 'RESERVED' ? [i] : []));
    const refused = results.flatMap((r, i) => (r.kind === 'CREDIT_LIMIT_EXCEEDED' ? [i] : []));
    expect(accepted.length + refused.length).toBe(50);
    expect(accepted.length).toBeGreaterThan(10);
    expect(refused.length).toBeGreaterThan(0);
    const sum = accepted.reduce((s, i) => s + BigInt(amounts[i]!), 0n);
    expect(sum).toBeLessThanOrEqual(100_000n);

    const opened = await entries({ customerId: 'c_race' });
    expect(opened.every((e) => e.kind === 'ORDER_OPENED')).toBe(true);
    expect(opened.map((e) => e.orderId).sort()).toEqual(accepted.map((i) => `race_${i}`).sort());
    for (const e of opened) expect(e.amountMinor).toBe(BigInt(amounts[Number(e.orderId!.slice(5))]!));
    const a = await account('c_race');
    expect(a.openOrdersMinor).toBe(sum);
    // no false refusal: what is left is less than every refused order
    const left = 100_000n - sum;
    for (const i of refused) {
      expect(BigInt(amounts[i]!)).toBeGreaterThan(left);
      expect(results[i]).toMatchObject({ limit: '100000', receivable: '0', required: String(amounts[i]) });
    }
    // the answers' `available` values are the successive balances: all distinct, the least is what is left
    const availables = accepted.map((i) => BigInt(results[i].available));
    expect(new Set(availables).size).toBe(accepted.length);
    expect([...availables].sort((x, y) => (x < y ? -1 : 1))[0]).toBe(left);
    await expectBalancesMatchLedger();
  }, 60_000);

  it('is idempotent per order: the same order 5 times at once holds once and answers the same', async () => {
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        call('reserveCredit', { orderId: 'idem_1', customerId: 'c_idem', amount: '250000' }),
      ),
    );
    expect(new Set(results.map((r) => JSON.stringify(r))).size).toBe(1);
    expect(results[0]).toEqual({ kind: 'RESERVED', available: '750000' });
    expect(await entries({ orderId: 'idem_1' })).toHaveLength(1);
    expect((await account('c_idem')).openOrdersMinor).toBe(250_000n);
  });

  it('releases once however often it is asked; an order that reserved nothing cannot reserve later', async () => {
    const results = await Promise.all(
      Array.from({ length: 4 }, () => call('releaseCredit', { orderId: 'idem_1', reason: 'failed' })),
    );
    expect(results).toEqual(Array(4).fill({ kind: 'RELEASED' }));
    const released = await entries({ orderId: 'idem_1', kind: 'ORDER_RELEASED' });
    expect(released).toHaveLength(1);
    expect(released[0]!.openOrdersMinor).toBe(-250_000n);
    expect((await account('c_idem')).openOrdersMinor).toBe(0n);
    // a repeat of the reserve answers its first answer and holds nothing again
    expect(
      await call('reserveCredit', { orderId: 'idem_1', customerId: 'c_idem', amount: '250000' }),
    ).toEqual({
      kind: 'RESERVED',
      available: '750000',
    });
    expect((await account('c_idem')).openOrdersMinor).toBe(0n);

    expect(await call('releaseCredit', { orderId: 'never_reserved' })).toEqual({ kind: 'RELEASED' });
    expect(
      await call('reserveCredit', { orderId: 'never_reserved', customerId: 'c_idem', amount: '100' }),
    ).toEqual({ kind: 'ALREADY_RELEASED' });
    expect((await account('c_idem')).openOrdersMinor).toBe(0n);
    await expectBalancesMatchLedger();
  });

  it('refuses inactive and unknown customers and bad input, holding nothing', async () => {
    expect(await call('reserveCredit', { orderId: 'off_1', customerId: 'c_off', amount: '100' })).toEqual({
      kind: 'CUSTOMER_INACTIVE',
    });
    expect(await call('reserveCredit', { orderId: 'off_2', customerId: 'nobody', amount: '100' })).toEqual({
      kind: 'CUSTOMER_INACTIVE',
    });
    await expect(
      call('reserveCredit', { orderId: 'bad', customerId: 'c_idem', amount: '-5' }),
    ).rejects.toMatchObject({ status: 400 });
    await expect(
      call('reserveCredit', { orderId: 'bad', customerId: 'c_idem', amount: '1.5' }),
    ).rejects.toMatchObject({ status: 400 });
    expect(await entries({ orderId: { in: ['off_1', 'off_2', 'bad'] } })).toEqual([]);
    // a customer without an account has a zero limit
    expect(await call('reserveCredit', { orderId: 'none_1', customerId: 'c_none', amount: '1' })).toEqual({
      kind: 'CREDIT_LIMIT_EXCEEDED',
      limit: '0',
      receivable: '0',
      openOrders: '0',
      required: '1',
    });
  });

  it('checkCredit and customerOrderingFacts read without changing anything', async () => {
    const before = (await entries()).length;
    expect(await call('checkCredit', { customerId: 'c_race', amount: '1' })).toMatchObject({
      limit: '100000',
      receivable: '0',
      active: true,
    });
    const big = await call('checkCredit', { customerId: 'c_flow', amount: '500001' });
    expect(big).toEqual({
      limit: '500000',
      receivable: '0',
      openOrders: '0',
      prepaidBalance: '0',
      available: '500000',
      enough: false,
      active: true,
    });
    expect((await call('checkCredit', { customerId: 'c_off', amount: '0' })).active).toBe(false);
    expect(await call('customerOrderingFacts', { customerId: 'c_flow' })).toEqual({
      active: true,
      levelId: 'lvl_m',
      warehouseId: null,
      routeId: null,
      ownerRepId: 'stf_rep1',
      name: 'Store c_flow',
      code: 'c_flow',
    });
    expect(await call('customerOrderingFacts', { customerId: 'nobody' })).toBeNull();
    expect((await entries()).length).toBe(before);
  });
});

describe('orders events', () => {
  it('OrderApproved turns open credit into receivable once; Rejected releases; Cancelled voids an invoice', async () => {
    await call('reserveCredit', { orderId: 'f1', customerId: 'c_flow', amount: '100000' });
    await call('reserveCredit', { orderId: 'f2', customerId: 'c_flow', amount: '50000' });
    await call('reserveCredit', { orderId: 'f3', customerId: 'c_flow', amount: '20000' });
    expect((await account('c_flow')).openOrdersMinor).toBe(170_000n);

    // approved at a lower total (staff edited a line): the whole hold goes, the total is owed
    await orderEvent('OrderApproved', 'f1', { customerId: 'c_flow', total: '90000' });
    await orderEvent('OrderApproved', 'f1', { customerId: 'c_flow', total: '90000' }); // delivered twice
    let a = await account('c_flow');
    expect([a.openOrdersMinor, a.receivableMinor]).toEqual([70_000n, 90_000n]);
    expect(await entries({ orderId: 'f1', kind: 'ORDER_INVOICED' })).toHaveLength(1);

    await orderEvent('OrderRejected', 'f2', { customerId: 'c_flow', reason: 'out of stock' });
    await call('releaseCredit', { orderId: 'f2', reason: 'saga' }); // same effect, nothing more
    a = await account('c_flow');
    expect([a.openOrdersMinor, a.receivableMinor]).toEqual([20_000n, 90_000n]);
    expect(await entries({ orderId: 'f2', kind: 'ORDER_RELEASED' })).toHaveLength(1);

    await orderEvent('OrderApproved', 'f3', { customerId: 'c_flow', total: '20000' });
    await orderEvent('OrderCancelled', 'f3', { customerId: 'c_flow', reason: 'customer', by: 'staff' });
    await orderEvent('OrderCancelled', 'f3', { customerId: 'c_flow', reason: 'customer', by: 'staff' });
    a = await account('c_flow');
    expect([a.openOrdersMinor, a.receivableMinor]).toEqual([0n, 90_000n]);
    expect((await entries({ orderId: 'f3' })).map((e) => e.kind)).toEqual([
      'ORDER_OPENED',
      'ORDER_INVOICED',
      'ORDER_VOIDED',
    ]);
    await expectBalancesMatchLedger();
  });

  it('with receivableOn SHIPPED the receivable rises on shipping, and prepaid balance pays first', async () => {
    const set = await gql(
      server.url,
      'mutation { updateTenantSettings(receivableOn: SHIPPED) { receivableOn } }',
      {},
      boss,
    );
    expect(set.data.updateTenantSettings.receivableOn).toBe('SHIPPED');
    const topUp = await gql(
      server.url,
      `mutation { topUpPrepaid(customerId: "c_ship", amount: "300.00", note: "advance") {
        __typename ... on MutationTopUpPrepaidSuccess { data { prepaidBalance { amount } available { amount } } } } }`,
      {},
      finance,
    );
    expect(topUp.data.topUpPrepaid.data).toEqual({
      prepaidBalance: { amount: '300.00' },
      available: { amount: '5300.00' },
    });
    await call('reserveCredit', { orderId: 's1', customerId: 'c_ship', amount: '50000' });
    await orderEvent('OrderApproved', 's1', { customerId: 'c_ship', total: '50000' });
    let a = await account('c_ship');
    expect([a.openOrdersMinor, a.receivableMinor]).toEqual([50_000n, 0n]);
    await orderEvent('OrderShipped', 's1', { customerId: 'c_ship', total: '50000' });
    a = await account('c_ship');
    expect([a.openOrdersMinor, a.receivableMinor, a.prepaidMinor]).toEqual([0n, 20_000n, 0n]);
    expect((await entries({ orderId: 's1' })).map((e) => [e.kind, e.amountMinor])).toEqual([
      ['ORDER_OPENED', 50_000n],
      ['ORDER_INVOICED', 50_000n],
      ['PREPAID_USED', 30_000n],
    ]);
    await gql(
      server.url,
      'mutation { updateTenantSettings(receivableOn: APPROVED) { receivableOn } }',
      {},
      boss,
    );
    await expectBalancesMatchLedger();
  });

  it('an order of an unknown store books nothing and does not hold up the events after it', async () => {
    await orderEvent('OrderApproved', 'ghost_1', { customerId: 'nobody', total: '100' });
    expect(await entries({ orderId: 'ghost_1' })).toEqual([]);
    expect(await raw().creditAccount.count({ where: { customerId: 'nobody' } })).toBe(0);
  });

  it('ReturnCredited is a credit note, once', async () => {
    for (let i = 0; i < 2; i++)
      await orderEvent('ReturnCredited', 'f1', {
        returnId: 'ret_1',
        customerId: 'c_flow',
        amount: '15000',
        reason: 'damaged',
      });
    expect((await account('c_flow')).receivableMinor).toBe(75_000n);
    expect(await entries({ kind: 'CREDIT_NOTE' })).toHaveLength(1);
  });
});

const SUBMIT = `mutation($input: SubmitCollectionInput!) { submitCollection(input: $input) {
  __typename
  ... on MutationSubmitCollectionSuccess { data { id status amount { amount } method orderIds submittedBy { id } } }
  ... on ValidationError { code problems { field } } } }`;
const CONFIRM = `mutation($id: ID!) { confirmCollection(id: $id) { __typename
  ... on MutationConfirmCollectionSuccess { data { status decidedBy { id } } }
  ... on ValidationError { code } } }`;
const REJECT = `mutation($id: ID!, $reason: String!) { rejectCollection(id: $id, reason: $reason) { __typename
  ... on MutationRejectCollectionSuccess { data { status rejectReason } }
  ... on ValidationError { code problems { field } } } }`;
const CREDIT = `query($id: ID!) { customer(id: $id) { creditAccount {
  limit { amount } paymentTermDays receivable { amount } openOrders { amount } available { amount } prepaidBalance { amount } } } }`;

describe('collections', () => {
  const input = {
    customerId: 'c_flow',
    amount: '300.00',
    method: 'WECHAT',
    proofImageUrl: 'https://img.example.com/p/1.jpg',
    orderIds: ['f1'],
    note: '微信转账',
  };

  it('a rep submits for their own stores only; bad input is refused with every problem', async () => {
    const ok = await gql(server.url, SUBMIT, { input }, rep1);
    expect(ok.data.submitCollection.data).toMatchObject({
      status: 'SUBMITTED',
      amount: { amount: '300.00' },
      orderIds: ['f1'],
      submittedBy: { id: 'stf_rep1' },
    });
    const notMine = await gql(server.url, SUBMIT, { input }, rep2);
    expect(notMine.data.submitCollection).toMatchObject({
      __typename: 'ValidationError',
      problems: [{ field: 'customerId' }],
    });
    expect((await gql(server.url, SUBMIT, { input }, manager)).data.submitCollection.__typename).toBe(
      'MutationSubmitCollectionSuccess',
    );
    const bad = await gql(
      server.url,
      SUBMIT,
      { input: { ...input, amount: '-1', proofImageUrl: null, method: 'TRANSFER' } },
      office,
    );
    expect(bad.data.submitCollection.problems.map((p: { field: string }) => p.field).sort()).toEqual([
      'amount',
      'proofImageUrl',
    ]);
    const decimals = await gql(server.url, SUBMIT, { input: { ...input, amount: '1.005' } }, office);
    expect(decimals.data.submitCollection.__typename).toBe('ValidationError');
    const denied = await gql(server.url, SUBMIT, { input }, finance);
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await raw().collection.count({ where: { tenantId: T } })).toBe(2);
    // submitting changes no balance
    expect((await account('c_flow')).receivableMinor).toBe(75_000n);
  });

  it('finance confirms (a PAYMENT, receivable falls) or rejects (nothing changes), each once', async () => {
    const [first, second] = await raw().collection.findMany({
      where: { tenantId: T },
      orderBy: { submittedAt: 'asc' },
    });
    expect((await gql(server.url, CONFIRM, { id: first!.id }, rep1)).errors?.[0]?.extensions?.code).toBe(
      'FORBIDDEN',
    );
    const confirms = await Promise.all(
      Array.from({ length: 3 }, () => gql(server.url, CONFIRM, { id: first!.id }, finance)),
    );
    expect(confirms.map((c) => c.data.confirmCollection.__typename).sort()).toEqual([
      'MutationConfirmCollectionSuccess',
      'ValidationError',
      'ValidationError',
    ]);
    expect(await entries({ collectionId: first!.id })).toHaveLength(1);
    expect((await account('c_flow')).receivableMinor).toBe(45_000n);

    const noReason = await gql(server.url, REJECT, { id: second!.id, reason: ' ' }, finance);
    expect(noReason.data.rejectCollection.problems).toEqual([{ field: 'reason' }]);
    const rejected = await gql(server.url, REJECT, { id: second!.id, reason: '未到账' }, finance);
    expect(rejected.data.rejectCollection.data).toEqual({ status: 'REJECTED', rejectReason: '未到账' });
    const late = await gql(server.url, CONFIRM, { id: second!.id }, finance);
    expect(late.data.confirmCollection.code).toBe('COLLECTION_NOT_PENDING');
    expect(await entries({ collectionId: second!.id })).toHaveLength(0);
    expect((await account('c_flow')).receivableMinor).toBe(45_000n);

    // more than is owed: the rest becomes prepaid balance
    const cash = await gql(
      server.url,
      SUBMIT,
      { input: { customerId: 'c_cash', amount: '80.00', method: 'CASH', orderIds: [] } },
      rep1,
    );
    await gql(server.url, CONFIRM, { id: cash.data.submitCollection.data.id }, finance);
    const c = await account('c_cash');
    expect([c.receivableMinor, c.prepaidMinor]).toEqual([0n, 8_000n]);

    const list = await gql(
      server.url,
      `query { collections(filter: { status: SUBMITTED }) { edges { node { id } } } }`,
      {},
      finance,
    );
    expect(list.data.collections.edges).toEqual([]);
    const mine = await gql(
      server.url,
      `query { collections { edges { node { customer { id } status } } } }`,
      {},
      rep2,
    );
    expect(mine.data.collections.edges).toEqual([]);
    await expectBalancesMatchLedger();
  });
});

describe('credit account and statements', () => {
  it('setCreditLimit: boss or finance; a negative limit is refused and nothing changes', async () => {
    const SET = `mutation($c: ID!, $l: Decimal!, $d: Int) { setCreditLimit(customerId: $c, limit: $l, paymentTermDays: $d) {
      __typename ... on MutationSetCreditLimitSuccess { data { limit { amount } paymentTermDays available { amount } } }
      ... on ValidationError { problems { field } } } }`;
    const ok = await gql(server.url, SET, { c: 'c_flow', l: '6000', d: 15 }, finance);
    expect(ok.data.setCreditLimit.data).toEqual({
      limit: { amount: '6000.00' },
      paymentTermDays: 15,
      available: { amount: '5550.00' },
    });
    const bad = await gql(server.url, SET, { c: 'c_flow', l: '-1', d: -3 }, boss);
    expect(bad.data.setCreditLimit.problems.map((p: { field: string }) => p.field).sort()).toEqual([
      'limit',
      'paymentTermDays',
    ]);
    expect((await gql(server.url, SET, { c: 'c_flow', l: '1' }, office)).errors?.[0]?.extensions?.code).toBe(
      'FORBIDDEN',
    );
    const a = await account('c_flow');
    expect([a.limitMinor, a.paymentTermDays]).toEqual([600_000n, 15]);
  });

  it('Customer.creditAccount for staff who see the store and for the store itself', async () => {
    const asStore = await gql(server.url, CREDIT, { id: 'c_flow' }, store('c_flow'));
    expect(asStore.data.customer.creditAccount).toEqual({
      limit: { amount: '6000.00' },
      paymentTermDays: 15,
      receivable: { amount: '450.00' },
      openOrders: { amount: '0.00' },
      available: { amount: '5550.00' },
      prepaidBalance: { amount: '0.00' },
    });
    expect((await gql(server.url, CREDIT, { id: 'c_flow' }, store('c_ship'))).data.customer).toBeNull();
    expect((await gql(server.url, CREDIT, { id: 'c_flow' }, rep2)).data.customer).toBeNull();
    expect(
      (await gql(server.url, CREDIT, { id: 'c_none' }, finance)).data.customer.creditAccount,
    ).toMatchObject({
      limit: { amount: '0.00' },
      available: { amount: '0.00' },
    });
  });

  it('a statement: opening + orders - returns - receipts = closing, which is what the ledger sums to', async () => {
    const STATEMENT = `query($c: ID!, $from: DateTime!, $to: DateTime!) { statement(customerId: $c, from: $from, to: $to) {
      __typename ... on QueryStatementSuccess { data { customer { id } openingBalance { minor } orders { minor } returns { minor }
        receipts { minor } adjustments { minor } closingBalance { minor }
        entries { kind amount { minor } change { minor } balance { minor } orderId collectionId } } }
      ... on ValidationError { problems { field } } } }`;
    const all = await entries({ customerId: 'c_flow' });
    const cut = all.find((e) => e.kind === 'ORDER_VOIDED')!.createdAt; // splits the history
    const start = new Date(all[0]!.createdAt.getTime() - 1000).toISOString();
    const end = new Date(Date.now() + 60_000).toISOString();
    const [before, after] = await Promise.all([
      gql(server.url, STATEMENT, { c: 'c_flow', from: start, to: cut.toISOString() }, finance),
      gql(server.url, STATEMENT, { c: 'c_flow', from: cut.toISOString(), to: end }, rep1),
    ]);
    const s1 = before.data.statement.data;
    const s2 = after.data.statement.data;
    const n = (m: { minor: string }) => BigInt(m.minor);
    for (const s of [s1, s2]) {
      expect(n(s.openingBalance) + n(s.orders) - n(s.returns) - n(s.receipts) + n(s.adjustments)).toBe(
        n(s.closingBalance),
      );
      const last = s.entries.at(-1);
      if (last) expect(n(last.balance)).toBe(n(s.closingBalance));
    }
    expect(n(s1.openingBalance)).toBe(0n);
    expect(n(s2.openingBalance)).toBe(n(s1.closingBalance));
    const a = await account('c_flow');
    expect(n(s2.closingBalance)).toBe(a.receivableMinor - a.prepaidMinor);
    expect(n(s2.closingBalance)).toBe(45_000n);
    // f1 invoiced 900 + f3 invoiced 200 - voided 200; a 150 return; a 300 payment
    expect(n(s1.orders) + n(s2.orders)).toBe(90_000n);
    expect(n(s1.returns) + n(s2.returns)).toBe(15_000n);
    expect(n(s1.receipts) + n(s2.receipts)).toBe(30_000n);
    expect([...s1.entries, ...s2.entries].map((e: { kind: string }) => e.kind)).toEqual([
      'ORDER_INVOICED',
      'ORDER_INVOICED',
      'ORDER_VOIDED',
      'CREDIT_NOTE',
      'PAYMENT',
    ]);

    const mine = await gql(
      server.url,
      `query($from: DateTime!, $to: DateTime!) { myStatement(from: $from, to: $to) {
        ... on QueryMyStatementSuccess { data { customer { id } closingBalance { amount } } } } }`,
      { from: start, to: end },
      store('c_flow'),
    );
    expect(mine.data.myStatement.data).toEqual({
      customer: { id: 'c_flow' },
      closingBalance: { amount: '450.00' },
    });

    const backwards = await gql(server.url, STATEMENT, { c: 'c_flow', from: end, to: start }, finance);
    expect(backwards.data.statement.problems).toEqual([{ field: 'to' }]);
    const notMine = await gql(server.url, STATEMENT, { c: 'c_flow', from: start, to: end }, rep2);
    expect(notMine.data.statement.problems).toEqual([{ field: 'customerId' }]);
  });

  it('ledger entries cannot be changed', async () => {
    await expect(
      raw().$executeRawUnsafe(
        `UPDATE crm."CreditLedgerEntry" SET "amountMinor" = 0 WHERE "tenantId" = $1`,
        T,
      ),
    ).rejects.toThrow(/append-only/);
    await expectBalancesMatchLedger();
  });
});
