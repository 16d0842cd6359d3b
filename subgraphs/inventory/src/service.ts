import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SubgraphDefinition } from '@wholesail/platform';
import { customerWarehouseConsumer } from './consumers';
import { database } from './db';
import { buildSchema } from './schema';

export const inventory: SubgraphDefinition = {
  name: 'inventory',
  defaultPort: 4004,
  migrationsDir: path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../prisma/migrations'),
  buildSchema,
  database,
  consumers: [customerWarehouseConsumer],
};
export default inventory;
export { database };
