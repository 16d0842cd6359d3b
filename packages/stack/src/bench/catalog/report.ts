import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '@wholesail/platform';
import { type CatalogResults, TARGETS } from './plan';

const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '-');
const f0 = (n: number) => (Number.isFinite(n) ? n.toFixed(0) : '-');
const verdict = (ok: boolean) => (ok ? 'met' : '**missed**');

function row(cells: (string | number)[]): string {
  return `| ${cells.join(' | ')} |`;
}

/** The results as markdown (also what the terminal shows). */
export function catalogMarkdown(r: CatalogResults): string {
  const m = r.machine;
  const lines: string[] = [];
  lines.push(
    `Run ${r.date.slice(0, 16).replace('T', ' ')} UTC with \`${r.command}\` (${f0(r.seconds)} s) on ` +
      `${m.cpus} CPUs (${m.cpuModel}), ${m.memoryGiB} GiB, Node.js ${m.node}, PostgreSQL ${m.postgres}, ${m.os}. ` +
      `Database: ${r.database}. ${r.durationS} s measured per row after 2 s warm-up; load generator in the bench process on the same machine.`,
  );
  lines.push('');
  const d = r.data;
  lines.push(
    `Data: bench scale, ${d.customerPrices.toLocaleString('en-US')} customer prices in all; the viewer store001 has ` +
      `${d.viewerCustomerPrices.toLocaleString('en-US')}.` +
      (d.seededNow && d.seconds
        ? ` Seeded in this run: ${d.rows?.toLocaleString('en-US')} rows in ${f0(d.seconds)} s.`
        : ' (Seeded by an earlier run, reused.)'),
  );
  lines.push('');
  lines.push(`**SQL statements per page** (counted with ${r.statementMethod}, every process, per request):`);
  lines.push('');
  const keys = [...new Set(r.statements.flatMap((s) => Object.keys(s.perSchema)))].sort();
  lines.push(row(['page size', 'products', 'SKUs', 'SKUs at customer price', 'statements', ...keys]));
  lines.push(row(['---:', '---:', '---:', '---:', '---:', ...keys.map(() => '---:')]));
  for (const s of r.statements)
    lines.push(
      row([
        s.first,
        s.products,
        s.skus,
        s.customerSourced,
        `**${s.total}**`,
        ...keys.map((k) => s.perSchema[k] ?? 0),
      ]),
    );
  lines.push('');
  lines.push(`Raw SQL page against the gateway page: ${r.pageCheck}.`);
  lines.push('');
  const pr = r.profile;
  const cpuTotal = Object.values(pr.cpuPerPage).reduce((a, b) => a + b, 0);
  lines.push(
    `**Where one page's time goes** (${pr.pages} pages one after another, ${f1(pr.wallMs)} ms each): ` +
      `SQL execution ${pr.sqlExecMs == null ? 'n/a' : `${pr.sqlExecMs.toFixed(1)} ms`} per page (pg_stat_statements); ` +
      `CPU ms per page by process: ${Object.entries(pr.cpuPerPage)
        .sort((a, b) => b[1] - a[1])
        .map(([n, v]) => `${n} ${f1(v)}`)
        .join(
          ', ',
        )} (total ${f1(cpuTotal)} ms; ${m.cpus} CPUs allow at most about ${f0((m.cpus * 1000) / cpuTotal)} pages/s).`,
  );
  lines.push('');
  lines.push(
    '**48-product page, closed loop** (each client sends its next request when the last one answered). ' +
      '"page cache": the gateway as deployed, the same store asking for the same page, so after the first ' +
      'request every answer comes from the page cache until a write or its 5 s are up; "no cache": a second ' +
      'gateway with `PAGE_CACHE_SECONDS=0` on the same subgraphs, every page resolved; ratios are against the raw SQL page:',
  );
  lines.push('');
  lines.push(
    row([
      'clients',
      'page cache p50 ms',
      'p99 ms',
      'pages/s',
      'no cache p50 ms',
      'p99 ms',
      'pages/s',
      'raw SQL p50 ms',
      'p99 ms',
      'pages/s',
      'p50 ratio cache / no cache',
      'pages/s ratio cache / no cache',
    ]),
  );
  lines.push(
    row(['---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:']),
  );
  const errors = (x: { errors: number }) => (x.errors ? ` (${x.errors} errors)` : '');
  for (const l of r.load) {
    lines.push(
      row([
        l.concurrency,
        f1(l.gateway.p50),
        f1(l.gateway.p99),
        `${f0(l.gateway.perSecond)}${errors(l.gateway)}`,
        f1(l.uncached.p50),
        f1(l.uncached.p99),
        `${f0(l.uncached.perSecond)}${errors(l.uncached)}`,
        f1(l.raw.p50),
        f1(l.raw.p99),
        f0(l.raw.perSecond),
        `${f1(l.gateway.p50 / l.raw.p50)}x / ${f1(l.uncached.p50 / l.raw.p50)}x`,
        `${f1(l.gateway.perSecond / l.raw.perSecond)}x / ${f1(l.uncached.perSecond / l.raw.perSecond)}x`,
      ]),
    );
  }
  lines.push('');
  lines.push(
    '**Search by pinyin initials** (24 results with brand and price; with the page cache each search repeats, so it answers from the cache; without it every search runs):',
  );
  lines.push('');
  lines.push(
    row([
      'search',
      'hits',
      'first hit',
      'clients',
      'page cache p50 ms',
      'p99 ms',
      'req/s',
      'no cache p50 ms',
      'p99 ms',
      'req/s',
    ]),
  );
  lines.push(row(['---', '---:', '---', '---:', '---:', '---:', '---:', '---:', '---:', '---:']));
  for (const s of r.search)
    lines.push(
      row([
        `\`${s.search}\``,
        s.concurrency === 1 ? s.hits : '',
        s.first,
        s.concurrency,
        f1(s.result.p50),
        f1(s.result.p99),
        f0(s.result.perSecond),
        f1(s.uncached.p50),
        f1(s.uncached.p99),
        f0(s.uncached.perSecond),
      ]),
    );
  lines.push('');
  const at16 = r.load.find((l) => l.concurrency === 16);
  const at64 = r.load.find((l) => l.concurrency === 64);
  const single = r.search.filter((s) => s.concurrency === 1);
  const searchWorst = Math.max(...single.map((s) => s.result.p99));
  const searchWorstUncached = Math.max(...single.map((s) => s.uncached.p99));
  lines.push('**Targets** (met or not by the gateway as deployed, with its page cache):');
  lines.push('');
  lines.push(row(['target', 'page cache', 'no cache', '']));
  lines.push(row(['---', '---:', '---:', '---']));
  lines.push(
    row([
      `p99 < ${TARGETS.p99At16Ms} ms at 16 clients`,
      `${f1(at16?.gateway.p99 ?? NaN)} ms`,
      `${f1(at16?.uncached.p99 ?? NaN)} ms`,
      verdict((at16?.gateway.p99 ?? Infinity) < TARGETS.p99At16Ms),
    ]),
  );
  lines.push(
    row([
      `>= ${TARGETS.pagesPerSecondAt64} pages/s at 64 clients`,
      `${f0(at64?.gateway.perSecond ?? NaN)} pages/s`,
      `${f0(at64?.uncached.perSecond ?? NaN)} pages/s`,
      verdict((at64?.gateway.perSecond ?? 0) >= TARGETS.pagesPerSecondAt64),
    ]),
  );
  lines.push(
    row([
      `pinyin search p99 < ${TARGETS.searchP99Ms} ms (1 client, worst)`,
      `${f1(searchWorst)} ms`,
      `${f1(searchWorstUncached)} ms`,
      verdict(searchWorst < TARGETS.searchP99Ms),
    ]),
  );
  const constant = new Set(r.statements.map((s) => Math.round(s.total))).size === 1;
  lines.push(
    row([
      'statements per page independent of page size (no cache)',
      '',
      r.statements.map((s) => s.total).join(' / '),
      verdict(constant),
    ]),
  );
  return lines.join('\n');
}

const START = '<!-- bench:catalog:start (written by npm run bench -- catalog) -->';
const END = '<!-- bench:catalog:end -->';

/** Replaces the catalog results block of docs/benchmarks.md (or appends one); returns the markdown. */
export async function writeCatalogReport(r: CatalogResults, options: { write: boolean }): Promise<string> {
  const markdown = catalogMarkdown(r);
  if (!options.write) return markdown;
  const file = path.join(repoRoot, 'docs', 'benchmarks.md');
  const block = `${START}\n${markdown}\n${END}`;
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const a = current.indexOf(START);
  const b = current.indexOf(END);
  const next =
    a >= 0 && b > a
      ? `${current.slice(0, a)}${block}${current.slice(b + END.length)}`
      : `${current.trimEnd()}\n\n## Catalog: latest results\n\n${block}\n`;
  writeFileSync(file, next);
  return `${markdown}\n\n(written to docs/benchmarks.md)`;
}
