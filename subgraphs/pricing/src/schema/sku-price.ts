import { formatMinor, type RequestContext } from '@wholesail/platform';
import { GraphQLError } from 'graphql';
import { builder } from '../builder';
import {
  type PriceInputs,
  priceOptions,
  type ResolvedPrice,
  resolveCustomerPrice,
  resolveGuestPrice,
  type Tier,
} from '../domain/price-resolution';
import { loadPriceBook, type PriceProfile, priceProfile } from './price-book';

export const PriceSourceEnum = builder.enumType('PriceSource', {
  description: 'Why this is the price: 客户价, 上次售价, 等级价, 批发价, 零售价, 特价, 阶梯价 (volume tier).',
  values: ['CUSTOMER', 'LAST_SALE', 'LEVEL', 'WHOLESALE', 'RETAIL', 'SPECIAL', 'VOLUME_TIER'] as const,
});

export const PriceRef = builder.objectRef<ResolvedPrice>('Price');
PriceRef.implement({
  description: 'A price of one sale unit for one viewer, with where it comes from.',
  fields: (t) => ({
    amount: t.field({ type: 'Decimal', resolve: (p) => formatMinor(p.minor) }),
    currency: t.string({ resolve: () => 'CNY' }),
    minor: t.string({ description: 'Integer fen.', resolve: (p) => p.minor.toString() }),
    source: t.field({ type: PriceSourceEnum, resolve: (p) => p.source }),
    unit: t.exposeString('unit'),
    original: t.field({
      type: PriceRef,
      nullable: true,
      description: 'The regular price a special or volume tier replaced (show it struck through).',
      resolve: (p) => p.original ?? null,
    }),
    applies: t.boolean({
      description: 'In priceOptions: the option this customer is charged. Always true for Sku.price.',
      resolve: (p) => p.applies ?? true,
    }),
  }),
});

const SaleUnitRef = builder.objectRef<{ name: string; factor: number }>('SaleUnit').implement({
  shareable: true,
  fields: (t) => ({ name: t.exposeString('name'), factor: t.exposeInt('factor') }),
});

interface SkuFacts {
  id: string;
  baseUnit: string;
  units: { name: string; factor: number }[];
}
/** Only the sale units: the item special comes from pricing's own ItemSpecial projection. */
const SkuRequires = builder.selection<Omit<SkuFacts, 'id'>>('baseUnit units { name factor }');

function unitOf(sku: Omit<SkuFacts, 'id'>, unit: string | null | undefined) {
  const name = unit ?? sku.baseUnit;
  const found = name === sku.baseUnit ? { name, factor: 1 } : sku.units.find((u) => u.name === name);
  if (!found) {
    throw new GraphQLError(`This SKU is not sold in unit "${name}"`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return found;
}

function quantityOf(quantity: number | null | undefined): number | null {
  if (quantity == null) return null;
  if (!Number.isInteger(quantity) || quantity < 1)
    throw new GraphQLError('quantity must be a positive number of base units', {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  return quantity;
}

/** Reps price only their own customers; any other staff role (店长 included) prices all. */
export function mayPriceFor(ctx: RequestContext, profile: PriceProfile | null): boolean {
  const viewer = ctx.viewer;
  if (viewer.kind === 'service') return true;
  if (viewer.kind !== 'staff') return false;
  if (viewer.roles.some((r) => r !== 'REP')) return true;
  return profile?.ownerRepId === viewer.staffId;
}

/** Tiers of one unit as they apply: its own, else the base unit's times the factor. */
function tiersForUnit(tiers: Tier[], unit: { name: string; factor: number }, baseUnit: string): Tier[] {
  const own = tiers.filter((t) => t.unit === unit.name);
  if (own.length || unit.name === baseUnit) return own;
  return tiers
    .filter((t) => t.unit === baseUnit)
    .map((t) => ({ unit: unit.name, minQuantity: t.minQuantity, minor: t.minor * BigInt(unit.factor) }));
}

const VolumeTierRef = builder.objectRef<Tier>('VolumeTier').implement({
  description: 'A quantity break (阶梯价): from `minQuantity` base units on, one `unit` costs `price`.',
  fields: (t) => ({
    unit: t.exposeString('unit'),
    minQuantity: t.exposeInt('minQuantity', { description: 'In base units.' }),
    price: t.field({ type: builder.MoneyRef, resolve: (tier) => ({ minor: tier.minor }) }),
  }),
});

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
      description:
        'What the viewer pays for one `unit` (default: the base unit); null when no price is set. With `quantity` (base units in the line), a volume tier reached applies when lower.',
      args: {
        unit: t.arg.string({ required: false }),
        quantity: t.arg.int({ required: false, description: 'Base units in the line, for volume tiers.' }),
      },
      requires: SkuRequires,
      resolve: async (sku, args, ctx) => {
        const unit = unitOf(sku, args.unit);
        const quantity = quantityOf(args.quantity);
        const viewer = ctx.viewer;
        const customerId = viewer.kind === 'customer' ? viewer.customerId : null;
        const book = await loadPriceBook(ctx, customerId, sku.id);
        const input: PriceInputs = {
          ...book,
          unit: unit.name,
          factor: unit.factor,
          baseUnit: sku.baseUnit,
          quantity,
        };
        if (viewer.kind === 'customer') return resolveCustomerPrice(input);
        // Staff without a customer in mind see the base wholesale price; priceOptions has the rest.
        if (viewer.kind === 'staff' || viewer.kind === 'service') {
          return resolveCustomerPrice({
            ...input,
            customer: undefined,
            lastSale: undefined,
            level: undefined,
            special: null,
          });
        }
        return resolveGuestPrice(input);
      },
    }),
    priceOptions: t.field({
      type: [PriceRef],
      description:
        'Staff: every price this customer could be charged for `unit`, each with its source, `applies` on the one it is charged. Reps only for their own customers (unless 店长).',
      authScopes: { staff: true },
      args: {
        customerId: t.arg.id({ required: true }),
        unit: t.arg.string({ required: false }),
        quantity: t.arg.int({ required: false, description: 'Base units in the line, for volume tiers.' }),
      },
      requires: SkuRequires,
      resolve: async (sku, args, ctx) => {
        const unit = unitOf(sku, args.unit);
        const quantity = quantityOf(args.quantity);
        const profile = await priceProfile(ctx, args.customerId);
        if (!mayPriceFor(ctx, profile))
          throw new GraphQLError('Reps see prices of their own customers only.', {
            extensions: { code: 'FORBIDDEN' },
          });
        // the chosen customer's book: its level, its prices and the specials open to it
        const book = await loadPriceBook(ctx, args.customerId, sku.id);
        return priceOptions({
          ...book,
          unit: unit.name,
          factor: unit.factor,
          baseUnit: sku.baseUnit,
          quantity,
        });
      },
    }),
    volumeTiers: t.field({
      type: [VolumeTierRef],
      description:
        'Quantity breaks (阶梯价) for `unit` (default: every unit with tiers), lowest break first. Empty for guests.',
      args: { unit: t.arg.string({ required: false }) },
      requires: SkuRequires,
      resolve: async (sku, args, ctx) => {
        if (ctx.viewer.kind === 'guest' || ctx.viewer.kind === 'none') return [];
        const viewer = ctx.viewer;
        const book = await loadPriceBook(ctx, viewer.kind === 'customer' ? viewer.customerId : null, sku.id);
        if (!args.unit) return book.tiers;
        return tiersForUnit(book.tiers, unitOf(sku, args.unit), sku.baseUnit);
      },
    }),
  }),
});
