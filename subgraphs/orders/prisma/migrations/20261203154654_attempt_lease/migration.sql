-- AlterTable
ALTER TABLE "OrderAttempt" ADD COLUMN     "leaseUntil" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- CreateIndex
CREATE INDEX "OrderAttempt_state_leaseUntil_idx" ON "OrderAttempt"("state", "leaseUntil");
