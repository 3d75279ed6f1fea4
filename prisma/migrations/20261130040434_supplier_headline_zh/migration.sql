-- AlterTable
ALTER TABLE "SupplierProfile" ADD COLUMN     "headlineZh" TEXT;
