import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the demo catalog's pictures are shipped (drawn by scripts/make-demo-pictures.ts; PNG, 480 × 480, a few KB each). */
export const demoPicturesDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'pictures');

/** The shipped picture of each demo product, by SKU. */
export async function demoPictures(): Promise<{ sku: string; data: Buffer }[]> {
  const names = (await readdir(demoPicturesDir)).filter((n) => n.endsWith('.png')).sort();
  return Promise.all(names.map(async (n) => ({ sku: n.slice(0, -'.png'.length), data: await readFile(path.join(demoPicturesDir, n)) })));
}
