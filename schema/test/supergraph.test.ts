import { readFileSync } from 'node:fs';
import path from 'node:path';
import { committedSupergraph, compose, schemaDir } from '../src/composition';

describe('the composed supergraph', () => {
  const fresh = compose();

  it('composes without errors and matches the committed schema/supergraph.graphql', () => {
    expect(committedSupergraph()).toBe(fresh.supergraph);
  });

  it('matches every committed subgraph schema', () => {
    for (const [name, sdl] of Object.entries(fresh.sdls)) {
      expect(readFileSync(path.join(schemaDir, 'subgraphs', `${name}.graphql`), 'utf8')).toBe(
        `${sdl.trim()}\n`,
      );
    }
  });

  it('keeps the names third-party clients rely on', () => {
    for (const name of [
      'products(',
      'me:',
      'login(input: LoginInput!)',
      'type Order',
      'type Warehouse',
      'type Route',
    ]) {
      expect(fresh.supergraph).toContain(name);
    }
  });
});
