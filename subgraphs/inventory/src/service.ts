import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLogger, type SubgraphDefinition } from '@wholesail/platform';
import { customerWarehouseConsumer, orderStockConsumer, skuRefConsumer } from './consumers';
import { database } from './db';
import { internal } from './internal';
import { buildSchema } from './schema';
import { type Sweeper, startSweeper } from './sweeper';

let sweeper: Sweeper | undefined;

/**
 * The server's database, with the reservation sweeper riding on it: startSubgraph connects it
 * when the server starts and disconnects it when the server closes, so the sweeper runs exactly
 * while the server does (the platform has no hook for a subgraph's background jobs yet).
 */
const serverDatabase: SubgraphDefinition['database'] = {
  connect(url: string, poolSize?: number) {
    const clients = database.connect(url, poolSize);
    if (process.env.INVENTORY_SWEEPER !== 'off') {
      void sweeper?.stop();
      sweeper = startSweeper({ logger: createLogger('inventory', process.env.LOG_LEVEL) });
    }
    return clients;
  },
  db: () => database.db(),
  raw: () => database.raw(),
  async disconnect() {
    await sweeper?.stop();
    sweeper = undefined;
    await database.disconnect();
  },
};

/** The running server's sweeper, if any (tests sweep on demand with it). */
export function currentSweeper(): Sweeper | undefined {
  return sweeper;
}

export const inventory: SubgraphDefinition = {
  name: 'inventory',
  defaultPort: 4004,
  migrationsDir: path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../prisma/migrations'),
  buildSchema,
  database: serverDatabase,
  consumers: [customerWarehouseConsumer, skuRefConsumer, orderStockConsumer],
  internal,
};
export default inventory;
export { database };
