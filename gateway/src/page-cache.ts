import type { ApolloServerPlugin, GraphQLRequestContext } from '@apollo/server';
import ApolloServerPluginResponseCache from '@apollo/server-plugin-response-cache';
import { InMemoryLRUCache } from '@apollo/utils.keyvaluecache';
import {
  listenForNotifications,
  type NotificationListener,
  READ_CHANGED_CHANNEL,
  READ_NOTIFYING_SCHEMAS,
  type Viewer,
} from '@wholesail/platform';
import { Kind, type OperationDefinitionNode } from 'graphql';
import type { Logger } from 'pino';

/**
 * The page cache of the shop's read path (docs/decisions/0009-gateway-page-cache.md): whole
 * query results per viewer, dropped as soon as PostgreSQL reports a committed write to a schema
 * the result was built from, and after `ttlSeconds` at the latest (what changes with the clock
 * alone, like a promotion starting, is at most that old).
 */

/** Root fields a cached query may select: the catalog, prices, stock and promotions a shop shows. */
export const CACHEABLE_ROOT_FIELDS: ReadonlySet<string> = new Set([
  'products',
  'product',
  'sku',
  'skuByBarcode',
  'categories',
  'brands',
  'searchSuggestions',
  'homeLayout',
  'promotions',
  '__typename',
]);

const NOTIFYING: ReadonlySet<string> = new Set(READ_NOTIFYING_SCHEMAS);
/** Response header saying how a query was answered: hit, miss or bypass. */
export const CACHE_HEADER = 'x-wholesail-cache';
const MAX_OPERATIONS = 5000;
/** How long a miss waits at most for the same answer another request is computing. */
const FLIGHT_TIMEOUT_MS = 3000;

export interface PageCacheOptions {
  databaseUrl: string;
  ttlSeconds: number;
  maxMiB: number;
  logger?: Logger;
}

interface CacheContext {
  viewer: Viewer;
}

/** Whether every root field of a query is one the cache may answer. */
export function isCacheableOperation(operation: OperationDefinitionNode | undefined): boolean {
  if (operation?.operation !== 'query') return false;
  return operation.selectionSet.selections.every(
    (selection) => selection.kind === Kind.FIELD && CACHEABLE_ROOT_FIELDS.has(selection.name.value),
  );
}

/** Who the answer is for: the same query gives another answer to another viewer. */
export function sessionOf(viewer: Viewer): string | null {
  switch (viewer.kind) {
    case 'staff':
      return `staff:${viewer.tenantId}:${viewer.staffId}:${[...viewer.roles].sort().join('+')}`;
    case 'customer':
      return `customer:${viewer.tenantId}:${viewer.customerId}:${viewer.customerUserId}`;
    case 'guest':
      // every guest of a shop sees the same shop
      return `guest:${viewer.tenantId}`;
    default:
      return null;
  }
}

/** The subgraphs a query plan fetches from. */
export function servicesOfPlan(plan: unknown): string[] {
  const services = new Set<string>();
  const visit = (node: unknown) => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const item of node) visit(item);
      return;
    }
    const record = node as Record<string, unknown>;
    if (record.kind === 'Fetch' && typeof record.serviceName === 'string') services.add(record.serviceName);
    for (const [key, value] of Object.entries(record)) {
      // operation documents and selection sets hold no plan nodes
      if (key !== 'operation' && key !== 'requires' && key !== 'operationDocumentNode') visit(value);
    }
  };
  visit(plan);
  return [...services].sort();
}

export class PageCache {
  readonly stats = { hits: 0, misses: 0, bypasses: 0, invalidations: 0 };
  private readonly generations = new Map<string, number>();
  private readonly servicesByOperation = new Map<string, readonly string[]>();
  /** The data version a request started with, by its context object. */
  private readonly versionAtStart = new WeakMap<object, string>();
  private readonly store: InMemoryLRUCache<string>;
  private listener: NotificationListener | undefined;
  private epoch = 0;
  private markers = 0;
  private readonly waiting = new Map<string, () => void>();
  /** Answers being computed, by what they will be cached under: the same misses wait for them. */
  private readonly inFlight = new Map<string, Promise<void>>();
  private readonly leading = new WeakMap<object, () => void>();

  constructor(private readonly options: PageCacheOptions) {
    this.store = new InMemoryLRUCache<string>({ maxSize: options.maxMiB * 1024 * 1024 });
  }

  async start(): Promise<void> {
    this.listener = await listenForNotifications({
      databaseUrl: this.options.databaseUrl,
      channel: READ_CHANGED_CHANNEL,
      logger: this.options.logger,
      onNotification: (payload) => {
        const arrived = this.waiting.get(payload);
        if (arrived) arrived();
        else if (NOTIFYING.has(payload)) this.invalidate(payload);
      },
      // Writes may have been missed while not listening: start over with every answer.
      onListening: () => {
        this.epoch += 1;
      },
    });
  }

  async stop(): Promise<void> {
    await this.listener?.stop();
  }

  get listening(): boolean {
    return this.listener?.listening ?? false;
  }

  /**
   * Resolves once every write committed before the call has been heard: PostgreSQL delivers
   * notifications in commit order, so a marker sent now arrives after them. If it does not come
   * back in time, every answer is dropped instead.
   */
  async settle(timeoutMs = 2000): Promise<void> {
    if (!this.listener?.listening) return;
    const marker = `settle:${process.pid}:${++this.markers}`;
    let timer: NodeJS.Timeout | undefined;
    const arrived = new Promise<boolean>((resolve) => {
      this.waiting.set(marker, () => resolve(true));
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    try {
      await this.listener.notify(marker);
      if (!(await arrived)) this.epoch += 1;
    } catch {
      this.epoch += 1;
    } finally {
      clearTimeout(timer);
      this.waiting.delete(marker);
    }
  }

  /** A committed write to `schema`: every answer built from it is stale. */
  invalidate(schema: string): void {
    this.generations.set(schema, (this.generations.get(schema) ?? 0) + 1);
    this.stats.invalidations += 1;
  }

  /** Called by the gateway with each request's query plan. */
  recordPlan(operationKey: string, plan: unknown): void {
    if (this.servicesByOperation.has(operationKey)) return;
    if (this.servicesByOperation.size >= MAX_OPERATIONS) this.servicesByOperation.clear();
    this.servicesByOperation.set(operationKey, servicesOfPlan(plan));
  }

  /** Plugins for the gateway's Apollo Server: the response cache, then the header reporting it. */
  plugins<TContext extends CacheContext>(): ApolloServerPlugin<TContext>[] {
    const maxAge = this.options.ttlSeconds;
    const usable = (ctx: GraphQLRequestContext<TContext>) => {
      if (!this.listening || !isCacheableOperation(ctx.operation)) return undefined;
      const services = this.servicesByOperation.get(operationKey(ctx.queryHash, ctx.operationName));
      if (!services || services.length === 0 || !services.every((s) => NOTIFYING.has(s))) return undefined;
      return services;
    };
    const version = (services: readonly string[]) =>
      `${this.epoch}|${services.map((s) => `${s}:${this.generations.get(s) ?? 0}`).join(',')}`;

    const responseCache = ApolloServerPluginResponseCache<TContext>({
      cache: this.store,
      sessionId: async (ctx) => sessionOf(ctx.contextValue.viewer),
      extraCacheKeyData: async (ctx) => {
        const services = usable(ctx);
        if (!services) return null;
        const v = version(services);
        this.versionAtStart.set(ctx.contextValue, v);
        return v;
      },
      shouldReadFromCache: async (ctx) => {
        const v = this.versionAtStart.get(ctx.contextValue);
        if (v === undefined) return false;
        // When an entry expires under load, many clients miss at once: one computes, the rest
        // wait for its answer instead of all resolving the same page at the same time.
        const key = [
          sessionOf(ctx.contextValue.viewer),
          operationKey(ctx.queryHash, ctx.operationName),
          JSON.stringify(ctx.request.variables ?? {}),
          v,
        ].join('|');
        const flight = this.inFlight.get(key);
        if (flight) {
          await flight;
          return true;
        }
        let done!: () => void;
        const finished = new Promise<void>((resolve) => {
          done = resolve;
        });
        const timer = setTimeout(() => done(), FLIGHT_TIMEOUT_MS);
        timer.unref();
        this.inFlight.set(key, finished);
        this.leading.set(ctx.contextValue, () => {
          clearTimeout(timer);
          if (this.inFlight.get(key) === finished) this.inFlight.delete(key);
          done();
        });
        return true;
      },
      shouldWriteToCache: async (ctx) => {
        const services = usable(ctx);
        // Something changed while this answer was computed: it may hold data from before.
        if (!services || this.versionAtStart.get(ctx.contextValue) !== version(services)) return false;
        ctx.overallCachePolicy.replace({ maxAge, scope: 'PRIVATE' });
        return true;
      },
    });

    const report: ApolloServerPlugin<TContext> = {
      requestDidStart: async () => ({
        willSendResponse: async (ctx) => {
          // Whoever changed something and asks again at once must see the change: answer a
          // mutation only after the notifications of its writes have arrived here.
          if (ctx.operation?.operation === 'mutation') await this.settle();
          const lead = this.leading.get(ctx.contextValue);
          // after the response cache has stored this answer (it does so right after this hook starts)
          if (lead) setImmediate(lead);
          if (ctx.operation?.operation !== 'query') return;
          const how = ctx.metrics.responseCacheHit
            ? 'hit'
            : this.versionAtStart.has(ctx.contextValue)
              ? 'miss'
              : 'bypass';
          this.stats[how === 'hit' ? 'hits' : how === 'miss' ? 'misses' : 'bypasses'] += 1;
          ctx.response.http.headers.set(CACHE_HEADER, how);
        },
      }),
    };
    return [responseCache, report];
  }
}

export function operationKey(
  queryHash: string | undefined,
  operationName: string | null | undefined,
): string {
  return `${queryHash ?? ''}:${operationName ?? ''}`;
}
