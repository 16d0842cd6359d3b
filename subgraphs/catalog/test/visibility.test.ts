import { brandVisibility, normaliseSearch, productVisibility } from '../src/domain/visibility';

describe('catalog visibility', () => {
  it('lets staff and services see everything', () => {
    expect(productVisibility({ kind: 'staff', tenantId: 't', staffId: 's', roles: ['OFFICE'] })).toEqual({});
    expect(brandVisibility({ kind: 'service', tenantId: 't', service: 'orders' })).toEqual({});
  });
  it('shows customers on-shelf products of open or authorised brands', () => {
    expect(
      productVisibility({ kind: 'customer', tenantId: 't', customerId: 'c1', customerUserId: 'u' }),
    ).toEqual({
      onShelf: true,
      brand: { OR: [{ restricted: false }, { authorizations: { some: { customerId: 'c1' } } }] },
    });
  });
  it('shows guests only open brands', () => {
    expect(productVisibility({ kind: 'guest', tenantId: 't' })).toEqual({
      onShelf: true,
      brand: { OR: [{ restricted: false }] },
    });
  });
  it('normalises search text', () => {
    expect(normaliseSearch('  KK KL ')).toEqual({ text: 'kk kl', compact: 'kkkl' });
    expect(normaliseSearch('   ')).toBeNull();
  });
});
