import { runSubgraphFromEnv } from '@wholesail/platform';
import { pricing } from './service';

await runSubgraphFromEnv(pricing);
