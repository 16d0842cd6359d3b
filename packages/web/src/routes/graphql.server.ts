import { gatewayTimeoutMs, gatewayUrl } from '../env.server';
import { REQUEST_ID_HEADER, requestIdOf } from '../request-id.server';
import type { AppSession, BaseSessionViewer } from '../session.server';

/**
 * The browser's GraphQL endpoint (an app's `/graphql` route): forwards to the gateway with the
 * access token from the httpOnly session cookie. Without a session it forwards anonymously and
 * the gateway decides. The browser's `x-request-id` goes along (a new one when it sent none).
 */

const MAX_BODY_BYTES = 1_000_000;
const PASSED_RESPONSE_HEADERS = ['content-type', 'cache-control', 'retry-after', REQUEST_ID_HEADER];

function graphqlError(status: number, message: string, code: string): Response {
  return Response.json({ errors: [{ message, extensions: { code } }] }, { status });
}

/** The `action` (POST) and `loader` (GET) of an app's `/graphql` route, for the app's session. */
export function createGraphqlRoute(session: AppSession<BaseSessionViewer>) {
  async function forward(request: Request, init: { method: string; url: string; body?: string }) {
    const auth = await session.readAuth(request);
    const headers: Record<string, string> = {
      accept: request.headers.get('accept') ?? 'application/graphql-response+json, application/json',
      [REQUEST_ID_HEADER]: requestIdOf(request),
    };
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    // GET carries no JSON body; this header tells the gateway's CSRF check it is not a simple request.
    else headers['apollo-require-preflight'] = 'true';
    if (auth) headers.authorization = `Bearer ${auth.token}`;

    let upstream: Response;
    try {
      upstream = await fetch(init.url, {
        method: init.method,
        headers,
        body: init.body,
        signal: AbortSignal.any([request.signal, AbortSignal.timeout(gatewayTimeoutMs())]),
      });
    } catch (error) {
      console.error(`GraphQL proxy: the gateway at ${gatewayUrl()} cannot be reached`, error);
      return graphqlError(502, 'The service is unavailable', 'GATEWAY_UNAVAILABLE');
    }
    const responseHeaders = new Headers();
    for (const name of PASSED_RESPONSE_HEADERS) {
      const value = upstream.headers.get(name);
      if (value) responseHeaders.set(name, value);
    }
    return new Response(upstream.body, { status: upstream.status, headers: responseHeaders });
  }

  async function action({ request }: { request: Request }): Promise<Response> {
    if (request.method !== 'POST') {
      return graphqlError(405, 'Use POST or GET', 'METHOD_NOT_ALLOWED');
    }
    // JSON only: a cross-site HTML form cannot send it, which keeps the cookie from being abused.
    const type = request.headers.get('content-type') ?? '';
    if (!/^application\/(graphql-response\+)?json\b/i.test(type)) {
      return graphqlError(415, 'Send application/json', 'UNSUPPORTED_MEDIA_TYPE');
    }
    const length = Number(request.headers.get('content-length') ?? 0);
    if (length > MAX_BODY_BYTES) return graphqlError(413, 'The request is too large', 'PAYLOAD_TOO_LARGE');
    const body = await request.text();
    if (body.length > MAX_BODY_BYTES)
      return graphqlError(413, 'The request is too large', 'PAYLOAD_TOO_LARGE');
    return forward(request, { method: 'POST', url: gatewayUrl(), body });
  }

  /** GET queries (urql's `preferGetMethod`); the gateway refuses mutations over GET. */
  async function loader({ request }: { request: Request }): Promise<Response> {
    const target = new URL(gatewayUrl());
    target.search = new URL(request.url).search;
    return forward(request, { method: 'GET', url: target.toString() });
  }

  return { action, loader };
}
