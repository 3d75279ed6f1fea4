import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { cacheDir, loadingMarker, madeFromDump, templateFile } from './data-folder.ts';
import { migratePglite } from './migrate.ts';

/*
 * A prepared embedded database: an empty PGlite cluster with every migration applied, dumped once
 * (by `pnpm build`, or `pnpm start` before the portal's first run) and loaded into a new data folder
 * instead of running PostgreSQL's `initdb` and the migrations there — about 2.6 s of a first start
 * on a 2-core machine, against half a second to load the dump (its files are written by a worker
 * thread, see data-folder.ts). The dump's name carries a hash of the
 * migrations and the PGlite version: after either changes, a stale dump is simply not used (and the
 * next preparation writes the new one); a folder made from a dump migrates like any other.
 */

export { templateFile };

/** Writes the dump for the current migrations unless it is there; returns its path. Safe to run twice at once. */
export async function prepareTemplate(): Promise<string> {
  const file = templateFile();
  if (existsSync(file)) return file;
  await mkdir(cacheDir, { recursive: true });
  const db = await PGlite.create();
  try {
    await migratePglite(db);
    const dump = await db.dumpDataDir('none');
    const partial = `${file}.${process.pid}.partial`;
    await writeFile(partial, Buffer.from(await dump.arrayBuffer()));
    await rename(partial, file);
  } finally {
    await db.close();
  }
  return file;
}

/**
 * Opens the PGlite cluster in `dataDir`. A folder that does not exist yet is made from the prepared
 * dump when there is one. A marker beside the folder (`<dataDir>.loading`) stands while the dump is
 * loaded: a start killed meanwhile leaves it, and the next start removes the half-loaded folder and
 * loads again. A folder without the marker is never touched.
 */
export async function openPgliteCluster(dataDir: string): Promise<PGlite> {
  const marker = loadingMarker(dataDir);
  // Made from the dump by a worker thread (see data-folder.ts), perhaps started long before.
  if (await madeFromDump(dataDir)) {
    const db = await PGlite.create({ dataDir });
    await rm(marker, { force: true });
    return db;
  }
  // Otherwise PGlite's own loader, for a dump the worker could not write.
  if (existsSync(marker)) await rm(dataDir, { recursive: true, force: true });
  if (!existsSync(dataDir)) {
    const file = (() => {
      try {
        return templateFile();
      } catch {
        return null;
      }
    })();
    if (file && existsSync(file)) {
      await mkdir(path.dirname(dataDir), { recursive: true });
      await writeFile(marker, `loading ${path.basename(file)} since ${new Date().toISOString()}\n`);
      const db = await PGlite.create({ dataDir, loadDataDir: new Blob([await readFile(file)]) });
      await rm(marker, { force: true });
      return db;
    }
  }
  return PGlite.create({ dataDir });
}
