// npm run migrate [-- --seed]: applies every subgraph's migrations to DATABASE_URL (or the
// embedded PostgreSQL) and, with --seed, loads the demo data if the tenant is not there yet.
import { migrateAllSubgraphs, resolveDatabaseUrl } from '@wholesail/platform';
import { seedIfEmpty } from '@wholesail/seed';

const database = await resolveDatabaseUrl();
try {
  for (const result of await migrateAllSubgraphs(database.url)) {
    console.log(
      `${result.schema}: ${result.applied.length ? `applied ${result.applied.join(', ')}` : 'up to date'}`,
    );
  }
  if (process.argv.includes('--seed'))
    console.log((await seedIfEmpty(database.url)).seeded ? 'demo data loaded' : 'demo data already there');
} finally {
  await database.stop?.();
}
