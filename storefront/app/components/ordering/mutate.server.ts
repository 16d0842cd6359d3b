import { GatewayUnavailableError, gatewayRequest, UnauthenticatedError } from '@wholesail/web/gateway.server';
import { requestIdOf } from '@wholesail/web/request-id.server';
import { loginUrl } from '@wholesail/web/session.server';
import { redirect } from 'react-router';
import {
  ADD_TO_CART_MUTATION,
  type InputProblem,
  type MutationAnswer,
  type ValidationErrorShape,
} from '../../lib/ordering-queries';
import { session } from '../../lib/session.server';

/**
 * What a form shows after a refused change: the API's ValidationError, or one of our own keys
 * (`unavailable`: the gateway cannot be reached, `unexpected`: an internal error) to say it
 * with `ordering.errors.<key>`.
 */
export interface FormError {
  message: string;
  code: string;
  problems: InputProblem[];
}

export type Outcome<T> = { ok: true; data: T } | { ok: false; error: FormError };

const UNEXPECTED: FormError = { message: '', code: 'unexpected', problems: [] };

/**
 * Sends one operation of a store for a route action and returns the answer of `field`. A refused
 * token goes to the login page; an unreachable gateway or a GraphQL error (an internal error of
 * a service) is a form error, so the page can offer to try again with what the store entered.
 */
export async function storeRequest<T>(
  request: Request,
  query: string,
  variables: Record<string, unknown>,
  field: string,
): Promise<Outcome<T>> {
  const auth = await session.requireAuth(request);
  try {
    const result = await gatewayRequest<Record<string, T | null>>(query, variables, {
      token: auth.token,
      requestId: requestIdOf(request),
    });
    const answer = result.data?.[field];
    if (answer === undefined || answer === null) {
      console.error(`${field} answered with errors`, result.errors);
      return { ok: false, error: UNEXPECTED };
    }
    return { ok: true, data: answer };
  } catch (error) {
    if (error instanceof UnauthenticatedError) {
      throw redirect(loginUrl(request), { headers: { 'Set-Cookie': await session.destroyAuth(request) } });
    }
    if (error instanceof GatewayUnavailableError) {
      console.error(error.message);
      return { ok: false, error: { message: '', code: 'unavailable', problems: [] } };
    }
    throw error;
  }
}

/** A mutation answering `Mutation<Name>Success { data }` or `ValidationError`, unwrapped. */
export async function storeMutate<T>(
  request: Request,
  query: string,
  variables: Record<string, unknown>,
  field: string,
): Promise<Outcome<T>> {
  const outcome = await storeRequest<MutationAnswer<T>>(request, query, variables, field);
  if (!outcome.ok) return outcome;
  const answer = outcome.data;
  if (answer.__typename === 'ValidationError') {
    const refused = answer as ValidationErrorShape;
    return { ok: false, error: { message: refused.message, code: refused.code, problems: refused.problems } };
  }
  return { ok: true, data: (answer as { data: T }).data };
}

/** A whole number typed in a form; NaN when it is not one. */
export function intOf(value: FormDataEntryValue | null): number {
  const text = typeof value === 'string' ? value.trim() : '';
  return /^-?\d+$/.test(text) ? Number.parseInt(text, 10) : Number.NaN;
}

export function str(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
}

export interface AddToCartResult {
  intent: 'addToCart';
  ok: boolean;
  skuId: string;
  unit: string;
  quantity: string;
  error?: FormError;
}

/** The product page's "加入购物车": the SKU in the chosen unit, added to what the cart has. */
export async function addToCartAction(request: Request, form: FormData): Promise<AddToCartResult> {
  const skuId = str(form, 'skuId');
  const unit = str(form, 'unit');
  const typed = str(form, 'quantity');
  const quantity = intOf(typed);
  const base = { intent: 'addToCart' as const, skuId, unit, quantity: typed };
  if (!Number.isInteger(quantity) || quantity < 1) {
    return {
      ...base,
      ok: false,
      error: { message: '', code: 'quantity', problems: [{ field: 'quantity', message: '' }] },
    };
  }
  const outcome = await storeMutate<unknown>(
    request,
    ADD_TO_CART_MUTATION,
    { input: { skuId, quantity, unit: unit || undefined } },
    'addToCart',
  );
  return outcome.ok ? { ...base, ok: true } : { ...base, ok: false, error: outcome.error };
}
