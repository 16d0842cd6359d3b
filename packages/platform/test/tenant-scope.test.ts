import { scopeArgs } from '../src/db/tenant-scope';
import { adoptTenant, requireTenantId, runInTenant, runWithoutTenant, TenantScopeError } from '../src/tenant';

describe('tenant scoping of Prisma arguments', () => {
  it('adds the tenant to filters', () => {
    expect(scopeArgs('findMany', { where: { name: 'x' } }, 't1')).toEqual({
      where: { AND: [{ name: 'x' }, { tenantId: 't1' }] },
    });
    expect(scopeArgs('findMany', undefined, 't1')).toEqual({ where: { tenantId: 't1' } });
    expect(scopeArgs('count', {}, 't1')).toEqual({ where: { tenantId: 't1' } });
    expect(scopeArgs('updateMany', { where: { id: 'a' }, data: { n: 1 } }, 't1')).toEqual({
      where: { AND: [{ id: 'a' }, { tenantId: 't1' }] },
      data: { n: 1 },
    });
  });

  it('keeps unique lookups unique and adds the tenant beside them', () => {
    expect(scopeArgs('findUnique', { where: { id: 'a' } }, 't1')).toEqual({
      where: { id: 'a', tenantId: 't1' },
    });
    expect(scopeArgs('delete', { where: { id: 'a' } }, 't1')).toEqual({ where: { id: 'a', tenantId: 't1' } });
  });

  it('sets the tenant on every write', () => {
    expect(scopeArgs('create', { data: { name: 'x', tenantId: 'evil' } }, 't1')).toEqual({
      data: { name: 'x', tenantId: 't1' },
    });
    expect(scopeArgs('createMany', { data: [{ a: 1 }, { a: 2, tenantId: 'evil' }] }, 't1')).toEqual({
      data: [
        { a: 1, tenantId: 't1' },
        { a: 2, tenantId: 't1' },
      ],
    });
    expect(scopeArgs('upsert', { where: { id: 'a' }, create: { id: 'a' }, update: {} }, 't1')).toEqual({
      where: { id: 'a', tenantId: 't1' },
      create: { id: 'a', tenantId: 't1' },
      update: {},
    });
  });

  it('drops an empty select (an answer that selects nothing of the row), keeps any other', () => {
    expect(scopeArgs('upsert', { select: {}, where: { id: 'x' } }, 't1')).not.toHaveProperty('select');
    expect(scopeArgs('update', { select: { id: true }, where: { id: 'x' } }, 't1').select).toEqual({
      id: true,
    });
  });

  it('fails closed on operations it does not know', () => {
    expect(() => scopeArgs('$runCommandRaw', {}, 't1')).toThrow(TenantScopeError);
  });
});

describe('tenant scope', () => {
  it('requires a tenant', () => {
    expect(() => requireTenantId()).toThrow(TenantScopeError);
    expect(runInTenant('t1', () => requireTenantId())).toBe('t1');
  });

  it('lets an anonymous request adopt one tenant, never switch', () => {
    runWithoutTenant(() => {
      adoptTenant('t1');
      expect(requireTenantId()).toBe('t1');
      expect(() => adoptTenant('t2')).toThrow(TenantScopeError);
    });
    expect(() => adoptTenant('t1')).toThrow(TenantScopeError);
  });
});
