-- AlterTable
ALTER TABLE "StockMovement" ADD COLUMN     "reservedAfter" INTEGER,
ADD COLUMN     "reservedDelta" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "InventorySettings" ADD COLUMN     "allowBackorder" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "reservationHoldSeconds" INTEGER NOT NULL DEFAULT 120;

-- CreateTable
CREATE TABLE "ReservationRequest" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "customerId" TEXT,
    "warehouseId" TEXT,
    "status" TEXT NOT NULL,
    "answer" JSONB,
    "releaseAnswer" JSONB,
    "releaseReason" TEXT,
    "expiresAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReservationRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StockReservation" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "skuId" TEXT NOT NULL,
    "warehouseId" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3),
    "releaseReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StockReservation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SkuRef" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "skuId" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "code" TEXT NOT NULL,

    CONSTRAINT "SkuRef_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WarehouseRef" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "warehouseId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "WarehouseRef_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ReservationRequest_status_expiresAt_idx" ON "ReservationRequest"("status", "expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "ReservationRequest_tenantId_orderId_key" ON "ReservationRequest"("tenantId", "orderId");

-- CreateIndex
CREATE INDEX "StockReservation_tenantId_skuId_warehouseId_status_idx" ON "StockReservation"("tenantId", "skuId", "warehouseId", "status");

-- CreateIndex
CREATE INDEX "StockReservation_tenantId_status_createdAt_idx" ON "StockReservation"("tenantId", "status", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "StockReservation_tenantId_orderId_skuId_warehouseId_key" ON "StockReservation"("tenantId", "orderId", "skuId", "warehouseId");

-- CreateIndex
CREATE UNIQUE INDEX "SkuRef_tenantId_skuId_key" ON "SkuRef"("tenantId", "skuId");

-- CreateIndex
CREATE UNIQUE INDEX "WarehouseRef_tenantId_warehouseId_key" ON "WarehouseRef"("tenantId", "warehouseId");

-- Statuses (hand SQL: plain text columns, checked here)
ALTER TABLE "ReservationRequest" ADD CONSTRAINT "ReservationRequest_status_check"
  CHECK ("status" IN ('HELD', 'CONFIRMED', 'RELEASED', 'REFUSED', 'CONSUMED'));
ALTER TABLE "StockReservation" ADD CONSTRAINT "StockReservation_status_check"
  CHECK ("status" IN ('HELD', 'CONFIRMED', 'RELEASED', 'CONSUMED'));
ALTER TABLE "StockReservation" ADD CONSTRAINT "StockReservation_quantity_check" CHECK ("quantity" > 0);

-- read_changed triggers of the new tables (see 20261203151000_read_changed_triggers)
CREATE TRIGGER read_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ReservationRequest" FOR EACH STATEMENT EXECUTE FUNCTION notify_read_changed();
CREATE TRIGGER read_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "StockReservation" FOR EACH STATEMENT EXECUTE FUNCTION notify_read_changed();
CREATE TRIGGER read_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "SkuRef" FOR EACH STATEMENT EXECUTE FUNCTION notify_read_changed();
CREATE TRIGGER read_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "WarehouseRef" FOR EACH STATEMENT EXECUTE FUNCTION notify_read_changed();
