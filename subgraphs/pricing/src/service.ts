import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SubgraphDefinition } from '@wholesail/platform';
import { customerProjectionConsumer, itemSpecialConsumer, skuProjectionConsumer } from './consumers';
import { database } from './db';
import { pricingInternal } from './internal';
import { buildSchema } from './schema';

export const pricing: SubgraphDefinition = {
  name: 'pricing',
  defaultPort: 4002,
  migrationsDir: path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../prisma/migrations'),
  buildSchema,
  database,
  consumers: [customerProjectionConsumer, skuProjectionConsumer, itemSpecialConsumer],
  internal: pricingInternal,
};
export default pricing;
export { database };
