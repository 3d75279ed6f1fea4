// `pnpm bench:costing`: how fast is export costing? First the pure functions on a 200-line quote
// (costing every term) and a 200-line counter-offer (evaluating the buyer's prices), then the same
// through the real HTTP stack (Fastify, zod in and out, session check) on 127.0.0.1. Bounded loops:
// it stops by itself. PGlite by default; set TEST_DATABASE_URL to run on PostgreSQL.
// Targets (issue 11): a 200-line quote ≤ 5 ms in the function and ≤ 15 ms p95 through the API, the
// evaluation of a 200-line counter-offer in the same budget.
import { fork } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { calculateExportPrice, evaluateExportPrice, type ExportCostingInput, type ExportEvaluationInput } from '../packages/domain/src/costing.ts';
import { demoPassword, startTestApp } from '../apps/api/test/helpers.ts';
import { workedCostingExample } from '../packages/domain/src/costing.examples.ts';
import { tuneV8 } from '../apps/api/src/infra/v8-tuning.ts';

// The same V8 settings as the portal's server process (see v8-tuning.ts).
tuneV8();

const PURE_WARMUP = 50;
const PURE_QUOTES = 300;
const HTTP_WARMUP = 20;
const HTTP_REQUESTS = 200;
const LINES_PER_QUOTE = 200;
const TARGET_PURE_MS = 5;
const TARGET_HTTP_P95_MS = 15;

const line: ExportCostingInput = workedCostingExample;

// Vary the cost (and the counter price) so nothing can be cached along the way.
const quoteLines: ExportCostingInput[] = Array.from({ length: LINES_PER_QUOTE }, (_, i) => ({ ...line, purchaseCostInclVat: `${20 + (i % 50)}.${String(i % 100).padStart(2, '0')}` }));
const counterLines: ExportEvaluationInput[] = quoteLines.map((l, i) => {
  const { profitBasis: _b, profitRate: _p, ...rest } = l;
  return { ...rest, term: (['FOB', 'CFR', 'CIF'] as const)[i % 3]!, unitPrice: (3 + (i % 50) / 100).toFixed(4), targetProfitBasis: 'SHARE_OF_PRICE', targetProfitRate: '0.10' };
});

/** The value below which `share` of the sorted samples fall (nearest rank). */
function percentile(sorted: number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)]!;
}
const verdict = (ok: boolean) => (ok ? 'meets the target' : 'MISSES the target');

function benchPure(name: string, run: () => void) {
  for (let i = 0; i < PURE_WARMUP; i++) run();
  const samples: number[] = [];
  for (let i = 0; i < PURE_QUOTES; i++) {
    const t0 = performance.now();
    run();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  const p50 = percentile(samples, 0.5);
  console.log(`${name}, ${LINES_PER_QUOTE} lines, ${PURE_QUOTES} runs after ${PURE_WARMUP} warm-up:`);
  console.log(`  p50 ${p50.toFixed(2)} ms, p95 ${percentile(samples, 0.95).toFixed(2)} ms per ${LINES_PER_QUOTE}-line quote (${((p50 * 1000) / LINES_PER_QUOTE).toFixed(1)} µs per line); target ≤ ${TARGET_PURE_MS} ms: ${verdict(p50 <= TARGET_PURE_MS)}`);
}

type ClientRun = { samples: number[]; bytes: number; elapsedMs: number };

/** Runs the requests from a client in its own process (scripts/bench-http-client.mjs), as a real API client would send them. */
function runClient(job: { address: string; cookie: string; url: string; body: string; warmup: number; requests: number }): Promise<ClientRun> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(new URL('./bench-http-client.mjs', import.meta.url)), [], { stdio: 'inherit', execArgv: [] });
    child.once('message', (answer: ClientRun | { error: string }) => ('error' in answer ? reject(new Error(answer.error)) : resolve(answer)));
    child.once('error', reject);
    child.once('exit', (code) => { if (code !== 0) reject(new Error(`the benchmark client exited with ${code}`)); });
    child.send(job);
  });
}

async function benchHttp() {
  const t = await startTestApp();
  try {
    const address = await t.app.listen({ host: '127.0.0.1', port: 0 });
    const login = await fetch(`${address}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'clerk@demo.example', password: demoPassword }),
    });
    if (login.status !== 200) throw new Error(`login failed: ${login.status} ${await login.text()}`);
    const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');

    for (const [url, lines] of [['/api/costing/calculate-batch', quoteLines], ['/api/costing/evaluate-batch', counterLines]] as const) {
      const body = JSON.stringify({ lines });
      const { samples, bytes, elapsedMs } = await runClient({ address, cookie, url, body, warmup: HTTP_WARMUP, requests: HTTP_REQUESTS });
      samples.sort((a, b) => a - b);
      const p95 = percentile(samples, 0.95);
      console.log(`POST ${url}, ${LINES_PER_QUOTE} lines (${Math.round(body.length / 1024)} KiB in, ${Math.round(bytes / 1024)} KiB out), ${HTTP_REQUESTS} requests in sequence after ${HTTP_WARMUP} warm-up, database ${t.db.kind}:`);
      console.log(`  p50 ${percentile(samples, 0.5).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, p99 ${percentile(samples, 0.99).toFixed(1)} ms per ${LINES_PER_QUOTE}-line request; target p95 ≤ ${TARGET_HTTP_P95_MS} ms: ${verdict(p95 <= TARGET_HTTP_P95_MS)}`);
      console.log(`  ${(HTTP_REQUESTS / (elapsedMs / 1000)).toFixed(1)} requests/s, ${Math.round((HTTP_REQUESTS * LINES_PER_QUOTE) / (elapsedMs / 1000))} lines/s`);
    }
  } finally {
    await t.close();
  }
}

// BENCH_ONLY=function or BENCH_ONLY=http runs one half (to profile it alone, say).
const only = process.env.BENCH_ONLY;
console.log(`Node ${process.version}`);
if (only !== 'http') {
  benchPure('calculateExportPrice (FCL, all terms)', () => { for (const l of quoteLines) calculateExportPrice(l); });
  benchPure('evaluateExportPrice (FOB/CFR/CIF counter prices, target profit)', () => { for (const l of counterLines) evaluateExportPrice(l); });
}
if (only !== 'function') await benchHttp();
