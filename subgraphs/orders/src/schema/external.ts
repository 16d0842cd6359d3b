import { builder } from '../builder';

/** A customer store, owned by crm; this subgraph adds its recent orders. */
export const CustomerRef = builder.externalRef('Customer', builder.selection<{ id: string }>('id'));
CustomerRef.implement({ fields: (t) => ({ id: t.exposeID('id') }) });

/** A sellable variant, owned by catalog; referenced by its id only. */
export const SkuRef = builder.externalRef(
  'Sku',
  builder.keyDirective(builder.selection<{ id: string }>('id'), false),
);
SkuRef.implement({ fields: (t) => ({ id: t.exposeID('id') }) });
