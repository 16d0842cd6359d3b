import { type Stack, type StackOptions, startStack } from '@wholesail/stack';
import pg from 'pg';
import { type GatewayClient, gatewayClient } from './gateway';

export interface ApiStack {
  /** The running stack; throws while it has not started. */
  readonly stack: Stack;
  /** A database connection to the stack's database, open for the whole file. */
  readonly db: pg.Client;
  /** The gateway of the stack, with the demo logins. */
  readonly gateway: GatewayClient;
  /** The rows of one SQL statement on `db`. */
  q(text: string, params?: unknown[]): Promise<any[]>;
}

/**
 * The stack (without the apps unless asked) and a database connection for the tests of one file:
 * started before all of them (180 s), closed and stopped after all (60 s). `options` may be a
 * function, run in that beforeAll just before the stack starts.
 */
export function useStack(
  options: StackOptions | (() => StackOptions | Promise<StackOptions>) = {},
): ApiStack {
  let stack: Stack | undefined;
  let db: pg.Client | undefined;

  beforeAll(async () => {
    stack = await startStack(typeof options === 'function' ? await options() : options);
    db = new pg.Client({ connectionString: stack.databaseUrl });
    await db.connect();
  }, 180_000);

  afterAll(async () => {
    await db?.end();
    await stack?.stop();
  }, 60_000);

  const running: ApiStack = {
    get stack(): Stack {
      if (!stack) throw new Error('The stack did not start');
      return stack;
    },
    get db(): pg.Client {
      if (!db) throw new Error('The database connection is not open');
      return db;
    },
    gateway: gatewayClient(() => running.stack.urls.gateway),
    async q(text: string, params: unknown[] = []) {
      return (await running.db.query(text, params)).rows;
    },
  };
  return running;
}
