// npm run migrate [-- --seed]: applies every subgraph's migrations to DATABASE_URL (or the
// embedded PostgreSQL) and, with --seed, loads the demo data if the tenant is not there yet.
import { migrateSchema, resolveDatabaseUrl, subgraphMigrations } from '@wholesail/platform';
import { seedIfEmpty } from '@wholesail/seed';

const database = await resolveDatabaseUrl();
try {
  for (const s of subgraphMigrations()) {
    const result = await migrateSchema(database.url, s.name, s.dir);
    console.log(`${s.name}: ${result.applied.length ? `applied ${result.applied.join(', ')}` : 'up to date'}`);
  }
  if (process.argv.includes('--seed')) console.log((await seedIfEmpty(database.url)).seeded ? 'demo data loaded' : 'demo data already there');
} finally {
  await database.stop?.();
}
