import {
  type InternalCommands,
  internalCommand,
  type RequestContext,
  requireTenantId,
  z,
} from '@wholesail/platform';
import { db } from './db';
import { priceOptions, resolveCustomerPrice } from './domain/price-resolution';
import { loadPriceBook } from './schema/price-book';

const quotePricesInput = z.object({
  customerId: z.string().min(1),
  lines: z
    .array(
      z.object({
        skuId: z.string().min(1),
        unit: z.string().min(1),
        /** base units of this SKU in the whole order, for volume tiers */
        quantity: z.number().int().min(0),
      }),
    )
    .max(500),
});

/**
 * For orders: what this customer pays for one unit of each line now, with the source, by the
 * same rules as `Sku.price` (customer, last sale, level, wholesale; a lower special or volume
 * tier wins). Null when the SKU or unit has no price.
 */
export const pricingInternal: InternalCommands = {
  quotePrices: internalCommand(quotePricesInput, async ({ customerId, lines }, context) => {
    const ctx: RequestContext = {
      viewer: { kind: 'service', tenantId: requireTenantId(), service: context.service },
      requestId: context.requestId ?? 'internal',
      logger: context.logger,
      loaders: new Map(),
    };
    const refs = await db().skuRef.findMany({
      where: { skuId: { in: [...new Set(lines.map((l) => l.skuId))] } },
    });
    const refOf = new Map(refs.map((r) => [r.skuId, r]));
    const priced = await Promise.all(
      lines.map(async (line) => {
        const ref = refOf.get(line.skuId);
        const at = ref?.unitNames.indexOf(line.unit) ?? -1;
        if (!ref || at < 0)
          return { skuId: line.skuId, unit: line.unit, unitPrice: null, source: null, levelPrice: null };
        const book = await loadPriceBook(ctx, customerId, line.skuId);
        const input = {
          ...book,
          unit: line.unit,
          factor: ref.unitFactors[at] ?? 1,
          baseUnit: ref.baseUnit,
          quantity: line.quantity,
        };
        const price = resolveCustomerPrice(input);
        // the floor a typed price is held to: the level price, else the wholesale price
        const options = priceOptions(input);
        const floor =
          options.find((o) => o.source === 'LEVEL') ?? options.find((o) => o.source === 'WHOLESALE');
        return {
          skuId: line.skuId,
          unit: line.unit,
          unitPrice: price ? price.minor.toString() : null,
          source: price?.source ?? null,
          levelPrice: floor ? floor.minor.toString() : null,
        };
      }),
    );
    return { lines: priced };
  }),
};
