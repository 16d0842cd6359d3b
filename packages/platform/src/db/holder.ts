import type { PrismaPg } from '@prisma/adapter-pg';
import { createPrismaClient } from './client';

interface BaseClient {
  $extends: (extension: any) => any;
  $disconnect(): Promise<void>;
  $queryRawUnsafe(query: string): Promise<unknown>;
}

/**
 * Holds one service's Prisma clients, created when the service starts (not at import, so the
 * schema can be printed and composed without a database).
 */
export function prismaHolder<C extends BaseClient>(
  Client: new (options: { adapter: PrismaPg }) => C,
  options: { schema: string; globalModels?: readonly string[] },
) {
  let clients: { db: C; raw: C } | undefined;
  const get = () => {
    if (!clients) throw new Error(`The ${options.schema} database is not connected`);
    return clients;
  };
  return {
    schema: options.schema,
    connect(url: string, poolSize?: number) {
      clients = createPrismaClient(Client, {
        url,
        schema: options.schema,
        globalModels: options.globalModels,
        poolSize,
      });
      return clients;
    },
    /** Tenant-scoped client: the one resolvers use. */
    db: (): C => get().db,
    /** Unscoped client: seeding, migrations, health checks. */
    raw: (): C => get().raw,
    async disconnect() {
      if (clients) await clients.raw.$disconnect();
      clients = undefined;
    },
  };
}

export type PrismaHolder<C extends BaseClient> = ReturnType<typeof prismaHolder<C>>;
