/**
 * Demo data for Wholesail: one tenant (鑫盛商贸, slug "demo") with staff, stores, a catalog,
 * prices, promotions, stock and a month of orders, written into every subgraph's schema.
 *
 *   await seedIfEmpty(url)                       // at start-up: seeds once
 *   await seed(url, { scale: 'bench', reset: true })
 */
import { hashPassword } from '@wholesail/platform';
import { DEMO_PASSWORD, type Scale } from './constants';
import { buildWorld, type World, worldCounts } from './world';
import { SeedClients, tenantExists, type WriteMethod, writeWorld } from './write';

export * from './constants';
export { migrateAll, migrationsDir } from './migrate';
export { gtinCheckDigit, isValidGtin, Rng } from './random';
export {
  buildWorld,
  chinaDate,
  pinyinInitials,
  startOfChinaDay,
  type World,
  type WorldOptions,
  worldCounts,
  worldTables,
} from './world';
export {
  AlreadySeededError,
  deleteTenantRows,
  SeedClients,
  tenantExists,
  type WriteMethod,
  writeWorld,
} from './write';

export interface SeedOptions {
  scale?: Scale;
  /** replace the tenant's data when it is already there (otherwise AlreadySeededError) */
  reset?: boolean;
  /** the moment the data is relative to; defaults to the current time */
  now?: Date;
  /** 'sql' (default: fast, one transaction) or 'createMany' (Prisma createMany per table) */
  method?: WriteMethod;
  log?: (line: string) => void;
}

export interface SeedResult {
  seeded: boolean;
  scale: Scale;
  /** rows written per "schema.Model" (empty when nothing was seeded) */
  counts: Record<string, number>;
  /** rows deleted per "schema.Model" before writing (a reset or an interrupted earlier run) */
  deleted: Record<string, number>;
  timings: { hashMs: number; buildMs: number; writeMs: number; totalMs: number };
}

async function run(databaseUrl: string, options: SeedOptions, ifEmpty: boolean): Promise<SeedResult> {
  const started = performance.now();
  const scale = options.scale ?? 'demo';
  const timings = { hashMs: 0, buildMs: 0, writeMs: 0, totalMs: 0 };
  const clients = new SeedClients(databaseUrl);
  try {
    if (ifEmpty && (await tenantExists(clients.get('crm')))) {
      timings.totalMs = performance.now() - started;
      return { seeded: false, scale, counts: {}, deleted: {}, timings };
    }
    let t = performance.now();
    // one hash for every login: hashing is deliberately slow
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    timings.hashMs = performance.now() - t;
    t = performance.now();
    const world: World = buildWorld({ scale, now: options.now ?? new Date(), passwordHash });
    timings.buildMs = performance.now() - t;
    t = performance.now();
    const result = await writeWorld(clients, world, {
      method: options.method,
      reset: options.reset,
      ifEmpty,
      log: options.log,
    });
    timings.writeMs = performance.now() - t;
    timings.totalMs = performance.now() - started;
    return {
      seeded: result.seeded,
      scale,
      counts: result.seeded ? worldCounts(world) : {},
      deleted: result.deleted,
      timings,
    };
  } finally {
    await clients.disconnect();
  }
}

/** Seeds the demo tenant; fails with AlreadySeededError when it exists, unless `reset`. */
export function seed(databaseUrl: string, options: SeedOptions = {}): Promise<SeedResult> {
  return run(databaseUrl, options, false);
}

/**
 * Seeds the demo tenant unless a crm Tenant with slug "demo" exists. Safe to call from several
 * processes at once (they queue on an advisory lock; the first seeds, the others find it done).
 * A run that died half-way left no Tenant row, so its partial rows are deleted and it is redone.
 */
export function seedIfEmpty(
  databaseUrl: string,
  options: Omit<SeedOptions, 'reset'> = {},
): Promise<SeedResult> {
  return run(databaseUrl, options, true);
}
