// Runs `prisma generate` for the workspace it is started in. Prisma's CLI tries to download a
// native schema engine it does not need for generating; pointing it at any existing file stops
// that (see docs/decisions/0003-prisma-offline.md).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

// In a Docker dependency layer only package.json files exist yet: nothing to generate.
if (!existsSync('prisma/schema.prisma')) process.exit(0);

const require = createRequire(import.meta.url);
const cli = require.resolve('prisma/build/index.js');
const result = spawnSync(process.execPath, [cli, 'generate', '--schema', 'prisma/schema.prisma'], {
  stdio: ['ignore', 'inherit', 'inherit'],
  env: {
    ...process.env,
    // the prisma-pothos-types generator is a bin of @pothos/plugin-prisma
    PATH: [path.resolve(path.dirname(cli), '../../.bin'), process.env.PATH].join(path.delimiter),
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
    PRISMA_HIDE_UPDATE_MESSAGE: '1',
    CHECKPOINT_DISABLE: '1',
  },
});
process.exit(result.status ?? 1);
