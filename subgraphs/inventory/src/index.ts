import { runSubgraphFromEnv } from '@wholesail/platform';
import { inventory } from './service';

await runSubgraphFromEnv(inventory);
