import {
  appendEvents,
  forbidden,
  type RequestContext,
  requireTenantId,
  ValidationError,
} from '@wholesail/platform';
import { builder } from '../builder';
import { db } from '../db';
import { canTransition, type OrderStatus } from '../domain/order-status';
import { nextReviewStage } from '../domain/quote';
import { releaseAll } from '../services/place-order';
import { OrderRef } from './order';

const REVIEWERS = ['BOSS', 'OFFICE', 'FINANCE'] as const;

function actorOf(ctx: RequestContext): { kind: string; id: string } {
  const v = ctx.viewer;
  if (v.kind === 'staff') return { kind: 'staff', id: v.staffId };
  if (v.kind === 'customer') return { kind: 'customer', id: v.customerUserId };
  throw forbidden();
}

/**
 * Moves an order from one status to another with its timeline entry and events, in one
 * transaction, only if it is still in a status that allows it (a concurrent change wins once).
 */
async function transition(
  ctx: RequestContext,
  orderId: string,
  to: OrderStatus,
  options: { type: string; reason?: string; allowedFrom?: readonly OrderStatus[]; eventType: string },
) {
  const tenantId = requireTenantId();
  const actor = actorOf(ctx);
  return db().$transaction(async (tx) => {
    const order = await tx.order.findFirst({ where: { id: orderId } });
    if (!order || (ctx.viewer.kind === 'customer' && order.customerId !== ctx.viewer.customerId))
      throw new ValidationError(
        '订单不存在 (no such order)',
        [{ field: 'id', message: '订单不存在 (no such order)' }],
        'NOT_FOUND',
      );
    const from = order.status as OrderStatus;
    if (!canTransition(from, to) || (options.allowedFrom && !options.allowedFrom.includes(from)))
      throw new ValidationError(
        `订单状态为 ${from}，不能${options.type === 'CANCELLED' ? '取消' : '变更'} (an order in ${from} cannot go to ${to})`,
        [{ field: 'id', message: `an order in ${from} cannot go to ${to}` }],
        'ILLEGAL_TRANSITION',
      );
    const moved = await tx.order.updateMany({
      where: { id: orderId, status: order.status, version: order.version },
      data: { status: to, version: { increment: 1 }, ...(to === 'APPROVED' ? { reviewStage: 'DONE' } : {}) },
    });
    if (moved.count !== 1)
      throw new ValidationError(
        '订单刚被他人修改，请刷新 (the order just changed: reload it)',
        [],
        'CONFLICT',
      );
    await tx.orderEvent.create({
      data: {
        orderId,
        type: options.type,
        fromStatus: from,
        toStatus: to,
        actorKind: actor.kind,
        actorId: actor.id,
        note: options.reason ?? '',
      } as never,
    });
    const base = { orderId, customerId: order.customerId };
    await appendEvents(tx, 'orders', [
      {
        tenantId,
        aggregateType: 'Order',
        aggregateId: orderId,
        type: options.eventType,
        version: 1,
        payload: { ...base, total: order.totalMinor.toString(), reason: options.reason ?? null, by: actor },
      },
      {
        tenantId,
        aggregateType: 'Order',
        aggregateId: orderId,
        type: 'OrderStatusChanged',
        version: 1,
        payload: { ...base, from, to, orderVersion: order.version + 1 },
      },
    ]);
    return tx.order.findUniqueOrThrow({ where: { id: orderId } });
  });
}

/** 业务审核 passed, 财务审核 next: the order stays SUBMITTED, the timeline says who reviewed. */
async function reviewStep(ctx: RequestContext, orderId: string, version: number) {
  const actor = actorOf(ctx);
  return db().$transaction(async (tx) => {
    const moved = await tx.order.updateMany({
      where: { id: orderId, status: 'SUBMITTED', reviewStage: 'BUSINESS', version },
      data: { reviewStage: 'FINANCE', version: { increment: 1 } },
    });
    if (moved.count !== 1)
      throw new ValidationError(
        '订单刚被他人修改，请刷新 (the order just changed: reload it)',
        [],
        'CONFLICT',
      );
    await tx.orderEvent.create({
      data: { orderId, type: 'BUSINESS_APPROVED', actorKind: actor.kind, actorId: actor.id } as never,
    });
    return tx.order.findUniqueOrThrow({ where: { id: orderId } });
  });
}

const reasonProblems = (reason: string) =>
  reason.trim().length === 0 || reason.length > 500
    ? [{ field: 'reason', message: '请填写原因（最多 500 字） (give a reason, at most 500 characters)' }]
    : [];

builder.mutationFields((t) => ({
  approveOrder: t.field({
    type: OrderRef,
    description:
      'Review a submitted order (审核). One step: office, finance or the boss approve it. Two steps (tenant setting): office or the boss first (业务审核), then finance or the boss (财务审核). An order with a price below the level price needs approvePrices by the boss first.',
    authScopes: { role: [...REVIEWERS] },
    errors: { types: [ValidationError] },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const id = String(args.id);
      const order = await db().order.findFirst({ where: { id } });
      if (!order)
        throw new ValidationError(
          '订单不存在 (no such order)',
          [{ field: 'id', message: 'no such order' }],
          'NOT_FOUND',
        );
      if (order.status === 'SUBMITTED' && order.priceApproval === 'PENDING')
        throw new ValidationError(
          '订单含低于等级价的价格，需老板先审批特价 (prices below the level price wait for the boss)',
          [],
          'PRICE_APPROVAL_PENDING',
        );
      const settings = await db().orderSettings.findFirst();
      const roles = ctx.viewer.kind === 'staff' ? ctx.viewer.roles : [];
      const stage = order.reviewStage;
      const steps = settings?.reviewSteps ?? 1;
      if (order.status === 'SUBMITTED' && steps >= 2) {
        const may = stage === 'FINANCE' ? ['FINANCE', 'BOSS'] : ['OFFICE', 'BOSS'];
        if (!roles.some((r) => may.includes(r)))
          throw new ValidationError(
            stage === 'FINANCE'
              ? '需财务审核 (finance reviews this step)'
              : '需业务审核 (office reviews this step)',
            [],
            'WRONG_REVIEWER',
          );
        if (nextReviewStage(stage, steps) === 'FINANCE') return reviewStep(ctx, order.id, order.version);
      }
      return transition(ctx, id, 'APPROVED', { type: 'APPROVED', eventType: 'OrderApproved' });
    },
  }),
  approvePrices: t.field({
    type: OrderRef,
    description: 'The boss approves the prices below the level price of an order on behalf (特价审批).',
    authScopes: { role: ['BOSS'] },
    errors: { types: [ValidationError] },
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const id = String(args.id);
      const moved = await db().order.updateMany({
        where: { id, status: 'SUBMITTED', priceApproval: 'PENDING' },
        data: { priceApproval: 'APPROVED', version: { increment: 1 } },
      });
      if (moved.count !== 1)
        throw new ValidationError('没有待审批的特价 (no prices wait for approval)', [], 'NOTHING_TO_APPROVE');
      const actor = actorOf(ctx);
      await db().orderEvent.create({
        data: { orderId: id, type: 'PRICES_APPROVED', actorKind: actor.kind, actorId: actor.id } as never,
      });
      return db().order.findUniqueOrThrow({ where: { id } });
    },
  }),
  rejectOrder: t.field({
    type: OrderRef,
    description: 'Reject a submitted order with a reason; its credit and stock are released.',
    authScopes: { role: [...REVIEWERS] },
    errors: { types: [ValidationError] },
    args: { id: t.arg.id({ required: true }), reason: t.arg.string({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const problems = reasonProblems(args.reason);
      if (problems.length) throw new ValidationError(problems[0]!.message, problems);
      const order = await transition(ctx, String(args.id), 'REJECTED', {
        type: 'REJECTED',
        reason: args.reason,
        eventType: 'OrderRejected',
      });
      await releaseAll(order.id, 'rejected');
      return order;
    },
  }),
  cancelOrder: t.field({
    type: OrderRef,
    description: 'The store before approval, staff any time before shipping; credit and stock are released.',
    authScopes: { authenticated: true },
    errors: { types: [ValidationError] },
    args: { id: t.arg.id({ required: true }), reason: t.arg.string({ required: true }) },
    resolve: async (_root, args, ctx) => {
      const problems = reasonProblems(args.reason);
      if (problems.length) throw new ValidationError(problems[0]!.message, problems);
      if (ctx.viewer.kind !== 'customer' && ctx.viewer.kind !== 'staff') throw forbidden();
      const order = await transition(ctx, String(args.id), 'CANCELLED', {
        type: 'CANCELLED',
        reason: args.reason,
        eventType: 'OrderCancelled',
        allowedFrom: ctx.viewer.kind === 'customer' ? ['SUBMITTED'] : undefined,
      });
      await releaseAll(order.id, 'cancelled');
      return order;
    },
  }),
}));
