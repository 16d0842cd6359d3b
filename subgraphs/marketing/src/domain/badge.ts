import { type ParsedRules, type PromotionKind, parseRules } from './rules';

export interface Badge {
  /** zh-CN, e.g. 满100减10 */
  zh: string;
  /** English, e.g. ¥10 off over ¥100 */
  en: string;
}

/** Yuan without trailing zeros: 10000 fen -> "100", 1050 -> "10.5", 199 -> "1.99". */
export function yuan(minor: number): string {
  const whole = Math.trunc(minor / 100);
  const cents = Math.abs(minor % 100);
  if (cents === 0) return String(whole);
  return `${whole}.${String(cents).padStart(2, '0').replace(/0$/, '')}`;
}

/** 10% off -> 9折, 5% off -> 9.5折, 12% off -> 8.8折. */
export function zhe(percentOff: number): string {
  return `${(100 - percentOff) / 10}折`;
}

function joinTiers<T>(tiers: T[], zh: (t: T) => string, en: (t: T) => string): Badge {
  return { zh: tiers.map(zh).join('/'), en: tiers.map(en).join(' / ') };
}

function fromParsed(p: ParsedRules): Badge {
  switch (p.kind) {
    case 'ITEM_SPECIAL':
      return p.rules.flashSale ? { zh: '限时特价', en: 'Flash sale' } : { zh: '特价', en: 'Special' };
    case 'ORDER_AMOUNT_OFF':
      return joinTiers(
        p.rules.tiers,
        (t) => `满${yuan(t.thresholdMinor)}减${yuan(t.offMinor)}`,
        (t) => `¥${yuan(t.offMinor)} off over ¥${yuan(t.thresholdMinor)}`,
      );
    case 'ORDER_PERCENT_OFF':
      return joinTiers(
        p.rules.tiers,
        (t) =>
          t.thresholdMinor > 0 ? `满${yuan(t.thresholdMinor)}享${zhe(t.percentOff)}` : zhe(t.percentOff),
        (t) =>
          t.thresholdMinor > 0
            ? `${t.percentOff}% off over ¥${yuan(t.thresholdMinor)}`
            : `${t.percentOff}% off`,
      );
    case 'ORDER_GIFT':
      return joinTiers(
        p.rules.tiers,
        (t) => `满${yuan(t.thresholdMinor)}送${t.giftQuantity}${t.giftUnit ?? '件'}`,
        (t) => `${t.giftQuantity} free over ¥${yuan(t.thresholdMinor)}`,
      );
    case 'BUY_N_GET_M':
      return {
        zh: `买${p.rules.buy}送${p.rules.get}`,
        en: `Buy ${p.rules.buy} get ${p.rules.get} free`,
      };
  }
}

const FALLBACK: Record<PromotionKind, Badge> = {
  ITEM_SPECIAL: { zh: '特价', en: 'Special' },
  ORDER_AMOUNT_OFF: { zh: '满减', en: 'Amount off' },
  ORDER_PERCENT_OFF: { zh: '满折', en: 'Percent off' },
  ORDER_GIFT: { zh: '满赠', en: 'Free gift' },
  BUY_N_GET_M: { zh: '买赠', en: 'Buy & get' },
};

/** The badge on a product card, from the promotion's kind and rules (a generic one when the rules are malformed). */
export function promotionBadge(kind: PromotionKind, rules: unknown): Badge {
  const parsed = parseRules(kind, rules);
  return parsed ? fromParsed(parsed) : FALLBACK[kind];
}
