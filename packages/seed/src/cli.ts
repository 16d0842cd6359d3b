/**
 * npm run seed -- --scale demo|bench [--reset] [--method sql|createMany]
 *
 * Migrates every subgraph's schema, then writes the demo tenant into DATABASE_URL (or the
 * embedded PostgreSQL in .data/, started here and stopped again when this started it).
 */
import { resolveDatabaseUrl } from '@wholesail/platform';
import { type CliArgs, parseArgs, USAGE } from './args';
import { DEMO_PASSWORD, STAFF, TENANT_SLUG } from './constants';
import { AlreadySeededError, seed } from './index';
import { migrateAll } from './migrate';

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function main(): Promise<number> {
  let args: CliArgs;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  const started = performance.now();
  const database = await resolveDatabaseUrl();
  const where = database.embedded ? `embedded PostgreSQL (${new URL(database.url).host})` : 'DATABASE_URL';
  try {
    let t = performance.now();
    const migrations = await migrateAll(database.url);
    const applied = migrations.flatMap((m) => m.applied.map((name) => `${m.schema}/${name}`));
    console.log(
      `Migrated ${migrations.length} schemas in ${seconds(performance.now() - t)}${applied.length ? ` (applied ${applied.join(', ')})` : ''}`,
    );
    t = performance.now();
    console.log(`Seeding tenant "${TENANT_SLUG}" at ${args.scale} scale into ${where} (${args.method})...`);
    const result = await seed(database.url, {
      scale: args.scale,
      reset: args.reset,
      method: args.method,
      log: (line) => console.log(line),
    });
    const deleted = Object.values(result.deleted).reduce((a, b) => a + b, 0);
    if (deleted > 0) console.log(`Deleted ${deleted} earlier rows of the tenant first.`);
    const bySchema = new Map<string, string[]>();
    let total = 0;
    for (const [key, n] of Object.entries(result.counts)) {
      const [schema, model] = key.split('.') as [string, string];
      bySchema.set(schema, [...(bySchema.get(schema) ?? []), `${model} ${n.toLocaleString('en-US')}`]);
      total += n;
    }
    for (const [schema, parts] of bySchema) console.log(`  ${schema.padEnd(10)} ${parts.join(', ')}`);
    const { hashMs, buildMs, writeMs } = result.timings;
    console.log(
      `Wrote ${total.toLocaleString('en-US')} rows in ${seconds(performance.now() - t)} ` +
        `(password hash ${seconds(hashMs)}, generate ${seconds(buildMs)}, write ${seconds(writeMs)}); total ${seconds(performance.now() - started)}.`,
    );
    const staff = STAFF.map((s) => s.username).join(', ');
    console.log(
      `Log in to tenant "${TENANT_SLUG}" with password ${DEMO_PASSWORD} as ${staff}, or a store: store001, store002, ...`,
    );
    return 0;
  } catch (error) {
    if (error instanceof AlreadySeededError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  } finally {
    await database.stop?.();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
