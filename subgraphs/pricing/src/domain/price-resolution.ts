/**
 * Which price a viewer pays for one SKU in one sale unit (DOMAIN.md, "Decisions"):
 * customer price, else last sale price (when the tenant tracks it), else level price, else
 * the base wholesale price. Guests pay the retail price. A price set for the unit itself
 * wins; otherwise the base unit's price times the unit's factor. An item special (特价) that
 * applies to the viewer, or a volume tier reached by the quantity, replaces that price only
 * when it is lower. All amounts are integer fen.
 */
export type PriceSource =
  | 'CUSTOMER'
  | 'LAST_SALE'
  | 'LEVEL'
  | 'WHOLESALE'
  | 'RETAIL'
  | 'SPECIAL'
  | 'VOLUME_TIER';

/** Prices of one source keyed by unit name. */
export type UnitPrices = ReadonlyMap<string, bigint>;

/** A quantity break: from `minQuantity` base units on, one `unit` costs `minor`. */
export interface Tier {
  unit: string;
  minQuantity: number;
  minor: bigint;
}

export interface PriceInputs {
  unit: string;
  baseUnit: string;
  /** base units per `unit`; 1 for the base unit */
  factor: number;
  customer?: UnitPrices;
  lastSale?: UnitPrices;
  /** the tenant switch: resolve by the last sale price (default true when lastSale is given) */
  trackLastPrice?: boolean;
  level?: UnitPrices;
  wholesale?: UnitPrices;
  retail?: UnitPrices;
  /** the item special open to this customer (or guest) now, fen per base unit (pricing's ItemSpecial) */
  special?: bigint | null;
  tiers?: readonly Tier[];
  /** how many base units the line holds; tiers apply only when given */
  quantity?: number | null;
}

export interface ResolvedPrice {
  minor: bigint;
  source: PriceSource;
  unit: string;
  /** the regular price a special or tier replaced */
  original?: ResolvedPrice;
  /** in a list of options: the one this customer is charged */
  applies?: boolean;
}

/** The price of `unit` from one source: its own row, else the base unit's times the factor. */
export function priceForUnit(
  prices: UnitPrices | undefined,
  unit: string,
  baseUnit: string,
  factor: number,
): bigint | undefined {
  if (!prices) return undefined;
  const own = prices.get(unit);
  if (own !== undefined) return own;
  const base = prices.get(baseUnit);
  return base === undefined ? undefined : base * BigInt(factor);
}

/**
 * The tier price of `unit` for `quantity` base units: the highest break reached among the
 * unit's own tiers, else among the base unit's tiers times the factor.
 */
export function tierPrice(
  tiers: readonly Tier[] | undefined,
  unit: string,
  baseUnit: string,
  factor: number,
  quantity: number | null | undefined,
): bigint | undefined {
  if (!tiers?.length || quantity == null) return undefined;
  const reached = (u: string) =>
    tiers
      .filter((t) => t.unit === u && t.minQuantity <= quantity)
      .sort((a, b) => b.minQuantity - a.minQuantity)[0];
  const own = reached(unit);
  if (own) return own.minor;
  if (unit === baseUnit) return undefined;
  const base = reached(baseUnit);
  return base ? base.minor * BigInt(factor) : undefined;
}

function specialForUnit(input: PriceInputs): bigint | undefined {
  return input.special == null ? undefined : input.special * BigInt(input.factor);
}

/** A special or tier wins only when lower than the regular price; the lowest of them wins. */
function withDiscounts(regular: ResolvedPrice, input: PriceInputs, tiers: boolean): ResolvedPrice {
  const candidates: [PriceSource, bigint | undefined][] = [
    ['SPECIAL', specialForUnit(input)],
    [
      'VOLUME_TIER',
      tiers ? tierPrice(input.tiers, input.unit, input.baseUnit, input.factor, input.quantity) : undefined,
    ],
  ];
  let best = regular;
  for (const [source, minor] of candidates) {
    if (minor !== undefined && minor < best.minor)
      best = { minor, source, unit: input.unit, original: regular };
  }
  return best;
}

/** The regular price of a customer, before specials and tiers. */
export function regularCustomerPrice(input: PriceInputs): ResolvedPrice | null {
  const order: [PriceSource, UnitPrices | undefined][] = [
    ['CUSTOMER', input.customer],
    ['LAST_SALE', input.trackLastPrice === false ? undefined : input.lastSale],
    ['LEVEL', input.level],
    ['WHOLESALE', input.wholesale],
  ];
  for (const [source, prices] of order) {
    const minor = priceForUnit(prices, input.unit, input.baseUnit, input.factor);
    if (minor !== undefined) return { minor, source, unit: input.unit };
  }
  return null;
}

export function resolveCustomerPrice(input: PriceInputs): ResolvedPrice | null {
  const regular = regularCustomerPrice(input);
  return regular ? withDiscounts(regular, input, true) : null;
}

/** Guests pay retail; an item special open to them still wins when lower. No volume tiers. */
export function resolveGuestPrice(input: PriceInputs): ResolvedPrice | null {
  const minor = priceForUnit(input.retail, input.unit, input.baseUnit, input.factor);
  return minor === undefined
    ? null
    : withDiscounts({ minor, source: 'RETAIL', unit: input.unit }, input, false);
}

/**
 * Every option a rep may choose from, each with its source, in the order reps expect (last
 * sale first, the default of an order on behalf), and which one this customer is charged.
 * The last sale price is listed whether or not the tenant resolves by it: it is what the
 * customer paid last time.
 */
export function priceOptions(input: PriceInputs): ResolvedPrice[] {
  const order: [PriceSource, bigint | undefined][] = [
    ['LAST_SALE', priceForUnit(input.lastSale, input.unit, input.baseUnit, input.factor)],
    ['CUSTOMER', priceForUnit(input.customer, input.unit, input.baseUnit, input.factor)],
    ['LEVEL', priceForUnit(input.level, input.unit, input.baseUnit, input.factor)],
    ['WHOLESALE', priceForUnit(input.wholesale, input.unit, input.baseUnit, input.factor)],
    ['RETAIL', priceForUnit(input.retail, input.unit, input.baseUnit, input.factor)],
    ['VOLUME_TIER', tierPrice(input.tiers, input.unit, input.baseUnit, input.factor, input.quantity)],
    ['SPECIAL', specialForUnit(input)],
  ];
  const charged = resolveCustomerPrice(input);
  return order
    .filter((o): o is [PriceSource, bigint] => o[1] !== undefined)
    .map(([source, minor]) => ({
      minor,
      source,
      unit: input.unit,
      applies: charged !== null && charged.source === source && charged.minor === minor,
    }));
}
