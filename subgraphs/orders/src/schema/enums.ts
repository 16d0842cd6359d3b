import { builder } from '../builder';
import { ORDER_STATUSES } from '../domain/order-status';

export const OrderStatusEnum = builder.enumType('OrderStatus', {
  description:
    'Where an order is in its life: SUBMITTED -> APPROVED -> PICKING -> PACKED -> SHIPPED -> DELIVERED -> COMPLETED; ' +
    'CANCELLED before shipping, REJECTED at review.',
  values: ORDER_STATUSES,
});

export const OrderChannelEnum = builder.enumType('OrderChannel', {
  description: 'Who placed the order: the store itself, a sales rep, the office, or a guest.',
  values: ['SELF_SERVICE', 'SALES_REP', 'OFFICE', 'GUEST'] as const,
});
