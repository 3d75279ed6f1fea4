// `node scripts/cpuprofile-top.mjs <file.cpuprofile> [rows]`: where a V8 CPU profile spent its time.
// Prints self time by package (node_modules/<name>, node: internals, the portal's own files) and the
// functions with the most self time, as shares of the busy (non-idle) samples. PROFILE_LAST_S=<seconds>
// keeps only the samples of the profile's last seconds (a benchmark's loop without its start-up).
import { readFileSync } from 'node:fs';

const [file, rowsArg] = process.argv.slice(2);
if (!file) {
  console.error('usage: node scripts/cpuprofile-top.mjs <file.cpuprofile> [rows]');
  process.exit(2);
}
const rows = Number(rowsArg ?? 30);
const profile = JSON.parse(readFileSync(file, 'utf8'));
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));

// Self time per node: the time deltas of the samples that landed on it.
const self = new Map();
const lastUs = process.env.PROFILE_LAST_S ? Number(process.env.PROFILE_LAST_S) * 1e6 : Infinity;
const fromUs = profile.endTime - lastUs;
let at = profile.startTime;
profile.samples.forEach((id, i) => {
  at += profile.timeDeltas[i] ?? 0;
  if (at >= fromUs) self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
});

const idleNames = new Set(['(idle)', '(program)']);
let busy = 0;
let idle = 0;
const byFunction = new Map();
const byPackage = new Map();
for (const [id, us] of self) {
  const { callFrame: f } = nodes.get(id);
  if (idleNames.has(f.functionName)) {
    idle += us;
    continue;
  }
  busy += us;
  const where = packageOf(f.url, f.functionName);
  const key = `${f.functionName || '(anonymous)'}  ${shortUrl(f.url)}:${f.lineNumber + 1}`;
  byFunction.set(key, (byFunction.get(key) ?? 0) + us);
  byPackage.set(where, (byPackage.get(where) ?? 0) + us);
}

function packageOf(url, name) {
  if (!url) return name === '(garbage collector)' ? '(garbage collector)' : '(native)';
  if (url.startsWith('node:')) return 'node:' + url.slice(5).split('/')[0];
  const m = url.match(/node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/);
  if (m) return m[1];
  const own = url.match(/\/(apps\/[^/]+|packages\/[^/]+|scripts)\//);
  return own ? own[1] : url;
}
function shortUrl(url) {
  return url.replace(/^file:\/\//, '').replace(/.*node_modules\/(\.pnpm\/[^/]+\/node_modules\/)?/, '').replace(/.*\/(apps|packages|scripts)\//, '$1/');
}
const pct = (us) => `${((100 * us) / busy).toFixed(1).padStart(5)} %`;
const total = busy + idle;
console.log(`${file}: ${(total / 1e6).toFixed(1)} s sampled, busy ${(100 * busy / total).toFixed(1)} %`);
console.log('\nSelf time by package:');
for (const [k, v] of [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, rows)) console.log(`  ${pct(v)}  ${k}`);
console.log('\nSelf time by function:');
for (const [k, v] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, rows)) console.log(`  ${pct(v)}  ${k}`);
