import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SubgraphDefinition } from '@wholesail/platform';
import { database } from './db';
import { buildSchema } from './schema';
import { recoverStaleAttempts } from './services/place-order';

/** How long a submit may sit between reserving and committing before it counts as interrupted. */
const RECOVER_AFTER_MS = Number(process.env.ORDERS_RECOVER_AFTER_MS ?? 60_000);

export const orders: SubgraphDefinition = {
  name: 'orders',
  defaultPort: 4007,
  migrationsDir: path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../prisma/migrations'),
  buildSchema,
  database,
  jobs: [
    {
      // a submit whose process died between reserving and committing: release what it held
      name: 'recover-stale-order-attempts',
      intervalMs: Math.min(10_000, RECOVER_AFTER_MS),
      run: async (logger) => {
        const recovered = await recoverStaleAttempts(RECOVER_AFTER_MS);
        if (recovered) logger.warn({ recovered }, 'released the reservations of interrupted orders');
      },
    },
  ],
};
export default orders;
export { database };
