import { GraphQLError } from 'graphql';
import { builder } from '../builder';
import {
  priceOptions,
  type ResolvedPrice,
  resolveCustomerPrice,
  resolveGuestPrice,
} from '../domain/price-resolution';
import { loadPriceBook } from './price-book';

export const PriceSourceEnum = builder.enumType('PriceSource', {
  description: 'Why this is the price: 客户价, 上次售价, 等级价, 批发价, 零售价, 特价.',
  values: ['CUSTOMER', 'LAST_SALE', 'LEVEL', 'WHOLESALE', 'RETAIL', 'SPECIAL'] as const,
});

export const PriceRef = builder.objectRef<ResolvedPrice>('Price').implement({
  description: 'A price of one sale unit for one viewer, with where it comes from.',
  fields: (t) => ({
    amount: t.field({ type: 'Decimal', resolve: (p) => formatFen(p.minor) }),
    currency: t.string({ resolve: () => 'CNY' }),
    minor: t.string({ description: 'Integer fen.', resolve: (p) => p.minor.toString() }),
    source: t.field({ type: PriceSourceEnum, resolve: (p) => p.source }),
    unit: t.exposeString('unit'),
  }),
});

function formatFen(minor: bigint): string {
  const negative = minor < 0n;
  const abs = negative ? -minor : minor;
  return `${negative ? '-' : ''}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
}

const SaleUnitRef = builder.objectRef<{ name: string; factor: number }>('SaleUnit').implement({
  shareable: true,
  fields: (t) => ({ name: t.exposeString('name'), factor: t.exposeInt('factor') }),
});

const SkuRequires = builder.selection<{ baseUnit: string; units: { name: string; factor: number }[] }>(
  'baseUnit units { name factor }',
);

function unitOf(
  sku: { baseUnit: string; units: { name: string; factor: number }[] },
  unit: string | null | undefined,
) {
  const name = unit ?? sku.baseUnit;
  const found = name === sku.baseUnit ? { name, factor: 1 } : sku.units.find((u) => u.name === name);
  if (!found) {
    throw new GraphQLError(`This SKU is not sold in unit "${name}"`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return found;
}

export const SkuRef = builder.externalRef('Sku', builder.selection<{ id: string }>('id')).implement({
  externalFields: (t) => ({
    baseUnit: t.string(),
    units: t.field({ type: [SaleUnitRef] }),
  }),
  fields: (t) => ({
    id: t.exposeID('id'),
    price: t.field({
      type: PriceRef,
      nullable: true,
      description: 'What the viewer pays for one `unit` (default: the base unit); null when no price is set.',
      args: { unit: t.arg.string({ required: false }) },
      requires: SkuRequires,
      resolve: async (sku, args, ctx) => {
        const unit = unitOf(sku, args.unit);
        const viewer = ctx.viewer;
        const customerId = viewer.kind === 'customer' ? viewer.customerId : null;
        const book = await loadPriceBook(ctx, customerId, sku.id);
        const input = { ...book, unit: unit.name, factor: unit.factor, baseUnit: sku.baseUnit };
        if (viewer.kind === 'customer') return resolveCustomerPrice(input);
        // Staff without a customer in mind see the base wholesale price; priceOptions has the rest.
        if (viewer.kind === 'staff' || viewer.kind === 'service') {
          return resolveCustomerPrice({
            ...input,
            customer: undefined,
            lastSale: undefined,
            level: undefined,
          });
        }
        return resolveGuestPrice(input);
      },
    }),
    priceOptions: t.field({
      type: [PriceRef],
      description: 'Staff: every price this customer could be charged for `unit`, each with its source.',
      authScopes: { staff: true },
      args: { customerId: t.arg.id({ required: true }), unit: t.arg.string({ required: false }) },
      requires: SkuRequires,
      resolve: async (sku, args, ctx) => {
        const unit = unitOf(sku, args.unit);
        const book = await loadPriceBook(ctx, args.customerId, sku.id);
        return priceOptions({ ...book, unit: unit.name, factor: unit.factor, baseUnit: sku.baseUnit });
      },
    }),
  }),
});
