import { runSubgraphFromEnv } from '@wholesail/platform';
import { catalog } from './service';

await runSubgraphFromEnv(catalog);
