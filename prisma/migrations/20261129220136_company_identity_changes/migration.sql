-- CreateTable
CREATE TABLE "CompanyIdentityChange" (
    "id" UUID NOT NULL,
    "companyId" UUID NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "proposed" JSONB NOT NULL,
    "previous" JSONB NOT NULL,
    "requestedById" UUID NOT NULL,
    "requestedAt" TIMESTAMPTZ(3) NOT NULL,
    "decidedById" UUID,
    "decidedAt" TIMESTAMPTZ(3),
    "reason" TEXT,

    CONSTRAINT "CompanyIdentityChange_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CompanyIdentityChange_companyId_status_idx" ON "CompanyIdentityChange"("companyId", "status");

-- AddForeignKey
ALTER TABLE "CompanyIdentityChange" ADD CONSTRAINT "CompanyIdentityChange_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "Company"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CompanyIdentityChange" ADD CONSTRAINT "CompanyIdentityChange_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CompanyIdentityChange" ADD CONSTRAINT "CompanyIdentityChange_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
