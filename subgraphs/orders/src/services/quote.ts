import { db } from '../db';
import { isOpen, nextOpening, type OrderingWindow } from '../domain/ordering-window';
import { type CreditFacts, evaluateQuote, type QuoteLineInput, type QuoteResult } from '../domain/quote';
import { type CustomerFacts, type PromotionResult, ports, type SkuFacts } from '../ports';

export interface RequestedLine {
  skuId: string;
  /** null: the SKU's base unit */
  unit: string | null;
  quantity: number;
  /** a price staff typed for an order on behalf (fen per sale unit) */
  overrideMinor?: bigint | null;
}

export interface Quote extends QuoteResult {
  customer: CustomerFacts | null;
  customerId: string;
  skus: Map<string, SkuFacts>;
  warehouseId: string | null;
  promotions: PromotionResult['applied'];
  coupon: PromotionResult['coupon'];
}

async function orderingRules(customer: CustomerFacts | null) {
  const settings = await db().orderSettings.findFirst();
  const [route, level] = await Promise.all([
    customer?.routeId ? db().routeOrderingWindow.findFirst({ where: { routeId: customer.routeId } }) : null,
    customer?.levelId ? db().levelMinimum.findFirst({ where: { levelId: customer.levelId } }) : null,
  ]);
  const timeZone = settings?.timeZone ?? 'Asia/Shanghai';
  const window: OrderingWindow | null = route
    ? { start: route.windowStart, end: route.windowEnd, timeZone }
    : settings?.windowStart && settings.windowEnd
      ? { start: settings.windowStart, end: settings.windowEnd, timeZone }
      : null;
  const minimums = level
    ? { amountMinor: level.minimumAmountMinor, quantity: level.minimumQuantity }
    : { amountMinor: settings?.minimumAmountMinor ?? 0n, quantity: settings?.minimumQuantity ?? 0 };
  return { settings, window, minimums };
}

/**
 * The quote of a list of lines for a customer: its prices (pricing), what it may order and the
 * units (catalog), the stock of its warehouse (inventory), its credit (crm) and the tenant's
 * ordering rules; each rule broken is listed with its figures.
 */
export async function buildQuote(
  customerId: string,
  requested: readonly RequestedLine[],
  options: { now?: Date; checkCredit?: boolean; couponCode?: string | null } = {},
): Promise<Quote> {
  const now = options.now ?? new Date();
  const skuIds = [...new Set(requested.map((l) => l.skuId))];
  const [customer, skuList] = await Promise.all([
    ports.customerFacts(customerId),
    skuIds.length ? ports.skuFacts(customerId, skuIds) : Promise.resolve([] as SkuFacts[]),
  ]);
  const skus = new Map(skuList.map((s) => [s.skuId, s]));
  const resolved = requested.map((l) => {
    const sku = skus.get(l.skuId);
    const unit = l.unit ?? sku?.baseUnit ?? '';
    const factor = sku?.units.find((u) => u.name === unit)?.factor ?? null;
    return { ...l, unit, factor, sku };
  });
  const priceable = resolved.filter((l) => l.factor !== null && !l.sku?.notOrderable);
  const baseBySku = new Map<string, number>();
  for (const l of priceable)
    baseBySku.set(l.skuId, (baseBySku.get(l.skuId) ?? 0) + (l.factor ?? 0) * l.quantity);
  const [prices, stock, rules] = await Promise.all([
    priceable.length
      ? ports.prices(
          customerId,
          priceable.map((l) => ({ skuId: l.skuId, unit: l.unit, quantity: baseBySku.get(l.skuId) ?? 0 })),
        )
      : Promise.resolve([]),
    baseBySku.size
      ? ports.checkStock(
          customerId,
          [...baseBySku].map(([skuId, quantity]) => ({ skuId, quantity })),
        )
      : Promise.resolve(null),
    orderingRules(customer),
  ]);
  const priceOf = new Map(prices.map((p) => [`${p.skuId}|${p.unit}`, p]));
  const availableOf = new Map((stock?.lines ?? []).map((s) => [s.skuId, s.available]));
  const lines: QuoteLineInput[] = resolved.map((l) => {
    const price = priceOf.get(`${l.skuId}|${l.unit}`);
    const override = l.overrideMinor ?? null;
    return {
      skuId: l.skuId,
      unit: l.unit,
      factor: l.factor,
      quantity: l.quantity,
      unitPriceMinor: override ?? (price?.unitPrice != null ? BigInt(price.unitPrice) : null),
      priceSource: override !== null ? 'OVERRIDE' : (price?.source ?? null),
      levelPriceMinor: price?.levelPrice != null ? BigInt(price.levelPrice) : null,
      notOrderable: l.sku ? l.sku.notOrderable : 'UNKNOWN',
      available: availableOf.get(l.skuId) ?? null,
    };
  });
  // order-level promotions, gifts and the coupon, on the priced lines (marketing)
  const promotable = lines.filter((l) => l.unitPriceMinor !== null && !l.notOrderable && l.factor !== null);
  const promo: PromotionResult | null = promotable.length
    ? await ports.applyPromotions({
        customerId,
        levelId: customer?.levelId ?? null,
        couponCode: options.couponCode ?? null,
        lines: promotable.map((l) => {
          const sku = skus.get(l.skuId);
          return {
            skuId: l.skuId,
            productId: sku?.productId ?? null,
            brandId: sku?.brandId ?? null,
            categoryIds: sku?.categoryIds ?? [],
            quantity: (l.factor ?? 0) * l.quantity,
            amount: ((l.unitPriceMinor ?? 0n) * BigInt(l.quantity)).toString(),
          };
        }),
      })
    : null;
  if (promo?.gifts.length) {
    const giftIds = [...new Set(promo.gifts.map((g) => g.skuId))];
    const missing = giftIds.filter((id) => !skus.has(id));
    if (missing.length) for (const s of await ports.skuFacts(null, missing)) skus.set(s.skuId, s);
    const giftStock = await ports.checkStock(
      customerId,
      giftIds.map((skuId) => ({ skuId, quantity: 0 })),
    );
    for (const g of giftStock.lines) if (!availableOf.has(g.skuId)) availableOf.set(g.skuId, g.available);
    for (const gift of promo.gifts) {
      const sku = skus.get(gift.skuId);
      const unit =
        gift.unit && sku?.units.some((u) => u.name === gift.unit) ? gift.unit : (sku?.baseUnit ?? '');
      lines.push({
        skuId: gift.skuId,
        unit,
        factor: sku?.units.find((u) => u.name === unit)?.factor ?? 1,
        quantity: gift.quantity,
        unitPriceMinor: 0n,
        priceSource: 'GIFT',
        notOrderable: null,
        available: availableOf.get(gift.skuId) ?? null,
        isGift: true,
      });
    }
  }
  const discountMinor = promo ? BigInt(promo.discount) : 0n;
  const subtotal =
    lines.reduce((s, l) => s + (l.unitPriceMinor ?? 0n) * BigInt(l.quantity), 0n) - discountMinor;
  let credit: CreditFacts | null = null;
  if (options.checkCredit !== false && subtotal > 0n) {
    const c = await ports.checkCredit(customerId, subtotal);
    credit = {
      limitMinor: BigInt(c.limit),
      receivableMinor: BigInt(c.receivable),
      openOrdersMinor: BigInt(c.openOrders),
      availableMinor: BigInt(c.available),
    };
  }
  const result = evaluateQuote({
    lines,
    discountMinor,
    couponUnavailable:
      promo?.coupon && !promo.coupon.ok
        ? { couponCode: promo.coupon.code, reason: promo.coupon.reason ?? '' }
        : null,
    minimums: rules.minimums,
    outsideWindowNextOpensAt: isOpen(rules.window, now) ? null : nextOpening(rules.window, now),
    credit,
    customerActive: customer?.active ?? false,
  });
  return {
    ...result,
    customer,
    customerId,
    skus,
    warehouseId: stock?.warehouseId ?? null,
    promotions: promo?.applied ?? [],
    coupon: promo?.coupon ?? null,
  };
}
