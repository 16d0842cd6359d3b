import { defaultTenant, gatewayTimeoutMs, gatewayUrl } from '@wholesail/web/env.server';
import {
  type GraphQLErrorShape,
  type GraphQLResult,
  isUnauthenticated,
  type PageErrorData,
} from '@wholesail/web/gateway.server';
import { REQUEST_ID_HEADER, requestIdOf } from '@wholesail/web/request-id.server';
import { loginUrl } from '@wholesail/web/session.server';
import { data, redirect } from 'react-router';
import { session } from './session.server';

/**
 * The header that names the distributor for a visitor without a login; the gateway lets them
 * browse as a guest (retail prices, open brands) when that distributor allows guest browsing.
 */
export const TENANT_HEADER = 'x-wholesail-tenant';

/** Who is asking: a logged-in store (its token) or a visitor of the deployment's distributor. */
export type ShopCaller = { kind: 'store'; token: string } | { kind: 'guest'; tenant: string };

export async function shopCaller(request: Request): Promise<ShopCaller> {
  const auth = await session.readAuth(request);
  return auth ? { kind: 'store', token: auth.token } : { kind: 'guest', tenant: defaultTenant() };
}

/** The headers that carry the caller to the gateway. */
export function callerHeaders(caller: ShopCaller): Record<string, string> {
  return caller.kind === 'store'
    ? { authorization: `Bearer ${caller.token}` }
    : { [TENANT_HEADER]: caller.tenant };
}

async function leave(request: Request, caller: ShopCaller): Promise<never> {
  // A refused token (expired, revoked) or a distributor without guest browsing: log in first.
  const headers = caller.kind === 'store' ? { 'Set-Cookie': await session.destroyAuth(request) } : undefined;
  throw redirect(loginUrl(request), headers ? { headers } : undefined);
}

/**
 * Runs a query of a shop page for whoever asks: the store's token when logged in, else as a guest
 * of the deployment's distributor. A refused caller goes to /login, an unreachable gateway is a
 * 503 for the error boundary, errors without data a 500; partial data comes back with its errors.
 */
export async function shopQuery<T>(
  request: Request,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<{ data: T; errors: GraphQLErrorShape[]; caller: ShopCaller }> {
  const caller = await shopCaller(request);
  let response: Response;
  try {
    response = await fetch(gatewayUrl(), {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        [REQUEST_ID_HEADER]: requestIdOf(request),
        ...callerHeaders(caller),
      },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(gatewayTimeoutMs()),
    });
  } catch (cause) {
    console.error(`The gateway at ${gatewayUrl()} cannot be reached`, cause);
    throw data<PageErrorData>({ reason: 'unavailable' }, { status: 503 });
  }
  let body: GraphQLResult<T> | undefined;
  try {
    body = (await response.json()) as GraphQLResult<T>;
  } catch {
    body = undefined;
  }
  if (isUnauthenticated(response.status, body?.errors)) return leave(request, caller);
  if (!body?.data) {
    if (!body) throw data<PageErrorData>({ reason: 'unavailable' }, { status: 503 });
    console.error('GraphQL errors without data', body.errors);
    throw data<PageErrorData>({ reason: 'error' }, { status: 500 });
  }
  const errors = body.errors ?? [];
  if (errors.length > 0) console.error('Shop query answered with errors', errors);
  return { data: body.data, errors, caller };
}
