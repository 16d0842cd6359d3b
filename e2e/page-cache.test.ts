import { dataOf } from './helpers/gateway';
import { useStack } from './helpers/stack';

// The gateway's page cache over the whole stack: answers come back from it per viewer, and a
// change, through the API or straight in the database, is seen by the next request.

const env = useStack();
const { tokenOf } = env.gateway;

const APPLE_JUICE = 'prd_00038';
const PAGE = `query Page($id: ID!) {
  product(id: $id) { id name skus { id price { amount source } stock { available } promotions { id } } }
}`;

/** One request, its data (throws on errors) and how the page cache answered it. */
async function post(query: string, variables: Record<string, unknown>, token?: string) {
  const answer = await env.gateway.post(query, variables, token);
  return { data: dataOf(answer), cache: answer.headers.get('x-wholesail-cache') };
}

const page = async (username: string) => post(PAGE, { id: APPLE_JUICE }, await tokenOf(username));

/** The page as the cache has it: asked until it comes from the cache (at most three times). */
async function cachedPage(username: string) {
  for (let i = 0; i < 3; i += 1) {
    const answer = await page(username);
    if (answer.cache === 'hit') return answer;
  }
  throw new Error(`the page of ${username} never came from the cache`);
}

describe('the page cache', () => {
  it('answers a repeated shop query from the cache, the same answer, per viewer', async () => {
    const first = await page('store001');
    const second = await page('store001');
    const third = await page('store001');
    // the first request learns which subgraphs the query needs; the second fills the cache
    expect([first.cache, second.cache, third.cache]).toEqual(['bypass', 'miss', 'hit']);
    expect(third.data).toEqual(first.data);

    // another store gets its own answer: its level price, not store001's customer price
    const other = await page('store002');
    expect(other.cache).toBe('miss');
    expect(other.data.product.skus[0].price.source).not.toBe('CUSTOMER');
    expect(first.data.product.skus[0].price.source).toBe('CUSTOMER');
    expect((await page('store002')).cache).toBe('hit');
  });

  it('shows a change made through the API in the very next answer', async () => {
    const before = await cachedPage('store002');
    const sku = before.data.product.skus[0];
    const next = (Number(sku.price.amount) + 0.11).toFixed(2);
    const me = await post(
      'query { me { ... on CustomerUser { customer { level { id } } } } }',
      {},
      await tokenOf('store002'),
    );
    const levelId = me.data.me.customer.level.id;
    const set = await post(
      `mutation($input: LevelPriceInput!) { setLevelPrice(input: $input) { __typename } }`,
      { input: { skuId: sku.id, levelId, unit: '瓶', price: next } },
      await tokenOf('office1'),
    );
    expect(set.data.setLevelPrice.__typename).not.toBe('ValidationError');

    const after = await page('store002');
    expect(after.cache).toBe('miss');
    expect(after.data.product.skus[0].price).toEqual({ amount: next, source: 'LEVEL' });
    // and it is what the subgraphs say now (another query text is never answered from the cache)
    expect((await post(`${PAGE} `, { id: APPLE_JUICE }, await tokenOf('store002'))).data).toEqual(after.data);
  });

  it('shows a change written straight into the database once the gateway has heard of it', async () => {
    const before = await cachedPage('store003');
    await env.db.query(`UPDATE catalog."Product" SET "name" = "name" || '（新）' WHERE "id" = $1`, [
      APPLE_JUICE,
    ]);
    try {
      await env.stack.settle();
      const after = await page('store003');
      expect(after.cache).toBe('miss');
      expect(after.data.product.name).toBe(`${before.data.product.name}（新）`);
    } finally {
      await env.db.query(
        `UPDATE catalog."Product" SET "name" = replace("name", '（新）', '') WHERE "id" = $1`,
        [APPLE_JUICE],
      );
      await env.stack.settle();
    }
  });

  it('computes a page once when many ask for it at the same moment', async () => {
    await cachedPage('boss');
    await env.db.query(`UPDATE catalog."Product" SET "sortOrder" = "sortOrder" WHERE "id" = $1`, [
      APPLE_JUICE,
    ]);
    await env.stack.settle();
    const answers = await Promise.all(Array.from({ length: 10 }, () => page('boss')));
    expect(answers.map((a) => a.cache).sort()).toEqual([
      'hit',
      'hit',
      'hit',
      'hit',
      'hit',
      'hit',
      'hit',
      'hit',
      'hit',
      'miss',
    ]);
    for (const a of answers) expect(a.data).toEqual(answers[0]?.data);
  });

  it('never caches queries outside the shop read path, nor anonymous ones', async () => {
    const token = await tokenOf('store001');
    const me = 'query { me { __typename } }';
    for (let i = 0; i < 3; i += 1) expect((await post(me, {}, token)).cache).toBe('bypass');
    const mixed = `query($id: ID!) { me { __typename } product(id: $id) { id } }`;
    for (let i = 0; i < 3; i += 1)
      expect((await post(mixed, { id: APPLE_JUICE }, token)).cache).toBe('bypass');
  });
});
