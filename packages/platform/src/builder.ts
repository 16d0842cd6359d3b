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

/** A rule the caller broke; shown to the client as a typed result via the errors plugin. */
export class UserError extends Error {
  override name = 'UserError';
  constructor(
    message: string,
    readonly code = 'BAD_INPUT',
  ) {
    super(message);
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
    parseValue: (value) => {
      if (typeof value !== 'string' || !/^-?\d+(\.\d+)?$/.test(value)) {
        throw new GraphQLError('Decimal must be a string like "12.50"');
      }
      return value;
    },
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

  // Query always exists (federation adds _service); a subgraph with mutations declares
  // builder.mutationType({}) itself, since an empty Mutation type is invalid.
  builder.queryType({});

  return Object.assign(builder, { MoneyRef });
}

export type Builder<PrismaTypes extends {}> = ReturnType<typeof createBuilder<PrismaTypes>>;
