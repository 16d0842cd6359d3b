import { AsyncLocalStorage } from 'node:async_hooks';

/** A database call was made with no tenant in scope: a bug, never a user error. */
export class TenantScopeError extends Error {
  override name = 'TenantScopeError';
}

/** An anonymous caller reached tenant data: the caller must log in (not a server fault). */
export class NoTenantError extends TenantScopeError {
  override name = 'NoTenantError';
}

const scope = new AsyncLocalStorage<{ tenantId?: string }>();

/** Runs `fn` with every tenant-owned table narrowed to `tenantId` (see db/tenant-scope.ts). */
export function runInTenant<T>(tenantId: string, fn: () => T): T {
  return scope.run({ tenantId }, fn);
}

/** Runs an anonymous request: no tenant until one is adopted (see adoptTenant). */
export function runWithoutTenant<T>(fn: () => T): T {
  return scope.run({}, fn);
}

/**
 * Sets the tenant of the current anonymous request for the rest of it: used by login, whose
 * result (the viewer) is resolved after the mutation returns. Never switches tenants.
 */
export function adoptTenant(tenantId: string): void {
  const store = scope.getStore();
  if (!store) throw new TenantScopeError('adoptTenant outside a request');
  if (store.tenantId && store.tenantId !== tenantId)
    throw new TenantScopeError('A request cannot change tenant');
  store.tenantId = tenantId;
}

export function currentTenantId(): string | undefined {
  return scope.getStore()?.tenantId;
}

export function requireTenantId(): string {
  const tenantId = scope.getStore()?.tenantId;
  if (!tenantId) throw new NoTenantError('No tenant in scope for a tenant-owned table');
  return tenantId;
}
