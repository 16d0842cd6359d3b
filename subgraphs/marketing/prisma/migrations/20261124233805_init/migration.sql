-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "marketing";

-- CreateEnum
CREATE TYPE "PromotionKind" AS ENUM ('ITEM_SPECIAL', 'ORDER_AMOUNT_OFF', 'ORDER_PERCENT_OFF', 'ORDER_GIFT', 'BUY_N_GET_M');

-- CreateTable
CREATE TABLE "Promotion" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "kind" "PromotionKind" NOT NULL,
    "title" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL,
    "badge" TEXT NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "stackable" BOOLEAN NOT NULL DEFAULT false,
    "rules" JSONB NOT NULL,
    "levelIds" TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Promotion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PromotionTarget" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "promotionId" TEXT NOT NULL,
    "productId" TEXT,
    "skuId" TEXT,
    "brandId" TEXT,
    "categoryId" TEXT,

    CONSTRAINT "PromotionTarget_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CustomerProfile" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "levelId" TEXT NOT NULL,

    CONSTRAINT "CustomerProfile_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Promotion_tenantId_active_endsAt_idx" ON "Promotion"("tenantId", "active", "endsAt");

-- CreateIndex
CREATE INDEX "PromotionTarget_tenantId_productId_idx" ON "PromotionTarget"("tenantId", "productId");

-- CreateIndex
CREATE INDEX "PromotionTarget_tenantId_brandId_idx" ON "PromotionTarget"("tenantId", "brandId");

-- CreateIndex
CREATE INDEX "PromotionTarget_promotionId_idx" ON "PromotionTarget"("promotionId");

-- CreateIndex
CREATE UNIQUE INDEX "CustomerProfile_tenantId_customerId_key" ON "CustomerProfile"("tenantId", "customerId");

-- AddForeignKey
ALTER TABLE "PromotionTarget" ADD CONSTRAINT "PromotionTarget_promotionId_fkey" FOREIGN KEY ("promotionId") REFERENCES "Promotion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
