import catalog from '@wholesail/catalog';
import crm from '@wholesail/crm';
import delivery from '@wholesail/delivery';
import inventory from '@wholesail/inventory';
import marketing from '@wholesail/marketing';
import orders from '@wholesail/orders';
import type { SubgraphDefinition } from '@wholesail/platform';
import pricing from '@wholesail/pricing';
import warehouse from '@wholesail/warehouse';

/** Every subgraph, in port order (4001..4008). */
export const subgraphs: SubgraphDefinition[] = [
  catalog,
  pricing,
  marketing,
  inventory,
  warehouse,
  delivery,
  orders,
  crm,
];
