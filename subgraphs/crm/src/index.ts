import { runSubgraphFromEnv } from '@wholesail/platform';
import { crm } from './service';

await runSubgraphFromEnv(crm);
