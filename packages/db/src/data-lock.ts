// One owner per data folder. Two processes on one PGlite folder corrupt it (duplicate numbers,
// broken indexes, once a folder that never opened again), so the portal holds an exclusive
// open-file-description lock (fcntl F_OFD_SETLK) on DATA_DIR/.lock while it runs. The kernel
// releases it when the process ends in any way, kill -9 included, so a crashed owner never blocks
// the next start; a second process finds it held and stops at once, naming the holder.
import { closeSync, ftruncateSync, mkdirSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { tryLock, unlock } from 'fs-native-extensions';

/** The data folder is held by another process. */
export class DataFolderInUse extends Error {
  constructor(
    readonly folder: string,
    readonly holder: { pid?: number; host?: string; since?: string },
  ) {
    super(
      `${folder} is in use by another portal process (${holder.pid ? `pid ${holder.pid}` : 'pid unknown'}${holder.host && holder.host !== hostname() ? ` on ${holder.host}` : ''}${holder.since ? `, since ${holder.since}` : ''}): stop that process first, or give this one another DATA_DIR`,
    );
    this.name = 'DataFolderInUse';
  }
}

/** The data folder cannot be used at all (not a folder, not writable). */
export class DataFolderUnusable extends Error {
  constructor(folder: string, reason: string) {
    super(`DATA_DIR ${folder} cannot be used: ${reason}`);
    this.name = 'DataFolderUnusable';
  }
}

export type DataFolderLock = { folder: string; release(): void };

function explain(folder: string, err: NodeJS.ErrnoException): DataFolderUnusable {
  switch (err.code) {
    case 'EEXIST':
    case 'ENOTDIR':
      return new DataFolderUnusable(folder, 'it (or a folder above it) is a file, not a folder; set DATA_DIR to a folder');
    case 'EACCES':
    case 'EPERM':
      return new DataFolderUnusable(folder, `this user (uid ${process.getuid?.() ?? '?'}) may not write there; fix its owner or permissions, or set DATA_DIR to a writable folder`);
    case 'EROFS':
      return new DataFolderUnusable(folder, 'it is on a read-only file system; set DATA_DIR to a writable folder (a volume in a container)');
    case 'ENOSPC':
      return new DataFolderUnusable(folder, 'the disk is full; free space there');
    default:
      return new DataFolderUnusable(folder, `${err.code ?? ''} ${err.message}`.trim());
  }
}

/** Takes the data folder (creating it) or throws DataFolderInUse / DataFolderUnusable. */
export function lockDataFolder(folder: string): DataFolderLock {
  const dir = path.resolve(folder);
  let fd: number;
  try {
    mkdirSync(dir, { recursive: true });
    if (!statSync(dir).isDirectory()) throw Object.assign(new Error('not a directory'), { code: 'ENOTDIR' });
    fd = openSync(path.join(dir, '.lock'), 'r+', 0o644);
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (e.code !== 'ENOENT') throw explain(dir, e);
    try {
      fd = openSync(path.join(dir, '.lock'), 'w+', 0o644);
    } catch (err2) {
      throw explain(dir, err2 as NodeJS.ErrnoException);
    }
  }
  let granted: boolean;
  try {
    granted = tryLock(fd);
  } catch (err) {
    closeSync(fd);
    throw explain(dir, err as NodeJS.ErrnoException);
  }
  if (!granted) {
    closeSync(fd);
    let holder: { pid?: number; host?: string; since?: string } = {};
    try {
      holder = JSON.parse(readFileSync(path.join(dir, '.lock'), 'utf8')) as typeof holder;
    } catch {
      // Written a moment after the lock is taken: the holder is still starting.
    }
    throw new DataFolderInUse(dir, holder);
  }
  const owner = JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() });
  ftruncateSync(fd, 0);
  writeSync(fd, `${owner}\n`, 0);
  let released = false;
  return {
    folder: dir,
    release() {
      if (released) return;
      released = true;
      try {
        ftruncateSync(fd, 0);
        unlock(fd);
      } finally {
        closeSync(fd);
      }
    },
  };
}
