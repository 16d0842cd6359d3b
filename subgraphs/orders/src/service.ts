import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SubgraphDefinition } from '@wholesail/platform';
import { database } from './db';
import { buildSchema } from './schema';

export const orders: SubgraphDefinition = {
  name: 'orders',
  defaultPort: 4007,
  migrationsDir: path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../prisma/migrations'),
  buildSchema,
  database,
};
export default orders;
export { database };
