import { runSubgraphFromEnv } from '@wholesail/platform';
import { warehouse } from './service';

await runSubgraphFromEnv(warehouse);
