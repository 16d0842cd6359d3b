import type pg from 'pg';
import type { TransactionalDb } from './consumer';
import type { SqlRunner } from './types';

function runner(q: pg.Pool | pg.PoolClient): SqlRunner {
  return {
    async $queryRawUnsafe<T>(query: string, ...values: unknown[]) {
      return (await q.query(query, values)).rows as T;
    },
    async $executeRawUnsafe(query: string, ...values: unknown[]) {
      return (await q.query(query, values)).rowCount ?? 0;
    },
  };
}

/** The bus's database needs served by a plain pg pool (for code and tests without Prisma). */
export function pgTransactionalDb(pool: pg.Pool): TransactionalDb<SqlRunner> {
  return {
    ...runner(pool),
    async $transaction<T>(fn: (tx: SqlRunner) => Promise<T>) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(runner(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
  };
}
