import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, type ReadStream } from 'node:fs';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Where a stored file lives, relative to the store's root: `<sha256[0:2]>/<sha256>`. */
export type StorageKey = string;

/**
 * Uploaded files, stored by the SHA-256 of their content under `<root>/<sha[0:2]>/<sha>`: the same
 * bytes are kept once, a name can never be chosen by a client, and a file never changes once written.
 */
export type FileStore = {
  /** Writes the bytes (if not already there) and returns their address. */
  put(data: Buffer): Promise<{ sha256: string; storageKey: StorageKey; sizeBytes: number }>;
  /** Opens a stored file for reading; throws when it is missing. */
  open(storageKey: StorageKey): Promise<{ stream: ReadStream; sizeBytes: number }>;
};

const keyPattern = /^([0-9a-f]{2})\/([0-9a-f]{64})$/;

/** The store under `root` (the app passes `${config.dataDir}/files`). */
export function createFileStore(root: string): FileStore {
  const resolve = (storageKey: string) => {
    const m = keyPattern.exec(storageKey);
    // Only keys this store wrote resolve, so no stored value can point outside the root.
    if (!m || !m[2]!.startsWith(m[1]!)) throw new Error(`not a storage key: ${storageKey}`);
    return path.join(root, m[1]!, m[2]!);
  };

  return {
    async put(data) {
      const sha256 = createHash('sha256').update(data).digest('hex');
      const storageKey = `${sha256.slice(0, 2)}/${sha256}`;
      const target = resolve(storageKey);
      const existing = await stat(target).catch(() => null);
      if (existing?.size !== data.length) {
        await mkdir(path.dirname(target), { recursive: true });
        // Written beside the target and renamed into place, so a reader never sees half a file.
        const temp = `${target}.${randomUUID()}.tmp`;
        try {
          await writeFile(temp, data, { mode: 0o640 });
          await rename(temp, target);
        } finally {
          await rm(temp, { force: true });
        }
      }
      return { sha256, storageKey, sizeBytes: data.length };
    },

    async open(storageKey) {
      const file = resolve(storageKey);
      const { size } = await stat(file);
      return { stream: createReadStream(file), sizeBytes: size };
    },
  };
}
