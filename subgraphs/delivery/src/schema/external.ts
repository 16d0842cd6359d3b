import { builder } from '../builder';

/** A warehouse, owned by the warehouse subgraph; referenced by its id only. */
export const WarehouseRef = builder.externalRef(
  'Warehouse',
  builder.keyDirective(builder.selection<{ id: string }>('id'), false),
);
WarehouseRef.implement({ fields: (t) => ({ id: t.exposeID('id') }) });

/** A customer store, owned by crm; this subgraph adds the route that serves it. */
export const CustomerRef = builder.externalRef('Customer', builder.selection<{ id: string }>('id'));
CustomerRef.implement({ fields: (t) => ({ id: t.exposeID('id') }) });
