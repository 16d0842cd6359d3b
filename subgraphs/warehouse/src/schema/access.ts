import { forbidden, type RequestContext } from '@wholesail/platform';

/** Warehouses and their bins are the distributor's own business: staff and services only. */
export const staffOrService = { staff: true, service: true } as const;

/** For entity references, which are resolved before any field scope runs. */
export function requireStaffOrService(ctx: RequestContext): void {
  if (ctx.viewer.kind !== 'staff' && ctx.viewer.kind !== 'service') throw forbidden();
}
