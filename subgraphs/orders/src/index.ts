import { runSubgraphFromEnv } from '@wholesail/platform';
import { orders } from './service';

await runSubgraphFromEnv(orders);
