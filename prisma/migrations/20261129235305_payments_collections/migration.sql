-- CreateEnum
CREATE TYPE "LedgerEntryKind" AS ENUM ('ALLOCATION', 'BANK_CHARGES', 'WRITE_OFF', 'REVERSAL');

-- CreateEnum
CREATE TYPE "StatementLineStatus" AS ENUM ('PROPOSED', 'CONFIRMED', 'IGNORED');

-- CreateEnum
CREATE TYPE "NoticeKind" AS ENUM ('REMINDER', 'DUNNING');

-- DropForeignKey
ALTER TABLE "ReceiptAllocation" DROP CONSTRAINT "ReceiptAllocation_receiptId_fkey";

-- DropForeignKey
ALTER TABLE "ReceiptAllocation" DROP CONSTRAINT "ReceiptAllocation_scheduleItemId_fkey";

-- DropIndex
DROP INDEX "PaymentReceipt_buyerCompanyId_receivedOn_idx";

-- DropIndex
DROP INDEX "PaymentScheduleItem_status_dueDate_idx";

-- AlterTable
ALTER TABLE "DunningNotice" ADD COLUMN     "daysOverdue" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "kind" "NoticeKind" NOT NULL DEFAULT 'DUNNING';

-- AlterTable
ALTER TABLE "PaymentReceipt" DROP COLUMN "method",
DROP COLUMN "receivedOn",
ADD COLUMN     "allocated" DECIMAL(18,2) NOT NULL DEFAULT 0,
ADD COLUMN     "bankCharges" DECIMAL(18,2) NOT NULL DEFAULT 0,
ADD COLUMN     "payerName" TEXT,
ADD COLUMN     "statementLineId" UUID,
ADD COLUMN     "valueDate" DATE NOT NULL;

-- AlterTable
ALTER TABLE "PaymentScheduleItem" DROP COLUMN "writtenOffAt",
ADD COLUMN     "bankCharges" DECIMAL(18,2) NOT NULL DEFAULT 0,
ADD COLUMN     "buyerCompanyId" UUID NOT NULL,
ADD COLUMN     "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "days" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "dunningLevel" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "isOpen" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "key" TEXT NOT NULL,
ADD COLUMN     "openAmount" DECIMAL(18,2) NOT NULL,
ADD COLUMN     "presentBy" DATE,
ADD COLUMN     "reference" TEXT NOT NULL,
ADD COLUMN     "reminderSentAt" TIMESTAMPTZ(3),
ADD COLUMN     "termSeq" INTEGER NOT NULL,
ADD COLUMN     "updatedAt" TIMESTAMPTZ(3) NOT NULL,
ADD COLUMN     "writtenOff" DECIMAL(18,2) NOT NULL DEFAULT 0;

-- DropTable
DROP TABLE "ReceiptAllocation";

-- CreateTable
CREATE TABLE "LedgerEntry" (
    "id" UUID NOT NULL,
    "kind" "LedgerEntryKind" NOT NULL,
    "receiptId" UUID,
    "itemId" UUID NOT NULL,
    "buyerCompanyId" UUID NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "amount" DECIMAL(18,2) NOT NULL,
    "reversesId" UUID,
    "note" TEXT,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LedgerEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StatementImport" (
    "id" UUID NOT NULL,
    "fileName" TEXT NOT NULL,
    "fileHash" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "messageId" TEXT,
    "account" TEXT,
    "credits" INTEGER NOT NULL,
    "duplicates" INTEGER NOT NULL,
    "importedById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StatementImport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StatementLine" (
    "id" UUID NOT NULL,
    "importId" UUID NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "amount" DECIMAL(18,2) NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "valueDate" DATE,
    "bookingDate" DATE,
    "accountServicerReference" TEXT,
    "creditorReference" TEXT,
    "remittance" TEXT,
    "debtorName" TEXT,
    "debtorIban" TEXT,
    "status" "StatementLineStatus" NOT NULL DEFAULT 'PROPOSED',
    "proposal" JSONB NOT NULL,
    "decidedById" UUID,
    "decidedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StatementLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DunningPause" (
    "id" UUID NOT NULL,
    "buyerCompanyId" UUID NOT NULL,
    "reason" TEXT NOT NULL,
    "pausedById" UUID NOT NULL,
    "pausedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resumedById" UUID,
    "resumedAt" TIMESTAMPTZ(3),

    CONSTRAINT "DunningPause_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "LedgerEntry_reversesId_key" ON "LedgerEntry"("reversesId");

-- CreateIndex
CREATE INDEX "LedgerEntry_itemId_idx" ON "LedgerEntry"("itemId");

-- CreateIndex
CREATE INDEX "LedgerEntry_receiptId_idx" ON "LedgerEntry"("receiptId");

-- CreateIndex
CREATE INDEX "StatementImport_fileHash_idx" ON "StatementImport"("fileHash");

-- CreateIndex
CREATE UNIQUE INDEX "StatementLine_dedupeKey_key" ON "StatementLine"("dedupeKey");

-- CreateIndex
CREATE INDEX "StatementLine_status_createdAt_idx" ON "StatementLine"("status", "createdAt");

-- CreateIndex
CREATE INDEX "DunningPause_buyerCompanyId_resumedAt_idx" ON "DunningPause"("buyerCompanyId", "resumedAt");

-- CreateIndex
CREATE UNIQUE INDEX "DunningNotice_scheduleItemId_kind_level_key" ON "DunningNotice"("scheduleItemId", "kind", "level");

-- CreateIndex
CREATE UNIQUE INDEX "PaymentReceipt_statementLineId_key" ON "PaymentReceipt"("statementLineId");

-- CreateIndex
CREATE INDEX "PaymentReceipt_buyerCompanyId_valueDate_idx" ON "PaymentReceipt"("buyerCompanyId", "valueDate");

-- CreateIndex
CREATE UNIQUE INDEX "PaymentScheduleItem_reference_key" ON "PaymentScheduleItem"("reference");

-- CreateIndex
CREATE INDEX "PaymentScheduleItem_isOpen_buyerCompanyId_currency_dueDate__idx" ON "PaymentScheduleItem"("isOpen", "buyerCompanyId", "currency", "dueDate", "openAmount");

-- CreateIndex
CREATE INDEX "PaymentScheduleItem_buyerCompanyId_currency_idx" ON "PaymentScheduleItem"("buyerCompanyId", "currency");

-- CreateIndex
CREATE UNIQUE INDEX "PaymentScheduleItem_contractId_key_key" ON "PaymentScheduleItem"("contractId", "key");

-- AddForeignKey
ALTER TABLE "PaymentReceipt" ADD CONSTRAINT "PaymentReceipt_statementLineId_fkey" FOREIGN KEY ("statementLineId") REFERENCES "StatementLine"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LedgerEntry" ADD CONSTRAINT "LedgerEntry_receiptId_fkey" FOREIGN KEY ("receiptId") REFERENCES "PaymentReceipt"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LedgerEntry" ADD CONSTRAINT "LedgerEntry_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "PaymentScheduleItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LedgerEntry" ADD CONSTRAINT "LedgerEntry_reversesId_fkey" FOREIGN KEY ("reversesId") REFERENCES "LedgerEntry"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StatementLine" ADD CONSTRAINT "StatementLine_importId_fkey" FOREIGN KEY ("importId") REFERENCES "StatementImport"("id") ON DELETE CASCADE ON UPDATE CASCADE;
