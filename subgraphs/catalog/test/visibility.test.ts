import { brandVisibility, catalogAccess, normaliseSearch, productVisibility } from '../src/domain/visibility';

const customer = { kind: 'customer' as const, tenantId: 't', customerId: 'c1', customerUserId: 'u' };

describe('catalog visibility', () => {
  it('lets staff and services see everything', () => {
    expect(
      productVisibility(catalogAccess({ kind: 'staff', tenantId: 't', staffId: 's', roles: ['OFFICE'] })),
    ).toEqual({});
    expect(brandVisibility(catalogAccess({ kind: 'service', tenantId: 't', service: 'orders' }))).toEqual({});
  });
  it('shows customers on-shelf products of open brands or brands authorised for them by name or level', () => {
    expect(productVisibility(catalogAccess(customer))).toEqual({
      onShelf: true,
      brand: { OR: [{ restricted: false }, { authorizations: { some: { customerId: 'c1' } } }] },
    });
    expect(productVisibility(catalogAccess(customer, { levelId: 'lvl_vip', warehouseId: 'wh_1' }))).toEqual({
      onShelf: true,
      brand: {
        OR: [
          { restricted: false },
          { authorizations: { some: { OR: [{ customerId: 'c1' }, { levelId: 'lvl_vip' }] } } },
        ],
      },
    });
    expect(catalogAccess(customer, { levelId: 'lvl_vip', warehouseId: 'wh_1' }).warehouseId).toBe('wh_1');
  });
  it('shows guests only open brands', () => {
    expect(productVisibility(catalogAccess({ kind: 'guest', tenantId: 't' }))).toEqual({
      onShelf: true,
      brand: { restricted: false },
    });
  });
  it('normalises search text', () => {
    expect(normaliseSearch('  KK KL ')).toEqual({ text: 'kk kl', compact: 'kkkl' });
    expect(normaliseSearch('   ')).toBeNull();
  });
});
