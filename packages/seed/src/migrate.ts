import path from 'node:path';
import { type MigrationResult, migrateSchema, repoRoot } from '@wholesail/platform';
import { SUBGRAPHS } from './constants';

export function migrationsDir(subgraph: string): string {
  return path.join(repoRoot, 'subgraphs', subgraph, 'prisma', 'migrations');
}

/** Applies the committed migrations of all eight subgraphs, each to its own schema. */
export async function migrateAll(databaseUrl: string): Promise<MigrationResult[]> {
  const results: MigrationResult[] = [];
  for (const name of SUBGRAPHS) results.push(await migrateSchema(databaseUrl, name, migrationsDir(name)));
  return results;
}
