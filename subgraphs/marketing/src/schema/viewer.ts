import { type RequestContext, requestLoader } from '@wholesail/platform';
import { db } from '../db';
import type { Audience } from '../domain/eligibility';

/** Promotions running now, with targets, once per request. */
export function runningPromotions(ctx: RequestContext) {
  return requestLoader(ctx, 'marketing.running', async (keys: readonly string[]) => {
    const now = new Date();
    const rows = await db().promotion.findMany({
      where: { active: true, startsAt: { lte: now }, endsAt: { gt: now } },
      include: { targets: true },
      orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
    });
    return keys.map(() => rows);
  }).load('running');
}

/** Who is looking: undefined for staff and services (every promotion), the customer's level otherwise. */
export async function viewerAudience(ctx: RequestContext): Promise<Audience> {
  const viewer = ctx.viewer;
  if (viewer.kind === 'staff' || viewer.kind === 'service') return undefined;
  if (viewer.kind !== 'customer') return { customerId: null, levelId: null };
  const levelId = await requestLoader(ctx, 'marketing.level', async (ids: readonly string[]) => {
    const rows = await db().customerProfile.findMany({ where: { customerId: { in: [...ids] } } });
    const map = new Map(rows.map((r) => [r.customerId, r.levelId]));
    return ids.map((id) => map.get(id) ?? null);
  }).load(viewer.customerId);
  return { customerId: viewer.customerId, levelId };
}

/** Base-unit list prices of SKUs (the original beside a special), one query per request. */
export function referencePrice(ctx: RequestContext, skuId: string) {
  return requestLoader(ctx, 'marketing.referencePrice', async (ids: readonly string[]) => {
    const rows = await db().skuReferencePrice.findMany({ where: { skuId: { in: [...ids] } } });
    const map = new Map(rows.map((r) => [r.skuId, r]));
    return ids.map((id) => map.get(id) ?? null);
  }).load(skuId);
}
