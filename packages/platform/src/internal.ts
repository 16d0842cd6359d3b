import type { Express, Request, Response } from 'express';
import type { Logger } from 'pino';
import type { z } from 'zod';
import { bearerToken, signServiceToken, TokenError, verifyToken } from './auth';
import { REQUEST_ID_HEADER } from './logger';
import { runInTenant } from './tenant';

/**
 * Commands one service sends another inside the deployment (placeOrder reserving credit in crm
 * and stock in inventory): `POST /internal/<name>` on the owning subgraph, JSON in and out,
 * a service token required. They are not part of the public GraphQL API, so third-party
 * clients never see them, and the gateway refuses service tokens from outside anyway.
 *
 * A command's answer is its `result` (typed by the command, e.g. a union with `kind`); a
 * business refusal is a result, not an error. Bad input answers 400 with the zod problems.
 */
export interface InternalCommand<I = any, O = any> {
  input: { safeParse(value: unknown): z.ZodSafeParseResult<I> };
  /** Runs in the caller's tenant scope. */
  handle(input: I, context: InternalContext): Promise<O>;
}

export interface InternalContext {
  tenantId: string;
  /** The calling service, from its token. */
  service: string;
  requestId?: string;
  logger: Logger;
}

export type InternalCommands = Record<string, InternalCommand>;

/** Declares a command with its input schema; the handler's input type comes from the schema. */
export function internalCommand<S extends z.ZodType, O>(
  input: S,
  handle: (input: z.infer<S>, context: InternalContext) => Promise<O>,
): InternalCommand<z.infer<S>, O> {
  return { input, handle };
}

/** Where a service's internal commands are, from its GraphQL URL. */
export function internalUrl(graphqlUrl: string, command: string): string {
  return `${graphqlUrl.replace(/\/graphql\/?$/, '')}/internal/${command}`;
}

export function mountInternalCommands(
  app: Express,
  commands: InternalCommands,
  options: { authSecret: string; logger: Logger },
): void {
  app.post('/internal/:command', async (req: Request, res: Response) => {
    const command = commands[String(req.params.command)];
    if (!command) {
      res.status(404).json({ error: { code: 'NOT_FOUND', message: `No command ${req.params.command}` } });
      return;
    }
    let tenantId: string;
    let service: string;
    try {
      const token = bearerToken(req.headers.authorization);
      if (!token) throw new TokenError('A service token is required.', 'invalid');
      const viewer = await verifyToken(token, options.authSecret);
      if (viewer.kind !== 'service')
        throw new TokenError('Only services may call internal commands.', 'invalid');
      tenantId = viewer.tenantId;
      service = viewer.service;
    } catch (error) {
      if (error instanceof TokenError) {
        res.status(401).json({ error: { code: 'UNAUTHENTICATED', message: error.message } });
        return;
      }
      throw error;
    }
    const parsed = command.input.safeParse(req.body);
    if (!parsed.success) {
      res.status(400).json({
        error: {
          code: 'BAD_INPUT',
          message: 'The command input is not valid.',
          problems: parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message })),
        },
      });
      return;
    }
    const requestId = req.headers[REQUEST_ID_HEADER] as string | undefined;
    const logger = options.logger.child({ command: req.params.command, caller: service, requestId });
    try {
      const result = await runInTenant(tenantId, () =>
        command.handle(parsed.data, { tenantId, service, requestId, logger }),
      );
      res.json({ result });
    } catch (error) {
      logger.error({ err: error }, 'internal command failed');
      res.status(500).json({ error: { code: 'INTERNAL', message: 'The command failed.' } });
    }
  });
}

/** The command's answer could not be had: the caller must treat the outcome as unknown. */
export class InternalCallError extends Error {
  override name = 'InternalCallError';
  constructor(
    message: string,
    readonly status: number | null,
    readonly code: string,
  ) {
    super(message);
  }
}

let defaultSecret: string | undefined;
/** The secret calls are signed with when a call names none (startSubgraph sets its own). */
export function setServiceSecret(secret: string): void {
  defaultSecret = secret;
}

export interface CallOptions {
  /** The calling service's name (it signs the token). */
  service: string;
  tenantId: string;
  /** default: the one set by setServiceSecret */
  authSecret?: string;
  requestId?: string;
  timeoutMs?: number;
}

/** Sends a command to another service and returns its `result`. */
export async function callInternal<O>(
  graphqlUrl: string,
  command: string,
  input: unknown,
  options: CallOptions,
): Promise<O> {
  const secret = options.authSecret ?? defaultSecret;
  if (!secret) throw new InternalCallError(`${command}: no secret to sign the call with`, null, 'NO_SECRET');
  const token = await signServiceToken(options.service, options.tenantId, secret);
  let response: globalThis.Response;
  try {
    response = await fetch(internalUrl(graphqlUrl, command), {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
        ...(options.requestId ? { [REQUEST_ID_HEADER]: options.requestId } : {}),
      },
      body: JSON.stringify(input),
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
    });
  } catch (cause) {
    throw new InternalCallError(
      `${command} could not be sent: ${(cause as Error).message}`,
      null,
      'UNREACHABLE',
    );
  }
  const body = (await response.json().catch(() => null)) as {
    result?: O;
    error?: { code: string; message: string };
  } | null;
  if (!response.ok || !body || !('result' in body)) {
    throw new InternalCallError(
      `${command} answered HTTP ${response.status}: ${body?.error?.message ?? 'no body'}`,
      response.status,
      body?.error?.code ?? 'UNKNOWN',
    );
  }
  return body.result as O;
}
