import { gatewayRequest, UnauthenticatedError } from '@wholesail/web/gateway.server';
import { loginUrl } from '@wholesail/web/session.server';
import { redirect } from 'react-router';
import { session } from '../../lib/session.server';

/**
 * Sends a mutation of the order screens to the gateway. Unlike `loadWithAuth`, an internal error
 * or an unreachable gateway is an answer (`null`) the page shows next to its form, keeping what
 * the user typed, instead of an error page; a refused token still goes to the login page.
 */
export async function mutate<T>(
  request: Request,
  query: string,
  variables: Record<string, unknown>,
): Promise<T | null> {
  const { token } = await session.requireAuth(request);
  try {
    const result = await gatewayRequest<T>(query, variables, { token });
    if (result.errors?.length) console.error('mutation failed', result.errors);
    return result.data ?? null;
  } catch (error) {
    if (error instanceof UnauthenticatedError) {
      throw redirect(loginUrl(request), {
        headers: { 'Set-Cookie': await session.destroyAuth(request) },
      });
    }
    console.error('mutation failed', error);
    return null;
  }
}
