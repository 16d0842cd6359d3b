import { requireTenantId, TenantScopeError } from '../tenant';

type Args = Record<string, any>;

/**
 * The one place tenant isolation is enforced: every operation on a tenant-owned model gets
 * `tenantId = <tenant in scope>` added to its filter, and every write gets it set in its data.
 * A call with no tenant in scope throws instead of reading everything. Models without a
 * `tenantId` column are listed in `globalModels` (e.g. Tenant itself).
 *
 * Nested relation writes are not rewritten: create children through their own model, which
 * every schema in this repository does.
 */
export function scopeArgs(operation: string, args: Args | undefined, tenantId: string): Args {
  const a: Args = { ...(args ?? {}) };
  // Pothos passes `select: {}` when an answer selects nothing of the row (a mutation asked for
  // `__typename` only); Prisma refuses an empty select, while no select returns the scalars.
  if (a.select && typeof a.select === 'object' && Object.keys(a.select).length === 0) delete a.select;
  switch (operation) {
    case 'findUnique':
    case 'findUniqueOrThrow':
    case 'update':
    case 'delete':
      // Unique lookups keep their unique fields at the top level and add tenantId beside them.
      a.where = { ...a.where, tenantId };
      break;
    case 'upsert':
      a.where = { ...a.where, tenantId };
      a.create = { ...a.create, tenantId };
      break;
    case 'findFirst':
    case 'findFirstOrThrow':
    case 'findMany':
    case 'count':
    case 'aggregate':
    case 'groupBy':
    case 'updateMany':
    case 'updateManyAndReturn':
    case 'deleteMany':
      a.where = a.where ? { AND: [a.where, { tenantId }] } : { tenantId };
      break;
    case 'create':
      a.data = { ...a.data, tenantId };
      break;
    case 'createMany':
    case 'createManyAndReturn':
      a.data = Array.isArray(a.data)
        ? a.data.map((d: Args) => ({ ...d, tenantId }))
        : { ...a.data, tenantId };
      break;
    default:
      // Fail closed: an operation this function does not know is not run unscoped.
      throw new TenantScopeError(`Operation ${operation} is not tenant-scoped; add it to scopeArgs`);
  }
  return a;
}

export function tenantScopeExtension(globalModels: readonly string[] = []) {
  const unscoped = new Set(globalModels);
  return {
    name: 'tenant-scope',
    query: {
      $allModels: {
        $allOperations({
          model,
          operation,
          args,
          query,
        }: {
          model: string;
          operation: string;
          args: any;
          query: (args: any) => Promise<unknown>;
        }) {
          if (unscoped.has(model)) return query(args);
          return query(scopeArgs(operation, args, requireTenantId()));
        },
      },
    },
  };
}
