import { forbidden, type RequestContext } from '@wholesail/platform';
import type { Prisma } from '../../generated/prisma/client';
import { ports } from '../ports';

const SEES_ALL = new Set(['BOSS', 'OFFICE', 'STORE_MANAGER', 'FINANCE', 'PICKER', 'DRIVER']);
const REP_CUSTOMERS = Symbol('orders.repCustomers');

/**
 * The stores whose orders this viewer may see when it is a rep without 店长 (its own customers,
 * from crm, once per request); null when it sees every store's.
 */
export function repCustomers(ctx: RequestContext): Promise<Set<string>> | null {
  const v = ctx.viewer;
  if (v.kind !== 'staff' || !v.roles.includes('REP') || v.roles.some((r) => SEES_ALL.has(r))) return null;
  let found = ctx.loaders.get(REP_CUSTOMERS) as Promise<Set<string>> | undefined;
  if (!found) {
    found = ports.customersOfRep(v.staffId).then((ids) => new Set(ids));
    ctx.loaders.set(REP_CUSTOMERS, found);
  }
  return found;
}

/** orderScope, narrowed to a rep's own stores. */
export async function orderScopeOf(ctx: RequestContext): Promise<Prisma.OrderWhereInput> {
  const own = repCustomers(ctx);
  if (!own) return orderScope(ctx);
  return { customerId: { in: [...(await own)] } };
}

/** canReadOrder, with a rep narrowed to its own stores. */
export async function mayReadOrder(ctx: RequestContext, order: { customerId: string }): Promise<boolean> {
  if (!canReadOrder(ctx, order)) return false;
  const own = repCustomers(ctx);
  return own ? (await own).has(order.customerId) : true;
}

/**
 * Who may read an order: the customer that placed it, staff (all of them for now; reps will be
 * narrowed to their own customers) and services.
 */
export function canReadOrder(ctx: RequestContext, order: { customerId: string }): boolean {
  const viewer = ctx.viewer;
  switch (viewer.kind) {
    case 'customer':
      return viewer.customerId === order.customerId;
    case 'staff':
    case 'service':
      return true;
    default:
      return false;
  }
}

/** The Prisma filter that matches canReadOrder, for lists and lookups. */
export function orderScope(ctx: RequestContext): Prisma.OrderWhereInput {
  const viewer = ctx.viewer;
  if (viewer.kind === 'customer') return { customerId: viewer.customerId };
  if (viewer.kind === 'staff' || viewer.kind === 'service') return {};
  return { id: '__none__' };
}

/** Whether the viewer may read the orders of `customerId`: the customer itself, staff and services. */
export function canReadCustomerOrders(ctx: RequestContext, customerId: string): Promise<boolean> {
  return mayReadOrder(ctx, { customerId });
}

/** For entity references, which are resolved before any field scope runs. */
export function requireSignedIn(ctx: RequestContext): void {
  const kind = ctx.viewer.kind;
  if (kind !== 'staff' && kind !== 'customer' && kind !== 'service') throw forbidden();
}
