import { runSubgraphFromEnv } from '@wholesail/platform';
import { marketing } from './service';

await runSubgraphFromEnv(marketing);
