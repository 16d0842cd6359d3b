import { forbidden, type RequestContext } from '@wholesail/platform';
import type { Prisma } from '../../generated/prisma/client';

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
export function canReadCustomerOrders(ctx: RequestContext, customerId: string): boolean {
  return canReadOrder(ctx, { customerId });
}

/** For entity references, which are resolved before any field scope runs. */
export function requireSignedIn(ctx: RequestContext): void {
  const kind = ctx.viewer.kind;
  if (kind !== 'staff' && kind !== 'customer' && kind !== 'service') throw forbidden();
}
