import { AsyncLocalStorage } from 'node:async_hooks';

/** A database call was made with no tenant in scope: a bug, never a user error. */
export class TenantScopeError extends Error {
  override name = 'TenantScopeError';
}

const scope = new AsyncLocalStorage<{ tenantId: string }>();

/** Runs `fn` with every tenant-owned table narrowed to `tenantId` (see db/tenant-scope.ts). */
export function runInTenant<T>(tenantId: string, fn: () => T): T {
  return scope.run({ tenantId }, fn);
}

export function currentTenantId(): string | undefined {
  return scope.getStore()?.tenantId;
}

export function requireTenantId(): string {
  const tenantId = scope.getStore()?.tenantId;
  if (!tenantId) throw new TenantScopeError('No tenant in scope for a tenant-owned table');
  return tenantId;
}
