-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "pricing";

-- CreateTable
CREATE TABLE "SkuPrice" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "skuId" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "wholesaleMinor" BIGINT NOT NULL,
    "retailMinor" BIGINT NOT NULL,

    CONSTRAINT "SkuPrice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LevelPrice" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "skuId" TEXT NOT NULL,
    "levelId" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "priceMinor" BIGINT NOT NULL,

    CONSTRAINT "LevelPrice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CustomerPrice" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "skuId" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "priceMinor" BIGINT NOT NULL,

    CONSTRAINT "CustomerPrice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LastSalePrice" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "skuId" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "priceMinor" BIGINT NOT NULL,
    "soldAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LastSalePrice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VolumeTier" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "skuId" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "minQuantity" INTEGER NOT NULL,
    "priceMinor" BIGINT NOT NULL,

    CONSTRAINT "VolumeTier_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CustomerPriceProfile" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "levelId" TEXT NOT NULL,

    CONSTRAINT "CustomerPriceProfile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PricingSettings" (
    "tenantId" TEXT NOT NULL,
    "trackLastPrice" BOOLEAN NOT NULL DEFAULT false,
    "guestBrowsing" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "PricingSettings_pkey" PRIMARY KEY ("tenantId")
);

-- CreateIndex
CREATE UNIQUE INDEX "SkuPrice_tenantId_skuId_unit_key" ON "SkuPrice"("tenantId", "skuId", "unit");

-- CreateIndex
CREATE UNIQUE INDEX "LevelPrice_tenantId_skuId_levelId_unit_key" ON "LevelPrice"("tenantId", "skuId", "levelId", "unit");

-- CreateIndex
CREATE UNIQUE INDEX "CustomerPrice_tenantId_customerId_skuId_unit_key" ON "CustomerPrice"("tenantId", "customerId", "skuId", "unit");

-- CreateIndex
CREATE UNIQUE INDEX "LastSalePrice_tenantId_customerId_skuId_unit_key" ON "LastSalePrice"("tenantId", "customerId", "skuId", "unit");

-- CreateIndex
CREATE INDEX "VolumeTier_tenantId_skuId_idx" ON "VolumeTier"("tenantId", "skuId");

-- CreateIndex
CREATE UNIQUE INDEX "CustomerPriceProfile_tenantId_customerId_key" ON "CustomerPriceProfile"("tenantId", "customerId");
