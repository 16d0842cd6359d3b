import { signToken } from '@wholesail/platform';
import { graphqlRequest, TEST_AUTH_SECRET } from '@wholesail/platform/testing';
import { useStack } from './helpers/stack';

// The query of issue #2, through the gateway, as two customers of different levels.
const SHOP = `{ me { ... on CustomerUser { customer { id name level { name } } } }
  products(first: 5) { edges { node { id name brand { name } skus { id barcode
    price { amount currency source } stock { available } } promotions { id title } } } } }`;

const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { __typename ... on LoginSuccess { token } } }`;

const env = useStack();

async function login(username: string): Promise<string> {
  const res = await graphqlRequest(env.stack.urls.gateway, LOGIN, {
    input: { tenant: 'demo', username, password: 'demo1234' },
  });
  expect(res.data?.login.__typename).toBe('LoginSuccess');
  return res.data.login.token;
}

/** The price the rules of DOMAIN.md give, computed straight from the pricing tables. */
async function expectedBasePrice(
  customerId: string,
  skuId: string,
  baseUnit: string,
): Promise<{ minor: bigint; source: string }> {
  const q = async (sql: string, params: unknown[]) =>
    (await env.db.query(sql, params)).rows[0] as { p: string } | undefined;
  const customer = await q(
    'SELECT "priceMinor" p FROM pricing."CustomerPrice" WHERE "customerId"=$1 AND "skuId"=$2 AND unit=$3',
    [customerId, skuId, baseUnit],
  );
  if (customer) return { minor: BigInt(customer.p), source: 'CUSTOMER' };
  const tracking = await env.db.query(
    'SELECT "trackLastPrice" FROM pricing."PricingSettings" WHERE "tenantId"=$1',
    ['tnt_demo'],
  );
  if (tracking.rows[0]?.trackLastPrice) {
    const last = await q(
      'SELECT "priceMinor" p FROM pricing."LastSalePrice" WHERE "customerId"=$1 AND "skuId"=$2 AND unit=$3',
      [customerId, skuId, baseUnit],
    );
    if (last) return { minor: BigInt(last.p), source: 'LAST_SALE' };
  }
  const level = await q(
    `SELECT lp."priceMinor" p FROM pricing."LevelPrice" lp JOIN pricing."CustomerPriceProfile" c ON c."levelId" = lp."levelId"
     WHERE c."customerId"=$1 AND lp."skuId"=$2 AND lp.unit=$3`,
    [customerId, skuId, baseUnit],
  );
  if (level) return { minor: BigInt(level.p), source: 'LEVEL' };
  const base = await q('SELECT "wholesaleMinor" p FROM pricing."SkuPrice" WHERE "skuId"=$1 AND unit=$2', [
    skuId,
    baseUnit,
  ]);
  return { minor: BigInt(base!.p), source: 'WHOLESALE' };
}

function toMinor(amount: string): bigint {
  const [whole, frac = ''] = amount.split('.');
  return BigInt(whole!) * 100n + BigInt(frac.padEnd(2, '0'));
}

describe('the federated shop query through the gateway', () => {
  it('shows each customer its own level and its own prices, as the data says', async () => {
    const results: Record<string, any> = {};
    for (const username of ['store001', 'store002']) {
      const res = await graphqlRequest(env.stack.urls.gateway, SHOP, {}, { token: await login(username) });
      expect(res.errors).toBeUndefined();
      results[username] = res.data;
    }
    const a = results.store001;
    const b = results.store002;
    expect(a.me.customer.id).not.toBe(b.me.customer.id);
    expect(a.me.customer.level.name).not.toBe(b.me.customer.level.name);
    expect(a.products.edges).toHaveLength(5);

    let differing = 0;
    for (const [i, edge] of a.products.edges.entries()) {
      const other = b.products.edges[i].node;
      expect(edge.node.brand.name).toBeTruthy();
      for (const [j, sku] of edge.node.skus.entries()) {
        const baseUnit = (await env.db.query('SELECT "baseUnit" FROM catalog."Sku" WHERE id=$1', [sku.id]))
          .rows[0].baseUnit;
        for (const [customer, price] of [
          [a.me.customer.id, sku.price],
          [b.me.customer.id, other.skus[j].price],
        ] as const) {
          const expected = await expectedBasePrice(customer, sku.id, baseUnit);
          expect({ minor: toMinor(price.amount), source: price.source }).toEqual(expected);
          expect(price.currency).toBe('CNY');
        }
        if (sku.price.amount !== other.skus[j].price.amount) differing++;
        expect(typeof sku.stock.available).toBe('number');
      }
    }
    expect(differing).toBeGreaterThan(0);
  });

  it('answers the same query for staff with wholesale prices and no customer', async () => {
    const res = await graphqlRequest(env.stack.urls.gateway, SHOP, {}, { token: await login('boss') });
    expect(res.errors).toBeUndefined();
    expect(res.data.me).toEqual({});
    expect(res.data.products.edges[0].node.skus[0].price.source).toBe('WHOLESALE');
  });
});

describe('bought before', () => {
  it("lists the store's own past SKUs, newest first, with the catalog's data", async () => {
    const res = await graphqlRequest(
      env.stack.urls.gateway,
      '{ boughtBefore(limit: 10) { sku { id code } unit timesOrdered lastOrderedAt lastQuantity } }',
      {},
      { token: await login('store001') },
    );
    expect(res.errors).toBeUndefined();
    const items = res.data.boughtBefore;
    expect(items.length).toBeGreaterThan(0);
    const own = await env.db.query(
      `SELECT DISTINCT l."skuId" FROM orders."OrderLine" l JOIN orders."Order" o ON o.id = l."orderId"
        WHERE o."customerId" = 'cus_0001' AND o.status NOT IN ('CANCELLED', 'REJECTED') AND NOT l."isGift"`,
    );
    const ownIds = new Set(own.rows.map((r) => r.skuId));
    for (const item of items) {
      expect(ownIds.has(item.sku?.id ?? item.sku)).toBe(true);
      expect(item.lastQuantity).toBeGreaterThan(0);
    }
    const dates = items.map((i: any) => Date.parse(i.lastOrderedAt));
    expect([...dates].sort((a, b) => b - a)).toEqual(dates);
  });
});

describe('bad input through the gateway', () => {
  const post = (body: string, headers: Record<string, string> = {}) =>
    fetch(env.stack.urls.gateway, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });

  async function expectCleanError(res: Response, status: number, code: string) {
    expect(res.status).toBe(status);
    const text = await res.text();
    expect(text).not.toMatch(/\bat .+\.(ts|js):\d+/);
    expect(text).not.toContain('stacktrace');
    const body = JSON.parse(text);
    expect(body.errors[0].extensions.code).toBe(code);
    return body;
  }

  it('rejects malformed GraphQL', async () => {
    await expectCleanError(
      await post(JSON.stringify({ query: '{ products(first: ' })),
      400,
      'GRAPHQL_PARSE_FAILED',
    );
  });

  it('rejects unknown fields', async () => {
    await expectCleanError(
      await post(JSON.stringify({ query: '{ nope }' })),
      400,
      'GRAPHQL_VALIDATION_FAILED',
    );
  });

  it('rejects variables of the wrong type', async () => {
    const body = JSON.stringify({
      query: 'query($n: Int) { products(first: $n) { edges { node { id } } } }',
      variables: { n: 'five' },
    });
    await expectCleanError(await post(body), 400, 'BAD_USER_INPUT');
  });

  it('rejects a money amount that is not a decimal string, as a variable or inline, before any subgraph', async () => {
    const mutation =
      'mutation($p: Decimal!) { setSkuPrice(input: { skuId: "sku_00001", unit: "瓶", wholesale: $p, retail: "4.00" }) { __typename } }';
    for (const p of ['abc', 3.5, '1e3', '']) {
      await expectCleanError(
        await post(JSON.stringify({ query: mutation, variables: { p } })),
        400,
        'BAD_USER_INPUT',
      );
    }
    await expectCleanError(
      await post(
        JSON.stringify({
          query:
            'mutation { setSkuPrice(input: { skuId: "sku_00001", unit: "瓶", wholesale: 3.5, retail: "4.00" }) { __typename } }',
        }),
      ),
      400,
      'GRAPHQL_VALIDATION_FAILED',
    );
  });

  it('rejects a body that is not JSON and an oversized body', async () => {
    await expectCleanError(await post('{"query": '), 400, 'BAD_REQUEST');
    await expectCleanError(
      await post(JSON.stringify({ query: `{ me { __typename } }${' '.repeat(1_100_000)}` })),
      413,
      'BAD_REQUEST',
    );
  });

  it('rejects forged, expired, malformed and service tokens with 401', async () => {
    const viewer = {
      kind: 'staff' as const,
      tenantId: 'tnt_demo',
      staffId: 'stf_boss',
      roles: ['BOSS' as const],
    };
    const forged = await signToken(viewer, 'someone-elses-secret-someone-elses-secret', 600);
    const expired = await signToken(viewer, TEST_AUTH_SECRET, -10);
    const service = await signToken(
      { kind: 'service', tenantId: 'tnt_demo', service: 'orders' },
      TEST_AUTH_SECRET,
      60,
    );
    for (const token of [forged, expired, service, 'not.a.jwt']) {
      const res = await post(JSON.stringify({ query: '{ me { __typename } }' }), {
        authorization: `Bearer ${token}`,
      });
      await expectCleanError(res, 401, 'UNAUTHENTICATED');
    }
    await expectCleanError(
      await post(JSON.stringify({ query: '{ me { __typename } }' }), { authorization: 'Basic abc' }),
      401,
      'UNAUTHENTICATED',
    );
  });

  it('refuses protected data without a token', async () => {
    const res = await graphqlRequest(
      env.stack.urls.gateway,
      '{ customers(first: 3) { edges { node { id } } } }',
    );
    expect(res.data?.customers ?? null).toBeNull();
    expect(res.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('never shows data of another tenant to a token of another tenant', async () => {
    const viewer = {
      kind: 'staff' as const,
      tenantId: 'tnt_other',
      staffId: 'stf_boss',
      roles: ['BOSS' as const],
    };
    const token = await signToken(viewer, TEST_AUTH_SECRET, 600);
    const res = await graphqlRequest(
      env.stack.urls.gateway,
      '{ me { __typename } products(first: 5) { edges { node { id } } } customers(first: 5) { edges { node { id } } } orders(first: 5) { edges { node { id } } } }',
      {},
      { token },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({
      me: null,
      products: { edges: [] },
      customers: { edges: [] },
      orders: { edges: [] },
    });
  });

  it('refuses documents with too many tokens', async () => {
    const query = `{ ${Array.from({ length: 3000 }, (_, i) => `a${i}: __typename`).join(' ')} }`;
    await expectCleanError(await post(JSON.stringify({ query })), 400, 'GRAPHQL_PARSE_FAILED');
  });

  it('refuses queries nested too deep', async () => {
    const deep = `{ categories { ${'children { '.repeat(14)} id ${'} '.repeat(14)} } }`;
    const res = await post(JSON.stringify({ query: deep }));
    const body = await res.json();
    expect(body.errors?.[0]?.message).toMatch(/depth/i);
    expect(body.data ?? null).toBeNull();
  });

  it('serves GraphiQL from local files and reports health', async () => {
    const page = await fetch(env.stack.urls.gateway, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('/graphiql/graphiql.js');
    expect(html).not.toMatch(/https?:\/\/(?!localhost)[a-z0-9.-]+\.(com|net|org|io)/);
    const base = env.stack.urls.gateway.replace(/\/graphql$/, '');
    for (const asset of ['react.js', 'react-dom.js', 'graphiql.js', 'graphiql.css']) {
      expect((await fetch(`${base}/graphiql/${asset}`)).status).toBe(200);
    }
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
  });
});

describe('guests', () => {
  const GUEST = `{ products(first: 20) { edges { node { brand { id } skus { price { amount source } stock { available level } } } } } }`;
  const asGuest = (tenant: string) =>
    fetch(env.stack.urls.gateway, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-wholesail-tenant': tenant },
      body: JSON.stringify({ query: GUEST }),
    }).then((r) => r.json() as Promise<any>);

  it('may not browse a shop that does not allow it', async () => {
    const res = await asGuest('demo');
    expect(res.data?.products ?? null).toBeNull();
    expect(res.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('see retail prices and open brands only once the boss allows guest browsing', async () => {
    const boss = await login('boss');
    const on = await graphqlRequest(
      env.stack.urls.gateway,
      'mutation { updateTenantSettings(guestBrowsing: true) { guestBrowsing } }',
      {},
      { token: boss },
    );
    expect(on.data.updateTenantSettings.guestBrowsing).toBe(true);
    const res = await asGuest(' DEMO ');
    expect(res.errors).toBeUndefined();
    const nodes = res.data.products.edges.map((e: any) => e.node);
    expect(nodes.length).toBeGreaterThan(0);
    const restricted = (await env.db.query('SELECT id FROM catalog."Brand" WHERE restricted')).rows.map(
      (r) => r.id,
    );
    for (const node of nodes) {
      expect(restricted).not.toContain(node.brand.id);
      for (const sku of node.skus) {
        if (sku.price) expect(sku.price.source).toBe('RETAIL');
        expect(['IN_STOCK', 'LOW', 'OUT']).toContain(sku.stock.level);
      }
    }
    const unknown = await asGuest('no-such-shop');
    expect(unknown.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });
});
