-- CreateEnum
CREATE TYPE "ReceivableOn" AS ENUM ('APPROVED', 'SHIPPED');

-- CreateEnum
CREATE TYPE "LedgerKind" AS ENUM ('ORDER_OPENED', 'ORDER_RELEASED', 'ORDER_INVOICED', 'ORDER_VOIDED', 'CREDIT_NOTE', 'PAYMENT', 'PREPAID_TOPUP', 'PREPAID_USED', 'ADJUSTMENT');

-- CreateEnum
CREATE TYPE "CollectionMethod" AS ENUM ('CASH', 'TRANSFER', 'WECHAT', 'ALIPAY', 'OTHER');

-- CreateEnum
CREATE TYPE "CollectionStatus" AS ENUM ('SUBMITTED', 'CONFIRMED', 'REJECTED');

-- AlterTable
ALTER TABLE "Tenant" ADD COLUMN     "receivableOn" "ReceivableOn" NOT NULL DEFAULT 'APPROVED';

-- AlterTable
ALTER TABLE "CreditAccount" ADD COLUMN     "openOrdersMinor" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN     "prepaidMinor" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN     "receivableMinor" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- CreateTable
CREATE TABLE "CreditLedgerEntry" (
    "id" TEXT NOT NULL,
    "seq" BIGSERIAL NOT NULL,
    "tenantId" TEXT NOT NULL,
    "customerId" TEXT,
    "kind" "LedgerKind" NOT NULL,
    "key" TEXT,
    "amountMinor" BIGINT NOT NULL,
    "receivableMinor" BIGINT NOT NULL DEFAULT 0,
    "openOrdersMinor" BIGINT NOT NULL DEFAULT 0,
    "prepaidMinor" BIGINT NOT NULL DEFAULT 0,
    "orderId" TEXT,
    "collectionId" TEXT,
    "availableAfterMinor" BIGINT,
    "note" TEXT,
    "actor" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CreditLedgerEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Collection" (
    "id" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "amountMinor" BIGINT NOT NULL,
    "method" "CollectionMethod" NOT NULL,
    "proofImageUrl" TEXT,
    "orderIds" TEXT[],
    "note" TEXT,
    "status" "CollectionStatus" NOT NULL DEFAULT 'SUBMITTED',
    "submittedById" TEXT NOT NULL,
    "submittedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "rejectReason" TEXT,

    CONSTRAINT "Collection_pkey" PRIMARY KEY ("id")
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
CREATE INDEX "CreditLedgerEntry_tenantId_customerId_createdAt_idx" ON "CreditLedgerEntry"("tenantId", "customerId", "createdAt");

-- CreateIndex
CREATE INDEX "CreditLedgerEntry_tenantId_customerId_seq_idx" ON "CreditLedgerEntry"("tenantId", "customerId", "seq");

-- CreateIndex
CREATE INDEX "CreditLedgerEntry_tenantId_orderId_idx" ON "CreditLedgerEntry"("tenantId", "orderId");

-- CreateIndex
CREATE UNIQUE INDEX "CreditLedgerEntry_tenantId_key_key" ON "CreditLedgerEntry"("tenantId", "key");

-- CreateIndex
CREATE INDEX "Collection_tenantId_status_submittedAt_idx" ON "Collection"("tenantId", "status", "submittedAt");

-- CreateIndex
CREATE INDEX "Collection_tenantId_customerId_submittedAt_idx" ON "Collection"("tenantId", "customerId", "submittedAt");

-- AddForeignKey
ALTER TABLE "Collection" ADD CONSTRAINT "Collection_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Page cache notifications for the new tables (see 20261203151000_read_changed_triggers).
CREATE TRIGGER read_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "CreditLedgerEntry" FOR EACH STATEMENT EXECUTE FUNCTION notify_read_changed();
CREATE TRIGGER read_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Collection" FOR EACH STATEMENT EXECUTE FUNCTION notify_read_changed();

-- The ledger is append-only: an entry is never changed (a correction is a new ADJUSTMENT entry).
-- Rows go only with their tenant (seed reset), so DELETE stays allowed.
CREATE OR REPLACE FUNCTION credit_ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'CreditLedgerEntry is append-only';
END $$;
CREATE TRIGGER append_only BEFORE UPDATE ON "CreditLedgerEntry" FOR EACH ROW EXECUTE FUNCTION credit_ledger_append_only();
