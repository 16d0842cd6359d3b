import { type AuthenticatedViewer, signToken } from '../auth';

export const TEST_AUTH_SECRET = 'test-secret-0123456789-0123456789-0123456789';

export interface GraphQLResponse<T = any> {
  status: number;
  data?: T;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string } }[];
}

/** POSTs a GraphQL operation over real HTTP, as `viewer` (or anonymously). */
export async function graphqlRequest<T = any>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  options: {
    viewer?: AuthenticatedViewer;
    token?: string;
    secret?: string;
    headers?: Record<string, string>;
  } = {},
): Promise<GraphQLResponse<T>> {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...options.headers };
  const token =
    options.token ??
    (options.viewer ? await signToken(options.viewer, options.secret ?? TEST_AUTH_SECRET, 600) : undefined);
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  const body = (await res.json()) as { data?: T; errors?: GraphQLResponse['errors'] };
  return { status: res.status, ...body };
}

/** Shorthand of graphqlRequest for tests that act as one viewer. */
export function gql<T = any>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  viewer?: AuthenticatedViewer,
): Promise<GraphQLResponse<T>> {
  return graphqlRequest<T>(url, query, variables, { viewer });
}
