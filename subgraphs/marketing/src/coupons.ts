/**
 * The apply side of promotions and coupons, as commands orders calls (issue 4):
 * applyPromotions (quote), redeemCoupon / releaseCoupon (placeOrder), and what the orders
 * consumer does with OrderPlaced (USED) and OrderCancelled / OrderRejected (released).
 *
 * Concurrency: redeemCoupon first claims the order's CouponRedemption row (INSERT .. ON
 * CONFLICT DO NOTHING on (tenantId, orderId), so a concurrent twin waits and then reads the
 * first answer), then takes the coupon with one conditional UPDATE .. WHERE status =
 * 'AVAILABLE': of many orders racing for one coupon exactly one row update succeeds. Release
 * locks the redemption row first, then touches the coupon, the same order as redeem.
 */
import { randomUUID } from 'node:crypto';
import { requireTenantId } from '@wholesail/platform';
import type { Prisma } from '../generated/prisma/client';
import { db } from './db';
import { applyPromotions, type OrderLine } from './domain/apply';
import {
  type ApplyPromotionsAnswer,
  type ApplyPromotionsInput,
  normaliseCode,
  type RedeemAnswer,
  type RedeemCouponInput,
  type ReleaseAnswer,
} from './domain/commands';
import {
  type CouponRefusal,
  type CouponStatus,
  couponDiscount,
  REFUSAL_MESSAGES,
  usable,
} from './domain/coupon';
import { parseRules } from './domain/rules';

export type Tx = Prisma.TransactionClient;
const TX_OPTIONS = { maxWait: 15_000, timeout: 20_000 };

// --- applyPromotions ---------------------------------------------------------------------------

export async function applyPromotionsCommand(
  input: ApplyPromotionsInput,
  now = new Date(),
): Promise<ApplyPromotionsAnswer> {
  const lines: OrderLine[] = input.lines.map((l) => ({ ...l, amount: BigInt(l.amount) }));
  const code = input.couponCode ? normaliseCode(input.couponCode) : '';
  const [promotions, coupon] = await Promise.all([
    db().promotion.findMany({
      where: { active: true, startsAt: { lte: now }, endsAt: { gt: now }, kind: { not: 'ITEM_SPECIAL' } },
      include: { targets: true },
    }),
    code ? db().coupon.findFirst({ where: { code }, include: { template: true } }) : Promise.resolve(null),
  ]);
  // list prices of the 满赠 gifts, to weigh them against amounts off
  const giftSkus = new Set<string>();
  for (const p of promotions) {
    const parsed = parseRules(p.kind, p.rules);
    if (parsed?.kind === 'ORDER_GIFT') for (const t of parsed.rules.tiers) giftSkus.add(t.giftSkuId);
  }
  const prices = giftSkus.size
    ? new Map(
        (await db().skuReferencePrice.findMany({ where: { skuId: { in: [...giftSkus] } } })).map((r) => [
          r.skuId,
          r.wholesaleMinor,
        ]),
      )
    : new Map<string, bigint | null>();
  const outcome = applyPromotions(
    promotions,
    lines,
    { customerId: input.customerId, levelId: input.levelId },
    now,
    (skuId) => prices.get(skuId) ?? null,
  );

  let couponAnswer: ApplyPromotionsAnswer['coupon'] = null;
  let couponShares = lines.map(() => 0n);
  if (code) {
    const refuse = (reason: CouponRefusal) => ({
      code,
      discount: '0',
      ok: false,
      reason,
      message: REFUSAL_MESSAGES[reason],
      templateId: coupon?.templateId ?? null,
      title: coupon?.template.title ?? null,
    });
    const refusal = coupon ? usable(coupon, input.customerId, now) : 'NOT_FOUND';
    if (refusal || !coupon) couponAnswer = refuse(refusal ?? 'NOT_FOUND');
    else {
      const result = couponDiscount(coupon.template, lines, outcome.lineDiscounts);
      if (!result.ok) couponAnswer = refuse(result.reason);
      else {
        couponShares = result.lineShares;
        couponAnswer = {
          code,
          discount: String(result.discount),
          ok: true,
          reason: null,
          message: null,
          templateId: coupon.templateId,
          title: coupon.template.title,
        };
      }
    }
  }
  const lineDiscounts = outcome.lineDiscounts.map((d, i) => d + couponShares[i]!);
  return {
    discount: String(lineDiscounts.reduce((a, b) => a + b, 0n)),
    applied: outcome.applied.map((a) => ({
      promotionId: a.promotionId,
      kind: a.kind,
      title: a.title,
      titleEn: a.titleEn,
      discount: String(a.discount),
    })),
    gifts: outcome.gifts,
    coupon: couponAnswer,
    lineDiscounts: lineDiscounts.map(String),
  };
}

// --- redeemCoupon ------------------------------------------------------------------------------

interface RedemptionRow {
  id: string;
  status: 'PENDING' | 'REDEEMED' | 'REFUSED' | 'RELEASED';
  couponId: string | null;
  answer: unknown;
}

async function lockRedemption(tx: Tx, tenantId: string, orderId: string) {
  const [row] = await tx.$queryRaw<RedemptionRow[]>`
    SELECT "id", "status", "couponId", "answer" FROM "marketing"."CouponRedemption"
    WHERE "tenantId" = ${tenantId} AND "orderId" = ${orderId} FOR UPDATE`;
  return row;
}

function unavailable(reason: CouponRefusal): RedeemAnswer {
  return { kind: 'COUPON_UNAVAILABLE', reason, message: REFUSAL_MESSAGES[reason] };
}

function repeatAnswer(row: RedemptionRow): RedeemAnswer {
  if (row.status === 'RELEASED' && !row.answer) return unavailable('RELEASED');
  if (row.status === 'RELEASED' && (row.answer as RedeemAnswer).kind === 'REDEEMED')
    return unavailable('RELEASED');
  return row.answer as RedeemAnswer;
}

/**
 * Holds the customer's coupon for an order (RESERVED; USED once the order is placed). Exactly
 * one of many orders racing for a coupon gets it; a repeat for the same order answers the same.
 */
export async function redeemCoupon(input: RedeemCouponInput, now = new Date()): Promise<RedeemAnswer> {
  const tenantId = requireTenantId();
  const code = normaliseCode(input.code);
  const discount = BigInt(input.discount);
  return db().$transaction(async (tx) => {
    const claimed = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO "marketing"."CouponRedemption"
        ("id", "tenantId", "orderId", "customerId", "code", "status", "discountMinor", "updatedAt")
      VALUES (${`crd_${randomUUID()}`}, ${tenantId}, ${input.orderId}, ${input.customerId}, ${code},
        'PENDING', ${discount}, now())
      ON CONFLICT ("tenantId", "orderId") DO NOTHING RETURNING "id"`;
    if (!claimed[0]) {
      const row = await lockRedemption(tx, tenantId, input.orderId);
      if (!row) throw new Error(`coupon redemption of ${input.orderId} vanished`);
      return repeatAnswer(row);
    }
    const id = claimed[0].id;
    const taken = await tx.$queryRaw<{ id: string }[]>`
      UPDATE "marketing"."Coupon"
      SET "status" = 'RESERVED', "orderId" = ${input.orderId}, "discountMinor" = ${discount},
        "reservedAt" = ${now}, "updatedAt" = now()
      WHERE "tenantId" = ${tenantId} AND "code" = ${code} AND "customerId" = ${input.customerId}
        AND "status" = 'AVAILABLE' AND "validFrom" <= ${now} AND "validTo" > ${now}
      RETURNING "id"`;
    let answer: RedeemAnswer;
    let couponId: string | null = null;
    if (taken[0]) {
      couponId = taken[0].id;
      answer = { kind: 'REDEEMED', code, discount: String(discount) };
    } else {
      const coupon = await tx.coupon.findFirst({ where: { code } });
      couponId = coupon?.id ?? null;
      answer = unavailable(
        (coupon && usable(coupon, input.customerId, now)) || (coupon ? 'IN_USE' : 'NOT_FOUND'),
      );
    }
    await tx.couponRedemption.update({
      where: { id },
      data: {
        status: answer.kind === 'REDEEMED' ? 'REDEEMED' : 'REFUSED',
        couponId,
        answer: answer as unknown as Prisma.InputJsonObject,
      },
    });
    return answer;
  }, TX_OPTIONS);
}

// --- releaseCoupon, confirm --------------------------------------------------------------------

/**
 * Puts the order's coupon back (AVAILABLE, or EXPIRED past its end). Idempotent; an order that
 * redeemed nothing is fine, and a redeem that arrives after the release is refused (RELEASED).
 */
export async function releaseCouponIn(
  tx: Tx,
  orderId: string,
  reason: string | null,
  now = new Date(),
): Promise<ReleaseAnswer> {
  const tenantId = requireTenantId();
  const done: ReleaseAnswer = { kind: 'RELEASED' };
  const tomb = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO "marketing"."CouponRedemption"
      ("id", "tenantId", "orderId", "customerId", "code", "status", "discountMinor", "releaseReason", "releasedAt", "updatedAt")
    VALUES (${`crd_${randomUUID()}`}, ${tenantId}, ${orderId}, '', '', 'RELEASED', 0, ${reason}, ${now}, now())
    ON CONFLICT ("tenantId", "orderId") DO NOTHING RETURNING "id"`;
  if (tomb[0]) return done;
  const row = await lockRedemption(tx, tenantId, orderId);
  if (row?.status !== 'REDEEMED') return done;
  if (row.couponId)
    await tx.$executeRaw`
      UPDATE "marketing"."Coupon"
      SET "status" = (CASE WHEN "validTo" > ${now} THEN 'AVAILABLE' ELSE 'EXPIRED' END)::"marketing"."CouponStatus",
        "orderId" = NULL, "discountMinor" = NULL, "reservedAt" = NULL, "usedAt" = NULL, "updatedAt" = now()
      WHERE "tenantId" = ${tenantId} AND "id" = ${row.couponId} AND "orderId" = ${orderId}`;
  await tx.couponRedemption.update({
    where: { id: row.id },
    data: { status: 'RELEASED', releaseReason: reason, releasedAt: now },
  });
  return done;
}

export function releaseCoupon(orderId: string, reason: string | null): Promise<ReleaseAnswer> {
  return db().$transaction((tx) => releaseCouponIn(tx, orderId, reason), TX_OPTIONS);
}

/** The order was placed: its held coupon is used. */
export async function confirmCouponIn(tx: Tx, orderId: string, now = new Date()): Promise<void> {
  const tenantId = requireTenantId();
  await tx.$executeRaw`
    UPDATE "marketing"."Coupon" SET "status" = 'USED', "usedAt" = ${now}, "updatedAt" = now()
    WHERE "tenantId" = ${tenantId} AND "orderId" = ${orderId} AND "status" = 'RESERVED'`;
}

export type { CouponStatus };
