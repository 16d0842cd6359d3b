import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SubgraphDefinition } from '@wholesail/platform';
import { crmConsumers } from './consumers';
import { database } from './db';
import { crmInternal } from './internal';
import { buildSchema } from './schema';

export const crm: SubgraphDefinition = {
  name: 'crm',
  defaultPort: 4008,
  migrationsDir: path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../prisma/migrations'),
  buildSchema,
  database,
  consumers: crmConsumers,
  internal: crmInternal,
};
export default crm;
export { database };
