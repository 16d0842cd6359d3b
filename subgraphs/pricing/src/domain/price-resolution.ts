/**
 * Which price a viewer pays for one SKU in one sale unit (DOMAIN.md, "Decisions"):
 * customer price, else last sale price (when the tenant tracks it), else level price, else
 * the base wholesale price. Guests pay the retail price. A price set for the unit itself
 * wins; otherwise the base unit's price times the unit's factor. All amounts are integer fen.
 */
export type PriceSource = 'CUSTOMER' | 'LAST_SALE' | 'LEVEL' | 'WHOLESALE' | 'RETAIL' | 'SPECIAL';

/** Prices of one source keyed by unit name. */
export type UnitPrices = ReadonlyMap<string, bigint>;

export interface PriceInputs {
  unit: string;
  baseUnit: string;
  /** base units per `unit`; 1 for the base unit */
  factor: number;
  customer?: UnitPrices;
  lastSale?: UnitPrices;
  level?: UnitPrices;
  wholesale?: UnitPrices;
  retail?: UnitPrices;
}

export interface ResolvedPrice {
  minor: bigint;
  source: PriceSource;
  unit: string;
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

export function resolveCustomerPrice(input: PriceInputs): ResolvedPrice | null {
  const order: [PriceSource, UnitPrices | undefined][] = [
    ['CUSTOMER', input.customer],
    ['LAST_SALE', input.lastSale],
    ['LEVEL', input.level],
    ['WHOLESALE', input.wholesale],
  ];
  for (const [source, prices] of order) {
    const minor = priceForUnit(prices, input.unit, input.baseUnit, input.factor);
    if (minor !== undefined) return { minor, source, unit: input.unit };
  }
  return null;
}

export function resolveGuestPrice(input: PriceInputs): ResolvedPrice | null {
  const minor = priceForUnit(input.retail, input.unit, input.baseUnit, input.factor);
  return minor === undefined ? null : { minor, source: 'RETAIL', unit: input.unit };
}

/** Every option a rep may choose from, each with its source, in the order reps expect. */
export function priceOptions(input: PriceInputs): ResolvedPrice[] {
  const order: [PriceSource, UnitPrices | undefined][] = [
    ['LAST_SALE', input.lastSale],
    ['CUSTOMER', input.customer],
    ['LEVEL', input.level],
    ['WHOLESALE', input.wholesale],
    ['RETAIL', input.retail],
  ];
  const options: ResolvedPrice[] = [];
  for (const [source, prices] of order) {
    const minor = priceForUnit(prices, input.unit, input.baseUnit, input.factor);
    if (minor !== undefined) options.push({ minor, source, unit: input.unit });
  }
  return options;
}
