-- AlterTable
ALTER TABLE "Tenant" ADD COLUMN     "guestBrowsing" BOOLEAN NOT NULL DEFAULT false;
