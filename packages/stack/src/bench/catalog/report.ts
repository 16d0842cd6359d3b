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
    '**48-product page, closed loop** (each client sends its next request when the last one answered):',
  );
  lines.push('');
  lines.push(
    row([
      'clients',
      'gateway p50 ms',
      'gateway p99 ms',
      'gateway pages/s',
      'raw SQL p50 ms',
      'raw SQL p99 ms',
      'raw SQL pages/s',
      'p50 ratio',
      'pages/s ratio',
    ]),
  );
  lines.push(row(['---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:']));
  for (const l of r.load) {
    const errors = l.gateway.errors ? ` (${l.gateway.errors} errors)` : '';
    lines.push(
      row([
        l.concurrency,
        f1(l.gateway.p50),
        f1(l.gateway.p99),
        `${f0(l.gateway.perSecond)}${errors}`,
        f1(l.raw.p50),
        f1(l.raw.p99),
        f0(l.raw.perSecond),
        `${f1(l.gateway.p50 / l.raw.p50)}x`,
        `${f1(l.raw.perSecond / l.gateway.perSecond)}x`,
      ]),
    );
  }
  lines.push('');
  lines.push('**Search by pinyin initials** (24 results with brand and price):');
  lines.push('');
  lines.push(row(['search', 'hits', 'first hit', 'clients', 'p50 ms', 'p99 ms', 'req/s']));
  lines.push(row(['---', '---:', '---', '---:', '---:', '---:', '---:']));
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
      ]),
    );
  lines.push('');
  const at16 = r.load.find((l) => l.concurrency === 16)?.gateway;
  const at64 = r.load.find((l) => l.concurrency === 64)?.gateway;
  const searchWorst = Math.max(...r.search.filter((s) => s.concurrency === 1).map((s) => s.result.p99));
  lines.push('**Targets:**');
  lines.push('');
  lines.push(row(['target', 'measured', '']));
  lines.push(row(['---', '---:', '---']));
  lines.push(
    row([
      `p99 < ${TARGETS.p99At16Ms} ms at 16 clients`,
      `${f1(at16?.p99 ?? NaN)} ms`,
      verdict((at16?.p99 ?? Infinity) < TARGETS.p99At16Ms),
    ]),
  );
  lines.push(
    row([
      `>= ${TARGETS.pagesPerSecondAt64} pages/s at 64 clients`,
      `${f0(at64?.perSecond ?? NaN)} pages/s`,
      verdict((at64?.perSecond ?? 0) >= TARGETS.pagesPerSecondAt64),
    ]),
  );
  lines.push(
    row([
      `pinyin search p99 < ${TARGETS.searchP99Ms} ms (1 client, worst)`,
      `${f1(searchWorst)} ms`,
      verdict(searchWorst < TARGETS.searchP99Ms),
    ]),
  );
  const constant = new Set(r.statements.map((s) => Math.round(s.total))).size === 1;
  lines.push(
    row([
      'statements per page independent of page size',
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
