import { graphqlRequest } from '@wholesail/platform/testing';
import { type Stack, startStack } from '@wholesail/stack';

// Dev mode composes the supergraph from the running subgraphs instead of the committed file.
let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ gatewayMode: 'dev' });
}, 180_000);
afterAll(async () => {
  await stack?.stop();
}, 60_000);

it('serves the federated schema composed at start-up from the subgraphs', async () => {
  const login = await graphqlRequest(
    stack.urls.gateway,
    'mutation { login(input: { tenant: "demo", username: "office1", password: "demo1234" }) { ... on LoginSuccess { token } } }',
  );
  const res = await graphqlRequest(
    stack.urls.gateway,
    '{ orders(first: 2) { edges { node { number customer { name } lines { sku { code } } } } } }',
    {},
    { token: login.data.login.token },
  );
  expect(res.errors).toBeUndefined();
  expect(res.data.orders.edges).toHaveLength(2);
  expect(res.data.orders.edges[0].node.customer.name).toBeTruthy();
  expect(res.data.orders.edges[0].node.lines[0].sku.code).toBeTruthy();
});

it('carries the caller request id through the gateway', async () => {
  const res = await fetch(stack.urls.gateway, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-request-id': 'trace-me-123' },
    body: JSON.stringify({ query: '{ __typename }' }),
  });
  expect(res.headers.get('x-request-id')).toBe('trace-me-123');
});
