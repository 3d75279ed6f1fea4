// Writes the files of a prepared dump (a plain tar of directories and files, as PGlite's
// dumpDataDir makes it) into a new data folder; see data-folder.ts. Plain JavaScript, so that it
// runs in a worker thread under any loader. Throws on anything else a tar may hold.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { workerData } from 'node:worker_threads';

const { file, dataDir } = workerData;
const tar = readFileSync(file);
const root = path.resolve(dataDir);
mkdirSync(root, { recursive: true });
for (let at = 0; at + 512 <= tar.length && tar[at] !== 0; ) {
  const field = (from, length) => tar.toString('latin1', at + from, at + from + length).replace(/\0.*$/s, '');
  const name = field(0, 100);
  const size = parseInt(field(124, 12).trim() || '0', 8);
  const mode = parseInt(field(100, 8).trim() || '600', 8);
  const type = field(156, 1) || '0';
  const target = path.resolve(root, `.${path.posix.normalize(`/${name}`)}`);
  if (field(345, 155) || !target.startsWith(`${root}${path.sep}`) || !['0', '5'].includes(type) || Number.isNaN(size)) throw new Error(`unexpected entry ${name} in ${file}`);
  if (type === '5') mkdirSync(target, { recursive: true, mode });
  else {
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, tar.subarray(at + 512, at + 512 + size), { mode });
  }
  at += 512 + Math.ceil(size / 512) * 512;
}
