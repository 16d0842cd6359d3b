-- CreateEnum
CREATE TYPE "CouponKind" AS ENUM ('AMOUNT_OFF', 'PERCENT_OFF');

-- CreateEnum
CREATE TYPE "CouponStatus" AS ENUM ('AVAILABLE', 'RESERVED', 'USED', 'EXPIRED');

-- CreateTable
CREATE TABLE "CouponTemplate" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL,
    "kind" "CouponKind" NOT NULL,
    "offMinor" BIGINT,
    "percentOff" INTEGER,
    "maxOffMinor" BIGINT,
    "minSpendMinor" BIGINT NOT NULL DEFAULT 0,
    "validFrom" TIMESTAMP(3) NOT NULL,
    "validTo" TIMESTAMP(3) NOT NULL,
    "productIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "skuIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "brandIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "categoryIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "levelIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "customerIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "totalLimit" INTEGER,
    "perCustomerLimit" INTEGER NOT NULL DEFAULT 1,
    "issuedCount" INTEGER NOT NULL DEFAULT 0,
    "claimable" BOOLEAN NOT NULL DEFAULT true,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CouponTemplate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Coupon" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "templateId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "status" "CouponStatus" NOT NULL DEFAULT 'AVAILABLE',
    "validFrom" TIMESTAMP(3) NOT NULL,
    "validTo" TIMESTAMP(3) NOT NULL,
    "issuedBy" TEXT NOT NULL,
    "orderId" TEXT,
    "discountMinor" BIGINT,
    "reservedAt" TIMESTAMP(3),
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Coupon_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CouponRedemption" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "couponId" TEXT,
    "status" TEXT NOT NULL,
    "discountMinor" BIGINT NOT NULL,
    "answer" JSONB,
    "releaseReason" TEXT,
    "releasedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CouponRedemption_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CouponTemplate_tenantId_active_validTo_idx" ON "CouponTemplate"("tenantId", "active", "validTo");

-- CreateIndex
CREATE INDEX "Coupon_tenantId_customerId_status_idx" ON "Coupon"("tenantId", "customerId", "status");

-- CreateIndex
CREATE INDEX "Coupon_tenantId_templateId_customerId_idx" ON "Coupon"("tenantId", "templateId", "customerId");

-- CreateIndex
CREATE INDEX "Coupon_tenantId_orderId_idx" ON "Coupon"("tenantId", "orderId");

-- CreateIndex
CREATE UNIQUE INDEX "Coupon_tenantId_code_key" ON "Coupon"("tenantId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "CouponRedemption_tenantId_orderId_key" ON "CouponRedemption"("tenantId", "orderId");

-- AddForeignKey
ALTER TABLE "Coupon" ADD CONSTRAINT "Coupon_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "CouponTemplate"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Rules the code relies on (hand SQL)
ALTER TABLE "CouponRedemption" ADD CONSTRAINT "CouponRedemption_status_check"
  CHECK ("status" IN ('PENDING', 'REDEEMED', 'REFUSED', 'RELEASED'));
ALTER TABLE "CouponTemplate" ADD CONSTRAINT "CouponTemplate_issued_check"
  CHECK ("issuedCount" >= 0 AND ("totalLimit" IS NULL OR "issuedCount" <= "totalLimit"));
ALTER TABLE "Coupon" ADD CONSTRAINT "Coupon_order_check"
  CHECK (("status" IN ('RESERVED', 'USED')) = ("orderId" IS NOT NULL));

-- read_changed triggers of the new tables (see 20261203151000_read_changed_triggers)
CREATE TRIGGER read_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "CouponTemplate" FOR EACH STATEMENT EXECUTE FUNCTION notify_read_changed();
CREATE TRIGGER read_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Coupon" FOR EACH STATEMENT EXECUTE FUNCTION notify_read_changed();
CREATE TRIGGER read_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "CouponRedemption" FOR EACH STATEMENT EXECUTE FUNCTION notify_read_changed();
