/**
 * npm run bench -- orders: orders placed through the gateway by many stores at once on the bench
 * data (re-priced, credit and stock reserved, committed with events), against the insert rate of
 * the same rows straight into PostgreSQL. See docs/benchmarks.md.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot, signToken } from '@wholesail/platform';
import { TENANT_SLUG } from '@wholesail/seed';
import pg from 'pg';
import { openBenchDatabase, prepareBenchData } from './lib/database';
import { GraphqlClient, type LoadResult, summarise } from './lib/load';
import { describeMachine, type Machine } from './lib/machine';
import { startServices } from './lib/services';
import type { BenchDefinition } from './types';

const USAGE = `Options:
  --duration <s>   measured seconds per concurrency level (default 10; 3 s warm-up each)
  --no-write       print the results only, leave docs/benchmarks.md alone`;

const TARGET = { perSecondAt64: 150, p99At64Ms: 250 };
const STORES = 1024;
const log = (line: string) => console.log(`[bench] ${line}`);
const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '-');
const f0 = (n: number) => (Number.isFinite(n) ? n.toFixed(0) : '-');

const ADD = `mutation($input: AddToCartInput!) { addToCart(input: $input) { __typename } }`;
const PLACE = `mutation($input: PlaceOrderInput!) { placeOrder(input: $input) { __typename
  ... on PlaceOrderSuccess { order { id } } } }`;

interface Buyer {
  client: GraphqlClient;
  customerId: string;
}

/**
 * `concurrency` buyers in a closed loop: each fills its cart with two lines (not measured) and
 * places it (measured). Orders that did not come back as PlaceOrderSuccess count as errors.
 */
async function orderLoop(
  buyers: Buyer[][],
  skus: string[],
  concurrency: number,
  durationMs: number,
  warmupMs: number,
) {
  const latencies: number[] = [];
  let errors = 0;
  let firstError = '';
  const start = performance.now();
  const from = start + warmupMs;
  const end = from + durationMs;
  let turn = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, c) => {
      const mine = buyers[c]!;
      for (let k = 0; performance.now() < end; k++) {
        const buyer = mine[k % mine.length]!;
        const n = turn++;
        await buyer.client.request(ADD, { input: { skuId: skus[n % skus.length], quantity: 1 + (n % 3) } });
        await buyer.client.request(ADD, { input: { skuId: skus[(n * 7 + 3) % skus.length], quantity: 1 } });
        const t0 = performance.now();
        const r = await buyer.client
          .request(PLACE, { input: { idempotencyKey: `bench-${randomUUID()}` } }, false)
          .catch((e: Error) => ({ errors: [e.message] }) as { data?: any; errors?: any[] });
        const t1 = performance.now();
        if (t1 < from || t1 > end) continue;
        if (r.data?.placeOrder?.__typename === 'PlaceOrderSuccess') latencies.push(t1 - t0);
        else {
          errors++;
          firstError ||= JSON.stringify(r.errors ?? r.data).slice(0, 300);
        }
      }
    }),
  );
  return { result: summarise(concurrency, latencies, errors, durationMs / 1000), firstError };
}

/** The same rows an order writes (order, two lines, timeline entry, outbox event), straight in. */
async function rawInsertLoop(
  pool: pg.Pool,
  tenantId: string,
  customerIds: string[],
  skus: string[],
  concurrency: number,
  durationMs: number,
) {
  const latencies: number[] = [];
  const end = performance.now() + durationMs;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, c) => {
      const client = await pool.connect();
      try {
        for (let k = 0; performance.now() < end; k++) {
          const t0 = performance.now();
          const id = `raw_${randomUUID()}`;
          await client.query('BEGIN');
          await client.query(
            `INSERT INTO orders."Order" (id, "tenantId", number, "customerId", status, channel, "totalMinor", "placedByKind", "placedById", "updatedAt")
             VALUES ($1, $2, $1, $3, 'SUBMITTED', 'SELF_SERVICE', 1000, 'customer', 'bench', now())`,
            [id, tenantId, customerIds[(c + k) % customerIds.length]],
          );
          await client.query(
            `INSERT INTO orders."OrderLine" (id, "tenantId", "orderId", "skuId", unit, factor, quantity, "unitPriceMinor", "priceSource", "amountMinor")
             VALUES ($1 || '_1', $2, $1, $3, '瓶', 1, 2, 250, 'LEVEL', 500), ($1 || '_2', $2, $1, $4, '瓶', 1, 2, 250, 'LEVEL', 500)`,
            [id, tenantId, skus[k % skus.length], skus[(k + 1) % skus.length]],
          );
          await client.query(
            `INSERT INTO orders."OrderEvent" (id, "tenantId", "orderId", type, "toStatus", "actorKind", "actorId") VALUES ($1 || '_e', $2, $1, 'PLACED', 'SUBMITTED', 'customer', 'bench')`,
            [id, tenantId],
          );
          await client.query(
            `INSERT INTO orders."OutboxEvent" ("tenantId", "aggregateType", "aggregateId", type, payload) VALUES ($2, 'BenchRaw', $1, 'BenchRaw', '{}')`,
            [id, tenantId],
          );
          await client.query('COMMIT');
          latencies.push(performance.now() - t0);
        }
      } finally {
        client.release();
      }
    }),
  );
  return summarise(concurrency, latencies, 0, durationMs / 1000);
}

interface OrdersResults {
  date: string;
  command: string;
  machine: Machine;
  database: string;
  durationS: number;
  seconds: number;
  load: { concurrency: number; gateway: LoadResult; raw: LoadResult; firstError: string }[];
}

function markdown(r: OrdersResults): string {
  const m = r.machine;
  const lines = [
    `Run ${r.date.slice(0, 16).replace('T', ' ')} UTC with \`${r.command}\` (${f0(r.seconds)} s) on ${m.cpus} CPUs (${m.cpuModel}), ${m.memoryGiB} GiB, Node.js ${m.node}, PostgreSQL ${m.postgres}. Database: ${r.database}. ${r.durationS} s measured per row after 3 s warm-up; load generator in the bench process on the same machine.`,
    '',
    `Each buyer is one of ${STORES} bench stores (signed tokens), fills its cart with two lines of open SKUs with ample stock (not measured) and places it: re-priced by pricing, checked against catalog, the ordering rules and stock, credit reserved in crm, stock in inventory, committed with its events. "raw insert" writes the same rows (order, two lines, a timeline entry, an outbox event) in one transaction straight into PostgreSQL.`,
    '',
    '| buyers | placeOrder p50 ms | p99 ms | orders/s | refused or failed | raw insert p50 ms | p99 ms | rows sets/s | orders/s ratio |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const l of r.load)
    lines.push(
      `| ${l.concurrency} | ${f1(l.gateway.p50)} | ${f1(l.gateway.p99)} | ${f0(l.gateway.perSecond)} | ${l.gateway.errors} | ${f1(l.raw.p50)} | ${f1(l.raw.p99)} | ${f0(l.raw.perSecond)} | ${f1(l.gateway.perSecond / l.raw.perSecond)}x |`,
    );
  const at64 = r.load.find((l) => l.concurrency === 64)?.gateway;
  const verdict = (ok: boolean) => (ok ? 'met' : '**missed**');
  lines.push('', '| target | measured | |', '| --- | ---: | --- |');
  lines.push(
    `| >= ${TARGET.perSecondAt64} orders/s at 64 buyers | ${f0(at64?.perSecond ?? NaN)} | ${verdict((at64?.perSecond ?? 0) >= TARGET.perSecondAt64)} |`,
  );
  lines.push(
    `| p99 < ${TARGET.p99At64Ms} ms at 64 buyers | ${f1(at64?.p99 ?? NaN)} ms | ${verdict((at64?.p99 ?? Infinity) < TARGET.p99At64Ms)} |`,
  );
  const first = r.load.find((l) => l.firstError)?.firstError;
  if (first) lines.push('', `First refusal or error: \`${first.replace(/`/g, "'")}\``);
  return lines.join('\n');
}

const START = '<!-- bench:orders:start (written by npm run bench -- orders) -->';
const END = '<!-- bench:orders:end -->';

function write(md: string) {
  const file = path.join(repoRoot, 'docs', 'benchmarks.md');
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const block = `${START}\n${md}\n${END}`;
  const a = current.indexOf(START);
  const b = current.indexOf(END);
  writeFileSync(
    file,
    a >= 0 && b > a
      ? `${current.slice(0, a)}${block}${current.slice(b + END.length)}`
      : `${current.trimEnd()}\n\n## Orders: placing orders\n\n\`\`\`sh\nnpm run bench -- orders\n\`\`\`\n\n### Latest results\n\n${block}\n`,
  );
}

async function run(argv: readonly string[]): Promise<number> {
  let durationMs = 10_000;
  let doWrite = true;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--duration') durationMs = Number(argv[++i]) * 1000;
    else if (argv[i] === '--no-write') doWrite = false;
    else throw new Error(`Unknown option ${argv[i]}\n\n${USAGE}`);
  }
  const started = Date.now();
  const database = await openBenchDatabase();
  log(`database: ${database.where}`);
  const pool = new pg.Pool({ connectionString: database.url, max: 70 });
  pool.on('error', () => {});
  let services: Awaited<ReturnType<typeof startServices>> | undefined;
  try {
    await prepareBenchData(database.url, { log });
    const machine = await describeMachine(database.url);
    const [tenant] = (await pool.query(`SELECT id FROM crm."Tenant" WHERE slug = $1`, [TENANT_SLUG])).rows;
    const tenantId = tenant.id as string;
    // ample stock and credit, no minimum or window: the bench measures placing, not refusing
    const skus = (
      await pool.query(
        `SELECT k.id FROM catalog."Sku" k JOIN catalog."Product" p ON p.id = k."productId" JOIN catalog."Brand" b ON b.id = p."brandId"
         JOIN pricing."SkuPrice" sp ON sp."skuId" = k.id AND sp.unit = k."baseUnit"
         WHERE k."tenantId" = $1 AND p."onShelf" AND NOT b.restricted ORDER BY k.id LIMIT 400`,
        [tenantId],
      )
    ).rows.map((r) => r.id as string);
    await pool.query(
      `UPDATE inventory."Stock" SET "onHand" = "reserved" + 10000000 WHERE "skuId" = ANY($1)`,
      [skus],
    );
    await pool.query(`DELETE FROM orders."OrderSettings" WHERE "tenantId" = $1`, [tenantId]);
    const users = (
      await pool.query(
        `SELECT u.id, u."customerId" FROM crm."CustomerUser" u JOIN crm."Customer" c ON c.id = u."customerId"
         WHERE u."tenantId" = $1 AND c.status = 'ACTIVE' ORDER BY u.id LIMIT $2`,
        [tenantId, STORES],
      )
    ).rows as { id: string; customerId: string }[];
    await pool
      .query(`UPDATE crm."CreditAccount" SET "limitMinor" = 100000000000 WHERE "customerId" = ANY($1)`, [
        users.map((u) => u.customerId),
      ])
      .catch(() => {});

    let t = performance.now();
    services = await startServices(database.url);
    log(`services started in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    const secret = services.authSecret;
    const gatewayUrl = services.gatewayUrl;
    const buyersFor = async (concurrency: number) => {
      const groups: Buyer[][] = Array.from({ length: concurrency }, () => []);
      for (const [i, u] of users.entries()) {
        const token = await signToken(
          { kind: 'customer', tenantId, customerId: u.customerId, customerUserId: u.id },
          secret,
          3600,
        );
        groups[i % concurrency]!.push({
          client: new GraphqlClient(gatewayUrl, token),
          customerId: u.customerId,
        });
      }
      return groups;
    };
    const load: OrdersResults['load'] = [];
    for (const concurrency of [16, 64]) {
      const buyers = await buyersFor(concurrency);
      const { result, firstError } = await orderLoop(buyers, skus, concurrency, durationMs, 3000);
      log(
        `placeOrder c=${concurrency}: p50 ${f1(result.p50)} ms, p99 ${f1(result.p99)} ms, ${f0(result.perSecond)} orders/s, ${result.errors} refused or failed ${firstError}`,
      );
      for (const group of buyers) for (const b of group) b.client.close();
      const raw = await rawInsertLoop(
        pool,
        tenantId,
        users.map((u) => u.customerId),
        skus,
        concurrency,
        Math.min(durationMs, 5000),
      );
      log(
        `raw insert c=${concurrency}: p50 ${f1(raw.p50)} ms, p99 ${f1(raw.p99)} ms, ${f0(raw.perSecond)} row sets/s`,
      );
      load.push({ concurrency, gateway: result, raw, firstError });
    }
    t = performance.now();
    await pool.query(`DELETE FROM orders."OrderLine" WHERE id LIKE 'raw\\_%'`);
    await pool.query(`DELETE FROM orders."OrderEvent" WHERE id LIKE 'raw\\_%'`);
    await pool.query(`DELETE FROM orders."Order" WHERE id LIKE 'raw\\_%'`);
    await pool.query(`DELETE FROM orders."OutboxEvent" WHERE "aggregateType" = 'BenchRaw'`);
    const results: OrdersResults = {
      date: new Date().toISOString(),
      command: `npm run bench -- orders${argv.length ? ` ${argv.join(' ')}` : ''}`,
      machine,
      database: database.where,
      durationS: durationMs / 1000,
      seconds: (Date.now() - started) / 1000,
      load,
    };
    const md = markdown(results);
    if (doWrite) write(md);
    console.log(`\n${md}${doWrite ? '\n\n(written to docs/benchmarks.md)' : ''}`);
    return 0;
  } finally {
    await pool.end().catch(() => {});
    await services?.stop();
    await database.stop();
  }
}

const bench: BenchDefinition = {
  name: 'orders',
  summary:
    'orders placed through the gateway by 16 and 64 stores at once, against raw inserts of the same rows',
  usage: USAGE,
  run,
};
export default bench;
