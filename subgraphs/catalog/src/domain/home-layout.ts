import type { InputProblem } from '@wholesail/platform';

export const ZONE_KINDS = ['NEW', 'RECOMMENDED', 'PROMOTION', 'HOT', 'CLEARANCE'] as const;
export type ZoneKind = (typeof ZONE_KINDS)[number];
export const ZONE_DISPLAYS = ['GRID', 'LIST', 'CAROUSEL'] as const;
export type ZoneDisplay = (typeof ZONE_DISPLAYS)[number];
export const LINK_KINDS = ['PRODUCT', 'CATEGORY', 'BRAND', 'URL'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

export interface HomeLink {
  kind: LinkKind;
  /** product, category or brand id */
  targetId: string | null;
  url: string | null;
}
export interface Banner {
  imageUrl: string;
  title: string;
  link: HomeLink | null;
}
export interface NavButton {
  label: string;
  labelEn: string;
  icon: string;
  link: HomeLink | null;
}
export interface Notice {
  text: string;
  startsAt: string | null;
  endsAt: string | null;
}
export interface Zone {
  kind: ZoneKind;
  title: string;
  titleEn: string;
  enabled: boolean;
  display: ZoneDisplay;
  /** how many products the zone shows at most */
  limit: number;
  /** staff-pinned products, shown first in this order */
  productIds: string[];
}
export interface Layout {
  banners: Banner[];
  navButtons: NavButton[];
  notice: Notice | null;
  zones: Zone[];
}

export const MAX_ZONE_LIMIT = 50;

const DEFAULT_TITLES: Record<ZoneKind, [string, string]> = {
  NEW: ['新品上架', 'New arrivals'],
  RECOMMENDED: ['为您推荐', 'Recommended'],
  PROMOTION: ['促销专区', 'Promotions'],
  HOT: ['热销爆款', 'Best sellers'],
  CLEARANCE: ['清仓特卖', 'Clearance'],
};

export function defaultZone(kind: ZoneKind): Zone {
  const [title, titleEn] = DEFAULT_TITLES[kind];
  return { kind, title, titleEn, enabled: true, display: 'GRID', limit: 10, productIds: [] };
}

/** What a tenant that never edited its home page gets: the five zones, nothing else. */
export function defaultLayout(): Layout {
  return { banners: [], navButtons: [], notice: null, zones: ZONE_KINDS.map(defaultZone) };
}

/** A stored layout read back: always the five zones (missing ones get their defaults), in stored order. */
export function normaliseLayout(stored: Partial<Layout> | null | undefined): Layout {
  const zones = (stored?.zones ?? []).filter((z) => ZONE_KINDS.includes(z.kind));
  for (const kind of ZONE_KINDS) if (!zones.some((z) => z.kind === kind)) zones.push(defaultZone(kind));
  return {
    banners: stored?.banners ?? [],
    navButtons: stored?.navButtons ?? [],
    notice: stored?.notice ?? null,
    zones,
  };
}

/**
 * Which products fill a zone after its pinned ones. RECOMMENDED and PROMOTION show only what
 * staff pin; the others add products carrying their tags, in their own order.
 */
export function zoneRule(
  kind: ZoneKind,
): { tags: string[]; order: 'NEWEST' | 'BEST_SELLING' | 'DEFAULT' } | null {
  switch (kind) {
    case 'NEW':
      return { tags: ['new'], order: 'NEWEST' };
    case 'HOT':
      return { tags: ['hot'], order: 'BEST_SELLING' };
    case 'CLEARANCE':
      return { tags: ['clearance', 'near-expiry'], order: 'DEFAULT' };
    default:
      return null;
  }
}

/** Whether the notice shows at `now`: inside its window (either end open). */
export function noticeActive(notice: Notice | null, now: Date): boolean {
  if (!notice) return false;
  if (notice.startsAt && new Date(notice.startsAt) > now) return false;
  if (notice.endsAt && new Date(notice.endsAt) <= now) return false;
  return true;
}

const URLISH = /^(https?:\/\/|\/)\S+$/;

function linkProblems(field: string, link: HomeLink | null): InputProblem[] {
  if (!link) return [];
  if (link.kind === 'URL') {
    if (!link.url || !URLISH.test(link.url) || link.url.length > 500)
      return [{ field: `${field}.url`, message: '链接地址无效 (not a URL)' }];
    return [];
  }
  if (!link.targetId?.trim())
    return [{ field: `${field}.targetId`, message: '请选择链接目标 (targetId is required)' }];
  return [];
}

function textProblem(field: string, value: string, max: number, required = true): InputProblem[] {
  const v = value.trim();
  if (required && !v) return [{ field, message: `必填 (${field} is required)` }];
  if (v.length > max) return [{ field, message: `最多 ${max} 个字 (${field} is at most ${max} characters)` }];
  return [];
}

/**
 * The rules of a layout by itself (targets' existence is checked against the database): at
 * most 10 banners and 10 nav buttons, links complete, a notice window that ends after it
 * starts, each zone kind once, titles, a limit of 1 to 50 and pinned products used once.
 */
export function layoutProblems(layout: Layout): InputProblem[] {
  const problems: InputProblem[] = [];
  if (layout.banners.length > 10)
    problems.push({ field: 'banners', message: '最多 10 个横幅 (at most 10 banners)' });
  layout.banners.forEach((b, i) => {
    if (!URLISH.test(b.imageUrl.trim()) || b.imageUrl.length > 500)
      problems.push({ field: `banners.${i}.imageUrl`, message: '图片地址无效 (not an image URL)' });
    problems.push(...textProblem(`banners.${i}.title`, b.title, 40, false));
    problems.push(...linkProblems(`banners.${i}.link`, b.link));
  });
  if (layout.navButtons.length > 10)
    problems.push({ field: 'navButtons', message: '最多 10 个导航按钮 (at most 10 nav buttons)' });
  layout.navButtons.forEach((n, i) => {
    problems.push(...textProblem(`navButtons.${i}.label`, n.label, 8));
    problems.push(...textProblem(`navButtons.${i}.labelEn`, n.labelEn, 24, false));
    problems.push(...textProblem(`navButtons.${i}.icon`, n.icon, 200));
    problems.push(...linkProblems(`navButtons.${i}.link`, n.link));
  });
  if (layout.notice) {
    problems.push(...textProblem('notice.text', layout.notice.text, 200));
    const { startsAt, endsAt } = layout.notice;
    if (startsAt && endsAt && new Date(endsAt) <= new Date(startsAt))
      problems.push({
        field: 'notice.endsAt',
        message: '结束时间须晚于开始时间 (endsAt must be after startsAt)',
      });
  }
  const kinds = new Set<string>();
  layout.zones.forEach((z, i) => {
    if (kinds.has(z.kind))
      problems.push({ field: `zones.${i}.kind`, message: `专区 ${z.kind} 重复 (zone given twice)` });
    kinds.add(z.kind);
    problems.push(...textProblem(`zones.${i}.title`, z.title, 20));
    problems.push(...textProblem(`zones.${i}.titleEn`, z.titleEn, 40, false));
    if (!Number.isInteger(z.limit) || z.limit < 1 || z.limit > MAX_ZONE_LIMIT)
      problems.push({
        field: `zones.${i}.limit`,
        message: `数量须在 1 到 ${MAX_ZONE_LIMIT} 之间 (limit must be 1..${MAX_ZONE_LIMIT})`,
      });
    if (z.productIds.length > MAX_ZONE_LIMIT)
      problems.push({
        field: `zones.${i}.productIds`,
        message: `最多置顶 ${MAX_ZONE_LIMIT} 个商品 (too many pinned products)`,
      });
    const seen = new Set<string>();
    z.productIds.forEach((id, k) => {
      if (seen.has(id))
        problems.push({ field: `zones.${i}.productIds.${k}`, message: '商品重复 (product pinned twice)' });
      seen.add(id);
    });
  });
  return problems;
}

/** Every product, category and brand the layout links to or pins, with the field naming it. */
export function layoutTargets(
  layout: Layout,
): { kind: 'PRODUCT' | 'CATEGORY' | 'BRAND'; id: string; field: string }[] {
  const out: { kind: 'PRODUCT' | 'CATEGORY' | 'BRAND'; id: string; field: string }[] = [];
  const link = (field: string, l: HomeLink | null) => {
    if (l && l.kind !== 'URL' && l.targetId)
      out.push({ kind: l.kind, id: l.targetId, field: `${field}.targetId` });
  };
  for (const [i, b] of layout.banners.entries()) link(`banners.${i}.link`, b.link);
  for (const [i, n] of layout.navButtons.entries()) link(`navButtons.${i}.link`, n.link);
  for (const [i, z] of layout.zones.entries())
    for (const [k, id] of z.productIds.entries())
      out.push({ kind: 'PRODUCT', id, field: `zones.${i}.productIds.${k}` });
  return out;
}
