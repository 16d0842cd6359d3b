-- AlterTable
ALTER TABLE "Promotion" ADD COLUMN     "customerIds" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateTable
CREATE TABLE "SkuReferencePrice" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "skuId" TEXT NOT NULL,
    "wholesaleMinor" BIGINT,
    "retailMinor" BIGINT,

    CONSTRAINT "SkuReferencePrice_pkey" PRIMARY KEY ("id")
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
CREATE UNIQUE INDEX "SkuReferencePrice_tenantId_skuId_key" ON "SkuReferencePrice"("tenantId", "skuId");
