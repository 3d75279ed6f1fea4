// `pnpm bench:start`: how long `pnpm start` takes on embedded defaults (the SPA already built),
// from spawning the process until the portal stops answering "starting" — a first start on
// an empty data folder (migrations, demo seed with its history, search index), then a restart on
// the same folder. Prints one FIGURE line per start: wall-clock seconds, and the CPU seconds the
// portal process used (less sensitive to other work on the machine; Meilisearch's own process not
// counted), and the seconds since spawn at which each start-up step ended (the `phases` of the
// portal's "portal ready" line). BENCH_PORT (default 3499) and BENCH_RUNS (default 1: first start +
// restart, repeated) may be set.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const port = Number(process.env.BENCH_PORT ?? 3499);
const runs = Number(process.env.BENCH_RUNS ?? 1);

if (!existsSync(path.join(root, 'apps/web/dist/index.html'))) {
  console.error('build the SPA first: pnpm build');
  process.exit(1);
}

/** This environment on embedded defaults: no database or Meilisearch server, no demo-data choice. */
function embeddedEnv(extra) {
  const env = { ...process.env, ...extra };
  for (const name of ['DATABASE_URL', 'MEILI_URL', 'MEILI_MASTER_KEY', 'DEMO_DATA', 'SMTP_URL', 'NODE_ENV']) delete env[name];
  return env;
}

/** Starts the portal on `dataDir`, resolves with the milliseconds until health answered 200, the CPU seconds and the phases, then stops it. */
async function timedStart(dataDir) {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'apps/api/src/server.ts')], {
    cwd: path.join(root, 'apps/api'),
    // Info level for the one "portal ready" line (its phases); other log lines below warn are not shown.
    env: embeddedEnv({ DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info' }),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let phases = null;
  createInterface({ input: child.stdout }).on('line', (line) => {
    let entry = null;
    try {
      entry = line.startsWith('{') ? JSON.parse(line) : null;
    } catch {}
    if (entry?.phases) phases = entry.phases;
    else if (!entry || entry.level >= 40) console.log(line);
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  let ready = 0;
  let cpu = NaN;
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the portal exited with ${child.exitCode} before it was ready`);
      // Until it is ready the portal answers every request with 503 "the portal is starting".
      const res = await fetch(`http://127.0.0.1:${port}/api/health`).catch(() => null);
      const body = res ? await res.text() : '';
      if (res && !body.includes('the portal is starting')) {
        ready = performance.now() - started;
        break;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    cpu = cpuSeconds(child.pid);
    child.kill('SIGTERM');
    await exited;
  }
  return { ready, cpu, phases };
}

/** "modules 1.0, database 1.9, …": the seconds since the portal process started at which each step ended. */
function phaseList(phases) {
  return phases ? Object.entries(phases).map(([name, ms]) => `${name} ${(ms / 1000).toFixed(1)}`).join(', ') : 'not logged';
}

/** CPU seconds (user + system) a process has used so far, from /proc (Linux; 100 ticks per second). */
function cpuSeconds(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}

/**
 * The host's speed, to compare figures taken on different machines: seconds for a fixed amount of
 * one core's JavaScript (sorting 2 million pseudo-random numbers, then JSON round trips of 20,000
 * objects, three times). Printed before and after the starts, since other work on a shared host
 * changes it.
 */
function hostReference() {
  const t0 = performance.now();
  for (let round = 0; round < 3; round++) {
    let x = 2463534242;
    const numbers = new Float64Array(2_000_000).map(() => ((x ^= x << 13), (x ^= x >>> 17), (x ^= x << 5), x >>> 0));
    numbers.sort();
    const rows = Array.from({ length: 20_000 }, (_, i) => ({ id: i, name: `product ${i}`, price: (i * 0.37).toFixed(2), tags: ['a', 'b', String(i % 7)] }));
    if (JSON.parse(JSON.stringify(rows)).length !== rows.length) throw new Error('unreachable');
  }
  return ((performance.now() - t0) / 1000).toFixed(2);
}

console.log(`FIGURE host reference (a fixed JavaScript workload, one core): ${hostReference()} s`);
for (let i = 0; i < runs; i++) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'portal-bench-start-'));
  try {
    const load = () => os.loadavg()[0].toFixed(1);
    const first = await timedStart(dataDir);
    console.log(`FIGURE first start (migrations, demo seed and history, search index): ${(first.ready / 1000).toFixed(1)} s, portal process CPU ${first.cpu.toFixed(1)} s, load average ${load()}; phases (s): ${phaseList(first.phases)}`);
    const again = await timedStart(dataDir);
    console.log(`FIGURE restart on the same data folder: ${(again.ready / 1000).toFixed(1)} s, portal process CPU ${again.cpu.toFixed(1)} s, load average ${load()}; phases (s): ${phaseList(again.phases)}`);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
console.log(`FIGURE host reference (a fixed JavaScript workload, one core): ${hostReference()} s`);
