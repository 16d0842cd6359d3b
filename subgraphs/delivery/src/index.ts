import { runSubgraphFromEnv } from '@wholesail/platform';
import { delivery } from './service';

await runSubgraphFromEnv(delivery);
