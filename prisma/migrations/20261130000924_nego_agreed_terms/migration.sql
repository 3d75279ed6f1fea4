-- AlterTable
ALTER TABLE "ContractLine" ADD COLUMN     "notes" TEXT,
ADD COLUMN     "shipmentDate" DATE;

-- AlterTable
ALTER TABLE "QuoteLine" ADD COLUMN     "notes" TEXT,
ADD COLUMN     "shipmentDate" DATE;

-- AlterTable
ALTER TABLE "QuoteRevision" ADD COLUMN     "belowFloorReason" TEXT,
ADD COLUMN     "shippingMarks" TEXT,
ADD COLUMN     "specialTerms" TEXT;

-- AlterTable
ALTER TABLE "SalesContract" ADD COLUMN     "leadTimeDays" INTEGER,
ADD COLUMN     "specialTerms" TEXT;
