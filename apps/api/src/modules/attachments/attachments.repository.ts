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
    select: {
      ...attachmentInfoSelect, companyId: true, storageKey: true, inquiry: { select: { buyerCompanyId: true } },
      ticketMessage: { select: { internal: true, ticket: { select: { buyerCompanyId: true } } } },
    },
  });
}

/** Who uploaded these files and whether they are linked yet: what attaching them needs to check. */
export function findAttachmentLinks(db: Db, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.attachment.findMany({ where: { id: { in: ids } }, select: { id: true, companyId: true, inquiryId: true, negotiationMessageId: true, ticketMessageId: true, claimEvidence: { select: { id: true } } } });
}

/** What a file is attached to: an inquiry (and a message of its thread), or a ticket's message. */
export type AttachmentOwner = { inquiryId: string; negotiationMessageId?: string } | { ticketMessageId: string };

/**
 * Links the company's still unlinked files to an inquiry (and a message of its thread). Returns how
 * many were linked: fewer than asked means another request took one meanwhile.
 */
export async function linkAttachments(db: Db, ids: string[], companyId: string, to: AttachmentOwner) {
  if (ids.length === 0) return 0;
  const { count } = await db.attachment.updateMany({
    where: { id: { in: ids }, companyId, inquiryId: null, negotiationMessageId: null, ticketMessageId: null, claimEvidence: { is: null } },
    data: to,
  });
  return count;
}
