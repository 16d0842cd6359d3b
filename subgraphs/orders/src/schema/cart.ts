import {
  assertValid,
  forbidden,
  type InputProblem,
  type RequestContext,
  requireTenantId,
  ValidationError,
} from '@wholesail/platform';
import { builder } from '../builder';
import { db } from '../db';
import { ports } from '../ports';
import { buildQuote } from '../services/quote';
import { SkuRef } from './external';
import { QuoteRef } from './quote-types';

const MAX_QUANTITY = 100_000;

export const CartLineRef = builder.prismaObject('CartLine', {
  description: 'A line of the cart: a SKU in one of its sale units.',
  fields: (t) => ({
    id: t.exposeID('id'),
    sku: t.field({ type: SkuRef, resolve: (l) => ({ id: l.skuId }) }),
    unit: t.exposeString('unit'),
    quantity: t.exposeInt('quantity', { description: 'In `unit`.' }),
    addedAt: t.expose('addedAt', { type: 'DateTime' }),
  }),
});

export const CartRef = builder.prismaObject('Cart', {
  description: "The store's cart, kept on the server and shared by the store's users (any device).",
  fields: (t) => ({
    id: t.exposeID('id'),
    lines: t.relation('lines', { query: { orderBy: [{ addedAt: 'asc' }, { id: 'asc' }] } }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
  }),
});

/** The customer whose cart this request works on: a store user's own. */
export function cartCustomer(ctx: RequestContext): string {
  if (ctx.viewer.kind !== 'customer') throw forbidden('Only a store has a cart.');
  return ctx.viewer.customerId;
}

async function cartOf(customerId: string): Promise<{ id: string }> {
  const upsert = () =>
    db().cart.upsert({
      where: { tenantId_customerId: { tenantId: requireTenantId(), customerId } },
      create: { customerId } as never,
      update: {},
      select: { id: true },
    });
  // two first uses at once: one creates, the other finds it on the second try
  return upsert().catch((error: { code?: string }) =>
    error.code === 'P2002' ? upsert() : Promise.reject(error),
  );
}

function quantityProblems(quantity: number, field = 'quantity'): InputProblem[] {
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > MAX_QUANTITY)
    return [
      {
        field,
        message: `数量须为 1 到 ${MAX_QUANTITY} 的整数 (quantity must be a whole number from 1 to ${MAX_QUANTITY})`,
      },
    ];
  return [];
}

/** The SKU exists, this store may order it, and `unit` is one of its units (default: the base unit). */
async function orderableUnit(
  customerId: string,
  skuId: string,
  unit: string | null | undefined,
): Promise<string> {
  const [sku] = await ports.skuFacts(customerId, [skuId]);
  if (!sku || sku.notOrderable)
    throw new ValidationError(
      '该商品不可订购 (this product cannot be ordered)',
      [{ field: 'skuId', message: '该商品不可订购 (this product cannot be ordered)' }],
      'NOT_ORDERABLE',
    );
  const chosen = unit ?? sku.baseUnit ?? '';
  if (!sku.units.some((u) => u.name === chosen))
    throw new ValidationError(`单位“${chosen}”不存在 (unknown unit)`, [
      { field: 'unit', message: `单位“${chosen}”不存在 (unknown unit)` },
    ]);
  return chosen;
}

const AddToCartInput = builder.inputType('AddToCartInput', {
  fields: (t) => ({
    skuId: t.id({ required: true }),
    quantity: t.int({ required: true, description: 'In `unit`; added to what the cart has of it.' }),
    unit: t.string({ description: 'A sale unit of the SKU; default its base unit.' }),
  }),
});

const UpdateCartLineInput = builder.inputType('UpdateCartLineInput', {
  fields: (t) => ({
    lineId: t.id({ required: true }),
    quantity: t.int({ required: true, description: 'The new quantity; 0 removes the line.' }),
    unit: t.string({ description: 'Switch the line to another sale unit of the SKU.' }),
  }),
});

const cartQuery = { include: { lines: true } } as const;
const findCart = (query: object, id: string) => db().cart.findUniqueOrThrow({ ...query, where: { id } });

builder.queryFields((t) => ({
  cart: t.prismaField({
    type: 'Cart',
    description: "The store's cart (created empty on first use).",
    authScopes: { customer: true },
    resolve: async (query, _root, _args, ctx) => findCart(query, (await cartOf(cartCustomer(ctx))).id),
  }),
  quote: t.field({
    type: QuoteRef,
    description: "The store's cart priced now, with every rule it breaks (minimum, hours, credit, stock).",
    authScopes: { customer: true },
    args: { couponCode: t.arg.string({ description: 'A coupon to try on the cart.' }) },
    resolve: async (_root, args, ctx) => {
      const customerId = cartCustomer(ctx);
      const cart = await db().cart.findFirst({ where: { customerId }, ...cartQuery });
      return buildQuote(
        customerId,
        (cart?.lines ?? []).map((l) => ({ skuId: l.skuId, unit: l.unit, quantity: l.quantity })),
        { couponCode: args.couponCode?.trim() || null },
      );
    },
  }),
}));

builder.mutationFields((t) => ({
  addToCart: t.prismaField({
    type: 'Cart',
    description: 'Adds a SKU in a sale unit to the cart (adds up with what is there).',
    authScopes: { customer: true },
    errors: { types: [ValidationError] },
    args: { input: t.arg({ type: AddToCartInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const customerId = cartCustomer(ctx);
      assertValid(quantityProblems(input.quantity));
      const unit = await orderableUnit(customerId, String(input.skuId), input.unit);
      const cart = await cartOf(customerId);
      const existing = await db().cartLine.findFirst({
        where: { cartId: cart.id, skuId: String(input.skuId), unit },
      });
      if (existing && existing.quantity + input.quantity > MAX_QUANTITY)
        assertValid(quantityProblems(existing.quantity + input.quantity));
      await db().cartLine.upsert({
        where: { cartId_skuId_unit: { cartId: cart.id, skuId: String(input.skuId), unit } },
        create: { cartId: cart.id, skuId: String(input.skuId), unit, quantity: input.quantity },
        update: { quantity: { increment: input.quantity } },
      } as never);
      await db().cart.update({ where: { id: cart.id }, data: { updatedAt: new Date() } });
      return findCart(query, cart.id);
    },
  }),
  updateCartLine: t.prismaField({
    type: 'Cart',
    description: 'Changes the quantity (0 removes it) or the unit of a cart line.',
    authScopes: { customer: true },
    errors: { types: [ValidationError] },
    args: { input: t.arg({ type: UpdateCartLineInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const customerId = cartCustomer(ctx);
      const cart = await cartOf(customerId);
      const line = await db().cartLine.findFirst({ where: { id: String(input.lineId), cartId: cart.id } });
      if (!line)
        throw new ValidationError(
          '购物车中没有这一行 (no such cart line)',
          [{ field: 'lineId', message: '购物车中没有这一行 (no such cart line)' }],
          'NOT_FOUND',
        );
      if (input.quantity === 0) {
        await db().cartLine.deleteMany({ where: { id: line.id } });
        return findCart(query, cart.id);
      }
      assertValid(quantityProblems(input.quantity));
      const unit = input.unit ? await orderableUnit(customerId, line.skuId, input.unit) : line.unit;
      if (unit !== line.unit) {
        const clash = await db().cartLine.findFirst({ where: { cartId: cart.id, skuId: line.skuId, unit } });
        if (clash) await db().cartLine.deleteMany({ where: { id: clash.id } });
      }
      await db().cartLine.update({ where: { id: line.id }, data: { quantity: input.quantity, unit } });
      return findCart(query, cart.id);
    },
  }),
  removeCartLine: t.prismaField({
    type: 'Cart',
    description: 'Removes a line from the cart (nothing happens when it is not there).',
    authScopes: { customer: true },
    args: { lineId: t.arg.id({ required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const cart = await cartOf(cartCustomer(ctx));
      await db().cartLine.deleteMany({ where: { id: String(args.lineId), cartId: cart.id } });
      return findCart(query, cart.id);
    },
  }),
  clearCart: t.prismaField({
    type: 'Cart',
    description: 'Empties the cart.',
    authScopes: { customer: true },
    resolve: async (query, _root, _args, ctx) => {
      const cart = await cartOf(cartCustomer(ctx));
      await db().cartLine.deleteMany({ where: { cartId: cart.id } });
      return findCart(query, cart.id);
    },
  }),
}));
