import { type RunningServer, signGuestToken, startSubgraph } from '@wholesail/platform';
import {
  countStatements,
  createTestDatabase,
  gql,
  graphqlRequest,
  TEST_AUTH_SECRET,
  type TestDatabase,
} from '@wholesail/platform/testing';
import { database, pricing } from '../src/service';

let testDb: TestDatabase;
/** As a guest of tenant a (the gateway mints these when the tenant allows guest browsing). */
const asGuest = async (query: string, variables: Record<string, unknown>) =>
  graphqlRequest(server.url, query, variables, { token: await signGuestToken('tnt_a', TEST_AUTH_SECRET) });
let server: RunningServer;

const vip = { kind: 'customer' as const, tenantId: 'tnt_a', customerId: 'cus_vip', customerUserId: 'u1' };
const plain = { kind: 'customer' as const, tenantId: 'tnt_a', customerId: 'cus_plain', customerUserId: 'u2' };
const office = { kind: 'staff' as const, tenantId: 'tnt_a', staffId: 's1', roles: ['OFFICE' as const] };
const rep = { kind: 'staff' as const, tenantId: 'tnt_a', staffId: 's2', roles: ['REP' as const] };
const otherRep = { kind: 'staff' as const, tenantId: 'tnt_a', staffId: 's3', roles: ['REP' as const] };
const storeManager = {
  kind: 'staff' as const,
  tenantId: 'tnt_a',
  staffId: 's4',
  roles: ['REP' as const, 'STORE_MANAGER' as const],
};
const units = [
  { name: '瓶', factor: 1 },
  { name: '箱', factor: 24 },
];
const rep_ = (id: string) => ({ __typename: 'Sku', id, baseUnit: '瓶', units });
const DAY = 86_400_000;

interface SpecialRow {
  skuId: string;
  minor: number;
  levelIds?: string[];
  customerIds?: string[];
  startsAt?: Date;
  endsAt?: Date;
}
/** Item specials of tenant a (ItemSpecial rows, as the PromotionChanged consumer keeps them) while `fn` runs. */
async function withSpecials<T>(rows: SpecialRow[], fn: () => Promise<T>): Promise<T> {
  const raw = database.raw();
  await raw.itemSpecial.createMany({
    data: rows.map((r, i) => ({
      tenantId: 'tnt_a',
      promotionId: `pro_${i}`,
      skuId: r.skuId,
      minor: BigInt(r.minor),
      startsAt: r.startsAt ?? new Date(Date.now() - DAY),
      endsAt: r.endsAt ?? new Date(Date.now() + DAY),
      levelIds: r.levelIds ?? [],
      customerIds: r.customerIds ?? [],
    })),
  });
  try {
    return await fn();
  } finally {
    await raw.itemSpecial.deleteMany({ where: { tenantId: 'tnt_a' } });
  }
}
const PRICES = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Sku { id
  price { amount source unit } box: price(unit: "箱") { amount source } } } }`;

beforeAll(async () => {
  testDb = await createTestDatabase('pricing');
  // No event consumers here: their polling would be counted with the statements of a page.
  server = await startSubgraph(pricing, {
    databaseUrl: testDb.url,
    port: 0,
    authSecret: TEST_AUTH_SECRET,
    consumers: false,
  });
  const raw = database.raw();
  for (const t of ['a', 'b']) {
    const tenantId = `tnt_${t}`;
    const bump = t === 'a' ? 0n : 5n; // tenant b has other prices for the same ids
    await raw.pricingSettings.create({ data: { tenantId, trackLastPrice: true } });
    await raw.customerPriceProfile.createMany({
      data: [
        { tenantId, customerId: 'cus_vip', levelId: 'lvl_vip', code: 'C001', ownerRepId: 's2' },
        { tenantId, customerId: 'cus_plain', levelId: 'lvl_plain', code: 'C002', ownerRepId: 's3' },
      ],
    });
    await raw.skuPrice.createMany({
      data: [
        { tenantId, skuId: 'sku_1', unit: '瓶', wholesaleMinor: 300n + bump, retailMinor: 400n },
        { tenantId, skuId: 'sku_1', unit: '箱', wholesaleMinor: 6800n + bump, retailMinor: 9000n },
        { tenantId, skuId: 'sku_2', unit: '瓶', wholesaleMinor: 500n + bump, retailMinor: 650n },
        { tenantId, skuId: 'sku_3', unit: '瓶', wholesaleMinor: 1000n + bump, retailMinor: 1300n },
        { tenantId, skuId: 'sku_4', unit: '瓶', wholesaleMinor: 200n + bump, retailMinor: 260n },
      ],
    });
    // sku_4: from 48 bottles 1.90, from 120 bottles 1.80; a box has its own tier from 5 boxes
    await raw.volumeTier.createMany({
      data: [
        { tenantId, skuId: 'sku_4', unit: '瓶', minQuantity: 48, priceMinor: 190n + bump },
        { tenantId, skuId: 'sku_4', unit: '瓶', minQuantity: 120, priceMinor: 180n + bump },
        { tenantId, skuId: 'sku_1', unit: '箱', minQuantity: 120, priceMinor: 6000n + bump },
      ],
    });
    await raw.levelPrice.createMany({
      data: [
        { tenantId, skuId: 'sku_1', levelId: 'lvl_vip', unit: '瓶', priceMinor: 280n + bump },
        { tenantId, skuId: 'sku_2', levelId: 'lvl_vip', unit: '瓶', priceMinor: 460n + bump },
      ],
    });
    await raw.customerPrice.create({
      data: { tenantId, customerId: 'cus_vip', skuId: 'sku_2', unit: '瓶', priceMinor: 450n + bump },
    });
    await raw.lastSalePrice.create({
      data: {
        tenantId,
        customerId: 'cus_vip',
        skuId: 'sku_3',
        unit: '瓶',
        priceMinor: 950n + bump,
        soldAt: new Date(),
      },
    });
  }
}, 60_000);

afterAll(async () => {
  await server?.close();
  await testDb?.drop();
});

describe('Sku.price through entity resolution', () => {
  it('resolves each source in order for a VIP customer, per unit and per box', async () => {
    const res = await gql(server.url, PRICES, { r: ['sku_1', 'sku_2', 'sku_3'].map((id) => rep_(id)) }, vip);
    expect(res.errors).toBeUndefined();
    expect(res.data._entities).toEqual([
      // level price; no level box price, so the level unit price × 24
      {
        id: 'sku_1',
        price: { amount: '2.80', source: 'LEVEL', unit: '瓶' },
        box: { amount: '67.20', source: 'LEVEL' },
      },
      {
        id: 'sku_2',
        price: { amount: '4.50', source: 'CUSTOMER', unit: '瓶' },
        box: { amount: '108.00', source: 'CUSTOMER' },
      },
      {
        id: 'sku_3',
        price: { amount: '9.50', source: 'LAST_SALE', unit: '瓶' },
        box: { amount: '228.00', source: 'LAST_SALE' },
      },
    ]);
  });

  it('falls back to wholesale, and uses a box price set on its own', async () => {
    const res = await gql(server.url, PRICES, { r: ['sku_1', 'sku_2'].map((id) => rep_(id)) }, plain);
    expect(res.data._entities).toEqual([
      {
        id: 'sku_1',
        price: { amount: '3.00', source: 'WHOLESALE', unit: '瓶' },
        box: { amount: '68.00', source: 'WHOLESALE' },
      },
      {
        id: 'sku_2',
        price: { amount: '5.00', source: 'WHOLESALE', unit: '瓶' },
        box: { amount: '120.00', source: 'WHOLESALE' },
      },
    ]);
  });

  it('shows staff the base wholesale price when no customer is in mind', async () => {
    const res = await gql(server.url, PRICES, { r: [rep_('sku_2')] }, office);
    expect(res.data._entities[0].price).toEqual({ amount: '5.00', source: 'WHOLESALE', unit: '瓶' });
  });

  it('gives staff every option for a customer, and refuses customers', async () => {
    const q = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Sku { priceOptions(customerId: "cus_vip") { source amount } } } }`;
    const res = await gql(server.url, q, { r: [rep_('sku_2')] }, rep);
    expect(res.data._entities[0].priceOptions).toEqual([
      { source: 'CUSTOMER', amount: '4.50' },
      { source: 'LEVEL', amount: '4.60' },
      { source: 'WHOLESALE', amount: '5.00' },
      { source: 'RETAIL', amount: '6.50' },
    ]);
    const refused = await gql(server.url, q, { r: [rep_('sku_2')] }, vip);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('rejects a unit the SKU is not sold in with a typed error', async () => {
    const q = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Sku { price(unit: "吨") { amount } } } }`;
    const res = await gql(server.url, q, { r: [rep_('sku_1')] }, vip);
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('keeps tenants apart', async () => {
    const res = await gql(server.url, PRICES, { r: [rep_('sku_1')] }, { ...vip, tenantId: 'tnt_b' });
    expect(res.data._entities[0].price).toEqual({ amount: '2.85', source: 'LEVEL', unit: '瓶' });
  });

  it('costs the same number of SQL statements for 2 SKUs as for 60, tiers, specials and options included', async () => {
    const ids = Array.from({ length: 60 }, (_, i) => `sku_${(i % 4) + 1}`);
    const page = (n: number) => ids.slice(0, n).map((id) => rep_(id));
    const q = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Sku { id
      price { amount source } box: price(unit: "箱", quantity: 48) { amount source }
      volumeTiers { minQuantity } } } }`;
    const specials = [
      { skuId: 'sku_1', minor: 100 },
      { skuId: 'sku_2', minor: 90, levelIds: ['lvl_vip'] },
      { skuId: 'sku_3', minor: 80, customerIds: ['cus_vip'] },
      { skuId: 'sku_2', minor: 70, customerIds: ['cus_plain'] },
    ];
    await withSpecials(specials, async () => {
      const two = await countStatements(() => gql(server.url, q, { r: page(2) }, vip));
      const sixty = await countStatements(() => gql(server.url, q, { r: page(60) }, vip));
      expect(two.result.errors).toBeUndefined();
      expect(sixty.result.errors).toBeUndefined();
      expect(sixty.statements).toBe(two.statements);
      expect(sixty.result.data._entities.slice(0, 3).map((e: any) => e.price.source)).toEqual([
        'SPECIAL',
        'SPECIAL',
        'SPECIAL',
      ]);
      const guestTwo = await countStatements(() => asGuest(q, { r: page(2) }));
      const guestSixty = await countStatements(() => asGuest(q, { r: page(60) }));
      expect(guestSixty.statements).toBe(guestTwo.statements);
      // two customers' options on one page: one book (and one specials statement) each
      const opts = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Sku { id
        priceOptions(customerId: "cus_vip", quantity: 48) { source amount applies }
        plain: priceOptions(customerId: "cus_plain") { source amount applies } } } }`;
      const twoOpts = await countStatements(() => gql(server.url, opts, { r: page(2) }, office));
      const sixtyOpts = await countStatements(() => gql(server.url, opts, { r: page(60) }, office));
      expect(sixtyOpts.result.errors).toBeUndefined();
      expect(sixtyOpts.statements).toBe(twoOpts.statements);
    });
  });

  it('lets a special win only when it is lower than the customer price, per unit and per box', async () => {
    const q = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Sku { id
      price { amount source original { amount source } } box: price(unit: "箱") { amount source } } } }`;
    // sku_2: customer price 4.50; the lowest of two specials, 4.00, wins (box: 4.00 × 24)
    const res = await withSpecials(
      [
        { skuId: 'sku_2', minor: 480 },
        { skuId: 'sku_2', minor: 400 },
      ],
      () => gql(server.url, q, { r: [rep_('sku_2')] }, vip),
    );
    expect(res.errors).toBeUndefined();
    expect(res.data._entities[0]).toEqual({
      id: 'sku_2',
      price: { amount: '4.00', source: 'SPECIAL', original: { amount: '4.50', source: 'CUSTOMER' } },
      box: { amount: '96.00', source: 'SPECIAL' },
    });
    const higher = await withSpecials([{ skuId: 'sku_2', minor: 480 }], () =>
      gql(server.url, q, { r: [rep_('sku_2')] }, vip),
    );
    expect(higher.data._entities[0]).toEqual({
      id: 'sku_2',
      price: { amount: '4.50', source: 'CUSTOMER', original: null },
      box: { amount: '108.00', source: 'CUSTOMER' },
    });
    // an equal special does not replace the price either
    const equal = await withSpecials([{ skuId: 'sku_2', minor: 450 }], () =>
      gql(server.url, q, { r: [rep_('sku_2')] }, vip),
    );
    expect(equal.data._entities[0].price.source).toBe('CUSTOMER');
  });

  it('gives guests the retail price, per unit and per box, a lower special still winning', async () => {
    const res = await asGuest(PRICES, { r: [rep_('sku_1'), rep_('sku_2')] });
    expect(res.errors).toBeUndefined();
    expect(res.data._entities).toEqual([
      {
        id: 'sku_1',
        price: { amount: '4.00', source: 'RETAIL', unit: '瓶' },
        box: { amount: '90.00', source: 'RETAIL' },
      },
      {
        id: 'sku_2',
        price: { amount: '6.50', source: 'RETAIL', unit: '瓶' },
        box: { amount: '156.00', source: 'RETAIL' },
      },
    ]);
    const special = await withSpecials(
      [
        { skuId: 'sku_2', minor: 600 },
        // limited to a level or a customer: never a guest's
        { skuId: 'sku_2', minor: 500, levelIds: ['lvl_plain'] },
        { skuId: 'sku_2', minor: 400, customerIds: ['cus_plain'] },
      ],
      () => asGuest(PRICES, { r: [rep_('sku_2')] }),
    );
    expect(special.data._entities[0].price).toEqual({ amount: '6.00', source: 'SPECIAL', unit: '瓶' });
    // guests get no volume tiers
    const tiers = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Sku {
      price(quantity: 500) { amount source } volumeTiers { minQuantity } } } }`;
    const t = await asGuest(tiers, { r: [rep_('sku_4')] });
    expect(t.data._entities[0]).toEqual({ price: { amount: '2.60', source: 'RETAIL' }, volumeTiers: [] });
  });

  it('applies the highest volume tier reached by the quantity, when lower', async () => {
    const q = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Sku {
      none: price { amount source }
      below: price(quantity: 47) { amount source }
      first: price(quantity: 48) { amount source original { amount source } }
      second: price(quantity: 500) { amount source }
      box: price(unit: "箱", quantity: 48) { amount source }
      volumeTiers { unit minQuantity price { amount } }
      boxTiers: volumeTiers(unit: "箱") { unit minQuantity price { amount } } } } }`;
    const res = await gql(server.url, q, { r: [rep_('sku_4')] }, plain);
    expect(res.errors).toBeUndefined();
    expect(res.data._entities[0]).toEqual({
      none: { amount: '2.00', source: 'WHOLESALE' },
      below: { amount: '2.00', source: 'WHOLESALE' },
      first: { amount: '1.90', source: 'VOLUME_TIER', original: { amount: '2.00', source: 'WHOLESALE' } },
      second: { amount: '1.80', source: 'VOLUME_TIER' },
      // no box tiers of its own: the bottle tier × 24
      box: { amount: '45.60', source: 'VOLUME_TIER' },
      volumeTiers: [
        { unit: '瓶', minQuantity: 48, price: { amount: '1.90' } },
        { unit: '瓶', minQuantity: 120, price: { amount: '1.80' } },
      ],
      boxTiers: [
        { unit: '箱', minQuantity: 48, price: { amount: '45.60' } },
        { unit: '箱', minQuantity: 120, price: { amount: '43.20' } },
      ],
    });
    // a box tier of its own wins over the bottle tier; a tier above the customer's price never applies
    const box = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Sku {
      plainBox: price(unit: "箱", quantity: 120) { amount source } } } }`;
    const own = await gql(server.url, box, { r: [rep_('sku_1')] }, plain);
    expect(own.data._entities[0].plainBox).toEqual({ amount: '60.00', source: 'VOLUME_TIER' });
    const vipBox = await gql(server.url, box, { r: [rep_('sku_1')] }, vip);
    // VIP's level box price is 2.80 × 24 = 67.20 > 60.00: the tier wins
    expect(vipBox.data._entities[0].plainBox).toEqual({ amount: '60.00', source: 'VOLUME_TIER' });
    const bad = await gql(
      server.url,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Sku { price(quantity: 0) { amount } } } }`,
      { r: [rep_('sku_4')] },
      plain,
    );
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('lists every option with its source and marks the one that applies', async () => {
    const q = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Sku { id
      priceOptions(customerId: "cus_vip") { source amount applies } } } }`;
    const res = await withSpecials([{ skuId: 'sku_1', minor: 250 }], () =>
      gql(server.url, q, { r: [rep_('sku_3'), rep_('sku_1')] }, office),
    );
    expect(res.errors).toBeUndefined();
    expect(res.data._entities[0].priceOptions).toEqual([
      { source: 'LAST_SALE', amount: '9.50', applies: true },
      { source: 'WHOLESALE', amount: '10.00', applies: false },
      { source: 'RETAIL', amount: '13.00', applies: false },
    ]);
    expect(res.data._entities[1].priceOptions).toEqual([
      { source: 'LEVEL', amount: '2.80', applies: false },
      { source: 'WHOLESALE', amount: '3.00', applies: false },
      { source: 'RETAIL', amount: '4.00', applies: false },
      { source: 'SPECIAL', amount: '2.50', applies: true },
    ]);
    const tiers = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Sku {
      priceOptions(customerId: "cus_plain", quantity: 120) { source amount applies } } } }`;
    const t = await gql(server.url, tiers, { r: [rep_('sku_4')] }, office);
    expect(t.data._entities[0].priceOptions).toEqual([
      { source: 'WHOLESALE', amount: '2.00', applies: false },
      { source: 'RETAIL', amount: '2.60', applies: false },
      { source: 'VOLUME_TIER', amount: '1.80', applies: true },
    ]);
  });

  it('lets a rep see options only for its own customers, a store manager for all', async () => {
    const q = (c: string) => `query($r: [_Any!]!) { _entities(representations: $r) { ... on Sku {
      priceOptions(customerId: "${c}") { source } } } }`;
    const own = await gql(server.url, q('cus_vip'), { r: [rep_('sku_1')] }, rep);
    expect(own.errors).toBeUndefined();
    const other = await gql(server.url, q('cus_vip'), { r: [rep_('sku_1')] }, otherRep);
    expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const unknown = await gql(server.url, q('cus_nobody'), { r: [rep_('sku_1')] }, rep);
    expect(unknown.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const manager = await gql(server.url, q('cus_plain'), { r: [rep_('sku_1')] }, storeManager);
    expect(manager.errors).toBeUndefined();
    expect(manager.data._entities[0].priceOptions.map((o: { source: string }) => o.source)).toEqual([
      'WHOLESALE',
      'RETAIL',
    ]);
    const guestTry = await asGuest(q('cus_vip'), { r: [rep_('sku_1')] });
    expect(guestTry.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('skips the last sale price when the tenant does not track it, and still lists it for reps', async () => {
    const raw = database.raw();
    await raw.pricingSettings.update({ where: { tenantId: 'tnt_a' }, data: { trackLastPrice: false } });
    try {
      const res = await gql(server.url, PRICES, { r: [rep_('sku_3')] }, vip);
      expect(res.data._entities[0].price).toEqual({ amount: '10.00', source: 'WHOLESALE', unit: '瓶' });
      const q = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Sku {
        priceOptions(customerId: "cus_vip") { source amount applies } } } }`;
      const opts = await gql(server.url, q, { r: [rep_('sku_3')] }, office);
      expect(opts.data._entities[0].priceOptions[0]).toEqual({
        source: 'LAST_SALE',
        amount: '9.50',
        applies: false,
      });
      expect(opts.data._entities[0].priceOptions[1]).toEqual({
        source: 'WHOLESALE',
        amount: '10.00',
        applies: true,
      });
    } finally {
      await raw.pricingSettings.update({ where: { tenantId: 'tnt_a' }, data: { trackLastPrice: true } });
    }
  });
});
