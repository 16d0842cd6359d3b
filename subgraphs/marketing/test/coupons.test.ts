import {
  appendEvents,
  callInternal,
  eventTablesSql,
  pgTransactionalDb,
  type RunningSubgraph,
  startSubgraph,
} from '@wholesail/platform';
import { createTestDatabase, gql, TEST_AUTH_SECRET, type TestDatabase } from '@wholesail/platform/testing';
import pg from 'pg';
import { database, marketing } from '../src/service';

let testDb: TestDatabase;
let server: RunningSubgraph;
let pool: pg.Pool;

const boss = { kind: 'staff' as const, tenantId: 'tnt_a', staffId: 'b1', roles: ['BOSS' as const] };
const rep = { kind: 'staff' as const, tenantId: 'tnt_a', staffId: 'r1', roles: ['REP' as const] };
const shop = (customerId: string, tenantId = 'tnt_a') => ({
  kind: 'customer' as const,
  tenantId,
  customerId,
  customerUserId: `u_${customerId}`,
});
const DAY = 86_400_000;
const at = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY);
const iso = (offsetDays: number) => at(offsetDays).toISOString();

type Answer = any;
const call = (command: string, input: unknown, tenantId = 'tnt_a'): Promise<Answer> =>
  callInternal(server.url, command, input, {
    service: 'orders',
    tenantId,
    authSecret: TEST_AUTH_SECRET,
    timeoutMs: 60_000,
  });

const TEMPLATE = `mutation($i: CouponTemplateInput!) { createCouponTemplate(input: $i) {
  __typename ... on MutationCreateCouponTemplateSuccess { data { id badge kind minSpend { amount } off { amount } issuedCount } }
  ... on ValidationError { message problems { field message } } } }`;
const CLAIM = `mutation($t: ID!) { claimCoupon(templateId: $t) {
  __typename ... on MutationClaimCouponSuccess { data { id code status template { id title } } }
  ... on ValidationError { code message } } }`;
const ISSUE = `mutation($t: ID!, $c: [ID!]!) { issueCoupons(templateId: $t, customerIds: $c) {
  __typename ... on MutationIssueCouponsSuccess { data { coupons { code customerId status } skipped { customerId reason } } }
  ... on ValidationError { problems { field } } } }`;
const MINE = `query { myCoupons { code status orderId template { id badge } } }`;

async function template(input: Record<string, unknown>) {
  const r = await gql(
    server.url,
    TEMPLATE,
    {
      i: {
        title: '满100减10',
        kind: 'AMOUNT_OFF',
        off: '10',
        minSpend: '100',
        validFrom: iso(-1),
        validTo: iso(30),
        ...input,
      },
    },
    boss,
  );
  expect(r.errors).toBeUndefined();
  return r.data.createCouponTemplate;
}
async function claim(templateId: string, customerId = 'cus_1') {
  const r = await gql(server.url, CLAIM, { t: templateId }, shop(customerId));
  expect(r.errors).toBeUndefined();
  return r.data.claimCoupon;
}
async function issuedCode(input: Record<string, unknown> = {}, customerId = 'cus_1') {
  const t = await template({ perCustomerLimit: 50, ...input });
  const c = await claim(t.data.id, customerId);
  expect(c.__typename).toBe('MutationClaimCouponSuccess');
  return c.data.code as string;
}
async function couponRow(code: string) {
  return (
    await pool.query(
      `SELECT "status", "orderId", "discountMinor"::text AS "discount" FROM marketing."Coupon" WHERE "code" = $1`,
      [code],
    )
  ).rows[0];
}
async function emitOrder(type: string, orderId: string) {
  await pgTransactionalDb(pool).$transaction((tx) =>
    appendEvents(tx, 'orders', [
      {
        tenantId: 'tnt_a',
        aggregateType: 'Order',
        aggregateId: orderId,
        type,
        payload: { orderId, customerId: 'cus_1', reason: 'test', by: 'cus_1' },
      },
    ]),
  );
  await server.drained();
}

const line = (over: Record<string, unknown> = {}) => ({
  skuId: 's1',
  productId: 'p1',
  brandId: 'b1',
  categoryIds: ['c_leaf', 'c_top'],
  quantity: 10,
  amount: '10000',
  ...over,
});
const apply = (over: Record<string, unknown> = {}) =>
  call('applyPromotions', {
    customerId: 'cus_1',
    levelId: 'lvl_vip',
    couponCode: null,
    lines: [line()],
    ...over,
  });

beforeAll(async () => {
  testDb = await createTestDatabase('marketingcoupons');
  pool = new pg.Pool({ connectionString: testDb.url, max: 4 });
  await pool.query(eventTablesSql('crm') + eventTablesSql('pricing') + eventTablesSql('orders'));
  server = await startSubgraph(marketing, {
    databaseUrl: testDb.url,
    port: 0,
    authSecret: TEST_AUTH_SECRET,
    poolSize: 10,
  });
  const raw = database.raw();
  for (const tenantId of ['tnt_a', 'tnt_b'])
    await raw.customerProfile.createMany({
      data: [
        { tenantId, customerId: 'cus_1', levelId: 'lvl_vip' },
        { tenantId, customerId: 'cus_2', levelId: 'lvl_plain' },
      ],
    });
}, 60_000);

afterAll(async () => {
  await server?.close();
  await pool?.end();
  await testDb?.drop();
});

describe('applyPromotions (internal)', () => {
  beforeAll(async () => {
    const raw = database.raw();
    const window = { startsAt: at(-1), endsAt: at(10) };
    const p = (id: string, kind: any, rules: object, over: object = {}) => ({
      id,
      tenantId: 'tnt_a',
      kind,
      title: id,
      titleEn: id,
      badge: id,
      rules,
      levelIds: [],
      ...window,
      ...over,
    });
    await raw.promotion.createMany({
      data: [
        p('pr_off', 'ORDER_AMOUNT_OFF', {
          tiers: [
            { thresholdMinor: 10_000, offMinor: 800 },
            { thresholdMinor: 30_000, offMinor: 3_000 },
          ],
        }),
        p(
          'pr_pct',
          'ORDER_PERCENT_OFF',
          { thresholdMinor: 10_000, percentOff: 5 },
          { levelIds: ['lvl_vip'] },
        ),
        p('pr_stack', 'ORDER_AMOUNT_OFF', { thresholdMinor: 50_000, offMinor: 100 }, { stackable: true }),
        p('pr_bg', 'BUY_N_GET_M', { buy: 10, get: 1 }),
        p('pr_gift_b9', 'ORDER_GIFT', { thresholdMinor: 1_000, giftSkuId: 'g1', giftQuantity: 2 }),
        p('pr_old', 'ORDER_AMOUNT_OFF', { thresholdMinor: 100, offMinor: 99_999 }, { endsAt: at(-0.5) }),
        p('pr_special', 'ITEM_SPECIAL', { skuPrices: { s1: 1 } }),
      ],
    });
    await raw.promotionTarget.createMany({
      data: [
        { tenantId: 'tnt_a', promotionId: 'pr_bg', skuId: 's1' },
        { tenantId: 'tnt_a', promotionId: 'pr_gift_b9', brandId: 'b9' },
      ],
    });
  });

  it('applies the best threshold one for the customer’s level, buy-N-get-M gifts, not ended ones', async () => {
    // 10000: VIP 5% = 500 < 800 off
    let r = await apply();
    expect(r.applied).toEqual([
      {
        promotionId: 'pr_off',
        kind: 'ORDER_AMOUNT_OFF',
        title: 'pr_off',
        titleEn: 'pr_off',
        discount: '800',
      },
      expect.objectContaining({ promotionId: 'pr_bg', kind: 'BUY_N_GET_M', discount: '0' }),
    ]);
    expect(r.gifts).toEqual([{ skuId: 's1', quantity: 1, promotionId: 'pr_bg', unit: null }]);
    expect(r).toMatchObject({ discount: '800', coupon: null, lineDiscounts: ['800'] });
    // 20000: 5% = 1000 beats 800 for a VIP; a plain store gets the 800
    r = await apply({ lines: [line({ amount: '20000', quantity: 3 })] });
    expect(r.applied.map((a: any) => [a.promotionId, a.discount])).toEqual([['pr_pct', '1000']]);
    r = await apply({ levelId: 'lvl_plain', lines: [line({ amount: '20000', quantity: 3 })] });
    expect(r.applied.map((a: any) => [a.promotionId, a.discount])).toEqual([['pr_off', '800']]);
    // 60000: 3000 off and the stackable 100
    r = await apply({ lines: [line({ amount: '60000', quantity: 3 })] });
    expect(r.applied.map((a: any) => [a.promotionId, a.discount]).sort()).toEqual([
      ['pr_off', '3000'],
      ['pr_stack', '100'],
    ]);
    expect(r.discount).toBe('3100');
  });

  it('measures a targeted threshold on its lines only', async () => {
    const r = await apply({
      lines: [
        line({ quantity: 1, amount: '900' }),
        line({ skuId: 's9', brandId: 'b9', quantity: 1, amount: '999' }),
      ],
    });
    expect(r.gifts).toEqual([]);
    const r2 = await apply({
      lines: [
        line({ quantity: 1, amount: '900' }),
        line({ skuId: 's9', brandId: 'b9', quantity: 1, amount: '1000' }),
      ],
    });
    expect(r2.gifts).toEqual([{ skuId: 'g1', quantity: 2, promotionId: 'pr_gift_b9', unit: null }]);
    expect(r2.applied.map((a: any) => a.promotionId)).toEqual(['pr_gift_b9']);
  });

  it('takes a line without a brand and a store without a level; refuses bad input', async () => {
    const r = await call('applyPromotions', {
      customerId: 'cus_1',
      lines: [{ skuId: 's5', productId: 'p5', brandId: null, quantity: 1, amount: '20000' }],
    });
    expect(r.applied.map((a: any) => [a.promotionId, a.discount])).toEqual([['pr_off', '800']]);
    await expect(
      call('applyPromotions', { customerId: 'cus_1', levelId: null, lines: [line({ amount: '1.5' })] }),
    ).rejects.toMatchObject({ status: 400 });
  });

  it('applies a coupon after the promotions: minimum spend, range, owner, expiry', async () => {
    const code = await issuedCode({ minSpend: '100', off: '20' });
    // 12000 - 800 off = 11200 >= 10000
    let r = await apply({ couponCode: code.toLowerCase(), lines: [line({ amount: '12000', quantity: 1 })] });
    expect(r.coupon).toMatchObject({ code, discount: '2000', ok: true, reason: null });
    expect(r.discount).toBe('2800');
    // 10500 - 800 = 9700 < 10000
    r = await apply({ couponCode: code, lines: [line({ amount: '10500', quantity: 1 })] });
    expect(r.coupon).toMatchObject({ code, discount: '0', ok: false, reason: 'BELOW_MINIMUM' });
    expect(r.discount).toBe('800');
    r = await apply({ customerId: 'cus_2', couponCode: code });
    expect(r.coupon).toMatchObject({ ok: false, reason: 'NOT_YOURS' });
    r = await apply({ couponCode: 'NOPE' });
    expect(r.coupon).toMatchObject({ ok: false, reason: 'NOT_FOUND' });
    const scoped = await issuedCode({ minSpend: null, off: '5', brandIds: ['b7'] });
    r = await apply({ couponCode: scoped });
    expect(r.coupon).toMatchObject({ ok: false, reason: 'OUT_OF_SCOPE' });
    r = await apply({
      couponCode: scoped,
      lines: [line(), line({ skuId: 's7', brandId: 'b7', quantity: 1, amount: '3000' })],
    });
    expect(r.coupon).toMatchObject({ ok: true, discount: '500' });
    // 800 off split over 10000 and 3000 (615 + 185), the coupon on the b7 line only
    expect(r.lineDiscounts).toEqual(['615', '685']);
    expect(r.discount).toBe('1300');
    // never more than the line comes to after the promotion: 300 - 23 = 277
    r = await apply({
      couponCode: scoped,
      lines: [line(), line({ skuId: 's7', brandId: 'b7', quantity: 1, amount: '300' })],
    });
    expect(r.coupon).toMatchObject({ ok: true, discount: '277' });
    // percent with a cap
    const pct = await issuedCode({
      kind: 'PERCENT_OFF',
      off: null,
      percentOff: 10,
      maxOff: '5',
      minSpend: null,
    });
    r = await apply({ couponCode: pct, lines: [line({ amount: '4005', quantity: 1 })] });
    expect(r.coupon).toMatchObject({ ok: true, discount: '401' }); // 400.5 half up
    r = await apply({ couponCode: pct, lines: [line({ amount: '9000', quantity: 1 })] });
    expect(r.coupon).toMatchObject({ ok: true, discount: '500' });
    // expired
    await pool.query(
      `UPDATE marketing."Coupon" SET "validTo" = now() - interval '1 minute' WHERE "code" = $1`,
      [pct],
    );
    r = await apply({ couponCode: pct });
    expect(r.coupon).toMatchObject({ ok: false, reason: 'EXPIRED' });
    expect(
      await call('redeemCoupon', { orderId: 'o_exp', customerId: 'cus_1', code: pct, discount: '1' }),
    ).toMatchObject({
      kind: 'COUPON_UNAVAILABLE',
      reason: 'EXPIRED',
    });
  });
});

describe('coupon templates and issuing', () => {
  it('checks templates with typed errors and keeps staff-only rights', async () => {
    const bad = await template({ title: '', off: '200', validTo: iso(-2) });
    expect(bad.__typename).toBe('ValidationError');
    expect(bad.problems.map((p: any) => p.field).sort()).toEqual(['off', 'title', 'validTo']);
    const unknown = await template({ customerIds: ['cus_nobody'] });
    expect(unknown.problems.map((p: any) => p.field)).toEqual(['customerIds']);
    const denied = await gql(
      server.url,
      TEMPLATE,
      { i: { title: 'x', kind: 'AMOUNT_OFF', off: '1', validFrom: iso(0), validTo: iso(1) } },
      rep,
    );
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const ok = await template({});
    expect(ok.data).toMatchObject({
      badge: '满100减10',
      kind: 'AMOUNT_OFF',
      minSpend: { amount: '100.00' },
      issuedCount: 0,
    });
    const upd = await gql(
      server.url,
      `mutation($id: ID!, $i: CouponTemplateInput!) { updateCouponTemplate(id: $id, input: $i) { __typename
        ... on MutationUpdateCouponTemplateSuccess { data { badge } } ... on ValidationError { problems { field } } } }`,
      {
        id: ok.data.id,
        i: {
          title: '满200减30',
          kind: 'AMOUNT_OFF',
          off: '30',
          minSpend: '200',
          validFrom: iso(-1),
          validTo: iso(5),
        },
      },
      boss,
    );
    expect(upd.data.updateCouponTemplate.data.badge).toBe('满200减30');
    const del = await gql(
      server.url,
      `mutation($id: ID!) { deleteCouponTemplate(id: $id) { __typename } }`,
      { id: ok.data.id },
      boss,
    );
    expect(del.data.deleteCouponTemplate.__typename).toBe('MutationDeleteCouponTemplateSuccess');
  });

  it('claims within the per-store and total limits and the audience; staff issue to named stores', async () => {
    const t = await template({ totalLimit: 2, perCustomerLimit: 1, levelIds: ['lvl_vip', 'lvl_plain'] });
    const first = await claim(t.data.id);
    expect(first).toMatchObject({ __typename: 'MutationClaimCouponSuccess', data: { status: 'AVAILABLE' } });
    expect((await claim(t.data.id)).code).toBe('LIMIT_REACHED');
    expect((await claim(t.data.id, 'cus_2')).__typename).toBe('MutationClaimCouponSuccess');
    // sold out: staff cannot issue beyond the total either
    const issued = await gql(server.url, ISSUE, { t: t.data.id, c: ['cus_1', 'cus_nobody'] }, boss);
    expect(issued.data.issueCoupons.data.skipped).toEqual([
      { customerId: 'cus_1', reason: 'SOLD_OUT' },
      { customerId: 'cus_nobody', reason: 'UNKNOWN_CUSTOMER' },
    ]);
    const vipOnly = await template({ levelIds: ['lvl_vip'], claimable: false });
    expect((await claim(vipOnly.data.id)).code).toBe('NOT_FOUND'); // not claimable: no such template for a store
    const staff = await gql(server.url, ISSUE, { t: vipOnly.data.id, c: ['cus_1', 'cus_2'] }, boss);
    expect(staff.data.issueCoupons.data).toMatchObject({
      coupons: [{ customerId: 'cus_1', status: 'AVAILABLE' }],
      skipped: [{ customerId: 'cus_2', reason: 'NOT_FOR_YOU' }],
    });
    const mine = await gql(server.url, MINE, {}, shop('cus_1'));
    expect(mine.data.myCoupons.map((c: any) => c.code)).toEqual(
      expect.arrayContaining([first.data.code, staff.data.issueCoupons.data.coupons[0].code]),
    );
    // another tenant sees none of them
    expect((await gql(server.url, MINE, {}, shop('cus_1', 'tnt_b'))).data.myCoupons).toEqual([]);
  });

  it('claims concurrently never beyond the total', async () => {
    const t = await template({ totalLimit: 3, perCustomerLimit: 10 });
    const results = await Promise.all(Array.from({ length: 10 }, () => claim(t.data.id)));
    expect(results.filter((r) => r.__typename === 'MutationClaimCouponSuccess')).toHaveLength(3);
    expect(results.filter((r) => r.code === 'SOLD_OUT')).toHaveLength(7);
  });
});

describe('redeemCoupon and releaseCoupon (internal)', () => {
  it('20 concurrent orders on one single-use coupon: exactly one redeems it', async () => {
    const code = await issuedCode();
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        call('redeemCoupon', { orderId: `o_race_${i}`, customerId: 'cus_1', code, discount: '1000' }),
      ),
    );
    const won = answers.flatMap((a, i) => (a.kind === 'REDEEMED' ? [i] : []));
    expect(won).toHaveLength(1);
    expect(answers.filter((a) => a.kind === 'COUPON_UNAVAILABLE' && a.reason === 'IN_USE')).toHaveLength(19);
    expect(await couponRow(code)).toEqual({
      status: 'RESERVED',
      orderId: `o_race_${won[0]}`,
      discount: '1000',
    });
  });

  it('the same order 5 times concurrently redeems once and answers the same', async () => {
    const code = await issuedCode();
    const answers = await Promise.all(
      Array.from({ length: 5 }, () =>
        call('redeemCoupon', { orderId: 'o_same', customerId: 'cus_1', code, discount: '1000' }),
      ),
    );
    expect(answers).toEqual(Array(5).fill({ kind: 'REDEEMED', code, discount: '1000' }));
    const rows = await pool.query(
      `SELECT count(*)::int AS n FROM marketing."CouponRedemption" WHERE "orderId" = 'o_same'`,
    );
    expect(rows.rows[0].n).toBe(1);
    // a second order is refused; a wrong store too
    expect(
      await call('redeemCoupon', { orderId: 'o_other', customerId: 'cus_1', code, discount: '1' }),
    ).toMatchObject({
      kind: 'COUPON_UNAVAILABLE',
      reason: 'IN_USE',
    });
    expect(
      await call('redeemCoupon', { orderId: 'o_x', customerId: 'cus_2', code, discount: '1' }),
    ).toMatchObject({
      reason: 'NOT_YOURS',
    });
  });

  it('release is idempotent, puts it back and refuses a late redeem of the released order', async () => {
    const code = await issuedCode();
    expect(
      await call('redeemCoupon', { orderId: 'o_rel', customerId: 'cus_1', code, discount: '1000' }),
    ).toMatchObject({ kind: 'REDEEMED' });
    const releases = await Promise.all(
      [1, 2, 3].map(() => call('releaseCoupon', { orderId: 'o_rel', reason: 'CREDIT' })),
    );
    expect(releases).toEqual(Array(3).fill({ kind: 'RELEASED' }));
    expect(await couponRow(code)).toEqual({ status: 'AVAILABLE', orderId: null, discount: null });
    expect(
      await call('redeemCoupon', { orderId: 'o_rel', customerId: 'cus_1', code, discount: '1000' }),
    ).toMatchObject({
      kind: 'COUPON_UNAVAILABLE',
      reason: 'RELEASED',
    });
    // nothing to release is fine, and that order can then not redeem late
    expect(await call('releaseCoupon', { orderId: 'o_never' })).toEqual({ kind: 'RELEASED' });
    expect(
      await call('redeemCoupon', { orderId: 'o_never', customerId: 'cus_1', code, discount: '1' }),
    ).toMatchObject({
      reason: 'RELEASED',
    });
    // another order may take it now
    expect(
      await call('redeemCoupon', { orderId: 'o_rel2', customerId: 'cus_1', code, discount: '900' }),
    ).toMatchObject({ kind: 'REDEEMED' });
    // releasing an order in another tenant touches nothing here
    expect(await call('releaseCoupon', { orderId: 'o_rel2' }, 'tnt_b')).toEqual({ kind: 'RELEASED' });
    expect((await couponRow(code)).status).toBe('RESERVED');
  });

  it('the orders consumer: OrderPlaced uses it, OrderCancelled releases it once', async () => {
    const code = await issuedCode();
    await call('redeemCoupon', { orderId: 'o_evt', customerId: 'cus_1', code, discount: '1000' });
    await emitOrder('OrderPlaced', 'o_evt');
    expect(await couponRow(code)).toMatchObject({ status: 'USED', orderId: 'o_evt' });
    const mine = (await gql(server.url, MINE, {}, shop('cus_1'))).data.myCoupons.find(
      (c: any) => c.code === code,
    );
    expect(mine).toMatchObject({ status: 'USED', orderId: 'o_evt' });
    await emitOrder('OrderCancelled', 'o_evt');
    expect(await couponRow(code)).toEqual({ status: 'AVAILABLE', orderId: null, discount: null });
    // the store uses it on a new order; a repeated cancel of the old one must not free it
    await call('redeemCoupon', { orderId: 'o_evt2', customerId: 'cus_1', code, discount: '1000' });
    await emitOrder('OrderCancelled', 'o_evt');
    await emitOrder('OrderRejected', 'o_evt');
    expect(await couponRow(code)).toMatchObject({ status: 'RESERVED', orderId: 'o_evt2' });
    await emitOrder('OrderRejected', 'o_evt2');
    expect((await couponRow(code)).status).toBe('AVAILABLE');
  });
});
