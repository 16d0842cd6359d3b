/**
 * npm run bench -- catalog: a customer's product page (price, stock, promotions) through the
 * gateway on the bench-scale data, against the same page from one SQL statement. See
 * docs/benchmarks.md for what is measured and the latest results.
 */
import pg from 'pg';
import {
  type CatalogResults,
  CUSTOMER,
  DURATION_S,
  PAGE_QUERY,
  SEARCH_QUERY,
  SEARCHES,
} from './catalog/plan';
import { writeCatalogReport } from './catalog/report';
import { openBenchDatabase, prepareBenchData } from './lib/database';
import { GraphqlClient, type LoadResult, runLoad } from './lib/load';
import { describeMachine, processCpuMs } from './lib/machine';
import { RAW_PAGE_SQL } from './lib/raw-page';
import { startServices } from './lib/services';
import { openStatementCounter, statementsPerCall } from './lib/statements';
import type { BenchDefinition } from './types';

const USAGE = `Options:
  --duration <s>   measured seconds per concurrency level (default ${DURATION_S}; 2 s warm-up each)
  --reseed         seed the bench scale again even when it is there
  --no-write       print the results only, leave docs/benchmarks.md alone

Database: BENCH_DATABASE_URL (a dedicated database; it gets the bench tenant, about 7 million
rows), else an embedded PostgreSQL in .data/bench-pg on port BENCH_PG_PORT (default 54339),
started with pg_stat_statements to count statements.`;

interface Options {
  durationMs: number;
  reseed: boolean;
  write: boolean;
}

function parse(argv: readonly string[]): Options {
  const o: Options = { durationMs: DURATION_S * 1000, reseed: false, write: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--duration') o.durationMs = Number(argv[++i]) * 1000;
    else if (a === '--reseed') o.reseed = true;
    else if (a === '--no-write') o.write = false;
    else throw new Error(`Unknown option ${a}\n\n${USAGE}`);
  }
  if (!(o.durationMs > 0 && o.durationMs <= 60_000)) throw new Error('--duration must be 1..60 seconds');
  return o;
}

const log = (line: string) => console.log(`[bench] ${line}`);
const ms = (n: number) => n.toFixed(1);

async function run(argv: readonly string[]): Promise<number> {
  const options = parse(argv);
  const started = Date.now();
  const database = await openBenchDatabase();
  log(`database: ${database.where}`);
  let services: Awaited<ReturnType<typeof startServices>> | undefined;
  const pool = new pg.Pool({ connectionString: database.url, max: 64 });
  pool.on('error', () => {}); // idle clients when the server stops at the end
  try {
    const data = await prepareBenchData(database.url, { reseed: options.reseed, log });
    if (!data.seededNow) log('bench data already seeded: reused (--reseed to redo)');
    const machine = await describeMachine(database.url);
    const counter = await openStatementCounter(database.url);

    let t = performance.now();
    services = await startServices(database.url);
    log(
      `8 subgraphs + 2 gateways (page cache on / off) started as 10 processes in ${((performance.now() - t) / 1000).toFixed(1)} s (their logs: ${services.logDir})`,
    );
    const cached = new GraphqlClient(services.gatewayUrl);
    // statements, the profile and the page check need pages the subgraphs resolve
    const gw = new GraphqlClient(services.uncachedGatewayUrl);

    const login = await gw.request<{ login: { token?: string; __typename: string } }>(
      `mutation($u: String!, $p: String!) { login(input: { tenant: "demo", username: $u, password: $p }) { __typename ... on LoginSuccess { token } } }`,
      { u: CUSTOMER.username, p: CUSTOMER.password },
    );
    const token = login.data?.login.token;
    if (!token) throw new Error(`login failed: ${JSON.stringify(login)}`);
    gw.setToken(token);
    cached.setToken(token);
    const viewer = await pool.query<{ prices: string }>(
      `SELECT count(*)::text AS prices FROM "pricing"."CustomerPrice" WHERE "customerId" = $1`,
      [CUSTOMER.id],
    );
    const customerPrices = Number(viewer.rows[0]!.prices);
    log(`logged in as ${CUSTOMER.username} (${customerPrices} customer prices)`);

    // warm up every path (plans cached, pools filled, JIT)
    for (let i = 0; i < 20; i++)
      for (const n of [24, 48, 96]) {
        await gw.request(PAGE_QUERY, { first: n });
        await cached.request(PAGE_QUERY, { first: n });
      }

    // 1. statements per page
    const statements: CatalogResults['statements'] = [];
    for (const first of [24, 48, 96]) {
      let products = 0;
      let skus = 0;
      let customerSourced = 0;
      const { perCall, total } = await statementsPerCall(
        counter,
        async () => {
          const r = await gw.request(PAGE_QUERY, { first });
          const edges = r.data.products.edges as { node: { skus: { price: { source: string } | null }[] } }[];
          products = edges.length;
          skus = edges.reduce((a, e) => a + e.node.skus.length, 0);
          customerSourced = edges.reduce(
            (a, e) => a + e.node.skus.filter((s) => s.price?.source === 'CUSTOMER').length,
            0,
          );
        },
        5,
      );
      statements.push({ first, products, skus, customerSourced, total, perSchema: perCall });
      log(
        `page of ${first}: ${products} products, ${skus} SKUs -> ${total} statements ${JSON.stringify(perCall)}`,
      );
    }

    // where the time of one page goes: CPU of each process and SQL execution, 30 pages in a row
    const cpu0 = Object.fromEntries(Object.entries(services.pids).map(([n, pid]) => [n, processCpuMs(pid)]));
    const self0 = process.cpuUsage();
    const exec0 = await counter.execMs();
    const p0 = performance.now();
    const PROFILE_PAGES = 30;
    for (let i = 0; i < PROFILE_PAGES; i++) await gw.request(PAGE_QUERY, { first: 48 });
    const wallMs = (performance.now() - p0) / PROFILE_PAGES;
    const exec1 = await counter.execMs();
    const self = process.cpuUsage(self0);
    const cpuPerPage: Record<string, number> = {};
    for (const [n, pid] of Object.entries(services.pids)) {
      const a = cpu0[n];
      const b = processCpuMs(pid);
      if (a != null && b != null && b > a) cpuPerPage[n] = Math.round(((b - a) / PROFILE_PAGES) * 10) / 10;
    }
    cpuPerPage['bench client'] = Math.round(((self.user + self.system) / 1000 / PROFILE_PAGES) * 10) / 10;
    const profile: CatalogResults['profile'] = {
      pages: PROFILE_PAGES,
      wallMs,
      cpuPerPage,
      sqlExecMs: exec0 != null && exec1 != null ? (exec1 - exec0) / PROFILE_PAGES : null,
    };
    log(
      `one page at a time: ${ms(wallMs)} ms; CPU ms per page ${JSON.stringify(cpuPerPage)}; SQL exec ${profile.sqlExecMs?.toFixed(2)} ms`,
    );

    // the same page from one statement, and a check that it is the same page
    const rawArgs = ['tnt_demo', CUSTOMER.id, 48];
    const raw = await pool.query<{ page: any[] }>(RAW_PAGE_SQL, rawArgs);
    const fromGateway = await gw.request(PAGE_QUERY, { first: 48 });
    const check = comparePages(
      fromGateway.data.products.edges.map((e: any) => e.node),
      raw.rows[0]!.page,
    );
    log(`raw SQL page vs gateway page: ${check}`);

    // 2. load: gateway page vs raw page
    const load: CatalogResults['load'] = [];
    const page = (client: GraphqlClient) => () => client.request(PAGE_QUERY, { first: 48 }).then(() => {});
    const loadOf = (fn: () => Promise<void>, concurrency: number) =>
      runLoad(fn, { concurrency, durationMs: options.durationMs, warmupMs: 2000 });
    const line = (what: string, concurrency: number, x: LoadResult) =>
      log(
        `${what} c=${concurrency}: p50 ${ms(x.p50)} ms, p99 ${ms(x.p99)} ms, ${x.perSecond.toFixed(0)} pages/s, ${x.errors} errors`,
      );
    for (const concurrency of [1, 16, 64]) {
      const g = await loadOf(page(cached), concurrency);
      line('gateway (page cache)', concurrency, g);
      const u = await loadOf(page(gw), concurrency);
      line('gateway (no cache)  ', concurrency, u);
      const r = await loadOf(() => pool.query(RAW_PAGE_SQL, rawArgs).then(() => {}), concurrency);
      line('raw SQL             ', concurrency, r);
      load.push({ concurrency, gateway: g, uncached: u, raw: r });
    }

    // 3. search by pinyin initials
    const search: CatalogResults['search'] = [];
    const searchLoad = (client: GraphqlClient, q: string) =>
      runLoad(() => client.request(SEARCH_QUERY, { search: q }).then(() => {}), {
        concurrency: 1,
        durationMs: Math.min(options.durationMs, 4000),
        warmupMs: 500,
      });
    for (const q of SEARCHES) {
      const r = await gw.request(SEARCH_QUERY, { search: q });
      const hits = r.data.products.edges.length as number;
      const first = (r.data.products.edges[0]?.node.name as string | undefined) ?? '-';
      const res = await searchLoad(cached, q);
      const un = await searchLoad(gw, q);
      search.push({ search: q, hits, first, concurrency: 1, result: res, uncached: un });
      log(
        `search "${q}" (${hits} hits, first ${first}) c=1: p50 ${ms(res.p50)} ms, p99 ${ms(res.p99)} ms; no cache p50 ${ms(un.p50)} ms, p99 ${ms(un.p99)} ms`,
      );
    }
    const roundRobin = (client: GraphqlClient) => {
      let k = 0;
      return runLoad(
        () => client.request(SEARCH_QUERY, { search: SEARCHES[k++ % SEARCHES.length] }).then(() => {}),
        { concurrency: 16, durationMs: options.durationMs, warmupMs: 1000 },
      );
    };
    const mixed = await roundRobin(cached);
    const mixedUncached = await roundRobin(gw);
    search.push({
      search: SEARCHES.join(' | '),
      hits: 0,
      first: '',
      concurrency: 16,
      result: mixed,
      uncached: mixedUncached,
    });
    log(
      `search, all of them round robin, c=16: p50 ${ms(mixed.p50)} ms, p99 ${ms(mixed.p99)} ms; no cache p50 ${ms(mixedUncached.p50)} ms, p99 ${ms(mixedUncached.p99)} ms`,
    );

    t = performance.now();
    await counter.close();
    gw.close();
    cached.close();
    const results: CatalogResults = {
      date: new Date().toISOString(),
      command: `npm run bench -- catalog${argv.length ? ` ${argv.join(' ')}` : ''}`,
      machine,
      database: database.where,
      statementMethod: counter.method,
      data: { ...data, viewerCustomerPrices: customerPrices },
      durationS: options.durationMs / 1000,
      statements,
      pageCheck: check,
      profile,
      load,
      search,
      seconds: (Date.now() - started) / 1000,
    };
    const table = await writeCatalogReport(results, { write: options.write });
    console.log(`\n${table}`);
    return 0;
  } finally {
    await pool.end().catch(() => {});
    await services?.stop();
    await database.stop();
  }
}

/** Same products in the same order, and the same price (amount, source) for every SKU. */
function comparePages(gateway: any[], raw: any[]): string {
  const ids = (xs: any[]) => xs.map((x) => x.id).join(',');
  if (ids(gateway) !== ids(raw)) return `DIFFERENT products (gateway ${gateway.length}, raw ${raw.length})`;
  let skus = 0;
  let priceDiffs = 0;
  let stockDiffs = 0;
  let promoDiffs = 0;
  for (const [i, g] of gateway.entries()) {
    const r = raw[i]!;
    const sortIds = (ps: any[]) =>
      ps
        .map((p) => p.id)
        .sort()
        .join(',');
    if (sortIds(g.promotions ?? []) !== sortIds(r.promotions ?? [])) promoDiffs++;
    for (const [j, gs] of g.skus.entries()) {
      const rs = r.skus[j];
      skus++;
      if (
        !rs ||
        gs.id !== rs.id ||
        gs.price?.amount !== rs.price.amount ||
        gs.price?.source !== rs.price.source
      )
        priceDiffs++;
      if (typeof gs.stock?.available === 'number' && gs.stock.available !== rs?.stock.available) stockDiffs++;
    }
  }
  return `same ${gateway.length} products; of ${skus} SKUs ${priceDiffs} price, ${stockDiffs} stock differences; ${promoDiffs} products with different promotions`;
}

const bench: BenchDefinition = {
  name: 'catalog',
  summary: "a customer's 48-product page with price, stock and promotions: statements, latency, pages/s",
  usage: USAGE,
  run,
};
export default bench;
