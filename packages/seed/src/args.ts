import { isScale, type Scale } from './constants';
import type { WriteMethod } from './write';

export const USAGE = `Usage: npm run seed -- [--scale demo|bench] [--reset] [--method sql|createMany]

  --scale    demo (default): 200 stores, 1,000 SKUs, 300 orders
             bench: 10,000 stores, 50,000 SKUs, 15,000 orders
  --reset    replace the demo tenant's data when it is already there
  --method   sql (default, one transaction, fast) or createMany (Prisma createMany per table)

The database is DATABASE_URL, or the embedded PostgreSQL in .data/ when it is not set.`;

export interface CliArgs {
  scale: Scale;
  reset: boolean;
  method: WriteMethod;
  help: boolean;
}

export function parseArgs(argv: readonly string[]): CliArgs {
  const args: CliArgs = { scale: 'demo', reset: false, method: 'sql', help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [name, inline] = arg.includes('=')
      ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
      : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Error(`${name} needs a value`);
      return v;
    };
    switch (name) {
      case '--scale': {
        const v = value();
        if (!isScale(v)) throw new Error(`--scale must be demo or bench, not "${v}"`);
        args.scale = v;
        break;
      }
      case '--method': {
        const v = value();
        if (v !== 'sql' && v !== 'createMany')
          throw new Error(`--method must be sql or createMany, not "${v}"`);
        args.method = v;
        break;
      }
      case '--reset':
        args.reset = true;
        break;
      case '--help':
      case '-h':
        args.help = true;
        break;
      default:
        throw new Error(`Unknown argument ${arg}`);
    }
  }
  return args;
}
