import type { Viewer } from '@wholesail/platform';
import { canSeeCustomerRoute, canSeeRoute, routeVisibility } from '../src/domain/route-access';

const staff: Viewer = { kind: 'staff', tenantId: 't', staffId: 's', roles: ['OFFICE'] };
const service: Viewer = { kind: 'service', tenantId: 't', service: 'orders' };
const customer: Viewer = { kind: 'customer', tenantId: 't', customerId: 'c1', customerUserId: 'u1' };
const guest: Viewer = { kind: 'guest', tenantId: 't' };
const none: Viewer = { kind: 'none' };

describe('route visibility', () => {
  it('lets staff and services see every route', () => {
    for (const viewer of [staff, service]) {
      expect(routeVisibility(viewer)).toEqual({ kind: 'all' });
      expect(canSeeCustomerRoute(viewer, 'c2')).toBe(true);
      expect(canSeeRoute(viewer, 'r1', null)).toBe(true);
    }
  });

  it('lets a customer see only the route it is on', () => {
    expect(routeVisibility(customer)).toEqual({ kind: 'own', customerId: 'c1' });
    expect(canSeeCustomerRoute(customer, 'c1')).toBe(true);
    expect(canSeeCustomerRoute(customer, 'c2')).toBe(false);
    expect(canSeeRoute(customer, 'r1', 'r1')).toBe(true);
    expect(canSeeRoute(customer, 'r2', 'r1')).toBe(false);
    expect(canSeeRoute(customer, 'r1', null)).toBe(false);
  });

  it('shows anonymous callers nothing', () => {
    for (const viewer of [guest, none]) {
      expect(routeVisibility(viewer)).toEqual({ kind: 'none' });
      expect(canSeeCustomerRoute(viewer, 'c1')).toBe(false);
      expect(canSeeRoute(viewer, 'r1', 'r1')).toBe(false);
    }
  });
});
