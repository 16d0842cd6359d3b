import { runInTenant } from '@wholesail/platform';
import type { Logger } from 'pino';
import { database } from './db';
import { sweepExpired } from './reservations';

/** How often the sweeper looks for expired HELD reservations (ms); INVENTORY_SWEEP_MS overrides. */
export const DEFAULT_SWEEP_MS = 5_000;

export interface Sweeper {
  /** One sweep now (tests); resolves with the number of orders released. */
  sweep(now?: Date): Promise<number>;
  stop(): Promise<void>;
}

/**
 * Releases HELD reservations past their expiry every `intervalMs`, one sweep at a time (a slow
 * sweep is not overlapped by the next). Started with the server and stopped before its
 * database closes (see service.ts).
 */
export function startSweeper(options: { intervalMs?: number; logger?: Logger } = {}): Sweeper {
  const intervalMs = options.intervalMs ?? (Number(process.env.INVENTORY_SWEEP_MS) || DEFAULT_SWEEP_MS);
  let running: Promise<number> | undefined;
  let stopped = false;
  const sweep = (now?: Date): Promise<number> => {
    if (running) return running.then(() => sweep(now));
    running = sweepExpired(database.raw(), (tenantId, fn) => runInTenant(tenantId, fn), now).finally(() => {
      running = undefined;
    });
    return running;
  };
  const timer = setInterval(() => {
    if (stopped || running) return;
    sweep().then(
      (n) => {
        if (n) options.logger?.info({ released: n }, 'expired stock reservations released');
      },
      (error) => options.logger?.error({ err: error }, 'stock reservation sweep failed'),
    );
  }, intervalMs);
  timer.unref();
  return {
    sweep,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running?.catch(() => {});
    },
  };
}
