import path from 'node:path';
import { migrateAllSubgraphs, repoRoot } from '@wholesail/platform';

export function migrationsDir(subgraph: string): string {
  return path.join(repoRoot, 'subgraphs', subgraph, 'prisma', 'migrations');
}

/** Applies the committed migrations of all eight subgraphs, each to its own schema. */
export const migrateAll = migrateAllSubgraphs;
