import type { ReadStream } from 'node:fs';
import type { AttachmentInfo } from '@portal/schemas';
import { DomainError, assertCompanyMayTrade, assertWithinUploadQuota, defaultUploadQuota, isStaff, type Actor, type FieldError, type UploadQuota } from '@portal/domain';
import type { PrismaClient } from '@portal/db';
import { recordAudit } from '../../infra/audit.repository.ts';
import type { Clock } from '../../infra/clock.ts';
import type { FileStore } from '../../infra/file-store.ts';
import type { Db } from '../../infra/tx.ts';
import { findUploadUsage, lockUploadUsage } from '../../infra/upload-usage.repository.ts';
import { uploadEmpty, uploadRefused, uploadTooLarge } from '../../infra/upload.ts';
import * as repo from './attachments.repository.ts';
import { allowedFileTypes, sanitizeFileName, sniffFileType } from './file-types.ts';

type Meta = { requestId?: string };

/** The largest file accepted: 10 MiB. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

export function toAttachmentInfo(a: { id: string; fileName: string; contentType: string; sizeBytes: number; createdAt: Date }): AttachmentInfo {
  return { id: a.id, fileName: a.fileName, contentType: a.contentType, sizeBytes: a.sizeBytes, createdAt: a.createdAt.toISOString() };
}

/** Uploaded drawings, photos and documents: checked by their real type, stored by content hash, read back by their company and staff. */
export function createAttachmentsService(deps: { prisma: PrismaClient; clock: Clock; files: FileStore; quota?: UploadQuota }) {
  const { prisma, clock, files } = deps;
  const quota = deps.quota ?? defaultUploadQuota;
  const uploader = (actor: Actor) => ({ userId: actor.userId, companyId: actor.companyId, isBuyer: !isStaff(actor.role) });
  const usageOf = (db: Db, actor: Actor) => findUploadUsage(db, uploader(actor), new Date(clock.now().getTime() - 86_400_000));

  return {
    /** Stores one file for the caller's company; refuses (and stores nothing) when too large, empty or of a type not allowed. */
    async upload(actor: Actor, file: { fileName: string; data: Buffer }, meta: Meta): Promise<AttachmentInfo> {
      assertCompanyMayTrade(actor);
      // A cheap refusal before the file is read and stored; the binding check is under the lock below.
      assertWithinUploadQuota(await usageOf(prisma, actor), quota, file.data.length);
      if (file.data.length > MAX_ATTACHMENT_BYTES) throw uploadTooLarge(MAX_ATTACHMENT_BYTES);
      if (file.data.length === 0) throw uploadEmpty();
      const kind = await sniffFileType(file.data, file.fileName);
      if (!kind) throw uploadRefused('UNSUPPORTED_MEDIA_TYPE', `this kind of file cannot be uploaded; allowed are ${allowedFileTypes}`, `must be a ${allowedFileTypes} file`);
      const fileName = sanitizeFileName(file.fileName, kind);
      const stored = await files.put(file.data);
      const created = await prisma.$transaction(async (tx) => {
        await lockUploadUsage(tx, uploader(actor));
        assertWithinUploadQuota(await usageOf(tx, actor), quota, stored.sizeBytes);
        const row = await repo.createAttachment(tx, {
          companyId: actor.companyId, uploadedById: actor.userId, fileName, contentType: kind.contentType,
          sizeBytes: stored.sizeBytes, sha256: stored.sha256, storageKey: stored.storageKey, createdAt: clock.now(),
        });
        await recordAudit(tx, {
          actorId: actor.userId, companyId: actor.companyId, action: 'attachment.upload', entityType: 'Attachment', entityId: row.id,
          changes: { fileName, contentType: kind.contentType, sizeBytes: stored.sizeBytes, sha256: stored.sha256 }, requestId: meta.requestId,
        });
        return row;
      });
      return toAttachmentInfo(created);
    },

    /**
     * Why these files cannot be attached by the caller (named body.attachmentIds.N), or an empty
     * list: each must be the caller's company's upload, listed once and not attached elsewhere yet.
     */
    async attachableErrors(actor: Actor, ids: string[]): Promise<FieldError[]> {
      const errors: FieldError[] = [];
      const found = new Map((await repo.findAttachmentLinks(prisma, ids)).map((a) => [a.id, a]));
      ids.forEach((id, i) => {
        const a = found.get(id);
        const field = `body.attachmentIds.${i}`;
        if (ids.indexOf(id) !== i) errors.push({ field, message: 'is listed twice' });
        else if (!a || a.companyId !== actor.companyId) errors.push({ field, message: 'is not a file uploaded by your company' });
        else if (a.inquiryId || a.negotiationMessageId || a.ticketMessageId || a.claimEvidence) errors.push({ field, message: 'is already attached elsewhere; upload the file again' });
      });
      return errors;
    },

    /** Links checked files to an inquiry (and a message of its thread) or a ticket's message inside the caller's transaction; a CONFLICT when one was taken meanwhile. */
    async link(tx: Db, actor: Actor, ids: string[], to: repo.AttachmentOwner): Promise<void> {
      const linked = await repo.linkAttachments(tx, ids, actor.companyId, to);
      if (linked !== ids.length) throw new DomainError('CONFLICT', 'a file was attached elsewhere at the same moment; upload it again');
    },

    /** A file to stream back: to its own company's users, to the buyer company of the inquiry or the ticket it belongs to (never from an internal note), and to staff. */
    async open(actor: Actor, id: string): Promise<{ info: AttachmentInfo; stream: ReadStream; sizeBytes: number }> {
      const a = await repo.findAttachment(prisma, id);
      const onTicket = a?.ticketMessage && !a.ticketMessage.internal && a.ticketMessage.ticket.buyerCompanyId === actor.companyId;
      const visible = a && (isStaff(actor.role) || a.companyId === actor.companyId || a.inquiry?.buyerCompanyId === actor.companyId || onTicket);
      if (!a || !visible) throw new DomainError('NOT_FOUND', 'attachment not found');
      const { stream, sizeBytes } = await files.open(a.storageKey);
      return { info: toAttachmentInfo(a), stream, sizeBytes };
    },
  };
}

export type AttachmentsService = ReturnType<typeof createAttachmentsService>;
