import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SubgraphDefinition } from '@wholesail/platform';
import { database } from './db';
import { buildSchema } from './schema';
import { recoverStaleAttempts } from './services/place-order';

/** How often to look for submits whose lease ran out (interrupted between reserving and committing). */
const RECOVER_EVERY_MS = Number(process.env.ORDERS_RECOVER_EVERY_MS ?? 10_000);

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
      intervalMs: RECOVER_EVERY_MS,
      run: async (logger) => {
        const recovered = await recoverStaleAttempts();
        if (recovered) logger.warn({ recovered }, 'released the reservations of interrupted orders');
      },
    },
  ],
};
export default orders;
export { database };
