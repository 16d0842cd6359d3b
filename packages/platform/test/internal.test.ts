import { buildSchema } from 'graphql';
import { z } from 'zod';
import { signToken } from '../src/auth';
import { callInternal, InternalCallError, internalUrl } from '../src/internal';
import { createLogger } from '../src/logger';
import { type RunningServer, startGraphQLServer } from '../src/server';
import { currentTenantId } from '../src/tenant';

const SECRET = 'internal-test-secret-0123456789-0123456789';
let server: RunningServer;

beforeAll(async () => {
  server = await startGraphQLServer({
    name: 'callee',
    schema: buildSchema('type Query { ok: Boolean }'),
    port: 0,
    host: '127.0.0.1',
    authSecret: SECRET,
    logger: createLogger('callee', 'silent'),
    ready: async () => {},
    internal: {
      double: {
        input: z.object({ n: z.number().int() }),
        handle: async (input, ctx) => ({
          n: input.n * 2,
          tenant: ctx.tenantId,
          inScope: currentTenantId(),
          caller: ctx.service,
        }),
      },
    },
  });
});

afterAll(async () => {
  await server?.close();
});

const call = (input: unknown, secret = SECRET) =>
  callInternal<{ n: number; tenant: string; inScope: string; caller: string }>(server.url, 'double', input, {
    service: 'orders',
    tenantId: 'tnt_a',
    authSecret: secret,
  });

describe('internal commands', () => {
  it('run in the caller tenant scope and answer their result', async () => {
    expect(await call({ n: 21 })).toEqual({ n: 42, tenant: 'tnt_a', inScope: 'tnt_a', caller: 'orders' });
  });

  it('refuse bad input with the problems, other tokens, no token and unknown commands', async () => {
    await expect(call({ n: 'x' })).rejects.toMatchObject({ status: 400, code: 'BAD_INPUT' });
    await expect(call({ n: 1 }, 'another-secret-0123456789-0123456789-0123')).rejects.toMatchObject({
      status: 401,
    });
    const customer = await signToken(
      { kind: 'customer', tenantId: 'tnt_a', customerId: 'c1', customerUserId: 'u1' },
      SECRET,
      60,
    );
    const asCustomer = await fetch(internalUrl(server.url, 'double'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${customer}` },
      body: JSON.stringify({ n: 1 }),
    });
    expect(asCustomer.status).toBe(401);
    const anonymous = await fetch(internalUrl(server.url, 'double'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ n: 1 }),
    });
    expect(anonymous.status).toBe(401);
    await expect(
      callInternal(server.url, 'nope', {}, { service: 'orders', tenantId: 'tnt_a', authSecret: SECRET }),
    ).rejects.toBeInstanceOf(InternalCallError);
  });
});
