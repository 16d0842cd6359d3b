-- CreateTable
CREATE TABLE "ItemSpecial" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "promotionId" TEXT NOT NULL,
    "skuId" TEXT NOT NULL,
    "minor" BIGINT NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "levelIds" TEXT[],
    "customerIds" TEXT[],
    "flashSale" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "ItemSpecial_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ItemSpecial_tenantId_skuId_endsAt_idx" ON "ItemSpecial"("tenantId", "skuId", "endsAt");

-- CreateIndex
CREATE UNIQUE INDEX "ItemSpecial_tenantId_promotionId_skuId_key" ON "ItemSpecial"("tenantId", "promotionId", "skuId");

-- The gateway's page cache drops pricing answers when this projection changes (decision 0009).
CREATE TRIGGER read_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ItemSpecial" FOR EACH STATEMENT EXECUTE FUNCTION notify_read_changed();
