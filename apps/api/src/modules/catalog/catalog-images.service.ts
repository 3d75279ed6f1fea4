import type { ReadStream } from 'node:fs';
import { MAX_CATALOG_IMAGE_BYTES, catalogImagePath, catalogImageTypes, type CatalogImage } from '@portal/schemas';
import { DomainError, assertWithinUploadQuota, defaultUploadQuota, type Actor, type UploadQuota } from '@portal/domain';
import { Prisma, type PrismaClient } from '@portal/db';
import { recordAudit } from '../../infra/audit.repository.ts';
import type { Clock } from '../../infra/clock.ts';
import type { FileStore } from '../../infra/file-store.ts';
import { findUploadUsage, lockUploadUsage } from '../../infra/upload-usage.repository.ts';
import { uploadEmpty, uploadRefused, uploadTooLarge } from '../../infra/upload.ts';
import { sniffFileType } from '../attachments/file-types.ts';
import * as repo from './catalog-images.repository.ts';
import { readImageSize } from './image-size.ts';

type Meta = { requestId?: string };
type CatalogImageType = (typeof catalogImageTypes)[number];

/** The widest and tallest picture taken: larger ones are camera originals that no product page needs. */
export const MAX_CATALOG_IMAGE_SIDE = 10_000;

const sha256Pattern = /^[0-9a-f]{64}$/;
const isCatalogImageType = (type: string): type is CatalogImageType => (catalogImageTypes as readonly string[]).includes(type);

function toCatalogImage(row: { sha256: string; mimeType: string; sizeBytes: number; width: number; height: number }): CatalogImage {
  return { url: catalogImagePath(row.sha256), sha256: row.sha256, mimeType: row.mimeType as CatalogImageType, sizeBytes: row.sizeBytes, width: row.width, height: row.height };
}

/** The type and pixel size of an upload, or the reason it is refused (nothing is stored then). */
async function inspect(data: Buffer, fileName: string): Promise<{ mimeType: CatalogImageType; width: number; height: number }> {
  if (data.length > MAX_CATALOG_IMAGE_BYTES) throw uploadTooLarge(MAX_CATALOG_IMAGE_BYTES);
  if (data.length === 0) throw uploadEmpty();
  const type = (await sniffFileType(data, fileName))?.contentType;
  if (!type || !isCatalogImageType(type)) {
    throw uploadRefused('UNSUPPORTED_MEDIA_TYPE', 'catalog pictures must be JPEG, PNG or WebP images', 'must be a JPEG, PNG or WebP image');
  }
  const size = readImageSize(data, type);
  if (!size) throw uploadRefused('VALIDATION', 'the picture cannot be read: it is damaged or cut short', 'must be a complete JPEG, PNG or WebP image');
  if (size.width > MAX_CATALOG_IMAGE_SIDE || size.height > MAX_CATALOG_IMAGE_SIDE) {
    const limit = `${MAX_CATALOG_IMAGE_SIDE} × ${MAX_CATALOG_IMAGE_SIDE}`;
    throw uploadRefused('VALIDATION', `the picture is ${size.width} × ${size.height} pixels; the largest taken is ${limit}`, `must be at most ${limit} pixels`);
  }
  return { mimeType: type, ...size };
}

/**
 * Pictures for the public catalog: checked by their real type and size, stored by content hash in
 * the file store it shares with private attachments, and served only when registered here.
 */
export function createCatalogImagesService(deps: { prisma: PrismaClient; clock: Clock; files: FileStore; quota?: UploadQuota }) {
  const { prisma, clock, files } = deps;
  const quota = deps.quota ?? defaultUploadQuota;

  return {
    /** Registers one picture; the same bytes give the same image, however often or by whom they are sent. */
    async upload(actor: Actor, file: { fileName: string; data: Buffer }, meta: Meta): Promise<CatalogImage> {
      const uploader = { userId: actor.userId, companyId: actor.companyId, isBuyer: false };
      const since = new Date(clock.now().getTime() - 86_400_000);
      // A cheap refusal before the picture is read and stored; the binding check is under the lock below.
      assertWithinUploadQuota(await findUploadUsage(prisma, uploader, since), quota, file.data.length);
      const { mimeType, width, height } = await inspect(file.data, file.fileName);
      const stored = await files.put(file.data);
      const existing = await repo.findCatalogImage(prisma, stored.sha256);
      if (existing) return toCatalogImage(existing);
      try {
        const created = await prisma.$transaction(async (tx) => {
          await lockUploadUsage(tx, uploader);
          assertWithinUploadQuota(await findUploadUsage(tx, uploader, since), quota, stored.sizeBytes);
          const row = await repo.createCatalogImage(tx, {
            sha256: stored.sha256, storageKey: stored.storageKey, mimeType, sizeBytes: stored.sizeBytes, width, height,
            uploadedById: actor.userId, createdAt: clock.now(),
          });
          await recordAudit(tx, {
            actorId: actor.userId, companyId: actor.companyId, action: 'catalogImage.upload', entityType: 'CatalogImage', entityId: row.sha256,
            changes: { mimeType, sizeBytes: stored.sizeBytes, width, height, fileName: file.fileName.slice(0, 200) }, requestId: meta.requestId,
          });
          return row;
        });
        return toCatalogImage(created);
      } catch (err) {
        // The same bytes sent twice at once: the other request registered them first.
        if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') {
          const winner = await repo.findCatalogImage(prisma, stored.sha256);
          if (winner) return toCatalogImage(winner);
        }
        throw err;
      }
    },

    /** A registered picture to stream to anyone; any other hash, including a private attachment's, is not found. */
    async open(sha256: string): Promise<{ image: CatalogImage; stream: ReadStream; sizeBytes: number }> {
      const row = sha256Pattern.test(sha256) ? await repo.findCatalogImage(prisma, sha256) : null;
      if (!row) throw new DomainError('NOT_FOUND', 'image not found');
      const { stream, sizeBytes } = await files.open(row.storageKey);
      return { image: toCatalogImage(row), stream, sizeBytes };
    },
  };
}

export type CatalogImagesService = ReturnType<typeof createCatalogImagesService>;
