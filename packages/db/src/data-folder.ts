import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { migrationsDir } from './schema-engine.ts';

/*
 * A new embedded data folder is made from the prepared dump (see template.ts) by writing its files
 * in a worker thread: about 1,300 files, and creating a file costs most of a millisecond on these
 * machines, so the server starts it before it loads its own modules and the two go on side by
 * side. This module is light (no PGlite) so that it can be loaded that early, and everything up to
 * the worker's start is synchronous: loading modules leaves the event loop no turn to go on with.
 */

const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const cacheDir = path.join(packageDir, 'node_modules', '.cache', 'portal-pglite');

/** A hash of the PGlite version and of each migration (its folder's name and its SQL). */
function fingerprint(): string {
  const pglite = JSON.parse(readFileSync(path.join(packageDir, 'node_modules', '@electric-sql', 'pglite', 'package.json'), 'utf8')) as { version: string };
  const hash = createHash('sha256').update(`pglite ${pglite.version}\n`);
  const names = existsSync(migrationsDir) ? readdirSync(migrationsDir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort() : [];
  for (const name of names) hash.update(`${name}\n${readFileSync(path.join(migrationsDir, name, 'migration.sql'), 'utf8')}\n`);
  return hash.digest('hex').slice(0, 16);
}

/** Where the dump for the current migrations lives (it may not exist yet). */
export function templateFile(): string {
  return path.join(cacheDir, `cluster-${fingerprint()}.tar`);
}

/** The marker that stands beside a folder while it is being made: a start killed meanwhile leaves it. */
export const loadingMarker = (dataDir: string) => `${path.resolve(dataDir)}.loading`;

const started = new Map<string, Promise<boolean>>();

/**
 * Starts making `dataDir` from the prepared dump when it does not exist yet (or its making was cut
 * short), beside whatever the caller does next; `madeFromDump` then waits for it.
 */
export function startMakingDataFolder(dataDir: string): void {
  const key = path.resolve(dataDir);
  if (started.has(key)) return;
  const making = makeFromDump(key);
  // Its failure reaches whoever waits for it (madeFromDump), not the process's rejection handler.
  making.catch(() => {});
  started.set(key, making);
}

/**
 * Whether `dataDir` was just made from the dump (by the start above, or now), its marker still
 * standing until the caller has opened it; false when the folder was there already, or there is no
 * dump, or writing it failed (the folder is then removed and the marker left for the caller's own
 * loader).
 */
export function madeFromDump(dataDir: string): Promise<boolean> {
  const key = path.resolve(dataDir);
  const making = started.get(key) ?? makeFromDump(key);
  started.delete(key);
  return making;
}

async function makeFromDump(dataDir: string): Promise<boolean> {
  const marker = loadingMarker(dataDir);
  if (existsSync(marker)) rmSync(dataDir, { recursive: true, force: true });
  if (existsSync(dataDir)) return false;
  let file: string;
  try {
    file = templateFile();
  } catch {
    return false;
  }
  if (!existsSync(file)) return false;
  mkdirSync(path.dirname(dataDir), { recursive: true });
  writeFileSync(marker, `loading ${path.basename(file)} since ${new Date().toISOString()}\n`);
  try {
    await new Promise<void>((resolve, reject) => {
      const worker = new Worker(new URL('./extract-dump.worker.mjs', import.meta.url), { workerData: { file, dataDir } });
      worker.once('error', reject);
      worker.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`the dump's worker exited with ${code}`))));
    });
    return true;
  } catch {
    await rm(dataDir, { recursive: true, force: true });
    return false;
  }
}
