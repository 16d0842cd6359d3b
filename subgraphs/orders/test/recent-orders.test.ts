import {
  DEFAULT_RECENT_ORDERS,
  groupRecent,
  MAX_RECENT_ORDERS,
  recentOrdersLimit,
} from '../src/domain/recent-orders';

describe('recent orders', () => {
  it('bounds the limit', () => {
    expect(recentOrdersLimit(undefined)).toBe(DEFAULT_RECENT_ORDERS);
    expect(recentOrdersLimit(null)).toBe(DEFAULT_RECENT_ORDERS);
    expect(recentOrdersLimit(3)).toBe(3);
    expect(recentOrdersLimit(-5)).toBe(0);
    expect(recentOrdersLimit(10_000)).toBe(MAX_RECENT_ORDERS);
  });

  const rows = [
    { id: 'o5', customerId: 'a' },
    { id: 'o4', customerId: 'b' },
    { id: 'o3', customerId: 'a' },
    { id: 'o2', customerId: 'a' },
    { id: 'o1', customerId: 'b' },
  ];

  it('groups newest-first rows by customer in the order asked, keeping the first `limit`', () => {
    const { groups, incomplete } = groupRecent(['b', 'c', 'a'], rows, 2, false);
    expect(groups.map((g) => g.map((r) => r.id))).toEqual([['o4', 'o1'], [], ['o5', 'o3']]);
    expect(incomplete).toEqual([]);
  });

  it('reports the customers left short when the query was cut by its cap', () => {
    const { incomplete } = groupRecent(['a', 'b', 'c'], rows, 3, true);
    expect(incomplete).toEqual(['b', 'c']);
  });
});
