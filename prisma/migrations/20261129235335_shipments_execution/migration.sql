-- CreateEnum
CREATE TYPE "ShipmentMilestone" AS ENUM ('PRODUCTION_STARTED', 'PRODUCTION_FINISHED', 'INSPECTION_PASSED', 'BOOKING_REQUESTED', 'BOOKING_CONFIRMED', 'CONTAINER_STUFFED', 'GATED_IN', 'LOADED', 'DEPARTED', 'BL_ISSUED', 'ARRIVED', 'DISCHARGED', 'RELEASED', 'DELIVERED');

-- CreateEnum
CREATE TYPE "EventClassifier" AS ENUM ('PLN', 'EST', 'ACT');

-- CreateEnum
CREATE TYPE "ShipmentEventType" AS ENUM ('SHIPMENT', 'TRANSPORT', 'EQUIPMENT', 'PRODUCTION');

-- DropIndex
DROP INDEX "ShipmentEvent_shipmentId_occurredAt_idx";

-- AlterTable
ALTER TABLE "QualityCertificate" ADD COLUMN     "createdById" UUID,
ADD COLUMN     "shipmentId" UUID;

-- AlterTable
ALTER TABLE "Shipment" ADD COLUMN     "bookingNumber" TEXT,
ADD COLUMN     "createdById" UUID,
ADD COLUMN     "invoiceDate" DATE,
ADD COLUMN     "invoiceNumber" TEXT,
ADD COLUMN     "note" TEXT,
ADD COLUMN     "onBoardDate" DATE;

-- AlterTable
ALTER TABLE "ShipmentDocument" ADD COLUMN     "uploadedById" UUID;

-- AlterTable
ALTER TABLE "ShipmentEvent" DROP COLUMN "occurredAt",
DROP COLUMN "status",
ADD COLUMN     "batchNo" TEXT,
ADD COLUMN     "classifier" "EventClassifier" NOT NULL,
ADD COLUMN     "containerNumber" TEXT,
ADD COLUMN     "documentTypeCode" TEXT,
ADD COLUMN     "eventCode" TEXT NOT NULL,
ADD COLUMN     "eventDate" DATE NOT NULL,
ADD COLUMN     "eventType" "ShipmentEventType" NOT NULL,
ADD COLUMN     "milestone" "ShipmentMilestone" NOT NULL,
ADD COLUMN     "onBoardDate" DATE,
ADD COLUMN     "reason" TEXT,
ADD COLUMN     "supersedesId" UUID;

-- AlterTable
ALTER TABLE "ShipmentLine" ADD COLUMN     "containerNumber" TEXT;

-- CreateTable
CREATE TABLE "ShipmentContainer" (
    "id" UUID NOT NULL,
    "shipmentId" UUID NOT NULL,
    "containerNumber" TEXT NOT NULL,
    "sizeType" TEXT NOT NULL,
    "sealNumber" TEXT,
    "cartons" INTEGER NOT NULL,
    "cargoGrossKg" DECIMAL(12,2) NOT NULL,
    "cbm" DECIMAL(10,3) NOT NULL,
    "vgmKg" DECIMAL(12,2),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ShipmentContainer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DocumentDownload" (
    "id" UUID NOT NULL,
    "shipmentId" UUID NOT NULL,
    "kind" "ShippingDocumentKind" NOT NULL,
    "documentId" UUID,
    "userId" UUID NOT NULL,
    "companyId" UUID NOT NULL,
    "downloadedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DocumentDownload_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ShipmentContainer_shipmentId_containerNumber_key" ON "ShipmentContainer"("shipmentId", "containerNumber");

-- CreateIndex
CREATE INDEX "DocumentDownload_shipmentId_downloadedAt_idx" ON "DocumentDownload"("shipmentId", "downloadedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Shipment_invoiceNumber_key" ON "Shipment"("invoiceNumber");

-- CreateIndex
CREATE UNIQUE INDEX "ShipmentEvent_supersedesId_key" ON "ShipmentEvent"("supersedesId");

-- CreateIndex
CREATE INDEX "ShipmentEvent_shipmentId_createdAt_idx" ON "ShipmentEvent"("shipmentId", "createdAt");

-- AddForeignKey
ALTER TABLE "QualityCertificate" ADD CONSTRAINT "QualityCertificate_shipmentId_fkey" FOREIGN KEY ("shipmentId") REFERENCES "Shipment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShipmentEvent" ADD CONSTRAINT "ShipmentEvent_supersedesId_fkey" FOREIGN KEY ("supersedesId") REFERENCES "ShipmentEvent"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShipmentContainer" ADD CONSTRAINT "ShipmentContainer_shipmentId_fkey" FOREIGN KEY ("shipmentId") REFERENCES "Shipment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DocumentDownload" ADD CONSTRAINT "DocumentDownload_shipmentId_fkey" FOREIGN KEY ("shipmentId") REFERENCES "Shipment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DocumentDownload" ADD CONSTRAINT "DocumentDownload_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "ShipmentDocument"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DocumentDownload" ADD CONSTRAINT "DocumentDownload_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
