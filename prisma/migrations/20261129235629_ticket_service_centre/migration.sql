-- CreateEnum
CREATE TYPE "TicketSubject" AS ENUM ('PRODUCT', 'CONTRACT', 'SHIPMENT', 'CLAIM', 'PAYMENT');

-- AlterTable
ALTER TABLE "Ticket" ADD COLUMN     "ratedAt" TIMESTAMPTZ(3),
ADD COLUMN     "resolutionTimer" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "respondedAt" TIMESTAMPTZ(3),
ADD COLUMN     "responseTimer" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "subjectId" UUID,
ADD COLUMN     "subjectType" "TicketSubject",
ADD COLUMN     "team" TEXT NOT NULL DEFAULT 'SERVICE_DESK',
ADD COLUMN     "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- CreateIndex
CREATE INDEX "Ticket_team_status_idx" ON "Ticket"("team", "status");
