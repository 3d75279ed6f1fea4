// `pnpm bench:costing`: how fast is export costing? First the pure function, then a 200-line quote
// through the real HTTP stack (Fastify, zod in and out, session check) on 127.0.0.1. Bounded loops:
// it stops by itself. PGlite by default; set TEST_DATABASE_URL to run on PostgreSQL.
import { performance } from 'node:perf_hooks';
import { calculateExportPrice, type ExportCostingInput } from '../packages/domain/src/costing.ts';
import { demoPassword, startTestApp } from '../apps/api/test/helpers.ts';
import { workedCostingExample } from '../packages/domain/src/costing.examples.ts';

const PURE_WARMUP = 2_000;
const PURE_ITERATIONS = 20_000;
const HTTP_WARMUP = 10;
const HTTP_REQUESTS = 200;
const LINES_PER_QUOTE = 200;

const line: ExportCostingInput = workedCostingExample;

/** The value below which `share` of the sorted samples fall (nearest rank). */
function percentile(sorted: number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)]!;
}

function benchPure() {
  // Vary the cost so nothing can be cached along the way.
  const inputs = Array.from({ length: 100 }, (_, i) => ({ ...line, purchaseCostInclVat: `${20 + i}.${String(i).padStart(2, '0')}` }));
  for (let i = 0; i < PURE_WARMUP; i++) calculateExportPrice(inputs[i % inputs.length]!);
  const samples: number[] = [];
  const started = performance.now();
  for (let i = 0; i < PURE_ITERATIONS; i++) {
    const t0 = performance.now();
    calculateExportPrice(inputs[i % inputs.length]!);
    samples.push((performance.now() - t0) * 1000);
  }
  const elapsedMs = performance.now() - started;
  samples.sort((a, b) => a - b);
  console.log(`calculateExportPrice (FCL, all terms), ${PURE_ITERATIONS} calls after ${PURE_WARMUP} warm-up:`);
  console.log(`  ${Math.round(PURE_ITERATIONS / (elapsedMs / 1000))} ops/s`);
  console.log(`  p50 ${percentile(samples, 0.5).toFixed(1)} µs, p95 ${percentile(samples, 0.95).toFixed(1)} µs, max ${samples.at(-1)!.toFixed(1)} µs per call`);
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

    const lines = Array.from({ length: LINES_PER_QUOTE }, (_, i) => ({ ...line, purchaseCostInclVat: `${20 + (i % 50)}.${String(i % 100).padStart(2, '0')}` }));
    const body = JSON.stringify({ lines });
    const quote = async () => {
      const res = await fetch(`${address}/api/costing/calculate-batch`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body });
      const text = await res.text();
      if (res.status !== 200) throw new Error(`costing failed: ${res.status} ${text.slice(0, 300)}`);
      return text.length;
    };

    for (let i = 0; i < HTTP_WARMUP; i++) await quote();
    const samples: number[] = [];
    let bytes = 0;
    const started = performance.now();
    for (let i = 0; i < HTTP_REQUESTS; i++) {
      const t0 = performance.now();
      bytes = await quote();
      samples.push(performance.now() - t0);
    }
    const elapsedMs = performance.now() - started;
    samples.sort((a, b) => a - b);
    console.log(`POST /api/costing/calculate-batch, ${LINES_PER_QUOTE} lines (${Math.round(body.length / 1024)} KiB in, ${Math.round(bytes / 1024)} KiB out), ${HTTP_REQUESTS} requests in sequence after ${HTTP_WARMUP} warm-up, database ${t.db.kind}:`);
    console.log(`  p50 ${percentile(samples, 0.5).toFixed(1)} ms, p95 ${percentile(samples, 0.95).toFixed(1)} ms, p99 ${percentile(samples, 0.99).toFixed(1)} ms per 200-line quote`);
    console.log(`  ${(HTTP_REQUESTS / (elapsedMs / 1000)).toFixed(1)} quotes/s, ${Math.round((HTTP_REQUESTS * LINES_PER_QUOTE) / (elapsedMs / 1000))} lines/s`);
  } finally {
    await t.close();
  }
}

console.log(`Node ${process.version}`);
benchPure();
await benchHttp();
