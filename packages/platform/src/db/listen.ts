import pg from 'pg';
import type { Logger } from 'pino';

/** The channel every table the shop reads notifies on commit, with its schema as the payload. */
export const READ_CHANGED_CHANNEL = 'wholesail_read_changed';

/**
 * The schemas whose every table notifies READ_CHANGED_CHANNEL (their `read_changed_triggers`
 * migrations): what the shop's read path is built from.
 */
export const READ_NOTIFYING_SCHEMAS = ['catalog', 'crm', 'inventory', 'marketing', 'pricing'] as const;

export interface NotificationListenerOptions {
  databaseUrl: string;
  channel: string;
  onNotification(payload: string): void;
  /**
   * Called with false when the connection is lost (notifications may be missed from then on)
   * and with true once it listens again: a cache relying on them must not trust itself between.
   */
  onListening?(listening: boolean): void;
  logger?: Logger;
  /** Wait before reconnecting, ms (default 1000). */
  retryMs?: number;
}

export interface NotificationListener {
  readonly listening: boolean;
  /** Sends a notification on the channel from the listening connection itself. */
  notify(payload: string): Promise<void>;
  stop(): Promise<void>;
}

/**
 * LISTEN on a dedicated connection that reconnects by itself. PostgreSQL delivers a notification
 * at commit of the transaction that sent it, never for one that rolled back.
 */
export async function listenForNotifications(
  options: NotificationListenerOptions,
): Promise<NotificationListener> {
  let client: pg.Client | undefined;
  let listening = false;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;

  const setListening = (value: boolean) => {
    if (listening === value) return;
    listening = value;
    options.onListening?.(value);
  };

  const scheduleReconnect = () => {
    if (stopped || retry) return;
    retry = setTimeout(() => {
      retry = undefined;
      void connect().catch(() => scheduleReconnect());
    }, options.retryMs ?? 1000);
    retry.unref();
  };

  const connect = async () => {
    const next = new pg.Client({ connectionString: options.databaseUrl });
    next.on('notification', (message) => {
      if (message.channel === options.channel) options.onNotification(message.payload ?? '');
    });
    const lost = (error?: Error) => {
      if (client !== next) return;
      client = undefined;
      setListening(false);
      if (!stopped) {
        options.logger?.warn(
          { err: error, channel: options.channel },
          'notification listener lost; reconnecting',
        );
        scheduleReconnect();
      }
      next.end().catch(() => {});
    };
    next.on('error', lost);
    next.on('end', () => lost());
    client = next;
    try {
      await next.connect();
      await next.query(`LISTEN ${options.channel}`);
    } catch (error) {
      lost(error as Error);
      throw error;
    }
    if (stopped) {
      await next.end().catch(() => {});
      return;
    }
    setListening(true);
  };

  await connect().catch((error) => {
    options.logger?.warn({ err: error, channel: options.channel }, 'notification listener could not connect');
    scheduleReconnect();
  });

  return {
    get listening() {
      return listening;
    },
    async notify(payload: string) {
      if (!client || !listening) throw new Error(`not listening on ${options.channel}`);
      await client.query('SELECT pg_notify($1, $2)', [options.channel, payload]);
    },
    async stop() {
      stopped = true;
      if (retry) clearTimeout(retry);
      const current = client;
      client = undefined;
      setListening(false);
      await current?.end().catch(() => {});
    },
  };
}
