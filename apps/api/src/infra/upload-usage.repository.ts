import type { UploadUsage } from '@portal/domain';
import type { Db } from './tx.ts';

/**
 * What a person (attachments and catalog pictures) and, for a buyer, their company (attachments)
 * uploaded since a moment: the usage the upload quota is checked against.
 */
export async function findUploadUsage(db: Db, who: { userId: string; companyId: string; isBuyer: boolean }, since: Date): Promise<UploadUsage> {
  const recent = { createdAt: { gte: since } };
  const [mine, myPictures, company] = await Promise.all([
    db.attachment.aggregate({ where: { uploadedById: who.userId, ...recent }, _count: { _all: true }, _sum: { sizeBytes: true } }),
    db.catalogImage.aggregate({ where: { uploadedById: who.userId, ...recent }, _count: { _all: true }, _sum: { sizeBytes: true } }),
    who.isBuyer ? db.attachment.aggregate({ where: { companyId: who.companyId, ...recent }, _count: { _all: true }, _sum: { sizeBytes: true } }) : null,
  ]);
  return {
    user: { files: mine._count._all + myPictures._count._all, bytes: (mine._sum.sizeBytes ?? 0) + (myPictures._sum.sizeBytes ?? 0) },
    company: company ? { files: company._count._all, bytes: company._sum.sizeBytes ?? 0 } : null,
  };
}

/**
 * Holds, until the caller's transaction ends, the right to add uploads for this person (and, for a
 * buyer, their company): two uploads racing past the quota check would otherwise both be stored.
 * The check is repeated under the lock, then the row is written in the same transaction.
 */
export async function lockUploadUsage(tx: Db, who: { userId: string; companyId: string; isBuyer: boolean }): Promise<void> {
  const key = who.isBuyer ? `upload-quota:company:${who.companyId}` : `upload-quota:user:${who.userId}`;
  await tx.$executeRaw`SELECT 1 FROM pg_advisory_xact_lock(hashtext(${key}))`;
}
