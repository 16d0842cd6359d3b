import type { RequestContext } from '@wholesail/platform';

/** Who may read a customer: its own users, services, and staff (reps only their own, unless 店长). */
export function canReadCustomer(
  ctx: RequestContext,
  customer: { id: string; ownerRepId: string | null },
): boolean {
  const viewer = ctx.viewer;
  switch (viewer.kind) {
    case 'customer':
      return viewer.customerId === customer.id;
    case 'service':
      return true;
    case 'staff':
      if (viewer.roles.some((r) => r !== 'REP')) return true;
      return customer.ownerRepId === viewer.staffId;
    default:
      return false;
  }
}

/** The Prisma filter that matches canReadCustomer for lists. */
export function customerScope(ctx: RequestContext): Record<string, unknown> {
  const viewer = ctx.viewer;
  if (viewer.kind === 'customer') return { id: viewer.customerId };
  if (viewer.kind === 'staff' && viewer.roles.every((r) => r === 'REP'))
    return { ownerRepId: viewer.staffId };
  if (viewer.kind === 'staff' || viewer.kind === 'service') return {};
  return { id: '__none__' };
}
