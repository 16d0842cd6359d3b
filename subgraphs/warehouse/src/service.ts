import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SubgraphDefinition } from '@wholesail/platform';
import { database } from './db';
import { buildSchema } from './schema';

export const warehouse: SubgraphDefinition = {
  name: 'warehouse',
  defaultPort: 4005,
  migrationsDir: path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../prisma/migrations'),
  buildSchema,
  database,
};
export default warehouse;
export { database };
