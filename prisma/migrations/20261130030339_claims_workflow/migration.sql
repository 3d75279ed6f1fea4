-- Claims end to end (issue 14): the domain's kinds, statuses, parties and settlements; claim lines; the timeline's steps and notes; the response timer; the complaint it came from.
-- (The enum rebuilds run inside the migration's own transaction: no BEGIN/COMMIT of their own. The claims tables held no rows before.)
-- AlterEnum
CREATE TYPE "ClaimKind_new" AS ENUM ('QUALITY', 'QUANTITY', 'DAMAGE', 'DELAY', 'WRONG_GOODS', 'DOCUMENTS');
ALTER TABLE "Claim" ALTER COLUMN "kind" TYPE "ClaimKind_new" USING ("kind"::text::"ClaimKind_new");
ALTER TYPE "ClaimKind" RENAME TO "ClaimKind_old";
ALTER TYPE "ClaimKind_new" RENAME TO "ClaimKind";
DROP TYPE "public"."ClaimKind_old";

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "ClaimStatus" ADD VALUE 'ACKNOWLEDGED';
ALTER TYPE "ClaimStatus" ADD VALUE 'WAITING_FOR_EVIDENCE';
ALTER TYPE "ClaimStatus" ADD VALUE 'PENDING_APPROVAL';
ALTER TYPE "ClaimStatus" ADD VALUE 'CLOSED';

-- AlterEnum
CREATE TYPE "ResponsibleParty_new" AS ENUM ('EXPORTER', 'FACTORY', 'CARRIER', 'INSURER', 'BUYER');
ALTER TABLE "Claim" ALTER COLUMN "responsibleParty" TYPE "ResponsibleParty_new" USING ("responsibleParty"::text::"ResponsibleParty_new");
ALTER TYPE "ResponsibleParty" RENAME TO "ResponsibleParty_old";
ALTER TYPE "ResponsibleParty_new" RENAME TO "ResponsibleParty";
DROP TYPE "public"."ResponsibleParty_old";

-- AlterEnum
ALTER TYPE "SettlementKind" ADD VALUE 'PRICE_DISCOUNT';

-- DropForeignKey
ALTER TABLE "Claim" DROP CONSTRAINT "Claim_shipmentId_fkey";

-- AlterTable
ALTER TABLE "Claim" ADD COLUMN     "closedAt" TIMESTAMPTZ(3),
ADD COLUMN     "creditNoteUsedAt" TIMESTAMPTZ(3),
ADD COLUMN     "periodEndsOn" DATE,
ADD COLUMN     "responseTimer" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "settlementApprovedById" UUID,
ADD COLUMN     "settlementNote" TEXT,
ADD COLUMN     "settlementProposedById" UUID,
ADD COLUMN     "settlementReference" TEXT,
ADD COLUMN     "sourceTicketId" UUID,
ADD COLUMN     "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ALTER COLUMN "shipmentId" SET NOT NULL;

-- AlterTable
ALTER TABLE "ClaimEvent" ADD COLUMN     "action" TEXT NOT NULL DEFAULT 'NOTE',
ADD COLUMN     "data" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "internal" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "ClaimEvidence" ADD COLUMN     "addedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "addedById" UUID;

-- CreateTable
CREATE TABLE "ClaimLine" (
    "id" UUID NOT NULL,
    "claimId" UUID NOT NULL,
    "contractLineId" UUID NOT NULL,
    "quantity" DECIMAL(18,3) NOT NULL,
    "batchNo" TEXT,

    CONSTRAINT "ClaimLine_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ClaimLine_claimId_contractLineId_key" ON "ClaimLine"("claimId", "contractLineId");

-- CreateIndex
CREATE UNIQUE INDEX "Claim_sourceTicketId_key" ON "Claim"("sourceTicketId");

-- AddForeignKey
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_shipmentId_fkey" FOREIGN KEY ("shipmentId") REFERENCES "Shipment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Claim" ADD CONSTRAINT "Claim_sourceTicketId_fkey" FOREIGN KEY ("sourceTicketId") REFERENCES "Ticket"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimLine" ADD CONSTRAINT "ClaimLine_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimLine" ADD CONSTRAINT "ClaimLine_contractLineId_fkey" FOREIGN KEY ("contractLineId") REFERENCES "ContractLine"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
