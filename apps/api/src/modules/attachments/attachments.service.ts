import type { ReadStream } from 'node:fs';
import type { AttachmentInfo } from '@portal/schemas';
import { DomainError, assertCompanyMayTrade, assertWithinUploadQuota, defaultUploadQuota, isStaff, type Actor, type UploadQuota } from '@portal/domain';
import type { PrismaClient } from '@portal/db';
import { recordAudit } from '../../infra/audit.repository.ts';
import type { Clock } from '../../infra/clock.ts';
import type { FileStore } from '../../infra/file-store.ts';
import { findUploadUsage } from '../../infra/upload-usage.repository.ts';
import { UploadRefused, uploadTooLarge } from '../../infra/upload.ts';
import * as repo from './attachments.repository.ts';
import { allowedFileTypes, sanitizeFileName, sniffFileType } from './file-types.ts';

type Meta = { requestId?: string };

/** The largest file accepted: 10 MiB. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/** The refusal of a file over the limit, naming the form field `file`. */
const tooLarge = () => uploadTooLarge(MAX_ATTACHMENT_BYTES);

export function toAttachmentInfo(a: { id: string; fileName: string; contentType: string; sizeBytes: number; createdAt: Date }): AttachmentInfo {
  return { id: a.id, fileName: a.fileName, contentType: a.contentType, sizeBytes: a.sizeBytes, createdAt: a.createdAt.toISOString() };
}

/** Uploaded drawings, photos and documents: checked by their real type, stored by content hash, read back by their company and staff. */
export function createAttachmentsService(deps: { prisma: PrismaClient; clock: Clock; files: FileStore; quota?: UploadQuota }) {
  const { prisma, clock, files } = deps;
  const quota = deps.quota ?? defaultUploadQuota;
  const usageOf = (actor: Actor) => findUploadUsage(prisma, { userId: actor.userId, companyId: actor.companyId, isBuyer: !isStaff(actor.role) }, new Date(clock.now().getTime() - 86_400_000));

  return {
    /** Stores one file for the caller's company; refuses (and stores nothing) when too large, empty or of a type not allowed. */
    async upload(actor: Actor, file: { fileName: string; data: Buffer }, meta: Meta): Promise<AttachmentInfo> {
      assertCompanyMayTrade(actor);
      assertWithinUploadQuota(await usageOf(actor), quota, file.data.length);
      if (file.data.length > MAX_ATTACHMENT_BYTES) throw tooLarge();
      if (file.data.length === 0) throw new UploadRefused(400, 'VALIDATION', 'the file is empty', 'must not be empty');
      const kind = sniffFileType(file.data, file.fileName);
      if (!kind) {
        throw new UploadRefused(415, 'UNSUPPORTED_MEDIA_TYPE', `this kind of file cannot be uploaded; allowed are ${allowedFileTypes}`, `must be a ${allowedFileTypes} file`);
      }
      const fileName = sanitizeFileName(file.fileName, kind);
      const stored = await files.put(file.data);
      const created = await prisma.$transaction(async (tx) => {
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

    /** A file to stream back: to its own company's users, to the buyer company of the inquiry it belongs to, and to staff. */
    async open(actor: Actor, id: string): Promise<{ info: AttachmentInfo; stream: ReadStream; sizeBytes: number }> {
      const a = await repo.findAttachment(prisma, id);
      const visible = a && (isStaff(actor.role) || a.companyId === actor.companyId || a.inquiry?.buyerCompanyId === actor.companyId);
      if (!a || !visible) throw new DomainError('NOT_FOUND', 'attachment not found');
      const { stream, sizeBytes } = await files.open(a.storageKey);
      return { info: toAttachmentInfo(a), stream, sizeBytes };
    },
  };
}

export type AttachmentsService = ReturnType<typeof createAttachmentsService>;
