// The first load of the SPA: the entry script and every chunk index.html preloads, gzipped.
// Fails above the budget (150 KB), so a heavy import into the entry is caught before it lands.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../apps/web/dist');
const budget = Number(process.env.FIRST_LOAD_BUDGET_KB ?? 150);
const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
const files = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]);
let total = 0;
for (const file of files) {
  const size = gzipSync(readFileSync(path.join(dist, file)), { level: 9 }).length;
  total += size;
  console.log(`  ${file.padEnd(44)} ${(size / 1024).toFixed(1).padStart(6)} KB gz`);
}
const kb = total / 1024;
console.log(`first-load JavaScript: ${kb.toFixed(1)} KB gzipped in ${files.length} files (budget ${budget} KB)`);
process.exit(kb <= budget ? 0 : 1);
