import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ApolloGateway, IntrospectAndCompose, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControl } from '@apollo/server/plugin/cacheControl';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import {
  bearerToken,
  closeHttpServer,
  createLogger,
  keepIdleConnections,
  logRequest,
  maskError,
  parseDecimal,
  REQUEST_ID_HEADER,
  TokenError,
  type Viewer,
  verifyToken,
} from '@wholesail/platform';
import express, { type NextFunction, type Request, type Response } from 'express';
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import type { Logger } from 'pino';
import type { SubgraphName } from './config';
import { graphiqlAssets, graphiqlPage } from './graphiql';
import { GuestTenants, TENANT_HEADER } from './guests';
import { operationKey, PageCache } from './page-cache';
import { RateLimiter } from './rate-limit';

export const defaultSupergraphPath = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../schema/supergraph.graphql',
);

export interface GatewayContext {
  viewer: Viewer;
  token?: string;
  requestId: string;
}

export interface GatewayOptions {
  port: number;
  host: string;
  authSecret: string;
  subgraphUrls: Record<SubgraphName, string>;
  mode?: 'static' | 'dev';
  supergraphPath?: string;
  logger?: Logger;
  rateLimit?: { perSecond: number; burst: number };
  bodyLimit?: string;
  corsOrigins?: string[];
  /** How long a tenant's guest-browsing answer is cached (default 60 s). */
  guestCacheMs?: number;
  /** Show demo login buttons in GraphiQL (never in production). */
  demoLogins?: boolean;
  tenant?: string;
  /**
   * The page cache of the shop's read path; it listens for committed writes on this database.
   * Without it (or with ttlSeconds 0) every query is resolved by the subgraphs.
   */
  pageCache?: { databaseUrl: string; ttlSeconds?: number; maxMiB?: number };
}

export interface RunningGateway {
  url: string;
  port: number;
  pageCache?: PageCache;
  close(): Promise<void>;
}

/** Sends the caller's token (verified again by the subgraph) and the request id to subgraphs. */
class ForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  // Cache policy is the page cache's business (page-cache.ts), not the subgraphs' headers.
  override honorSubgraphCacheControlHeader = false;

  override willSendRequest({
    request,
    context,
  }: Parameters<RemoteGraphQLDataSource<GatewayContext>['willSendRequest'] & {}>[0]) {
    if (!request.http) return;
    if (context?.token) request.http.headers.set('authorization', `Bearer ${context.token}`);
    if (context?.requestId) request.http.headers.set(REQUEST_ID_HEADER, context.requestId);
  }
}

function errorBody(message: string, code: string) {
  return { errors: [{ message, extensions: { code } }] };
}

export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const logger = options.logger ?? createLogger('gateway');
  const urls = options.subgraphUrls;
  // @apollo/gateway otherwise sends usage metrics to usage-reporting.api.apollographql.com
  // every few seconds (TLS connections from every gateway, offline machines included).
  process.env.APOLLO_TELEMETRY_DISABLED ??= 'true';
  const ttlSeconds = options.pageCache?.ttlSeconds ?? 5;
  const pageCache =
    options.pageCache && ttlSeconds > 0
      ? new PageCache({
          databaseUrl: options.pageCache.databaseUrl,
          ttlSeconds,
          maxMiB: options.pageCache.maxMiB ?? 64,
          logger: logger.child({ component: 'page-cache' }),
        })
      : undefined;
  await pageCache?.start();
  const gateway = new ApolloGateway({
    ...(options.mode === 'dev'
      ? {
          supergraphSdl: new IntrospectAndCompose({
            subgraphs: Object.entries(urls).map(([name, url]) => ({ name, url })),
            pollIntervalInMs: 2000,
          }),
        }
      : { supergraphSdl: readFileSync(options.supergraphPath ?? defaultSupergraphPath, 'utf8') }),
    buildService: ({ name, url }) => new ForwardingDataSource({ url: urls[name as SubgraphName] ?? url }),
    logger: logger.child({ component: 'apollo-gateway' }) as never,
    experimental_didResolveQueryPlan: pageCache
      ? ({ queryPlan, requestContext }) =>
          pageCache.recordPlan(
            operationKey(requestContext.queryHash, requestContext.operationName),
            queryPlan,
          )
      : undefined,
  });

  // The supergraph knows custom scalars by name only: give Decimal its rule here, so a bad
  // value is the caller's BAD_USER_INPUT, not a subgraph's HTTP 400 turned into a 500.
  gateway.onSchemaLoadOrUpdate(({ apiSchema }) => {
    const decimal = apiSchema.getType('Decimal');
    if (decimal instanceof GraphQLScalarType) {
      decimal.parseValue = parseDecimal;
      decimal.parseLiteral = (ast) => {
        if (ast.kind !== Kind.STRING) throw new GraphQLError('Decimal must be a string like "12.50"');
        return parseDecimal(ast.value);
      };
    }
  });

  const armor = new ApolloArmor({
    maxDepth: { n: 12 },
    maxAliases: { n: 30 },
    maxDirectives: { n: 50 },
    // Token counting is done by graphql-js's own parser (parseOptions below): armor's version
    // throws outside parsing, which turns every syntax error into an HTTP 500.
    maxTokens: { enabled: false },
    costLimit: { maxCost: 50_000 },
    blockFieldSuggestion: { enabled: true },
  }).protect();

  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    introspection: true,
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    parseOptions: { maxTokens: 5000 },
    formatError: maskError(logger),
    plugins: [
      ...armor.plugins,
      ApolloServerPluginInlineTraceDisabled(),
      // No Cache-Control headers: a browser must not keep an answer the page cache has dropped.
      ApolloServerPluginCacheControl({ calculateHttpHeaders: false }),
      ...(pageCache?.plugins<GatewayContext>() ?? []),
    ],
    validationRules: armor.validationRules,
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  // Behind a local proxy (the apps' servers, a load balancer) the client address is X-Forwarded-For.
  app.set('trust proxy', 'loopback');
  const limiter = new RateLimiter(options.rateLimit?.perSecond ?? 100, options.rateLimit?.burst ?? 200);
  const origins = new Set(options.corsOrigins ?? []);
  const guests = new GuestTenants(urls.crm, options.authSecret, options.guestCacheMs);
  let closing = false;

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', service: 'gateway' });
  });
  app.get('/readyz', async (_req, res) => {
    if (closing) {
      res.status(503).json({ status: 'closing' });
      return;
    }
    const checks = await Promise.all(
      Object.entries(urls).map(async ([name, url]) => {
        try {
          const r = await fetch(url.replace(/\/graphql$/, '/readyz'), { signal: AbortSignal.timeout(2000) });
          return [name, r.ok] as const;
        } catch {
          return [name, false] as const;
        }
      }),
    );
    const down = checks.filter(([, ok]) => !ok).map(([name]) => name);
    res.status(down.length ? 503 : 200).json({ status: down.length ? 'unavailable' : 'ready', down });
  });
  app.use('/graphiql', graphiqlAssets());

  app.use('/graphql', (req: Request, res: Response, next: NextFunction) => {
    const origin = req.headers.origin;
    if (origin && origins.has(origin)) {
      res.setHeader('access-control-allow-origin', origin);
      res.setHeader('vary', 'origin');
      res.setHeader(
        'access-control-allow-headers',
        'content-type, authorization, x-request-id, x-wholesail-tenant, apollo-require-preflight',
      );
      res.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
    }
    if (req.method === 'OPTIONS') {
      res.status(204).end();
      return;
    }
    if (
      req.method === 'GET' &&
      req.accepts(['application/json', 'text/html']) === 'text/html' &&
      !req.query.query
    ) {
      res
        .type('html')
        .send(graphiqlPage({ demoLogins: options.demoLogins ?? false, tenant: options.tenant ?? 'demo' }));
      return;
    }
    next();
  });

  const authenticate = async (req: Request, res: Response, next: NextFunction) => {
    const requestId = (req.headers[REQUEST_ID_HEADER] as string | undefined) || randomUUID();
    res.setHeader(REQUEST_ID_HEADER, requestId);
    let token: string | undefined;
    let viewer: Viewer = { kind: 'none' };
    try {
      token = bearerToken(req.headers.authorization);
      if (token) viewer = await verifyToken(token, options.authSecret);
      // Service tokens are for calls between services inside the deployment, never from outside.
      if (viewer.kind === 'service' || viewer.kind === 'guest') {
        throw new TokenError('This kind of token is not accepted here.', 'invalid');
      }
      const tenant = req.headers[TENANT_HEADER];
      if (!token && typeof tenant === 'string') {
        // A visitor of a shop that allows guests: browse as a guest of that tenant.
        const guest = await guests.guestFor(tenant).catch((error) => {
          logger.warn({ err: error }, 'guest tenant lookup failed');
          return undefined;
        });
        if (guest) {
          token = guest.token;
          viewer = { kind: 'guest', tenantId: guest.tenantId };
        }
      }
    } catch (error) {
      if (error instanceof TokenError) {
        res.status(401).json(errorBody(error.message, 'UNAUTHENTICATED'));
        return;
      }
      next(error);
      return;
    }
    const key = token ? `t:${token.slice(-24)}` : `ip:${req.ip}`;
    const wait = limiter.take(key);
    if (wait > 0) {
      res.setHeader('retry-after', String(wait));
      res.status(429).json(errorBody('Too many requests; slow down.', 'RATE_LIMITED'));
      return;
    }
    logRequest(logger, req, res, { requestId, viewer: viewer.kind });
    res.locals.context = { viewer, token, requestId } satisfies GatewayContext;
    next();
  };

  app.use(
    '/graphql',
    express.json({ limit: options.bodyLimit ?? '1mb' }),
    authenticate,
    expressMiddleware(apollo, { context: async ({ res }) => res.locals.context as GatewayContext }),
  );
  app.use((error: Error & { type?: string }, _req: Request, res: Response, _next: NextFunction) => {
    if (error.type === 'entity.too.large') {
      res.status(413).json(errorBody('Request body too large', 'BAD_REQUEST'));
      return;
    }
    if (error.type === 'entity.parse.failed') {
      res.status(400).json(errorBody('Request body is not valid JSON', 'BAD_REQUEST'));
      return;
    }
    logger.error({ err: error }, 'request failed');
    res.status(500).json(errorBody('Internal server error', 'INTERNAL_SERVER_ERROR'));
  });

  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(options.port, options.host, () => resolve(s));
    s.once('error', reject);
  });
  keepIdleConnections(server);
  const port = (server.address() as AddressInfo).port;
  const url = `http://${options.host === '0.0.0.0' ? '127.0.0.1' : options.host}:${port}/graphql`;
  logger.info({ url }, 'gateway listening');
  return {
    url,
    port,
    pageCache,
    async close() {
      closing = true;
      await closeHttpServer(server);
      await apollo.stop();
      await pageCache?.stop();
    },
  };
}
