// A small client of the gateway for end-to-end tests: GraphQL over plain fetch, as a store or a
// staff member, with the demo logins (tenant `demo`, password `demo1234`).

export const DEMO_TENANT = 'demo';
export const DEMO_PASSWORD = 'demo1234';

const LOGIN = 'mutation($input: LoginInput!) { login(input: $input) { ... on LoginSuccess { token } } }';

export interface GatewayGraphQLError {
  message: string;
  extensions?: Record<string, unknown>;
}

/** What the gateway answered to one request, as it came back (nothing thrown for GraphQL errors). */
export interface GatewayAnswer<T = any> {
  status: number;
  headers: Headers;
  data?: T;
  errors?: GatewayGraphQLError[];
}

/** The gateway answered with errors (or without data) where the test expected data. */
export class GraphQLFailed extends Error {
  constructor(readonly errors: GatewayGraphQLError[] | undefined) {
    super(`GraphQL failed: ${JSON.stringify(errors)}`);
    this.name = 'GraphQLFailed';
  }
}

/** A demo user could not log in through the gateway. */
export class LoginFailed extends Error {
  constructor(
    readonly username: string,
    readonly answer: GatewayAnswer,
  ) {
    super(`${username} could not log in: ${JSON.stringify({ data: answer.data, errors: answer.errors })}`);
    this.name = 'LoginFailed';
  }
}

/** The data of an answer; throws GraphQLFailed when it has errors or no data. */
export function dataOf<T>(answer: GatewayAnswer<T>): T {
  if (!answer.data || answer.errors?.length) throw new GraphQLFailed(answer.errors);
  return answer.data;
}

export interface GatewayClient {
  /** POSTs one operation and gives back the whole answer (status, headers, data and errors). */
  post<T = any>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
  ): Promise<GatewayAnswer<T>>;
  /** POSTs one operation and gives back its data; throws GraphQLFailed on errors or no data. */
  gql<T = any>(query: string, variables?: Record<string, unknown>, token?: string): Promise<T>;
  /** The token of a demo user (tenant demo, password demo1234), logged in once per client. */
  tokenOf(username: string): Promise<string>;
  /** gql as that demo user. */
  as<T = any>(username: string, query: string, variables?: Record<string, unknown>): Promise<T>;
}

/**
 * A client of the gateway at `url`. Pass a function when the URL is only known later (the stack
 * starts in beforeAll): it is asked on every request.
 */
export function gatewayClient(url: string | (() => string)): GatewayClient {
  const gatewayUrl = typeof url === 'string' ? () => url : url;
  const tokens = new Map<string, string>();

  async function post<T = any>(
    query: string,
    variables: Record<string, unknown> = {},
    token?: string,
  ): Promise<GatewayAnswer<T>> {
    const response = await fetch(gatewayUrl(), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: T; errors?: GatewayGraphQLError[] };
    return { status: response.status, headers: response.headers, data: body.data, errors: body.errors };
  }

  async function gql<T = any>(query: string, variables: Record<string, unknown> = {}, token?: string) {
    return dataOf(await post<T>(query, variables, token));
  }

  async function tokenOf(username: string): Promise<string> {
    const known = tokens.get(username);
    if (known) return known;
    const answer = await post<{ login: { token?: string } | null }>(LOGIN, {
      input: { tenant: DEMO_TENANT, username, password: DEMO_PASSWORD },
    });
    const token = answer.data?.login?.token;
    if (!token) throw new LoginFailed(username, answer);
    tokens.set(username, token);
    return token;
  }

  async function as<T = any>(username: string, query: string, variables: Record<string, unknown> = {}) {
    return gql<T>(query, variables, await tokenOf(username));
  }

  return { post, gql, tokenOf, as };
}
