/**
 * A closed-loop load generator: `concurrency` clients, each sending its next request as soon as
 * the previous one answered, for a fixed time after a warm-up. Requests over node:http with a
 * keep-alive agent (autocannon is not installed; this is its model: N connections, no pacing).
 * Only for 127.0.0.1: it exists to measure this machine.
 */
import http from 'node:http';

export interface LoadResult {
  concurrency: number;
  requests: number;
  errors: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export function summarise(concurrency: number, latencies: number[], errors: number, seconds: number) {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    concurrency,
    requests: sorted.length,
    errors,
    seconds,
    perSecond: sorted.length / seconds,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? Number.NaN,
  } satisfies LoadResult;
}

/** One unit of work; resolves when done, rejects (counted as an error) on failure. */
export type Work = (client: number) => Promise<void>;

/** Runs `work` with `concurrency` loops: `warmupMs` unmeasured, then `durationMs` measured. */
export async function runLoad(
  work: Work,
  options: { concurrency: number; durationMs: number; warmupMs: number },
): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  let firstError: unknown;
  const start = performance.now();
  const measureFrom = start + options.warmupMs;
  const end = measureFrom + options.durationMs;
  const loop = async (client: number) => {
    while (true) {
      const t0 = performance.now();
      if (t0 >= end) return;
      try {
        await work(client);
        const t1 = performance.now();
        // requests that finished inside the measured window count (as autocannon does)
        if (t1 >= measureFrom && t1 <= end) latencies.push(t1 - t0);
      } catch (error) {
        const t1 = performance.now();
        if (t1 >= measureFrom && t1 <= end) errors++;
        firstError ??= error;
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, (_, i) => loop(i)));
  const result = summarise(options.concurrency, latencies, errors, options.durationMs / 1000);
  if (errors > 0 && latencies.length === 0) throw firstError;
  return result;
}

/** POSTs GraphQL to `url` with keep-alive connections; rejects on HTTP or GraphQL errors. */
export class GraphqlClient {
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  private readonly target: URL;

  constructor(
    url: string,
    private token?: string,
  ) {
    this.target = new URL(url);
    if (!['127.0.0.1', 'localhost', '[::1]'].includes(this.target.hostname))
      throw new Error(`the bench only loads 127.0.0.1, not ${this.target.hostname}`);
  }

  setToken(token: string) {
    this.token = token;
  }

  /** The parsed response; `check` false leaves GraphQL errors to the caller. */
  request<T = any>(query: string, variables?: object, check = true): Promise<{ data?: T; errors?: any[] }> {
    const body = JSON.stringify({ query, variables });
    return new Promise((resolve, reject) => {
      const req = http.request(
        {
          host: this.target.hostname,
          port: this.target.port,
          path: this.target.pathname,
          method: 'POST',
          agent: this.agent,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            if ((res.statusCode ?? 0) >= 400 && !text.startsWith('{'))
              return reject(new Error(`HTTP ${res.statusCode}: ${text.slice(0, 200)}`));
            try {
              const json = JSON.parse(text);
              if (check && json.errors?.length)
                return reject(new Error(`GraphQL errors: ${JSON.stringify(json.errors).slice(0, 500)}`));
              resolve(json);
            } catch (error) {
              reject(error);
            }
          });
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }

  close() {
    this.agent.destroy();
  }
}
