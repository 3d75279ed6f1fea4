import { z } from './common.ts';

/** The picture types the catalog takes: what every browser shows. */
export const catalogImageTypes = ['image/jpeg', 'image/png', 'image/webp'] as const;

/** The largest catalog picture accepted: 5 MiB; a product page should not wait for larger photos. */
export const MAX_CATALOG_IMAGE_BYTES = 5 * 1024 * 1024;

/** The portal path an uploaded catalog image is served at; it fits a product image's `url`. */
export const catalogImagePath = (sha256: string) => `/api/catalog/images/${sha256}`;

/** An uploaded catalog image, as the upload answers it. */
export const CatalogImage = z.object({
  url: z.string().describe('Portal path of the image, e.g. /api/catalog/images/<sha256>; put it in a product’s images'),
  sha256: z.string().describe('SHA-256 of the bytes, 64 lower-case hex digits: the same bytes are one image'),
  mimeType: z.enum(catalogImageTypes).describe('The type told from the bytes'),
  sizeBytes: z.number().int(),
  width: z.number().int().describe('Pixels'),
  height: z.number().int().describe('Pixels'),
});
export type CatalogImage = z.infer<typeof CatalogImage>;
