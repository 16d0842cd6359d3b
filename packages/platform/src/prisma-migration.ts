// Creates a migration for one subgraph, like `prisma migrate dev --create-only`, with Prisma's
// own schema engine compiled to WebAssembly (the native one cannot be downloaded here).
// It diffs the schema kept beside the newest migration against prisma/schema.prisma, so no
// shadow database is involved. Usage (from the repository root):
//   npm run db:migration -- <subgraph> <name>
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import { listMigrations } from './db/migrate';
import { repoRoot, resolveDatabaseUrl } from './db/url';

const [subgraph, rawName] = process.argv.slice(2);
if (!subgraph || !rawName) {
  console.error('usage: npm run db:migration -- <subgraph> <name>');
  process.exit(2);
}
const name = rawName.replace(/[^a-z0-9_]+/gi, '_').toLowerCase();
const prismaDir = path.join(repoRoot, 'subgraphs', subgraph, 'prisma');
const migrationsDir = path.join(prismaDir, 'migrations');
const current = readFileSync(path.join(prismaDir, 'schema.prisma'), 'utf8');
const previous = listMigrations(migrationsDir).at(-1);
const snapshotPath = previous ? path.join(migrationsDir, previous.name, 'schema.prisma') : undefined;
if (snapshotPath && !existsSync(snapshotPath)) throw new Error(`${snapshotPath} is missing`);

(globalThis as any).PRISMA_WASM_PANIC_REGISTRY = {
  set_message: (m: string) => console.error('schema engine panic:', m),
};
const { SchemaEngine } = await import('@prisma/schema-engine-wasm');
const database = await resolveDatabaseUrl();
const adapter = bindMigrationAwareSqlAdapterFactory(
  new PrismaPg({ connectionString: database.url }, { schema: subgraph }),
);
const engine = await SchemaEngine.new(
  { datamodels: [['schema.prisma', current]] } as never,
  () => {},
  adapter as never,
);
const from = snapshotPath
  ? {
      tag: 'schemaDatamodel',
      files: [{ path: 'schema.prisma', content: readFileSync(snapshotPath, 'utf8') }],
    }
  : { tag: 'empty' };
const result = (await engine.diff({
  from,
  to: { tag: 'schemaDatamodel', files: [{ path: 'schema.prisma', content: current }] },
  script: true,
  exitCode: null,
  filters: { externalTables: [], externalEnums: [] },
} as never)) as { stdout: string };
await database.stop?.();

const sql = result.stdout.trim();
if (!sql || sql === '-- This is an empty migration.') {
  console.log(`${subgraph}: schema.prisma matches the last migration; nothing to do`);
  process.exit(0);
}
const stamp = new Date()
  .toISOString()
  .replace(/[-:TZ.]/g, '')
  .slice(0, 14);
const dir = path.join(migrationsDir, `${stamp}_${name}`);
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, 'migration.sql'), `${sql}\n`);
writeFileSync(path.join(dir, 'schema.prisma'), current);
if (!existsSync(path.join(migrationsDir, 'migration_lock.toml'))) {
  writeFileSync(path.join(migrationsDir, 'migration_lock.toml'), 'provider = "postgresql"\n');
}
console.log(`${subgraph}: wrote ${path.relative(repoRoot, dir)}/migration.sql`);
process.exit(0);
