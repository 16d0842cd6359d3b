import SchemaBuilder from '@pothos/core';
import DataloaderPlugin from '@pothos/plugin-dataloader';
import DirectivesPlugin from '@pothos/plugin-directives';
import ErrorsPlugin from '@pothos/plugin-errors';
import FederationPlugin from '@pothos/plugin-federation';
import PrismaPlugin, { type PrismaClient } from '@pothos/plugin-prisma';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import { GraphQLError } from 'graphql';
import { DateTimeResolver, JSONResolver } from 'graphql-scalars';
import type { StaffRole } from './auth';
import type { RequestContext } from './context';
import { DEFAULT_CURRENCY, formatMinor, type MoneyValue } from './money';

export interface AuthScopes {
  /** Any logged-in caller (staff, customer or service). */
  authenticated: boolean;
  staff: boolean;
  customer: boolean;
  service: boolean;
  /** Staff holding at least one of these roles. */
  role: StaffRole | StaffRole[];
}

export interface BuilderTypes<PrismaTypes extends {}> {
  PrismaTypes: PrismaTypes;
  Context: RequestContext;
  AuthScopes: AuthScopes;
  Scalars: {
    ID: { Input: string; Output: string };
    DateTime: { Input: Date; Output: Date | string };
    JSON: { Input: unknown; Output: unknown };
    Decimal: { Input: string; Output: string };
  };
  DefaultFieldNullability: false;
  DefaultEdgesNullability: false;
  DefaultNodeNullability: false;
}

/** One thing wrong with what the caller sent: which field (dotted path, e.g. "units.1.factor") and why. */
export interface InputProblem {
  field: string;
  message: string;
}

/**
 * Bad input from a staff or customer form; shown to the client as the typed result
 * `ValidationError { message code problems { field message } }` via the errors plugin
 * (`errors: { types: [ValidationError] }` on a mutation). Nothing was changed.
 */
export class ValidationError extends Error {
  override name = 'ValidationError';
  constructor(
    message: string,
    readonly problems: InputProblem[] = [],
    readonly code = 'INVALID_INPUT',
  ) {
    super(message);
  }
}

/** Kept for code that throws a bare rule violation: a ValidationError without field problems. */
export class UserError extends ValidationError {
  constructor(message: string, code = 'BAD_INPUT') {
    super(message, [], code);
  }
}

/** Throws a ValidationError listing every problem, or returns when there are none. */
export function assertValid(problems: InputProblem[], message = 'Some fields are not valid.'): void {
  if (problems.length)
    throw new ValidationError(problems.length === 1 ? problems[0]!.message : message, problems);
}

/** A row of an imported file that cannot be imported: the file's line number (1 = header). */
export interface RowProblem {
  line: number;
  field: string;
  message: string;
}

/** A whole import refused because some rows are bad: `ImportRejected { message rows { line field message } }`. */
export class ImportRejected extends Error {
  override name = 'ImportRejected';
  constructor(readonly rows: RowProblem[]) {
    super(`${rows.length} row(s) cannot be imported; nothing was imported.`);
  }
}

export function forbidden(message = 'You are not allowed to do this.'): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN' } });
}

/**
 * The Pothos builder every subgraph uses: federation, prisma, scope-auth, errors, relay and
 * dataloader plugins, the shared scalars and the Money value type, and the auth scopes.
 */
export function createBuilder<PrismaTypes extends {}>(prisma: { client: () => unknown; dmmf: unknown }) {
  const builder = new SchemaBuilder<BuilderTypes<PrismaTypes>>({
    // scope-auth must come before plugins that wrap resolvers (federation last).
    plugins: [
      ScopeAuthPlugin,
      ErrorsPlugin,
      DirectivesPlugin,
      PrismaPlugin,
      RelayPlugin,
      DataloaderPlugin,
      FederationPlugin,
    ],
    defaultFieldNullability: false,
    prisma: {
      // A function: the client exists only once the service has started.
      client: prisma.client as () => PrismaClient,
      dmmf: prisma.dmmf as never,
      exposeDescriptions: false,
      filterConnectionTotalCount: true,
      onUnusedQuery: process.env.NODE_ENV === 'production' ? null : 'warn',
    },
    relay: {
      clientMutationId: 'omit',
      cursorType: 'String',
      edgesFieldOptions: { nullable: false },
      nodeFieldOptions: { nullable: false },
      // Each subgraph defines the same PageInfo; federation needs it marked shareable.
      pageInfoTypeOptions: { shareable: true } as never,
    },
    errors: { defaultTypes: [] },
    scopeAuth: {
      authorizeOnSubscribe: true,
      unauthorizedError: (_parent, _context, _info, result) =>
        new GraphQLError(result.message || 'You are not allowed to do this.', {
          extensions: { code: 'FORBIDDEN' },
        }),
      authScopes: async (ctx: RequestContext) => ({
        authenticated:
          ctx.viewer.kind === 'staff' || ctx.viewer.kind === 'customer' || ctx.viewer.kind === 'service',
        staff: ctx.viewer.kind === 'staff',
        customer: ctx.viewer.kind === 'customer',
        service: ctx.viewer.kind === 'service',
        role: (wanted: StaffRole | StaffRole[]) => {
          if (ctx.viewer.kind !== 'staff') return false;
          const roles = ctx.viewer.roles;
          return (Array.isArray(wanted) ? wanted : [wanted]).some((r) => roles.includes(r));
        },
      }),
    },
  });

  builder.addScalarType('DateTime', DateTimeResolver as never, {});
  builder.addScalarType('JSON', JSONResolver as never, {});
  builder.scalarType('Decimal', {
    description: 'A decimal number as a string, e.g. "12.50"; exact, never a float.',
    serialize: (value) => String(value),
    parseValue: parseDecimal,
  });

  const MoneyRef = builder.objectRef<MoneyValue>('Money');
  MoneyRef.implement({
    description: 'An amount of money: `amount` is a decimal string, `minor` the integer minor units (fen).',
    shareable: true,
    fields: (t) => ({
      amount: t.field({ type: 'Decimal', resolve: (m) => formatMinor(m.minor) }),
      currency: t.string({ resolve: (m) => m.currency ?? DEFAULT_CURRENCY }),
      minor: t.string({
        description: 'Integer minor units (fen), as a string because it may exceed 2^53.',
        resolve: (m) => BigInt(m.minor).toString(),
      }),
    }),
  });

  // Typed errors every subgraph shares (identical definitions, so marked shareable).
  const ErrorInterface = builder.interfaceRef<Error>('Error').implement({
    description: 'A refusal the client can show: nothing was changed.',
    fields: (t) => ({ message: t.exposeString('message') }),
  });
  const InputProblemRef = builder.objectRef<InputProblem>('InputProblem').implement({
    shareable: true,
    fields: (t) => ({
      field: t.exposeString('field', {
        description: 'Dotted path of the input field, e.g. "units.1.factor".',
      }),
      message: t.exposeString('message'),
    }),
  });
  builder.objectType(ValidationError, {
    name: 'ValidationError',
    description: 'The input breaks a rule; each problem names its field.',
    shareable: true,
    interfaces: [ErrorInterface],
    fields: (t) => ({
      code: t.exposeString('code'),
      problems: t.field({ type: [InputProblemRef], resolve: (e) => e.problems }),
    }),
  });
  const RowProblemRef = builder.objectRef<RowProblem>('ImportRowProblem').implement({
    shareable: true,
    fields: (t) => ({
      line: t.exposeInt('line', { description: 'Line of the file, 1 being the header.' }),
      field: t.exposeString('field'),
      message: t.exposeString('message'),
    }),
  });
  builder.objectType(ImportRejected, {
    name: 'ImportRejected',
    description: 'Some rows are bad; nothing was imported. Every bad row is listed.',
    shareable: true,
    interfaces: [ErrorInterface],
    fields: (t) => ({ rows: t.field({ type: [RowProblemRef], resolve: (e) => e.rows }) }),
  });

  // Query always exists (federation adds _service); a subgraph with mutations declares
  // builder.mutationType({}) itself, since an empty Mutation type is invalid.
  builder.queryType({});

  return Object.assign(builder, { MoneyRef });
}

export type Builder<PrismaTypes extends {}> = ReturnType<typeof createBuilder<PrismaTypes>>;

/**
 * The rule of the `Decimal` scalar: a string like "12.50". The gateway applies it too
 * (gateway.ts), so a bad value is refused as BAD_USER_INPUT before any subgraph is asked.
 */
export function parseDecimal(value: unknown): string {
  if (typeof value !== 'string' || !/^-?\d+(\.\d+)?$/.test(value)) {
    throw new GraphQLError('Decimal must be a string like "12.50"');
  }
  return value;
}
