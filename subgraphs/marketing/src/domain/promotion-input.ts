import { type InputProblem, parseMinor } from '@wholesail/platform';
import { promotionBadge } from './badge';
import type { PromotionKind } from './rules';

/** What staff send to create or change a promotion; money as decimal strings ("100.00"). */
export interface PromotionDraft {
  kind: PromotionKind;
  title: string;
  titleEn?: string | null;
  startsAt: Date;
  endsAt: Date;
  stackable?: boolean | null;
  levelIds?: readonly string[] | null;
  customerIds?: readonly string[] | null;
  targets?: readonly TargetDraft[] | null;
  /** ORDER_AMOUNT_OFF / ORDER_PERCENT_OFF / ORDER_GIFT, thresholds ascending */
  tiers?: readonly TierDraft[] | null;
  /** ITEM_SPECIAL */
  specials?: readonly { skuId: string; price: string }[] | null;
  flashSale?: boolean | null;
  /** BUY_N_GET_M */
  buyGet?: { buy: number; get: number; giftSkuId?: string | null; giftUnit?: string | null } | null;
}

export interface TargetDraft {
  productId?: string | null;
  skuId?: string | null;
  brandId?: string | null;
  categoryId?: string | null;
}

export interface TierDraft {
  threshold: string;
  off?: string | null;
  percentOff?: number | null;
  giftSkuId?: string | null;
  giftQuantity?: number | null;
  giftUnit?: string | null;
}

export interface TargetRow {
  productId: string | null;
  skuId: string | null;
  brandId: string | null;
  categoryId: string | null;
}

/** What is stored: the columns of Promotion and its targets. */
export interface PromotionRecord {
  kind: PromotionKind;
  title: string;
  titleEn: string;
  badge: string;
  startsAt: Date;
  endsAt: Date;
  stackable: boolean;
  levelIds: string[];
  customerIds: string[];
  rules: Record<string, unknown>;
  targets: TargetRow[];
}

const MAX_TITLE = 60;
const MAX_DAYS = 366 * 2;

function money(text: string | null | undefined, field: string, problems: InputProblem[]): number | null {
  if (text == null || text.trim() === '') {
    problems.push({ field, message: '请填写金额 (amount is required)' });
    return null;
  }
  try {
    const minor = parseMinor(text);
    if (minor > 100_000_000_00n) {
      problems.push({ field, message: '金额太大 (amount is too large)' });
      return null;
    }
    return Number(minor);
  } catch {
    problems.push({ field, message: '金额格式不正确，最多两位小数 (not an amount like 12.50)' });
    return null;
  }
}

function ids(list: readonly string[] | null | undefined): string[] {
  return [...new Set((list ?? []).map((s) => s.trim()).filter(Boolean))];
}

function tierRules(
  kind: 'ORDER_AMOUNT_OFF' | 'ORDER_PERCENT_OFF' | 'ORDER_GIFT',
  tiers: readonly TierDraft[],
  problems: InputProblem[],
): Record<string, unknown>[] {
  if (tiers.length === 0) {
    problems.push({ field: 'tiers', message: '至少需要一档门槛 (at least one threshold)' });
    return [];
  }
  if (tiers.length > 10) problems.push({ field: 'tiers', message: '最多 10 档 (at most 10 tiers)' });
  const out: Record<string, unknown>[] = [];
  let previous: { threshold: number; benefit: number } | null = null;
  tiers.forEach((t, i) => {
    const f = (name: string) => `tiers.${i}.${name}`;
    const threshold = money(t.threshold, f('threshold'), problems);
    if (threshold !== null && threshold <= 0 && kind !== 'ORDER_PERCENT_OFF')
      problems.push({ field: f('threshold'), message: '门槛必须大于 0 (threshold must be above 0)' });
    let benefit: number | null = null;
    if (kind === 'ORDER_AMOUNT_OFF') {
      const off = money(t.off, f('off'), problems);
      if (off !== null && off <= 0)
        problems.push({ field: f('off'), message: '减免金额必须大于 0 (off must be above 0)' });
      else if (off !== null && threshold !== null && off >= threshold)
        problems.push({ field: f('off'), message: '减免金额必须小于门槛 (off must be below the threshold)' });
      benefit = off;
      if (threshold !== null && off !== null) out.push({ thresholdMinor: threshold, offMinor: off });
    } else if (kind === 'ORDER_PERCENT_OFF') {
      const p = t.percentOff;
      if (p == null || !Number.isInteger(p) || p < 1 || p > 99)
        problems.push({
          field: f('percentOff'),
          message: '折扣必须在 1% 到 99% 之间 (percent off: 1 to 99)',
        });
      else benefit = p;
      if (threshold !== null && benefit !== null) out.push({ thresholdMinor: threshold, percentOff: p });
    } else {
      const sku = t.giftSkuId?.trim();
      if (!sku) problems.push({ field: f('giftSkuId'), message: '请选择赠品 (gift SKU is required)' });
      const q = t.giftQuantity;
      if (q == null || !Number.isInteger(q) || q < 1 || q > 10_000)
        problems.push({
          field: f('giftQuantity'),
          message: '赠品数量为 1 到 10000 的整数 (gift quantity: 1 to 10000)',
        });
      else benefit = q;
      if (threshold !== null && sku && benefit !== null)
        out.push({
          thresholdMinor: threshold,
          giftSkuId: sku,
          giftQuantity: q,
          ...(t.giftUnit?.trim() ? { giftUnit: t.giftUnit.trim() } : {}),
        });
    }
    if (threshold !== null && previous !== null && threshold <= previous.threshold)
      problems.push({ field: f('threshold'), message: '门槛必须逐档递增 (thresholds must ascend)' });
    else if (benefit !== null && previous !== null && kind !== 'ORDER_GIFT' && benefit <= previous.benefit)
      problems.push({
        field: f(kind === 'ORDER_AMOUNT_OFF' ? 'off' : 'percentOff'),
        message: '更高的门槛必须优惠更多 (a higher threshold must give more)',
      });
    if (threshold !== null && benefit !== null) previous = { threshold, benefit };
  });
  return out;
}

/** Checks a draft and turns it into what is stored; every problem names its input field. */
export function promotionRecord(
  draft: PromotionDraft,
): { ok: true; record: PromotionRecord } | { ok: false; problems: InputProblem[] } {
  const problems: InputProblem[] = [];
  const title = draft.title.trim();
  if (!title) problems.push({ field: 'title', message: '请填写促销名称 (title is required)' });
  else if (title.length > MAX_TITLE)
    problems.push({ field: 'title', message: `名称最多 ${MAX_TITLE} 字 (title is too long)` });
  if (Number.isNaN(draft.startsAt.getTime()))
    problems.push({ field: 'startsAt', message: 'startsAt is not a date' });
  if (Number.isNaN(draft.endsAt.getTime()))
    problems.push({ field: 'endsAt', message: 'endsAt is not a date' });
  else if (draft.endsAt.getTime() <= draft.startsAt.getTime())
    problems.push({ field: 'endsAt', message: '结束时间必须晚于开始时间 (end must be after start)' });
  else if (draft.endsAt.getTime() - draft.startsAt.getTime() > MAX_DAYS * 86_400_000)
    problems.push({ field: 'endsAt', message: '促销最长两年 (a promotion lasts at most two years)' });

  let targets: TargetRow[] = (draft.targets ?? []).map((t) => ({
    productId: t.productId?.trim() || null,
    skuId: t.skuId?.trim() || null,
    brandId: t.brandId?.trim() || null,
    categoryId: t.categoryId?.trim() || null,
  }));
  targets.forEach((t, i) => {
    if (!t.productId && !t.skuId && !t.brandId && !t.categoryId)
      problems.push({
        field: `targets.${i}`,
        message: '适用范围需指定品牌、分类、商品或规格 (name a brand, category, product or SKU)',
      });
  });

  let rules: Record<string, unknown> = {};
  switch (draft.kind) {
    case 'ITEM_SPECIAL': {
      const specials = draft.specials ?? [];
      if (specials.length === 0)
        problems.push({ field: 'specials', message: '至少需要一个特价商品 (at least one SKU)' });
      const skuPrices: Record<string, number> = {};
      specials.forEach((s, i) => {
        const skuId = s.skuId.trim();
        if (!skuId) problems.push({ field: `specials.${i}.skuId`, message: '请选择商品 (SKU is required)' });
        else if (skuId in skuPrices)
          problems.push({
            field: `specials.${i}.skuId`,
            message: '同一商品只能设一个特价 (SKU listed twice)',
          });
        const price = money(s.price, `specials.${i}.price`, problems);
        if (price !== null && price <= 0)
          problems.push({
            field: `specials.${i}.price`,
            message: '特价必须大于 0 (special price must be positive)',
          });
        if (skuId && price !== null && price > 0) skuPrices[skuId] = price;
      });
      rules = { skuPrices, ...(draft.flashSale ? { flashSale: true } : {}) };
      // an item special applies to its SKUs, whatever else was sent
      targets = Object.keys(skuPrices).map((skuId) => ({
        productId: null,
        skuId,
        brandId: null,
        categoryId: null,
      }));
      break;
    }
    case 'ORDER_AMOUNT_OFF':
    case 'ORDER_PERCENT_OFF':
    case 'ORDER_GIFT':
      rules = { tiers: tierRules(draft.kind, draft.tiers ?? [], problems) };
      break;
    case 'BUY_N_GET_M': {
      const b = draft.buyGet;
      if (!b) {
        problems.push({ field: 'buyGet', message: '请填写买几送几 (buy and get are required)' });
        break;
      }
      if (!Number.isInteger(b.buy) || b.buy < 1 || b.buy > 10_000)
        problems.push({ field: 'buyGet.buy', message: '购买数量为 1 到 10000 的整数 (buy: 1 to 10000)' });
      if (!Number.isInteger(b.get) || b.get < 1 || b.get > 10_000)
        problems.push({ field: 'buyGet.get', message: '赠送数量为 1 到 10000 的整数 (get: 1 to 10000)' });
      if (targets.length === 0)
        problems.push({ field: 'targets', message: '买赠需指定适用商品 (name the products it applies to)' });
      rules = {
        buy: b.buy,
        get: b.get,
        ...(b.giftSkuId?.trim() ? { giftSkuId: b.giftSkuId.trim() } : {}),
        ...(b.giftUnit?.trim() ? { giftUnit: b.giftUnit.trim() } : {}),
      };
      break;
    }
  }
  if (problems.length) return { ok: false, problems };
  const badge = promotionBadge(draft.kind, rules);
  return {
    ok: true,
    record: {
      kind: draft.kind,
      title,
      titleEn: draft.titleEn?.trim() || badge.en,
      badge: badge.zh,
      startsAt: draft.startsAt,
      endsAt: draft.endsAt,
      stackable: draft.stackable ?? false,
      levelIds: ids(draft.levelIds),
      customerIds: ids(draft.customerIds),
      rules,
      targets,
    },
  };
}

export type PromotionStatus = 'SCHEDULED' | 'RUNNING' | 'ENDED';

export function promotionStatus(
  p: { active: boolean; startsAt: Date; endsAt: Date },
  now: Date,
): PromotionStatus {
  if (!p.active || p.endsAt.getTime() <= now.getTime()) return 'ENDED';
  return p.startsAt.getTime() > now.getTime() ? 'SCHEDULED' : 'RUNNING';
}

/** Ending now: the end moves to now (never before the start). */
export function endedWindow(p: { startsAt: Date; endsAt: Date }, now: Date): { endsAt: Date } {
  const end = Math.max(p.startsAt.getTime(), Math.min(p.endsAt.getTime(), now.getTime()));
  return { endsAt: new Date(end) };
}
