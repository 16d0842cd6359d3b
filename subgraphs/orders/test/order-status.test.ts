import {
  canTransition,
  isTerminal,
  nextStatuses,
  ORDER_STATUSES,
  type OrderStatus,
} from '../src/domain/order-status';

const ALLOWED: Record<OrderStatus, OrderStatus[]> = {
  SUBMITTED: ['APPROVED', 'CANCELLED', 'REJECTED'],
  APPROVED: ['PICKING', 'CANCELLED'],
  PICKING: ['PACKED', 'CANCELLED'],
  PACKED: ['SHIPPED', 'CANCELLED'],
  SHIPPED: ['DELIVERED'],
  DELIVERED: ['COMPLETED'],
  COMPLETED: [],
  CANCELLED: [],
  REJECTED: [],
};

const pairs = ORDER_STATUSES.flatMap((from) =>
  ORDER_STATUSES.map((to) => [from, to, ALLOWED[from].includes(to)] as const),
);

describe('the order state machine', () => {
  it('knows the nine statuses', () => {
    expect([...ORDER_STATUSES].sort()).toEqual(Object.keys(ALLOWED).sort());
    expect(pairs).toHaveLength(81);
  });

  it.each(pairs)('%s -> %s allowed: %s', (from, to, allowed) => {
    expect(canTransition(from, to)).toBe(allowed);
  });

  it('lists the next statuses of each status', () => {
    for (const status of ORDER_STATUSES)
      expect([...nextStatuses(status)].sort()).toEqual([...ALLOWED[status]].sort());
  });

  it('never moves an order back to where it was, nor stays in place', () => {
    for (const status of ORDER_STATUSES) expect(canTransition(status, status)).toBe(false);
  });

  it('has exactly three terminal statuses', () => {
    expect(ORDER_STATUSES.filter(isTerminal)).toEqual(['COMPLETED', 'CANCELLED', 'REJECTED']);
  });
});
