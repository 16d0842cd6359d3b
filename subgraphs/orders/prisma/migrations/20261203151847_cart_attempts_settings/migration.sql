-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "couponCode" TEXT,
ADD COLUMN     "discountMinor" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN     "subtotalMinor" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "warehouseId" TEXT;

-- CreateTable
CREATE TABLE "Cart" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Cart_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CartLine" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "cartId" TEXT NOT NULL,
    "skuId" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "addedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CartLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrderAttempt" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "result" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OrderAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrderSettings" (
    "tenantId" TEXT NOT NULL,
    "reviewSteps" INTEGER NOT NULL DEFAULT 1,
    "autoApproveLevelIds" TEXT[],
    "autoApproveBelowMinor" BIGINT,
    "windowStart" TEXT,
    "windowEnd" TEXT,
    "timeZone" TEXT NOT NULL DEFAULT 'Asia/Shanghai',
    "minimumAmountMinor" BIGINT NOT NULL DEFAULT 0,
    "minimumQuantity" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "OrderSettings_pkey" PRIMARY KEY ("tenantId")
);

-- CreateTable
CREATE TABLE "RouteOrderingWindow" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "routeId" TEXT NOT NULL,
    "windowStart" TEXT NOT NULL,
    "windowEnd" TEXT NOT NULL,

    CONSTRAINT "RouteOrderingWindow_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LevelMinimum" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "levelId" TEXT NOT NULL,
    "minimumAmountMinor" BIGINT NOT NULL DEFAULT 0,
    "minimumQuantity" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "LevelMinimum_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Cart_tenantId_customerId_key" ON "Cart"("tenantId", "customerId");

-- CreateIndex
CREATE UNIQUE INDEX "CartLine_cartId_skuId_unit_key" ON "CartLine"("cartId", "skuId", "unit");

-- CreateIndex
CREATE INDEX "OrderAttempt_state_updatedAt_idx" ON "OrderAttempt"("state", "updatedAt");

-- CreateIndex
CREATE UNIQUE INDEX "OrderAttempt_tenantId_idempotencyKey_key" ON "OrderAttempt"("tenantId", "idempotencyKey");

-- CreateIndex
CREATE UNIQUE INDEX "RouteOrderingWindow_tenantId_routeId_key" ON "RouteOrderingWindow"("tenantId", "routeId");

-- CreateIndex
CREATE UNIQUE INDEX "LevelMinimum_tenantId_levelId_key" ON "LevelMinimum"("tenantId", "levelId");

-- AddForeignKey
ALTER TABLE "CartLine" ADD CONSTRAINT "CartLine_cartId_fkey" FOREIGN KEY ("cartId") REFERENCES "Cart"("id") ON DELETE CASCADE ON UPDATE CASCADE;
