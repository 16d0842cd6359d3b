import { defaultTenant, gatewayTimeoutMs, gatewayUrl } from '@wholesail/web/env.server';
import { REQUEST_ID_HEADER, requestIdOf } from '@wholesail/web/request-id.server';
import { createGraphqlRoute } from '@wholesail/web/routes/graphql.server';
import { session } from '../lib/session.server';
import { TENANT_HEADER } from '../lib/shop.server';
import type { Route } from './+types/graphql';

/**
 * The browser's GraphQL endpoint: a proxy to the gateway with this app's session. A visitor
 * without a session browses as a guest of the deployment's distributor (the gateway decides
 * whether that distributor allows it).
 */
const graphql = createGraphqlRoute(session);

const MAX_BODY_BYTES = 1_000_000;
const PASSED_RESPONSE_HEADERS = ['content-type', 'cache-control', 'retry-after', REQUEST_ID_HEADER];

async function asGuest(request: Request, url: string, body?: string): Promise<Response> {
  const headers: Record<string, string> = {
    accept: request.headers.get('accept') ?? 'application/graphql-response+json, application/json',
    [REQUEST_ID_HEADER]: requestIdOf(request),
    [TENANT_HEADER]: defaultTenant(),
  };
  if (body !== undefined) headers['content-type'] = 'application/json';
  else headers['apollo-require-preflight'] = 'true';
  let upstream: Response;
  try {
    upstream = await fetch(url, {
      method: body === undefined ? 'GET' : 'POST',
      headers,
      body,
      signal: AbortSignal.any([request.signal, AbortSignal.timeout(gatewayTimeoutMs())]),
    });
  } catch (error) {
    console.error(`GraphQL proxy: the gateway at ${gatewayUrl()} cannot be reached`, error);
    return Response.json(
      { errors: [{ message: 'The service is unavailable', extensions: { code: 'GATEWAY_UNAVAILABLE' } }] },
      { status: 502 },
    );
  }
  const responseHeaders = new Headers();
  for (const name of PASSED_RESPONSE_HEADERS) {
    const value = upstream.headers.get(name);
    if (value) responseHeaders.set(name, value);
  }
  return new Response(upstream.body, { status: upstream.status, headers: responseHeaders });
}

export async function action(args: Route.ActionArgs): Promise<Response> {
  const { request } = args;
  if ((await session.readAuth(request)) || request.method !== 'POST') return graphql.action(args);
  const type = request.headers.get('content-type') ?? '';
  const length = Number(request.headers.get('content-length') ?? 0);
  // The checks (JSON only, size) are the shared route's: let it answer the refusals.
  if (!/^application\/(graphql-response\+)?json\b/i.test(type) || length > MAX_BODY_BYTES)
    return graphql.action(args);
  const body = await request.text();
  if (body.length > MAX_BODY_BYTES) {
    return Response.json(
      { errors: [{ message: 'The request is too large', extensions: { code: 'PAYLOAD_TOO_LARGE' } }] },
      { status: 413 },
    );
  }
  return asGuest(request, gatewayUrl(), body);
}

export async function loader(args: Route.LoaderArgs): Promise<Response> {
  const { request } = args;
  if (await session.readAuth(request)) return graphql.loader(args);
  const target = new URL(gatewayUrl());
  target.search = new URL(request.url).search;
  return asGuest(request, target.toString());
}
