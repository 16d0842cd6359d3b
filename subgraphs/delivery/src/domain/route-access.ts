import type { Viewer } from '@wholesail/platform';

/**
 * Who may see delivery routes. Staff and services see every route of their tenant (reps will
 * be narrowed to their own customers' routes later); a customer store sees only the route it
 * is a stop on, and never the other stops of it; anyone else sees nothing.
 */
export type RouteVisibility = { kind: 'all' } | { kind: 'own'; customerId: string } | { kind: 'none' };

export function routeVisibility(viewer: Viewer): RouteVisibility {
  switch (viewer.kind) {
    case 'staff':
    case 'service':
      return { kind: 'all' };
    case 'customer':
      return { kind: 'own', customerId: viewer.customerId };
    default:
      return { kind: 'none' };
  }
}

/** May the viewer see which route serves `customerId`? */
export function canSeeCustomerRoute(viewer: Viewer, customerId: string): boolean {
  const visibility = routeVisibility(viewer);
  return visibility.kind === 'all' || (visibility.kind === 'own' && visibility.customerId === customerId);
}

/**
 * May the viewer see route `routeId`? `ownRouteId` is the route the viewing customer is a stop
 * on (null when none); it is not consulted for staff and services.
 */
export function canSeeRoute(viewer: Viewer, routeId: string, ownRouteId: string | null): boolean {
  const visibility = routeVisibility(viewer);
  return visibility.kind === 'all' || (visibility.kind === 'own' && ownRouteId === routeId);
}
