import { AsyncLocalStorage } from 'node:async_hooks';
import pino, { type Logger } from 'pino';

export type { Logger };

const requestLogs = new AsyncLocalStorage<Logger>();

export function createLogger(service: string, level = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({
    name: service,
    level,
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: ['req.headers.authorization', 'password', '*.password', 'token'], censor: '[redacted]' },
  });
}

/** Runs `fn` with `logger` as the current request's logger (see currentLogger). */
export function withRequestLogger<T>(logger: Logger, fn: () => T): T {
  return requestLogs.run(logger, fn);
}

export function currentLogger(fallback: Logger): Logger {
  return requestLogs.getStore() ?? fallback;
}

export const REQUEST_ID_HEADER = 'x-request-id';
