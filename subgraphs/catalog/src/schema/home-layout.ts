import {
  assertValid,
  type InputProblem,
  type RequestContext,
  requireTenantId,
  ValidationError,
} from '@wholesail/platform';
import { viewerAccess } from '../access';
import { builder } from '../builder';
import { db } from '../db';
import {
  type Banner,
  defaultZone,
  type HomeLink,
  type Layout,
  LINK_KINDS,
  layoutProblems,
  layoutTargets,
  type NavButton,
  type Notice,
  normaliseLayout,
  noticeActive,
  ZONE_DISPLAYS,
  ZONE_KINDS,
  type Zone,
  zoneRule,
} from '../domain/home-layout';
import { brandVisibility, productVisibility } from '../domain/visibility';
import { staffRoles } from './brand-admin';
import { productIdsPage } from './product';
import type { ProductSort } from './product-query';

export const ZoneKindEnum = builder.enumType('HomeZoneKind', { values: ZONE_KINDS });
export const ZoneDisplayEnum = builder.enumType('HomeZoneDisplay', { values: ZONE_DISPLAYS });
export const LinkKindEnum = builder.enumType('HomeLinkKind', { values: LINK_KINDS });

const LinkRef = builder.objectRef<HomeLink>('HomeLink').implement({
  description: 'Where a banner or button leads: a product, a category, a brand (targetId) or a URL.',
  fields: (t) => ({
    kind: t.field({ type: LinkKindEnum, resolve: (l) => l.kind }),
    targetId: t.exposeID('targetId', { nullable: true }),
    url: t.exposeString('url', { nullable: true }),
  }),
});
const BannerRef = builder.objectRef<Banner>('HomeBanner').implement({
  fields: (t) => ({
    imageUrl: t.exposeString('imageUrl'),
    title: t.exposeString('title'),
    link: t.field({ type: LinkRef, nullable: true, resolve: (b) => b.link }),
  }),
});
const NavButtonRef = builder.objectRef<NavButton>('HomeNavButton').implement({
  fields: (t) => ({
    label: t.exposeString('label'),
    labelEn: t.exposeString('labelEn'),
    icon: t.exposeString('icon'),
    link: t.field({ type: LinkRef, nullable: true, resolve: (b) => b.link }),
  }),
});
const NoticeRef = builder.objectRef<Notice>('HomeNotice').implement({
  description: 'A line of text on the home page, optionally shown only within a time window.',
  fields: (t) => ({
    text: t.exposeString('text'),
    startsAt: t.field({ type: 'DateTime', nullable: true, resolve: (n) => n.startsAt }),
    endsAt: t.field({ type: 'DateTime', nullable: true, resolve: (n) => n.endsAt }),
    active: t.boolean({ resolve: (n) => noticeActive(n, new Date()) }),
  }),
});

const ZoneRef = builder.objectRef<Zone>('HomeZone').implement({
  description:
    'A product zone of the home page. Pinned products come first; NEW adds products tagged new (newest first), HOT tagged hot (best-selling first), CLEARANCE tagged clearance or near-expiry; RECOMMENDED and PROMOTION show the pinned ones.',
  fields: (t) => ({
    kind: t.field({ type: ZoneKindEnum, resolve: (z) => z.kind }),
    title: t.exposeString('title'),
    titleEn: t.exposeString('titleEn'),
    enabled: t.exposeBoolean('enabled'),
    display: t.field({ type: ZoneDisplayEnum, resolve: (z) => z.display }),
    limit: t.exposeInt('limit'),
    pinnedProductIds: t.exposeIDList('productIds', {
      description: 'Staff: the pinned products, in order (some may be off the shelf).',
      authScopes: { staff: true },
    }),
    products: t.prismaField({
      type: ['Product'],
      description: 'What the viewer sees in the zone (visibility applied), at most `limit`.',
      args: { first: t.arg.int({ required: false }) },
      resolve: async (query, zone, args, ctx) => {
        const ids = await zoneProductIds(
          ctx,
          zone,
          Math.min(Math.max(args.first ?? zone.limit, 0), zone.limit),
        );
        if (ids.length === 0) return [];
        const rows = await db().product.findMany({ ...query, where: { id: { in: ids } } });
        const byId = new Map(rows.map((r) => [r.id, r]));
        return ids.flatMap((id) => byId.get(id) ?? []);
      },
    }),
  }),
});

async function zoneProductIds(ctx: RequestContext, zone: Zone, limit: number): Promise<string[]> {
  if (limit === 0) return [];
  const base = { tenantId: requireTenantId(), access: await viewerAccess(ctx) };
  const pinned: string[] = [];
  if (zone.productIds.length) {
    const visible = new Set(
      await productIdsPage({ ...base, filter: { productIds: zone.productIds } }, 0, zone.productIds.length),
    );
    for (const id of zone.productIds) if (visible.has(id)) pinned.push(id);
  }
  const rule = zoneRule(zone.kind);
  if (!rule || pinned.length >= limit) return pinned.slice(0, limit);
  const more = await productIdsPage(
    { ...base, filter: { tags: rule.tags }, sort: rule.order as ProductSort },
    0,
    limit + pinned.length,
  );
  const taken = new Set(pinned);
  return [...pinned, ...more.filter((id) => !taken.has(id))].slice(0, limit);
}

const LayoutRef = builder.objectRef<Layout>('HomeLayout').implement({
  description:
    'The storefront home page: banners, nav buttons, a notice and the five product zones. Customers and guests get the enabled zones and the notice only while active.',
  fields: (t) => ({
    banners: t.field({ type: [BannerRef], resolve: (l) => l.banners }),
    navButtons: t.field({ type: [NavButtonRef], resolve: (l) => l.navButtons }),
    notice: t.field({ type: NoticeRef, nullable: true, resolve: (l) => l.notice }),
    zones: t.field({ type: [ZoneRef], resolve: (l) => l.zones }),
  }),
});

async function storedLayout(): Promise<Layout> {
  const row = await db().homeLayout.findFirst();
  return normaliseLayout(row?.layout as Partial<Layout> | null);
}

/** The layout as this viewer sees it: staff all of it; others enabled zones, an active notice, visible link targets. */
async function layoutFor(ctx: RequestContext): Promise<Layout> {
  const layout = await storedLayout();
  const access = await viewerAccess(ctx);
  if (access.all) return layout;
  const links = [...layout.banners, ...layout.navButtons].map((x) => x.link);
  const productIds = links.flatMap((l) => (l?.kind === 'PRODUCT' && l.targetId ? [l.targetId] : []));
  const brandIds = links.flatMap((l) => (l?.kind === 'BRAND' && l.targetId ? [l.targetId] : []));
  const [products, brands] = await Promise.all([
    productIds.length
      ? db().product.findMany({
          where: { AND: [{ id: { in: productIds } }, productVisibility(access)] },
          select: { id: true },
        })
      : [],
    brandIds.length
      ? db().brand.findMany({
          where: { AND: [{ id: { in: brandIds } }, brandVisibility(access)] },
          select: { id: true },
        })
      : [],
  ]);
  const seen = new Set([...products, ...brands].map((r) => r.id));
  const shown = (l: HomeLink | null) =>
    !l || (l.kind !== 'PRODUCT' && l.kind !== 'BRAND') || seen.has(l.targetId ?? '');
  return {
    banners: layout.banners.filter((b) => shown(b.link)),
    navButtons: layout.navButtons.filter((n) => shown(n.link)),
    notice: noticeActive(layout.notice, new Date()) ? layout.notice : null,
    zones: layout.zones.filter((z) => z.enabled),
  };
}

builder.queryField('homeLayout', (t) =>
  t.field({
    type: LayoutRef,
    description: 'The home page for the viewer (customers, guests and staff).',
    resolve: (_root, _args, ctx) => layoutFor(ctx),
  }),
);

const LinkInput = builder.inputType('HomeLinkInput', {
  fields: (t) => ({
    kind: t.field({ type: LinkKindEnum, required: true }),
    targetId: t.id(),
    url: t.string(),
  }),
});
const BannerInput = builder.inputType('HomeBannerInput', {
  fields: (t) => ({
    imageUrl: t.string({ required: true }),
    title: t.string(),
    link: t.field({ type: LinkInput }),
  }),
});
const NavButtonInput = builder.inputType('HomeNavButtonInput', {
  fields: (t) => ({
    label: t.string({ required: true }),
    labelEn: t.string(),
    icon: t.string({ required: true }),
    link: t.field({ type: LinkInput }),
  }),
});
const NoticeInput = builder.inputType('HomeNoticeInput', {
  fields: (t) => ({
    text: t.string({ required: true }),
    startsAt: t.field({ type: 'DateTime' }),
    endsAt: t.field({ type: 'DateTime' }),
  }),
});
const ZoneInput = builder.inputType('HomeZoneInput', {
  description: 'Changes to one zone; fields left out keep their value.',
  fields: (t) => ({
    kind: t.field({ type: ZoneKindEnum, required: true }),
    title: t.string(),
    titleEn: t.string(),
    enabled: t.boolean(),
    display: t.field({ type: ZoneDisplayEnum }),
    limit: t.int(),
    productIds: t.idList({ description: 'The pinned products, in order (replaces the list).' }),
  }),
});
const LayoutInput = builder.inputType('UpdateHomeLayoutInput', {
  description:
    'Parts left out keep their value; a list given replaces the list. `zones` are listed in display order (zones not listed follow).',
  fields: (t) => ({
    banners: t.field({ type: [BannerInput] }),
    navButtons: t.field({ type: [NavButtonInput] }),
    notice: t.field({ type: NoticeInput, description: 'null removes the notice.' }),
    zones: t.field({ type: [ZoneInput] }),
  }),
});

type LinkArg = { kind: HomeLink['kind']; targetId?: string | null; url?: string | null } | null | undefined;
const link = (l: LinkArg): HomeLink | null =>
  l ? { kind: l.kind, targetId: l.targetId?.trim() || null, url: l.url?.trim() || null } : null;
const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

builder.mutationField('updateHomeLayout', (t) =>
  t.field({
    type: LayoutRef,
    description: 'Boss or office: edit the home page. Refused as a whole with every problem listed.',
    authScopes: staffRoles,
    errors: { types: [ValidationError] },
    args: { input: t.arg({ type: LayoutInput, required: true }) },
    resolve: async (_root, { input }) => {
      const current = await storedLayout();
      const zoneInputs = input.zones ?? [];
      const zones: Zone[] = zoneInputs.map((z) => {
        const base = current.zones.find((c) => c.kind === z.kind) ?? defaultZone(z.kind);
        return {
          kind: z.kind,
          title: z.title ?? base.title,
          titleEn: z.titleEn ?? base.titleEn,
          enabled: z.enabled ?? base.enabled,
          display: z.display ?? base.display,
          limit: z.limit ?? base.limit,
          productIds: z.productIds ? z.productIds.map((id) => id.trim()) : base.productIds,
        };
      });
      for (const z of current.zones) if (!zoneInputs.some((i) => i.kind === z.kind)) zones.push(z);
      const next: Layout = {
        banners:
          input.banners?.map((b) => ({
            imageUrl: b.imageUrl.trim(),
            title: b.title?.trim() ?? '',
            link: link(b.link),
          })) ?? current.banners,
        navButtons:
          input.navButtons?.map((n) => ({
            label: n.label.trim(),
            labelEn: n.labelEn?.trim() ?? '',
            icon: n.icon.trim(),
            link: link(n.link),
          })) ?? current.navButtons,
        notice:
          input.notice === undefined
            ? current.notice
            : input.notice === null
              ? null
              : {
                  text: input.notice.text.trim(),
                  startsAt: iso(input.notice.startsAt),
                  endsAt: iso(input.notice.endsAt),
                },
        zones,
      };
      // zones given come first, so a zone problem's index is its place in the input
      assertValid(layoutProblems(next));
      assertValid(await missingTargets(next));
      await db().homeLayout.upsert({
        where: { tenantId: requireTenantId() },
        create: layoutData(next) as never,
        update: layoutData(next),
      });
      return next;
    },
  }),
);

function layoutData(l: Layout) {
  return { layout: l as never };
}

async function missingTargets(layout: Layout): Promise<InputProblem[]> {
  const targets = layoutTargets(layout);
  const ids = (kind: string) => [...new Set(targets.filter((t) => t.kind === kind).map((t) => t.id))];
  const [products, categories, brands] = await Promise.all([
    ids('PRODUCT').length
      ? db().product.findMany({ where: { id: { in: ids('PRODUCT') } }, select: { id: true } })
      : [],
    ids('CATEGORY').length
      ? db().category.findMany({ where: { id: { in: ids('CATEGORY') } }, select: { id: true } })
      : [],
    ids('BRAND').length
      ? db().brand.findMany({ where: { id: { in: ids('BRAND') } }, select: { id: true } })
      : [],
  ]);
  const found = {
    PRODUCT: new Set(products.map((r) => r.id)),
    CATEGORY: new Set(categories.map((r) => r.id)),
    BRAND: new Set(brands.map((r) => r.id)),
  };
  return targets
    .filter((t) => !found[t.kind].has(t.id))
    .map((t) => ({ field: t.field, message: `${t.kind.toLowerCase()} ${t.id} 不存在 (not found)` }));
}
