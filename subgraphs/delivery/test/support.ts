import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type AuthenticatedViewer, migrateSchema, signToken } from '@wholesail/platform';
import pg from 'pg';

// Until the shared helper in @wholesail/platform/testing replaces this file.

export const AUTH_SECRET = 'x'.repeat(40);
const migrationsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../prisma/migrations');

/** A fresh database with this subgraph's migrations applied; drop() removes it. */
export async function testDatabase(name: string): Promise<{ url: string; drop(): Promise<void> }> {
  const serverUrl = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
  const database = `t_${name}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${database}`);
  } finally {
    await admin.end();
  }
  const u = new URL(serverUrl);
  u.pathname = `/${database}`;
  const url = u.toString();
  await migrateSchema(url, name, migrationsDir);
  return {
    url,
    async drop() {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}

export interface GraphQLResult {
  status: number;
  data?: any;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string } }[];
}

/** POSTs a GraphQL operation over real HTTP, as `viewer` or anonymously. */
export async function gql(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  viewer?: AuthenticatedViewer,
): Promise<GraphQLResult> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (viewer) headers.authorization = `Bearer ${await signToken(viewer, AUTH_SECRET, 3600)}`;
  const res = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  return { status: res.status, ...((await res.json()) as object) };
}

/** Counts the SQL statements sent through pg pools while `fn` runs (this process only). */
export async function countStatements<T>(fn: () => Promise<T>): Promise<{ result: T; statements: number }> {
  const proto = pg.Pool.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  let statements = 0;
  proto.query = function (this: unknown, ...args: unknown[]) {
    statements++;
    return original.apply(this, args);
  };
  try {
    const result = await fn();
    return { result, statements };
  } finally {
    proto.query = original;
  }
}
