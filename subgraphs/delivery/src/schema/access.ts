import { forbidden, loadById, type RequestContext, requestLoader } from '@wholesail/platform';
import type { RouteStop } from '../../generated/prisma/client';
import { db } from '../db';
import { canSeeCustomerRoute, canSeeRoute, routeVisibility } from '../domain/route-access';

/** Route stops, vehicles and the full route list: staff and services only. */
export const staffOrService = { staff: true, service: true } as const;

/** The stop of a customer (a customer is on at most one route), batched: one SQL per batch. */
export function stopOfCustomer(ctx: RequestContext, customerId: string): Promise<RouteStop | null> {
  return requestLoader<string, RouteStop | null>(ctx, 'delivery.stopOfCustomer', async (customerIds) => {
    const stops = await db().routeStop.findMany({ where: { customerId: { in: [...customerIds] } } });
    const byCustomer = new Map(stops.map((stop) => [stop.customerId, stop]));
    return customerIds.map((id) => byCustomer.get(id) ?? null);
  }).load(customerId);
}

/** Routes by id, batched; shared by entity references and Customer.route. */
export function routeById(ctx: RequestContext, id: string) {
  return loadById(ctx, 'delivery.route', (ids) => db().route.findMany({ where: { id: { in: ids } } }), id);
}

/** Whether the viewer may see the route: staff and services any, a customer only its own. */
export async function mayViewRoute(ctx: RequestContext, routeId: string): Promise<boolean> {
  const visibility = routeVisibility(ctx.viewer);
  if (visibility.kind !== 'own') return canSeeRoute(ctx.viewer, routeId, null);
  const stop = await stopOfCustomer(ctx, visibility.customerId);
  return canSeeRoute(ctx.viewer, routeId, stop?.routeId ?? null);
}

/** Whether the viewer may see which route serves the customer: staff and services, or the customer itself. */
export function mayViewCustomerRoute(ctx: RequestContext, customerId: string): boolean {
  return canSeeCustomerRoute(ctx.viewer, customerId);
}

/** For entity references, which are resolved before any field scope runs. */
export function requireTenantViewer(ctx: RequestContext): void {
  if (routeVisibility(ctx.viewer).kind === 'none') throw forbidden();
}
