import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { composeServices } from '@apollo/composition';
import { subgraphSdl } from '@wholesail/platform';
import { parse } from 'graphql';
import { subgraphs } from './subgraphs';

export const schemaDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const supergraphPath = path.join(schemaDir, 'supergraph.graphql');

export interface Composition {
  supergraph: string;
  sdls: Record<string, string>;
}

/** Prints every subgraph's SDL from its Pothos schema (no server) and composes them. */
export function compose(): Composition {
  const sdls: Record<string, string> = {};
  for (const s of subgraphs) sdls[s.name] = subgraphSdl(s);
  const result = composeServices(
    subgraphs.map((s) => ({
      name: s.name,
      url: `http://localhost:${s.defaultPort}/graphql`,
      typeDefs: parse(sdls[s.name]!),
    })),
  );
  if (result.errors) {
    const messages = result.errors.map((e) => `  - ${e.message}`).join('\n');
    throw new Error(`Composition failed:\n${messages}`);
  }
  return { supergraph: `${result.supergraphSdl.trim()}\n`, sdls };
}

export function committedSupergraph(): string {
  return readFileSync(supergraphPath, 'utf8');
}
