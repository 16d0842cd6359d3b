/**
 * npm run bench                      lists the benchmarks
 * npm run bench -- <name> [options]  runs one (e.g. catalog)
 *
 * Each benchmark is a file packages/stack/src/bench/<name>.bench.ts (see bench/types.ts); adding
 * one needs nothing else. Benchmarks are never part of `npm test`. Results: docs/benchmarks.md.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchDefinition } from './bench/types';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'bench');

async function loadBenches(): Promise<BenchDefinition[]> {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.bench.ts'))
    .sort();
  const benches: BenchDefinition[] = [];
  for (const file of files) {
    const module = (await import(pathToFileURL(path.join(dir, file)).href)) as { default: BenchDefinition };
    benches.push(module.default);
  }
  return benches;
}

function list(benches: BenchDefinition[]): string {
  const width = Math.max(...benches.map((b) => b.name.length));
  return [
    'Usage: npm run bench -- <name> [options]     (--help after a name for its options)',
    '',
    'Benchmarks:',
    ...benches.map((b) => `  ${b.name.padEnd(width)}  ${b.summary}`),
    '',
    'Results and how they were measured: docs/benchmarks.md',
  ].join('\n');
}

async function main(): Promise<number> {
  const [name, ...rest] = process.argv.slice(2);
  const benches = await loadBenches();
  if (!name || name === '--help' || name === '-h' || name === 'list') {
    console.log(list(benches));
    return 0;
  }
  const bench = benches.find((b) => b.name === name);
  if (!bench) {
    console.error(`No benchmark "${name}".\n\n${list(benches)}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(`npm run bench -- ${bench.name} [options]\n\n${bench.summary}\n\n${bench.usage ?? ''}`);
    return 0;
  }
  return bench.run(rest);
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
