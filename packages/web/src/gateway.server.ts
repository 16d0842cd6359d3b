import { data, redirect } from 'react-router';
import { gatewayTimeoutMs, gatewayUrl } from './env.server';
import { REQUEST_ID_HEADER, requestIdOf } from './request-id.server';
import { type AppSession, type BaseSessionViewer, loginUrl } from './session.server';

export interface GraphQLErrorShape {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; [key: string]: unknown };
}

export interface GraphQLResult<T> {
  data?: T | null;
  errors?: GraphQLErrorShape[];
}

/** The gateway could not be reached or did not answer with GraphQL. */
export class GatewayUnavailableError extends Error {
  override name = 'GatewayUnavailableError';
}

/** The gateway refused the token (HTTP 401 or an UNAUTHENTICATED error). */
export class UnauthenticatedError extends Error {
  override name = 'UnauthenticatedError';
}

/** What an error boundary receives (as `data` of a thrown response) when a page cannot load. */
export interface PageErrorData {
  reason: 'unavailable' | 'error';
}

export function isUnauthenticated(status: number, errors: GraphQLErrorShape[] | undefined): boolean {
  return status === 401 || (errors ?? []).some((e) => e.extensions?.code === 'UNAUTHENTICATED');
}

export interface GatewayRequestOptions {
  /** The access token of the logged-in user, if any. */
  token?: string;
  /** The id of the browser request this call serves (see `requestIdOf`), sent as `x-request-id`. */
  requestId?: string;
}

/** Sends one GraphQL operation to the gateway from the app server. */
export async function gatewayRequest<T>(
  query: string,
  variables: Record<string, unknown>,
  { token, requestId }: GatewayRequestOptions = {},
): Promise<GraphQLResult<T>> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    accept: 'application/graphql-response+json, application/json',
  };
  if (token) headers.authorization = `Bearer ${token}`;
  if (requestId) headers[REQUEST_ID_HEADER] = requestId;

  let response: Response;
  try {
    response = await fetch(gatewayUrl(), {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(gatewayTimeoutMs()),
    });
  } catch (cause) {
    throw new GatewayUnavailableError(`The gateway at ${gatewayUrl()} cannot be reached`, { cause });
  }

  let body: GraphQLResult<T> | undefined;
  try {
    body = (await response.json()) as GraphQLResult<T>;
  } catch {
    body = undefined;
  }
  if (isUnauthenticated(response.status, body?.errors)) {
    throw new UnauthenticatedError('The gateway refused the access token');
  }
  if (!body || typeof body !== 'object' || (!('data' in body) && !('errors' in body))) {
    throw new GatewayUnavailableError(`The gateway answered HTTP ${response.status} without GraphQL`);
  }
  return body;
}

/**
 * Runs a query for a page that needs login: no token or a refused token redirects to /login,
 * an unreachable gateway becomes a 503 for the error boundary, and GraphQL errors without data
 * become a 500. Partial data (data plus errors) is returned for the page to render what it can.
 */
export async function loadWithAuth<T>(
  session: AppSession<BaseSessionViewer>,
  request: Request,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<{ data: T; errors: GraphQLErrorShape[] }> {
  const auth = await session.requireAuth(request);
  try {
    const result = await gatewayRequest<T>(query, variables, {
      token: auth.token,
      requestId: requestIdOf(request),
    });
    if (!result.data) {
      console.error('GraphQL errors without data', result.errors);
      throw data<PageErrorData>({ reason: 'error' }, { status: 500 });
    }
    return { data: result.data, errors: result.errors ?? [] };
  } catch (error) {
    if (error instanceof UnauthenticatedError) {
      throw redirect(loginUrl(request), { headers: { 'Set-Cookie': await session.destroyAuth(request) } });
    }
    if (error instanceof GatewayUnavailableError) {
      console.error(error.message);
      throw data<PageErrorData>({ reason: 'unavailable' }, { status: 503 });
    }
    throw error;
  }
}
