-- CreateEnum
CREATE TYPE "LcStatus" AS ENUM ('RECEIVED', 'ACCEPTED', 'AMENDMENT_REQUESTED');

-- AlterTable
ALTER TABLE "SalesContract" ADD COLUMN     "lcAmount" DECIMAL(18,2),
ADD COLUMN     "lcCurrency" CHAR(3),
ADD COLUMN     "lcIssueDate" DATE,
ADD COLUMN     "lcIssuingBankBic" TEXT,
ADD COLUMN     "lcLatestShipmentDate" DATE,
ADD COLUMN     "lcReviewNote" TEXT,
ADD COLUMN     "lcReviewedAt" TIMESTAMPTZ(3),
ADD COLUMN     "lcReviewedById" UUID,
ADD COLUMN     "lcStatus" "LcStatus";

-- AddForeignKey
ALTER TABLE "SalesContract" ADD CONSTRAINT "SalesContract_lcReviewedById_fkey" FOREIGN KEY ("lcReviewedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
