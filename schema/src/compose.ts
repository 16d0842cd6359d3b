// npm run compose            writes schema/supergraph.graphql and schema/subgraphs/*.graphql
// npm run compose -- --check fails when the committed files differ from a fresh composition
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { compose, schemaDir, supergraphPath } from './composition';

const check = process.argv.includes('--check');
let result: ReturnType<typeof compose>;
try {
  result = compose();
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
const files: [string, string][] = [
  [supergraphPath, result.supergraph],
  ...Object.entries(result.sdls).map(([name, sdl]): [string, string] => [
    path.join(schemaDir, 'subgraphs', `${name}.graphql`),
    `${sdl.trim()}\n`,
  ]),
];
if (check) {
  const stale = files.filter(([file, text]) => !existsSync(file) || readFileSync(file, 'utf8') !== text);
  if (stale.length) {
    console.error(
      `Stale: ${stale.map(([f]) => path.relative(schemaDir, f)).join(', ')}. Run npm run compose and commit.`,
    );
    process.exit(1);
  }
  console.log('schema/ is up to date');
} else {
  mkdirSync(path.join(schemaDir, 'subgraphs'), { recursive: true });
  for (const [file, text] of files) writeFileSync(file, text);
  console.log(
    `wrote ${path.relative(process.cwd(), supergraphPath)} and ${files.length - 1} subgraph schemas`,
  );
}
