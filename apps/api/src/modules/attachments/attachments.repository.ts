import type { Db } from '../../infra/tx.ts';

/** What a client may learn about a file. */
export const attachmentInfoSelect = { id: true, fileName: true, contentType: true, sizeBytes: true, createdAt: true } as const;

export function createAttachment(
  db: Db,
  data: { companyId: string; uploadedById: string; fileName: string; contentType: string; sizeBytes: number; sha256: string; storageKey: string; createdAt: Date },
) {
  return db.attachment.create({ data, select: attachmentInfoSelect });
}

/** A file with what decides who may read it: its company, and the buyer company of the inquiry it is linked to. */
export function findAttachment(db: Db, id: string) {
  return db.attachment.findUnique({
    where: { id },
    select: { ...attachmentInfoSelect, companyId: true, storageKey: true, inquiry: { select: { buyerCompanyId: true } } },
  });
}
