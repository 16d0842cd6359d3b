import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SubgraphDefinition } from '@wholesail/platform';
import { catalogConsumers } from './consumers';
import { database } from './db';
import { catalogInternal } from './internal';
import { buildSchema } from './schema';

export const catalog: SubgraphDefinition = {
  name: 'catalog',
  defaultPort: 4001,
  migrationsDir: path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../prisma/migrations'),
  buildSchema,
  database,
  consumers: catalogConsumers,
  internal: catalogInternal,
};
export default catalog;
export { database };
