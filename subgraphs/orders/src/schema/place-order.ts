import {
  assertValid,
  forbidden,
  type InputProblem,
  parseMinor,
  type RequestContext,
  ValidationError,
} from '@wholesail/platform';
import { builder } from '../builder';
import { db } from '../db';
import type { QuoteProblem } from '../domain/quote';
import { ports } from '../ports';
import { placeOrder } from '../services/place-order';
import type { RequestedLine } from '../services/quote';
import { OrderRef } from './order';
import { OrderRuleProblemRef, ShortStockRef } from './quote-types';

type Outcome =
  | { kind: 'PLACED'; orderId: string }
  | { kind: 'OUT_OF_STOCK'; lines: Extract<QuoteProblem, { code: 'SHORT_STOCK' }>[] }
  | { kind: 'PRICE_CHANGED'; expectedTotalMinor: string; totalMinor: string }
  | { kind: 'NOT_PLACEABLE'; problems: QuoteProblem[] }
  | QuoteProblem;

const PlaceOrderSuccessRef = builder
  .objectRef<{ kind: 'PLACED'; orderId: string }>('PlaceOrderSuccess')
  .implement({
    description: 'The order is placed (or was already, for this idempotency key).',
    fields: (t) => ({
      order: t.prismaField({
        type: 'Order',
        resolve: (query, o) => db().order.findUniqueOrThrow({ ...query, where: { id: o.orderId } }),
      }),
    }),
  });

const OutOfStockRef = builder
  .objectRef<{ kind: 'OUT_OF_STOCK'; lines: Extract<QuoteProblem, { code: 'SHORT_STOCK' }>[] }>('OutOfStock')
  .implement({
    description: 'Some lines ask for more than the store warehouse has; nothing was reserved.',
    fields: (t) => ({
      message: t.string({ resolve: () => '库存不足，请调整数量 (not enough stock: change the quantities)' }),
      lines: t.field({ type: [ShortStockRef], resolve: (o) => o.lines }),
    }),
  });

const PriceChangedRef = builder
  .objectRef<{ kind: 'PRICE_CHANGED'; expectedTotalMinor: string; totalMinor: string }>('PriceChanged')
  .implement({
    description: 'Prices changed since the customer saw the total: look at the quote again and submit again.',
    fields: (t) => ({
      message: t.string({
        resolve: () =>
          '价格已变动，请确认新的金额后再提交 (prices changed: check the new total and submit again)',
      }),
      expectedTotal: t.field({
        type: builder.MoneyRef,
        resolve: (o) => ({ minor: BigInt(o.expectedTotalMinor) }),
      }),
      total: t.field({ type: builder.MoneyRef, resolve: (o) => ({ minor: BigInt(o.totalMinor) }) }),
    }),
  });

const OrderNotPlaceableRef = builder
  .objectRef<{ kind: 'NOT_PLACEABLE'; problems: QuoteProblem[] }>('OrderNotPlaceable')
  .implement({
    description:
      'Rules the order breaks other than stock, credit, hours and minimums (e.g. a product it may not order).',
    fields: (t) => ({
      message: t.string({ resolve: () => '订单无法提交 (the order cannot be placed)' }),
      problems: t.field({ type: [OrderRuleProblemRef], resolve: (o) => o.problems }),
    }),
  });

const PlaceOrderResultRef = builder.unionType('PlaceOrderResult', {
  description: 'What placeOrder did: the order, or the rule that refused it with its figures.',
  types: [
    PlaceOrderSuccessRef,
    ValidationError,
    'CreditLimitExceeded',
    OutOfStockRef,
    'BelowMinimum',
    'OutsideOrderingWindow',
    PriceChangedRef,
    OrderNotPlaceableRef,
  ] as never,
  resolveType: (o: Outcome | ValidationError) => {
    if (o instanceof ValidationError) return 'ValidationError';
    if ('kind' in o)
      return {
        PLACED: 'PlaceOrderSuccess',
        OUT_OF_STOCK: 'OutOfStock',
        PRICE_CHANGED: 'PriceChanged',
        NOT_PLACEABLE: 'OrderNotPlaceable',
      }[o.kind];
    return (
      {
        OVER_CREDIT: 'CreditLimitExceeded',
        OUTSIDE_WINDOW: 'OutsideOrderingWindow',
        BELOW_MINIMUM: 'BelowMinimum',
      }[o.code as 'OVER_CREDIT'] ?? 'OrderNotPlaceable'
    );
  },
});

/** The one answer to show for a refusal: stock, then credit, then hours, then minimums, else all of them. */
export function refusalOf(problems: QuoteProblem[]): Outcome {
  const short = problems.filter(
    (p): p is Extract<QuoteProblem, { code: 'SHORT_STOCK' }> => p.code === 'SHORT_STOCK',
  );
  if (short.length) return { kind: 'OUT_OF_STOCK', lines: short };
  for (const code of ['OVER_CREDIT', 'OUTSIDE_WINDOW', 'BELOW_MINIMUM'] as const) {
    const found = problems.find((p) => p.code === code);
    if (found) return found;
  }
  return { kind: 'NOT_PLACEABLE', problems };
}

const PlaceOrderLineInput = builder.inputType('PlaceOrderLineInput', {
  fields: (t) => ({
    skuId: t.id({ required: true }),
    quantity: t.int({ required: true, description: 'In `unit`.' }),
    unit: t.string({ description: 'Default: the base unit.' }),
    price: t.field({
      type: 'Decimal',
      description: 'Boss or office ordering on behalf: the unit price to charge.',
    }),
  }),
});

const PlaceOrderInput = builder.inputType('PlaceOrderInput', {
  fields: (t) => ({
    idempotencyKey: t.string({
      required: true,
      description: 'Made by the client per submit; a repeat returns the same order.',
    }),
    note: t.string(),
    rush: t.boolean({ description: '加急' }),
    couponCode: t.string({ description: 'At most one coupon; used by this order only if it commits.' }),
    expectedTotal: t.field({
      type: 'Decimal',
      description: 'The total the customer was shown; PriceChanged when it differs now.',
    }),
    customerId: t.id({ description: 'Staff ordering on behalf: the store.' }),
    lines: t.field({
      type: [PlaceOrderLineInput],
      description: 'Staff ordering on behalf: the lines (a store orders its cart).',
    }),
  }),
});

const MONEY_MESSAGE = '金额最多两位小数 (an amount with at most 2 decimals)';

/** What parseMinor accepts: at most two decimals. */
function isMoney(value: string): boolean {
  try {
    parseMinor(value);
    return true;
  } catch {
    return false;
  }
}

function staffMayOrderFor(ctx: RequestContext, ownerRepId: string | null): boolean {
  const v = ctx.viewer;
  if (v.kind !== 'staff') return false;
  if (v.roles.some((r) => r === 'BOSS' || r === 'OFFICE' || r === 'STORE_MANAGER')) return true;
  return v.roles.includes('REP') && ownerRepId === v.staffId;
}

builder.mutationField('placeOrder', (t) =>
  t.field({
    type: PlaceOrderResultRef,
    description:
      "Places the store's cart (a store user), or `customerId` + `lines` (staff on behalf): checks the rules, re-prices, reserves credit and stock, then commits.",
    authScopes: { authenticated: true },
    args: { input: t.arg({ type: PlaceOrderInput, required: true }) },
    // bad input is a member of the result (ValidationError), like the refusals
    resolve: (_root, { input }, ctx) =>
      resolvePlaceOrder(input, ctx).catch((error) => {
        if (error instanceof ValidationError) return error as never;
        throw error;
      }),
  }),
);

type PlaceOrderInputShape = {
  idempotencyKey: string;
  note?: string | null;
  rush?: boolean | null;
  expectedTotal?: string | null;
  customerId?: string | number | null;
  couponCode?: string | null;
  lines?: { skuId: string | number; quantity: number; unit?: string | null; price?: string | null }[] | null;
};

async function resolvePlaceOrder(input: PlaceOrderInputShape, ctx: RequestContext): Promise<never> {
  {
    const problems: InputProblem[] = [];
    const key = input.idempotencyKey.trim();
    if (key.length < 8 || key.length > 100)
      problems.push({
        field: 'idempotencyKey',
        message: '幂等键须为 8-100 个字符 (idempotencyKey: 8 to 100 characters)',
      });
    if ((input.note ?? '').length > 500)
      problems.push({ field: 'note', message: '备注最多 500 字 (note: at most 500 characters)' });
    if (input.expectedTotal != null && !isMoney(input.expectedTotal))
      problems.push({ field: 'expectedTotal', message: MONEY_MESSAGE });
    const viewer = ctx.viewer;
    let customerId: string;
    let lines: RequestedLine[];
    let cartLineIds: string[] = [];
    let channel: 'SELF_SERVICE' | 'SALES_REP' | 'OFFICE';
    if (viewer.kind === 'customer') {
      if (input.customerId || input.lines)
        problems.push({ field: 'lines', message: '门店下单即提交购物车 (a store places its cart)' });
      assertValid(problems);
      customerId = viewer.customerId;
      const cart = await db().cart.findFirst({ where: { customerId }, include: { lines: true } });
      lines = (cart?.lines ?? []).map((l) => ({ skuId: l.skuId, unit: l.unit, quantity: l.quantity }));
      cartLineIds = (cart?.lines ?? []).map((l) => l.id);
      channel = 'SELF_SERVICE';
    } else if (viewer.kind === 'staff') {
      if (!input.customerId) problems.push({ field: 'customerId', message: '请选择客户 (choose the store)' });
      if (!input.lines?.length) problems.push({ field: 'lines', message: '请添加商品 (add lines)' });
      const mayPrice = viewer.roles.some((r) => r === 'BOSS' || r === 'OFFICE');
      (input.lines ?? []).forEach((l, i) => {
        if (!Number.isInteger(l.quantity) || l.quantity < 1 || l.quantity > 100_000)
          problems.push({
            field: `lines.${i}.quantity`,
            message: '数量须为 1 到 100000 的整数 (quantity: 1 to 100000)',
          });
        if (l.price != null && !mayPrice)
          problems.push({
            field: `lines.${i}.price`,
            message: '无改价权限 (no permission to change prices)',
          });
        if (l.price?.startsWith('-'))
          problems.push({
            field: `lines.${i}.price`,
            message: '价格不能为负 (price must not be negative)',
          });
        else if (l.price != null && !isMoney(l.price))
          problems.push({ field: `lines.${i}.price`, message: MONEY_MESSAGE });
      });
      assertValid(problems);
      customerId = String(input.customerId);
      const facts = await ports.customerFacts(customerId);
      if (!facts) assertValid([{ field: 'customerId', message: '客户不存在 (no such store)' }]);
      if (!staffMayOrderFor(ctx, facts?.ownerRepId ?? null))
        throw forbidden('Reps order for their own stores only.');
      lines = (input.lines ?? []).map((l) => ({
        skuId: String(l.skuId),
        unit: l.unit ?? null,
        quantity: l.quantity,
        overrideMinor: l.price != null ? parseMinor(l.price) : null,
      }));
      channel = viewer.roles.includes('REP') && !viewer.roles.includes('OFFICE') ? 'SALES_REP' : 'OFFICE';
    } else {
      throw forbidden('Log in to place an order.');
    }
    const outcome = await placeOrder({
      idempotencyKey: key,
      customerId,
      lines,
      note: input.note ?? '',
      rush: input.rush ?? false,
      channel,
      placedBy: {
        kind: viewer.kind,
        id: viewer.kind === 'customer' ? viewer.customerUserId : viewer.staffId,
      },
      expectedTotalMinor: input.expectedTotal != null ? parseMinor(input.expectedTotal) : null,
      cartLineIds,
      couponCode: input.couponCode?.trim() || null,
    });
    return (outcome.kind === 'REFUSED' ? refusalOf(outcome.problems) : outcome) as never;
  }
}

export { OrderRef };
