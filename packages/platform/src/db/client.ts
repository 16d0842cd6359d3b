import { PrismaPg } from '@prisma/adapter-pg';
import { tenantScopeExtension } from './tenant-scope';

export interface PrismaOptions {
  url: string;
  /** The service's own PostgreSQL schema (namespace), e.g. "catalog". */
  schema: string;
  /** Models without a tenantId column. */
  globalModels?: readonly string[];
  poolSize?: number;
}

interface ExtendableClient {
  $extends: (extension: any) => any;
  $disconnect(): Promise<void>;
}

/**
 * One pool per service; the returned client narrows every query to the tenant in scope.
 * `raw` is the same pool without the narrowing, for migrations, seeding and health checks only.
 */
export function createPrismaClient<C extends ExtendableClient>(
  Client: new (options: { adapter: PrismaPg }) => C,
  options: PrismaOptions,
): { db: C; raw: C } {
  const adapter = new PrismaPg(
    { connectionString: options.url, max: options.poolSize ?? 10, idleTimeoutMillis: 30_000 },
    { schema: options.schema },
  );
  const raw = new Client({ adapter });
  // The extended client keeps the model API; its static type is the base client's, which is
  // what Pothos' prisma plugin expects.
  const db = raw.$extends(tenantScopeExtension(options.globalModels)) as C;
  return { db, raw };
}
