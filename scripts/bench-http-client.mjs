// The client side of an HTTP benchmark, run as its own process (as a real API client is): the
// server's process then spends its time on serving only, and the client's reading and parsing of
// each answer is not queued behind the server's work on the same event loop. Started with
// child_process.fork; receives { address, cookie, url, body, warmup, requests } and answers
// { samples (ms per request, in order), bytes (of the last answer), elapsedMs } or { error }. A
// request's time runs from sending it to having read the whole answer as text, as wrk or autocannon
// count it (the client's own JSON.parse of the answer is not the server's time).
import { performance } from 'node:perf_hooks';

process.once('message', async ({ address, cookie, url, body, warmup, requests }) => {
  try {
    const call = async () => {
      const res = await fetch(`${address}${url}`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body });
      const text = await res.text();
      if (res.status !== 200) throw new Error(`${url} failed: ${res.status} ${text.slice(0, 300)}`);
      return text.length;
    };
    for (let i = 0; i < warmup; i++) await call();
    const samples = [];
    let bytes = 0;
    const started = performance.now();
    for (let i = 0; i < requests; i++) {
      const t0 = performance.now();
      bytes = await call();
      samples.push(performance.now() - t0);
    }
    process.send({ samples, bytes, elapsedMs: performance.now() - started }, () => process.exit(0));
  } catch (error) {
    process.send({ error: String(error?.stack ?? error) }, () => process.exit(1));
  }
});
