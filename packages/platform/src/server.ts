import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { GraphQLFormattedError, GraphQLSchema } from 'graphql';
import type { Logger } from 'pino';
import { bearerToken, TokenError, type Viewer, verifyToken } from './auth';
import type { RequestContext } from './context';
import { type InternalCommands, mountInternalCommands } from './internal';
import { logRequest, REQUEST_ID_HEADER, withRequestLogger } from './logger';
import { NoTenantError, runInTenant, runWithoutTenant } from './tenant';

/**
 * Stops accepting, lets in-flight requests finish, drops idle keep-alive sockets at once and
 * whatever is still open after `graceMs`.
 */
/**
 * Keeps idle keep-alive connections open longer than callers keep them (the gateway's subgraph
 * fetcher, load balancers at 60 s), so the caller is the one that closes them. With Node's
 * default of 5 s a server can close a socket just as the caller reuses it: a "socket hang up" for
 * a request that did nothing wrong, seen after quiet spells such as the gateway answering from its
 * page cache for a few seconds.
 */
export function keepIdleConnections(server: Server): Server {
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  return server;
}

export function closeHttpServer(server: Server, graceMs = 3000): Promise<void> {
  return new Promise<void>((resolve) => {
    const timer = setTimeout(() => server.closeAllConnections(), graceMs);
    timer.unref();
    server.close(() => {
      clearTimeout(timer);
      resolve();
    });
    server.closeIdleConnections();
  });
}

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export interface GraphQLServerOptions {
  name: string;
  schema: GraphQLSchema;
  port: number;
  host: string;
  authSecret: string;
  logger: Logger;
  /** Throws when the service cannot serve (database down); drives /readyz. */
  ready: () => Promise<void>;
  /** Max request body, e.g. "1mb". */
  bodyLimit?: string;
  /** Commands other services send it (`POST /internal/<name>`, service tokens only). */
  internal?: InternalCommands;
}

/** Codes a client may see as they are; anything else is an internal error and is masked. */
const CLIENT_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
]);

export function maskError(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && CLIENT_CODES.has(code)) {
      const { stacktrace: _drop, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    const original = (error as { originalError?: unknown })?.originalError ?? error;
    if (original instanceof NoTenantError) {
      // An anonymous caller asked for tenant data: not a server fault.
      return {
        message: 'Log in first: this data belongs to a distributor.',
        path: formatted.path,
        extensions: { code: 'UNAUTHENTICATED' },
      };
    }
    logger.error({ err: original, path: formatted.path }, 'internal error');
    return {
      message: 'Internal server error',
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}

function unauthenticated(res: Response, message: string) {
  res.status(401).json({ errors: [{ message, extensions: { code: 'UNAUTHENTICATED' } }] });
}

/** Resolves the caller from the Authorization header (undefined header: no viewer). */
export async function viewerFromRequest(req: Request, authSecret: string): Promise<Viewer> {
  const token = bearerToken(req.headers.authorization);
  if (!token) return { kind: 'none' };
  return verifyToken(token, authSecret);
}

/**
 * A subgraph's HTTP server: POST/GET /graphql (Apollo Server), /healthz (the process is up),
 * /readyz (it can serve: the database answers). The caller's token is verified here again,
 * even behind the gateway: a subgraph never trusts that only the gateway can reach it.
 */
export async function startGraphQLServer(options: GraphQLServerOptions): Promise<RunningServer> {
  const app = express();
  app.disable('x-powered-by');
  let closing = false;

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', service: options.name });
  });
  app.get('/readyz', async (_req, res) => {
    if (closing) {
      res.status(503).json({ status: 'closing', service: options.name });
      return;
    }
    try {
      await options.ready();
      res.json({ status: 'ready', service: options.name });
    } catch (error) {
      res
        .status(503)
        .json({ status: 'unavailable', service: options.name, reason: (error as Error).message });
    }
  });

  const apollo = new ApolloServer<RequestContext>({
    schema: options.schema,
    introspection: true,
    includeStacktraceInErrorResponses: false,
    formatError: maskError(options.logger),
    plugins: [ApolloServerPluginInlineTraceDisabled()],
  });
  await apollo.start();

  const authenticate = async (req: Request, res: Response, next: NextFunction) => {
    const requestId = (req.headers[REQUEST_ID_HEADER] as string | undefined) || randomUUID();
    res.setHeader(REQUEST_ID_HEADER, requestId);
    let viewer: Viewer;
    try {
      viewer = await viewerFromRequest(req, options.authSecret);
    } catch (error) {
      if (error instanceof TokenError) return unauthenticated(res, error.message);
      return next(error);
    }
    const logger = options.logger.child({ requestId });
    logRequest(logger, req, res, { viewer: viewer.kind });
    const context: RequestContext = { viewer, requestId, logger, loaders: new Map() };
    res.locals.context = context;
    const run = () => withRequestLogger(logger, () => next());
    return 'tenantId' in viewer ? runInTenant(viewer.tenantId, run) : runWithoutTenant(run);
  };

  app.use(
    '/graphql',
    express.json({ limit: options.bodyLimit ?? '1mb' }),
    authenticate,
    expressMiddleware(apollo, { context: async ({ res }) => res.locals.context as RequestContext }),
  );
  if (options.internal) {
    app.use('/internal', express.json({ limit: options.bodyLimit ?? '1mb' }));
    mountInternalCommands(app, options.internal, { authSecret: options.authSecret, logger: options.logger });
  }
  app.use(
    (
      error: Error & { status?: number; type?: string },
      _req: Request,
      res: Response,
      _next: NextFunction,
    ) => {
      if (error.type === 'entity.too.large') {
        res
          .status(413)
          .json({ errors: [{ message: 'Request body too large', extensions: { code: 'BAD_REQUEST' } }] });
        return;
      }
      if (error.type === 'entity.parse.failed') {
        res.status(400).json({
          errors: [{ message: 'Request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }],
        });
        return;
      }
      options.logger.error({ err: error }, 'request failed');
      res.status(500).json({
        errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
      });
    },
  );

  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(options.port, options.host, () => resolve(s));
    s.once('error', reject);
  });
  keepIdleConnections(server);
  const port = (server.address() as AddressInfo).port;
  const url = `http://${options.host}:${port}/graphql`;
  options.logger.info({ url }, `${options.name} listening`);
  return {
    url,
    port,
    async close() {
      closing = true;
      await closeHttpServer(server);
      await apollo.stop();
    },
  };
}
