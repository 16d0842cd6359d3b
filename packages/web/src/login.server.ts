import { defaultTenant } from './env.server';
import { GatewayUnavailableError, gatewayRequest } from './gateway.server';
import { requestIdOf } from './request-id.server';

export const LOGIN_MUTATION = /* GraphQL */ `
  mutation Login($input: LoginInput!) {
    login(input: $input) {
      __typename
      ... on LoginSuccess {
        token
        expiresAt
        viewer {
          __typename
          ... on Staff { id name roles }
          ... on CustomerUser { id name customer { id name } }
        }
      }
      ... on InvalidCredentials { message }
      ... on TooManyLoginAttempts { message retryAfterSeconds }
      ... on AccountNotActive { message }
    }
  }
`;

export type LoginViewer =
  | { __typename: 'Staff'; id: string; name: string; roles: string[] }
  | { __typename: 'CustomerUser'; id: string; name: string; customer: { id: string; name: string } };

export type LoginResult =
  | { __typename: 'LoginSuccess'; token: string; expiresAt: string; viewer: LoginViewer | null }
  | { __typename: 'InvalidCredentials'; message: string }
  | { __typename: 'TooManyLoginAttempts'; message: string; retryAfterSeconds: number }
  | { __typename: 'AccountNotActive'; message: string };

/** Why a login did not go through; each code has a translation under `login.errors`. */
export type LoginErrorCode =
  | 'required'
  | 'invalidCredentials'
  | 'tooManyAttempts'
  | 'accountNotActive'
  | 'wrongAccountType'
  | 'unavailable'
  | 'unexpected';

export interface LoginError {
  code: LoginErrorCode;
  retryAfterSeconds?: number;
}

export type LoginOutcome<V> =
  | { ok: true; token: string; expiresAt: string; viewer: V }
  | { ok: false; error: LoginError; status: number };

export interface LoginForm {
  tenant: string;
  username: string;
  password: string;
}

export function readLoginForm(form: FormData): LoginForm {
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === 'string' ? value : '';
  };
  return {
    tenant: text('tenant').trim() || defaultTenant(),
    username: text('username').trim(),
    password: text('password'),
  };
}

/**
 * Calls the gateway's login mutation for the browser request `request` and accepts only the
 * viewer kind this app is for (`CustomerUser` in the storefront, `Staff` in the console).
 */
export async function login<K extends LoginViewer['__typename']>(
  request: Request,
  input: LoginForm,
  accept: K,
): Promise<LoginOutcome<Extract<LoginViewer, { __typename: K }>>> {
  if (!input.username || !input.password) {
    return { ok: false, error: { code: 'required' }, status: 400 };
  }
  let result: LoginResult | undefined;
  try {
    const response = await gatewayRequest<{ login: LoginResult }>(
      LOGIN_MUTATION,
      { input },
      { requestId: requestIdOf(request) },
    );
    result = response.data?.login;
    if (!result) console.error('Login answered without a result', response.errors);
  } catch (error) {
    if (error instanceof GatewayUnavailableError) {
      console.error(`Login failed: ${error.message}`);
      return { ok: false, error: { code: 'unavailable' }, status: 503 };
    }
    console.error('Login failed', error);
    return { ok: false, error: { code: 'unexpected' }, status: 500 };
  }
  switch (result?.__typename) {
    case 'LoginSuccess': {
      const viewer = result.viewer;
      if (!viewer || viewer.__typename !== accept) {
        return { ok: false, error: { code: 'wrongAccountType' }, status: 403 };
      }
      return {
        ok: true,
        token: result.token,
        expiresAt: result.expiresAt,
        viewer: viewer as Extract<LoginViewer, { __typename: K }>,
      };
    }
    case 'InvalidCredentials':
      return { ok: false, error: { code: 'invalidCredentials' }, status: 401 };
    case 'TooManyLoginAttempts':
      return {
        ok: false,
        error: { code: 'tooManyAttempts', retryAfterSeconds: result.retryAfterSeconds },
        status: 429,
      };
    case 'AccountNotActive':
      return { ok: false, error: { code: 'accountNotActive' }, status: 403 };
    default:
      return { ok: false, error: { code: 'unexpected' }, status: 500 };
  }
}
