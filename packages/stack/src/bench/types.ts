/**
 * A benchmark is a file `<name>.bench.ts` in this folder whose default export is a
 * BenchDefinition; `npm run bench` lists them and `npm run bench -- <name> [options]` runs one.
 */
export interface BenchDefinition {
  name: string;
  /** one line for the list */
  summary: string;
  /** option help lines, shown by `npm run bench -- <name> --help` */
  usage?: string;
  /** exit code */
  run(argv: readonly string[]): Promise<number>;
}
