import type { AuthenticatedViewer } from './auth';
import type { RequestContext } from './context';
import { adoptTenant } from './tenant';

/**
 * After a successful login, the rest of the request runs as the new viewer, so the login
 * result can show the viewer's own data. Only from an anonymous request.
 */
export function adoptViewer(ctx: RequestContext, viewer: AuthenticatedViewer): void {
  if (ctx.viewer.kind !== 'none' && ctx.viewer.kind !== 'guest')
    throw new Error('Already logged in as another viewer');
  adoptTenant(viewer.tenantId);
  ctx.viewer = viewer;
}
