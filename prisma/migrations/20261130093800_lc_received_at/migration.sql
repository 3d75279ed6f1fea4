-- AlterTable
ALTER TABLE "SalesContract" ADD COLUMN     "lcReceivedAt" TIMESTAMPTZ(3);

-- Credits registered before: the instant of their last registration, from the audit trail.
UPDATE "SalesContract" c SET "lcReceivedAt" = a.at
FROM (SELECT "entityId", MAX("createdAt") AS at FROM "AuditLog" WHERE action = 'contract.lc.record' GROUP BY "entityId") a
WHERE c."lcStatus" IS NOT NULL AND a."entityId" = c.id::text;
