import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SubgraphDefinition } from '@wholesail/platform';
import { customerProfileConsumer, orderCouponConsumer, referencePriceConsumer } from './consumers';
import { database } from './db';
import { internal } from './internal';
import { buildSchema } from './schema';

export const marketing: SubgraphDefinition = {
  name: 'marketing',
  defaultPort: 4003,
  migrationsDir: path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../prisma/migrations'),
  buildSchema,
  database,
  consumers: [customerProfileConsumer, referencePriceConsumer, orderCouponConsumer],
  internal,
};
export default marketing;
export { database };
