-- CreateTable
CREATE TABLE "FreightRate" (
    "id" UUID NOT NULL,
    "originPortCode" TEXT NOT NULL,
    "destinationPortCode" TEXT NOT NULL,
    "containerType" TEXT,
    "mode" "FreightMode" NOT NULL,
    "amount" DECIMAL(18,2) NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "lclRatePerWm" DECIMAL(18,2),
    "validFrom" DATE NOT NULL,
    "validTo" DATE,

    CONSTRAINT "FreightRate_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "FreightRate_originPortCode_destinationPortCode_idx" ON "FreightRate"("originPortCode", "destinationPortCode");
