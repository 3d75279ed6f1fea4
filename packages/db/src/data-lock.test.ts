import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataFolderInUse, DataFolderUnusable, lockDataFolder } from './data-lock.ts';

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'portal-lock-'));
});
afterAll(() => rm(tmp, { recursive: true, force: true }));

/** A Node process that takes the lock, says so, and waits to be killed. */
async function holderProcess(folder: string) {
  const lock = new URL('./data-lock.ts', import.meta.url).href;
  const script = `const { lockDataFolder } = await import(${JSON.stringify(lock)}); lockDataFolder(${JSON.stringify(folder)}); console.log('locked'); setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.once('data', () => resolve());
    child.once('exit', (code) => reject(new Error(`holder exited with ${code}`)));
  });
  return child;
}

describe('the data-folder lock', () => {
  it('lets one owner in and names it to the next, until it is released', () => {
    const folder = path.join(tmp, 'one');
    const lock = lockDataFolder(folder);
    const err = (() => {
      try {
        lockDataFolder(folder);
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(DataFolderInUse);
    expect((err as Error).message).toBe(`${folder} is in use by another portal process (pid ${process.pid}, since ${(err as DataFolderInUse).holder.since}): stop that process first, or give this one another DATA_DIR`);
    lock.release();
    lockDataFolder(folder).release();
  });

  it('is held by another process while it lives, and free the moment it is killed with SIGKILL', async () => {
    const folder = path.join(tmp, 'killed');
    const holder = await holderProcess(folder);
    expect(() => lockDataFolder(folder)).toThrow(new RegExp(`in use by another portal process \\(pid ${holder.pid}\\b`));
    const exited = new Promise((resolve) => holder.once('exit', resolve));
    holder.kill('SIGKILL');
    await exited;
    const lock = lockDataFolder(folder);
    lock.release();
  });

  it('explains a DATA_DIR that is a file in one line', async () => {
    const file = path.join(tmp, 'a-file');
    await writeFile(file, 'x');
    expect(() => lockDataFolder(file)).toThrow(DataFolderUnusable);
    expect(() => lockDataFolder(file)).toThrow(`DATA_DIR ${file} cannot be used: it (or a folder above it) is a file, not a folder; set DATA_DIR to a folder`);
    expect(() => lockDataFolder(path.join(file, 'below'))).toThrow(/is a file, not a folder/);
  });
});
