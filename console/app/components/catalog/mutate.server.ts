import { GatewayUnavailableError, gatewayRequest, UnauthenticatedError } from '@wholesail/web/gateway.server';
import { requestIdOf } from '@wholesail/web/request-id.server';
import { loginUrl } from '@wholesail/web/session.server';
import { redirect } from 'react-router';
import type { InputProblem, MutationResult } from '../../lib/catalog-queries';
import { session } from '../../lib/session.server';

/** What a catalog form shows after a refused change: the API's message and its problems by field. */
export interface FormError {
  /** The ValidationError's message, or a key under `catalog.errors` (prefixed `@`) of our own. */
  message: string;
  problems: InputProblem[];
}

export type MutationOutcome<T> = { ok: true; data: T } | { ok: false; error: FormError };

/**
 * Sends one staff mutation for a route action and unwraps its `... on Success { data }` or
 * `ValidationError`. A refused token redirects to the login page; an unreachable gateway or a
 * GraphQL error (e.g. a bad variable) becomes a form error, so the page keeps what was typed.
 */
export async function catalogMutate<T>(
  request: Request,
  query: string,
  variables: Record<string, unknown>,
  field: string,
): Promise<MutationOutcome<T>> {
  const auth = await session.requireAuth(request);
  try {
    const result = await gatewayRequest<Record<string, MutationResult<T> | null>>(query, variables, {
      token: auth.token,
      requestId: requestIdOf(request),
    });
    const answer = result.data?.[field];
    if (!answer) {
      console.error(`${field} answered with errors`, result.errors);
      return { ok: false, error: { message: '@catalog.errors.unexpected', problems: [] } };
    }
    if (answer.__typename === 'ValidationError' && 'problems' in answer) {
      return { ok: false, error: { message: answer.message, problems: answer.problems } };
    }
    return { ok: true, data: (answer as { data: T }).data };
  } catch (error) {
    if (error instanceof UnauthenticatedError) {
      throw redirect(loginUrl(request), { headers: { 'Set-Cookie': await session.destroyAuth(request) } });
    }
    if (error instanceof GatewayUnavailableError) {
      console.error(error.message);
      return { ok: false, error: { message: '@catalog.errors.unavailable', problems: [] } };
    }
    throw error;
  }
}

/** A local problem (before the API is asked): a key under `catalog.errors`. */
export function localProblem(field: string, key: string): InputProblem {
  return { field, message: `@catalog.errors.${key}` };
}

/** A whole number typed in a form, or undefined when left empty; NaN when it is not one. */
export function intOf(text: string): number | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  return /^-?\d+$/.test(t) ? Number.parseInt(t, 10) : Number.NaN;
}

export function str(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
}

export function strs(form: FormData, name: string): string[] {
  return form.getAll(name).filter((v): v is string => typeof v === 'string');
}
