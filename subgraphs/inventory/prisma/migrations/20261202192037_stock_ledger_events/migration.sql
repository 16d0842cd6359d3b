-- DropIndex
DROP INDEX "StockMovement_tenantId_skuId_warehouseId_idx";

-- AlterTable
ALTER TABLE "StockMovement" ADD COLUMN     "inTransitAfter" INTEGER,
ADD COLUMN     "inTransitDelta" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "note" TEXT,
ADD COLUMN     "onHandAfter" INTEGER,
ADD COLUMN     "reason" TEXT,
ADD COLUMN     "staffId" TEXT;

-- AlterTable
ALTER TABLE "InventorySettings" ADD COLUMN     "countInTransit" BOOLEAN NOT NULL DEFAULT false;

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
CREATE INDEX "OutboxEvent_tenantId_aggregateType_aggregateId_idx" ON "OutboxEvent"("tenantId", "aggregateType", "aggregateId");

-- CreateIndex
CREATE INDEX "StockMovement_tenantId_skuId_warehouseId_createdAt_idx" ON "StockMovement"("tenantId", "skuId", "warehouseId", "createdAt");
