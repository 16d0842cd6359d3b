import type { RequestContext } from '@wholesail/platform';
import { db } from './db';
import { type CatalogAccess, catalogAccess } from './domain/visibility';

const KEY = Symbol('catalog.access');

/**
 * The viewer's catalog access for this request: for a customer, its level and warehouse from
 * the CustomerProfile projection (one query per request, shared by every resolver).
 */
export function viewerAccess(ctx: RequestContext): Promise<CatalogAccess> {
  let found = ctx.loaders.get(KEY) as Promise<CatalogAccess> | undefined;
  if (!found) {
    const viewer = ctx.viewer;
    found =
      viewer.kind === 'customer'
        ? db()
            .customerProfile.findFirst({
              where: { customerId: viewer.customerId },
              select: { levelId: true, warehouseId: true },
            })
            .then((profile) => catalogAccess(viewer, profile))
        : Promise.resolve(catalogAccess(viewer));
    ctx.loaders.set(KEY, found);
  }
  return found;
}
