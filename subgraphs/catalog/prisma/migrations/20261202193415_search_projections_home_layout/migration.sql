-- AlterTable
ALTER TABLE "Brand" ADD COLUMN     "pinyin" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "Category" ADD COLUMN     "pinyin" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "CustomerProfile" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "levelId" TEXT,
    "warehouseId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'ACTIVE',
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CustomerProfile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SkuStock" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "skuId" TEXT NOT NULL,
    "warehouseId" TEXT NOT NULL,
    "available" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "SkuStock_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SkuWholesalePrice" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "skuId" TEXT NOT NULL,
    "wholesaleMinor" BIGINT,

    CONSTRAINT "SkuWholesalePrice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProductRanking" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "minWholesaleMinor" BIGINT,
    "soldQuantity" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "ProductRanking_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CountedOrder" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,

    CONSTRAINT "CountedOrder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HomeLayout" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "layout" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HomeLayout_pkey" PRIMARY KEY ("id")
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
CREATE UNIQUE INDEX "CustomerProfile_tenantId_customerId_key" ON "CustomerProfile"("tenantId", "customerId");

-- CreateIndex
CREATE INDEX "SkuStock_tenantId_warehouseId_available_idx" ON "SkuStock"("tenantId", "warehouseId", "available");

-- CreateIndex
CREATE UNIQUE INDEX "SkuStock_tenantId_skuId_warehouseId_key" ON "SkuStock"("tenantId", "skuId", "warehouseId");

-- CreateIndex
CREATE UNIQUE INDEX "SkuWholesalePrice_tenantId_skuId_key" ON "SkuWholesalePrice"("tenantId", "skuId");

-- CreateIndex
CREATE INDEX "ProductRanking_tenantId_soldQuantity_idx" ON "ProductRanking"("tenantId", "soldQuantity");

-- CreateIndex
CREATE UNIQUE INDEX "ProductRanking_tenantId_productId_key" ON "ProductRanking"("tenantId", "productId");

-- CreateIndex
CREATE UNIQUE INDEX "CountedOrder_tenantId_orderId_key" ON "CountedOrder"("tenantId", "orderId");

-- CreateIndex
CREATE UNIQUE INDEX "HomeLayout_tenantId_key" ON "HomeLayout"("tenantId");

-- CreateIndex
CREATE INDEX "OutboxEvent_tenantId_aggregateType_aggregateId_idx" ON "OutboxEvent"("tenantId", "aggregateType", "aggregateId");

-- CreateIndex
CREATE INDEX "SaleUnit_tenantId_barcode_idx" ON "SaleUnit"("tenantId", "barcode");
