import { REQUEST_ID_HEADER, requestIdOf } from '../src/request-id.server';
import { createGraphqlRoute } from '../src/routes/graphql.server';
import { createSessionStorageFor } from '../src/session.server';

const session = createSessionStorageFor<{ id: string; name: string }>('test');
const route = createGraphqlRoute(session);
const realFetch = globalThis.fetch;
let sent: { url: string; headers: Headers }[] = [];

beforeEach(() => {
  sent = [];
  globalThis.fetch = (async (url: string | URL | Request, init?: RequestInit) => {
    sent.push({ url: String(url), headers: new Headers(init?.headers) });
    return Response.json(
      { data: { __typename: 'Query' } },
      { headers: { [REQUEST_ID_HEADER]: 'from-gateway' } },
    );
  }) as typeof fetch;
});
afterAll(() => {
  globalThis.fetch = realFetch;
});

function post(headers: Record<string, string> = {}) {
  return new Request('http://app.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query: '{ __typename }' }),
  });
}

describe('request ids', () => {
  it("keeps the browser's id", () => {
    expect(requestIdOf(post({ [REQUEST_ID_HEADER]: 'abc-123' }))).toBe('abc-123');
  });

  it('makes one id per request when there is none (or a bad one), and keeps it', () => {
    const request = post({ [REQUEST_ID_HEADER]: 'x'.repeat(201) });
    const id = requestIdOf(request);
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestIdOf(request)).toBe(id);
    expect(requestIdOf(post())).not.toBe(id);
  });
});

describe('the /graphql proxy', () => {
  it("forwards the browser's x-request-id to the gateway and passes the gateway's back", async () => {
    const response = await route.action({ request: post({ [REQUEST_ID_HEADER]: 'abc-123' }) });
    expect(response.status).toBe(200);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.headers.get(REQUEST_ID_HEADER)).toBe('abc-123');
    expect(sent[0]?.headers.get('authorization')).toBeNull();
    expect(response.headers.get(REQUEST_ID_HEADER)).toBe('from-gateway');
  });

  it('sends a new request id when the browser sent none, on GET too', async () => {
    await route.loader({ request: new Request('http://app.test/graphql?query=%7B__typename%7D') });
    expect(sent[0]?.headers.get(REQUEST_ID_HEADER)).toMatch(/^[0-9a-f-]{36}$/);
    expect(sent[0]?.headers.get('apollo-require-preflight')).toBe('true');
    expect(sent[0]?.url).toMatch(/\?query=%7B__typename%7D$/);
  });

  it('adds the token of the session', async () => {
    const cookie = await session.commitAuth(post(), {
      token: 'tok',
      expiresAt: new Date(Date.now() + 60_000).toISOString(),
      viewer: { id: 'u1', name: 'Zhang' },
    });
    await route.action({ request: post({ cookie: cookie.split(';')[0] ?? '' }) });
    expect(sent[0]?.headers.get('authorization')).toBe('Bearer tok');
  });

  it('refuses what is not JSON without calling the gateway', async () => {
    const response = await route.action({
      request: new Request('http://app.test/graphql', { method: 'POST', body: 'x' }),
    });
    expect(response.status).toBe(415);
    expect(sent).toHaveLength(0);
  });
});
