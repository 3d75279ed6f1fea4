import type { Db } from '../../infra/tx.ts';

/** What the upload answers and the download needs. */
const catalogImageSelect = { sha256: true, storageKey: true, mimeType: true, sizeBytes: true, width: true, height: true } as const;

export function createCatalogImage(
  db: Db,
  data: { sha256: string; storageKey: string; mimeType: string; sizeBytes: number; width: number; height: number; uploadedById: string; createdAt: Date },
) {
  return db.catalogImage.create({ data, select: catalogImageSelect });
}

/** A registered catalog image by the hash of its bytes; null for any other file in the store. */
export function findCatalogImage(db: Db, sha256: string) {
  return db.catalogImage.findUnique({ where: { sha256 }, select: catalogImageSelect });
}
