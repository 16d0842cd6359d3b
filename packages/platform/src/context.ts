import type { Logger } from 'pino';
import type { Viewer } from './auth';

/** What every resolver of every subgraph gets. */
export interface RequestContext {
  viewer: Viewer;
  requestId: string;
  logger: Logger;
  /** Per-request memo for DataLoaders (see loaders.ts). */
  loaders: Map<unknown, unknown>;
}
