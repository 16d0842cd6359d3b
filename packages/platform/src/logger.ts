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

/** One info line per finished request: method, path, status, duration, request id, caller kind. */
export function logRequest(
  logger: Logger,
  req: { method: string; originalUrl?: string; url: string; body?: { operationName?: unknown } },
  res: { statusCode: number; on(event: 'finish', fn: () => void): unknown },
  fields: Record<string, unknown>,
): void {
  const started = process.hrtime.bigint();
  res.on('finish', () => {
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const operation = typeof req.body?.operationName === 'string' ? req.body.operationName : undefined;
    logger.info(
      {
        ...fields,
        method: req.method,
        path: req.originalUrl ?? req.url,
        status: res.statusCode,
        ms: Math.round(ms * 10) / 10,
        operation,
      },
      'request',
    );
  });
}
