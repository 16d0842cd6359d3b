import { startEmbeddedPostgres } from '../db/embedded';
import { reachable } from '../db/url';
import { prepareTemplate, TEST_PG_PORT, testPgDir } from './databases';

/**
 * Jest globalSetup: one PostgreSQL server for the whole run (TEST_DATABASE_URL, e.g. the server
 * on a developer machine, or else an embedded one), and a migrated template database.
 * Workers inherit WHOLESAIL_TEST_SERVER_URL.
 */
export default async function globalSetup(): Promise<void> {
  process.env.LOG_LEVEL ??= 'error';
  let url = process.env.TEST_DATABASE_URL;
  const shared = `postgresql://wholesail:wholesail@127.0.0.1:${TEST_PG_PORT}/postgres`;
  if (!url && (await reachable(shared))) url = shared; // another test run on this machine started it; it stops it
  if (!url) {
    const pg = await startEmbeddedPostgres({
      dir: testPgDir,
      port: TEST_PG_PORT,
      database: 'postgres',
      persistent: true,
    });
    (globalThis as any).__wholesailTestPg = pg;
    url = pg.url;
  }
  process.env.WHOLESAIL_TEST_SERVER_URL = url;
  process.env.WHOLESAIL_TEST_TEMPLATE = await prepareTemplate(url);
}
