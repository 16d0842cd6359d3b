import { z } from '@wholesail/platform';

/** Integer fen as a decimal string ("12345"). */
const fen = z.string().regex(/^\d{1,15}$/, 'integer fen as a decimal string');

/** Input of `applyPromotions` (orders' quote). */
export const applyPromotionsInput = z.object({
  customerId: z.string().min(1),
  levelId: z
    .string()
    .nullish()
    .transform((v) => v || null),
  couponCode: z.string().nullish(),
  lines: z
    .array(
      z.object({
        skuId: z.string().min(1),
        productId: z.string().min(1),
        /** null / absent for a product without a brand */
        brandId: z
          .string()
          .nullish()
          .transform((v) => v ?? ''),
        categoryIds: z.array(z.string()).default([]),
        quantity: z.number().int().nonnegative(),
        amount: fen,
      }),
    )
    .max(500),
});
export type ApplyPromotionsInput = z.infer<typeof applyPromotionsInput>;

export interface ApplyPromotionsAnswer {
  /** fen: the order-level promotions and the coupon together */
  discount: string;
  applied: { promotionId: string; kind: string; title: string; titleEn: string; discount: string }[];
  gifts: { skuId: string; quantity: number; promotionId: string; unit: string | null }[];
  coupon: null | {
    code: string;
    discount: string;
    ok: boolean;
    reason: string | null;
    message: string | null;
    templateId: string | null;
    title: string | null;
  };
  /** each line's share of `discount`, in the order of the input lines (fen) */
  lineDiscounts: string[];
}

export const redeemCouponInput = z.object({
  orderId: z.string().min(1),
  customerId: z.string().min(1),
  code: z.string().min(1).max(64),
  discount: fen,
});
export type RedeemCouponInput = z.infer<typeof redeemCouponInput>;

export type RedeemAnswer =
  | { kind: 'REDEEMED'; code: string; discount: string }
  | { kind: 'COUPON_UNAVAILABLE'; reason: string; message: string };

export const releaseCouponInput = z.object({
  orderId: z.string().min(1),
  reason: z.string().max(500).nullish(),
});

export type ReleaseAnswer = { kind: 'RELEASED' };

/** Coupon codes are kept upper case; what a store types may be in any case, with spaces around. */
export function normaliseCode(code: string): string {
  return code.trim().toUpperCase();
}
