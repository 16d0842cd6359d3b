import type { InternalCommands } from '@wholesail/platform';
import { applyPromotionsCommand, redeemCoupon, releaseCoupon } from './coupons';
import {
  type ApplyPromotionsInput,
  applyPromotionsInput,
  type RedeemCouponInput,
  redeemCouponInput,
  releaseCouponInput,
} from './domain/commands';

/**
 * Commands orders sends marketing (POST /internal/<name>, service tokens, the caller's tenant),
 * the contract of issue 4; see docs/api.md "Marketing".
 */
export const internal: InternalCommands = {
  /** read only: the order-level promotions, gifts and the coupon for a quote */
  applyPromotions: {
    input: applyPromotionsInput,
    handle: (input: ApplyPromotionsInput) => applyPromotionsCommand(input),
  },
  /** holds a coupon for an order; idempotent per orderId, one order per single-use coupon */
  redeemCoupon: {
    input: redeemCouponInput,
    handle: (input: RedeemCouponInput) => redeemCoupon(input),
  },
  /** puts an order's coupon back; idempotent, fine for an order that redeemed nothing */
  releaseCoupon: {
    input: releaseCouponInput,
    handle: (input: { orderId: string; reason?: string | null }) =>
      releaseCoupon(input.orderId, input.reason ?? null),
  },
};
