-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "priceApproval" TEXT NOT NULL DEFAULT 'NONE',
ADD COLUMN     "reviewStage" TEXT NOT NULL DEFAULT 'BUSINESS';

-- AlterTable
ALTER TABLE "OrderLine" ADD COLUMN     "levelPriceMinor" BIGINT;
