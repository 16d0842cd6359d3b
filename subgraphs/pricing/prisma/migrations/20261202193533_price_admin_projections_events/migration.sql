-- AlterTable
ALTER TABLE "CustomerPriceProfile" ADD COLUMN     "code" TEXT,
ADD COLUMN     "name" TEXT,
ADD COLUMN     "ownerRepId" TEXT,
ADD COLUMN     "status" TEXT;

-- CreateTable
CREATE TABLE "PriceLevel" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "levelId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "rank" INTEGER NOT NULL,

    CONSTRAINT "PriceLevel_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SkuRef" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "skuId" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "baseUnit" TEXT NOT NULL,
    "unitNames" TEXT[],
    "unitFactors" INTEGER[],
    "onShelf" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "SkuRef_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboxEvent" (
    "position" BIGSERIAL NOT NULL,
    "tenantId" TEXT NOT NULL,
    "aggregateType" TEXT NOT NULL,
    "aggregateId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "payload" JSONB NOT NULL,
    "occurredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OutboxEvent_pkey" PRIMARY KEY ("position")
);

-- CreateTable
CREATE TABLE "EventCursor" (
    "consumer" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "position" BIGINT NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EventCursor_pkey" PRIMARY KEY ("consumer","source")
);

-- CreateIndex
CREATE INDEX "PriceLevel_tenantId_code_idx" ON "PriceLevel"("tenantId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "PriceLevel_tenantId_levelId_key" ON "PriceLevel"("tenantId", "levelId");

-- CreateIndex
CREATE INDEX "SkuRef_tenantId_code_idx" ON "SkuRef"("tenantId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "SkuRef_tenantId_skuId_key" ON "SkuRef"("tenantId", "skuId");

-- CreateIndex
CREATE INDEX "OutboxEvent_tenantId_aggregateType_aggregateId_idx" ON "OutboxEvent"("tenantId", "aggregateType", "aggregateId");

-- CreateIndex
CREATE UNIQUE INDEX "VolumeTier_tenantId_skuId_unit_minQuantity_key" ON "VolumeTier"("tenantId", "skuId", "unit", "minQuantity");

-- CreateIndex
CREATE INDEX "CustomerPriceProfile_tenantId_code_idx" ON "CustomerPriceProfile"("tenantId", "code");
