/**
 * What a cart costs and which ordering rules it breaks, from facts the other domains gave:
 * no I/O here. Money in integer fen, quantities in base units for stock and minimums.
 */
export interface QuoteLineInput {
  skuId: string;
  unit: string;
  /** base units per sale unit (from catalog); null when the unit is not one of the SKU's */
  factor: number | null;
  /** in sale units */
  quantity: number;
  /** price of one sale unit for this customer; null when the SKU has no price */
  unitPriceMinor: bigint | null;
  priceSource: string | null;
  /** why this customer may not order it (catalog), null if it may */
  notOrderable: string | null;
  /** base units available in the customer's warehouse (null: not known) */
  available: number | null;
  /** a gift line of a promotion (price 0) */
  isGift?: boolean;
  /** the customer's level price of one unit, for typed prices (special-price approval) */
  levelPriceMinor?: bigint | null;
}

/** A price typed for an order on behalf below the level price waits for the boss (特价审批). */
export function needsPriceApproval(lines: readonly QuoteLineInput[]): boolean {
  return lines.some(
    (l) =>
      l.priceSource === 'OVERRIDE' &&
      l.unitPriceMinor !== null &&
      l.levelPriceMinor != null &&
      l.unitPriceMinor < l.levelPriceMinor,
  );
}

/** The review steps an order goes through: 业务审核, then 财务审核 when the tenant has two. */
export function nextReviewStage(stage: string, reviewSteps: number): 'FINANCE' | 'DONE' {
  return stage === 'BUSINESS' && reviewSteps >= 2 ? 'FINANCE' : 'DONE';
}

export type QuoteProblem =
  | { code: 'NOT_ORDERABLE'; skuId: string; reason: string }
  | { code: 'NO_PRICE'; skuId: string; unit: string }
  | { code: 'UNKNOWN_UNIT'; skuId: string; unit: string }
  | { code: 'SHORT_STOCK'; skuId: string; requested: number; available: number }
  | {
      code: 'BELOW_MINIMUM';
      minimumAmountMinor: bigint;
      minimumQuantity: number;
      amountMinor: bigint;
      quantity: number;
    }
  | { code: 'OUTSIDE_WINDOW'; nextOpensAt: Date }
  | {
      code: 'OVER_CREDIT';
      limitMinor: bigint;
      receivableMinor: bigint;
      openOrdersMinor: bigint;
      requiredMinor: bigint;
    }
  | { code: 'CUSTOMER_INACTIVE' }
  | { code: 'COUPON_UNAVAILABLE'; couponCode: string; reason: string }
  | { code: 'EMPTY' };

export interface QuotedLine extends QuoteLineInput {
  baseQuantity: number;
  amountMinor: bigint;
}

export interface Minimums {
  amountMinor: bigint;
  quantity: number;
}

export interface CreditFacts {
  limitMinor: bigint;
  receivableMinor: bigint;
  openOrdersMinor: bigint;
  availableMinor: bigint;
}

export interface QuoteResult {
  lines: QuotedLine[];
  subtotalMinor: bigint;
  discountMinor: bigint;
  totalMinor: bigint;
  baseQuantity: number;
  problems: QuoteProblem[];
}

export function quoteLines(lines: readonly QuoteLineInput[]): QuotedLine[] {
  return lines.map((line) => {
    const baseQuantity = (line.factor ?? 0) * line.quantity;
    const amountMinor = line.unitPriceMinor === null ? 0n : line.unitPriceMinor * BigInt(line.quantity);
    return { ...line, baseQuantity, amountMinor };
  });
}

/** Base units asked per SKU over all lines (a SKU in bottles and in boxes adds up). */
export function baseQuantities(
  lines: readonly { skuId: string; baseQuantity: number }[],
): Map<string, number> {
  const bySku = new Map<string, number>();
  for (const l of lines) bySku.set(l.skuId, (bySku.get(l.skuId) ?? 0) + l.baseQuantity);
  return bySku;
}

export function evaluateQuote(input: {
  lines: readonly QuoteLineInput[];
  discountMinor?: bigint;
  minimums: Minimums;
  /** null: the window is open */
  outsideWindowNextOpensAt: Date | null;
  credit: CreditFacts | null;
  customerActive: boolean;
  /** the coupon asked for cannot be used (marketing says why) */
  couponUnavailable?: { couponCode: string; reason: string } | null;
}): QuoteResult {
  const lines = quoteLines(input.lines);
  const problems: QuoteProblem[] = [];
  if (!input.customerActive) problems.push({ code: 'CUSTOMER_INACTIVE' });
  if (lines.filter((l) => !l.isGift).length === 0) problems.push({ code: 'EMPTY' });
  for (const l of lines) {
    if (l.notOrderable) problems.push({ code: 'NOT_ORDERABLE', skuId: l.skuId, reason: l.notOrderable });
    else if (l.factor === null) problems.push({ code: 'UNKNOWN_UNIT', skuId: l.skuId, unit: l.unit });
    else if (l.unitPriceMinor === null) problems.push({ code: 'NO_PRICE', skuId: l.skuId, unit: l.unit });
  }
  const asked = baseQuantities(lines);
  for (const [skuId, requested] of asked) {
    const available = lines.find((l) => l.skuId === skuId)?.available ?? null;
    if (available !== null && requested > available)
      problems.push({ code: 'SHORT_STOCK', skuId, requested, available: Math.max(0, available) });
  }
  const subtotalMinor = lines.reduce((sum, l) => sum + l.amountMinor, 0n);
  const discountMinor = input.discountMinor ?? 0n;
  const totalMinor = subtotalMinor - discountMinor > 0n ? subtotalMinor - discountMinor : 0n;
  const baseQuantity = lines.reduce((sum, l) => sum + l.baseQuantity, 0);
  if (lines.length > 0 && (totalMinor < input.minimums.amountMinor || baseQuantity < input.minimums.quantity))
    problems.push({
      code: 'BELOW_MINIMUM',
      minimumAmountMinor: input.minimums.amountMinor,
      minimumQuantity: input.minimums.quantity,
      amountMinor: totalMinor,
      quantity: baseQuantity,
    });
  if (input.outsideWindowNextOpensAt)
    problems.push({ code: 'OUTSIDE_WINDOW', nextOpensAt: input.outsideWindowNextOpensAt });
  if (input.credit && totalMinor > input.credit.availableMinor)
    problems.push({
      code: 'OVER_CREDIT',
      limitMinor: input.credit.limitMinor,
      receivableMinor: input.credit.receivableMinor,
      openOrdersMinor: input.credit.openOrdersMinor,
      requiredMinor: totalMinor,
    });
  return { lines, subtotalMinor, discountMinor, totalMinor, baseQuantity, problems };
}

/** Approved on submit (ORD-3): a customer of an auto-approved level, or a total below the bound. */
export function autoApproves(
  rules: { levelIds: readonly string[]; belowMinor: bigint | null },
  order: { levelId: string | null; totalMinor: bigint },
): boolean {
  if (order.levelId !== null && rules.levelIds.includes(order.levelId)) return true;
  return rules.belowMinor !== null && order.totalMinor < rules.belowMinor;
}
