// The embedded defaults under faults: a first start killed with SIGKILL at several moments, a second
// process on the same data folder, SIGKILL under write load (every acknowledged write must be
// there after the restart), Meilisearch killed under the portal, SIGTERM under write load.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { figure, login, startPortal, type Portal } from './harness.ts';

let dataDir: string;
let portal: Portal | null = null;
beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'portal-faults-'));
});
afterAll(async () => {
  portal?.kill('SIGKILL');
  await portal?.exited;
  await rm(dataDir, { recursive: true, force: true });
});

const env = () => ({ DATA_DIR: dataDir, LOGIN_RATE_LIMIT: '1000' });

async function json(url: string, init: RequestInit = {}): Promise<{ status: number; body: any }> {
  const res = await fetch(url, { ...init, signal: AbortSignal.timeout(15_000) });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

const inquiry = (i: number) => ({
  lines: [{ description: `Custom enamel mug, run ${i}`, quantity: '2000', unit: 'pc' }],
  incoterm: 'FOB', namedPlace: 'Ningbo', destinationCountry: 'GB', currency: 'USD',
});

/** Writes inquiries `lanes` at a time until `stop()`; returns the ids the server acknowledged (201). */
function writeLoad(url: string, cookie: string, lanes = 4) {
  const acknowledged: { id: string; number: string; sentAt: number }[] = [];
  let failed = 0;
  let running = true;
  let n = 0;
  const lane = async () => {
    while (running) {
      const i = n++;
      const sentAt = Date.now();
      try {
        const res = await json(`${url}/api/inquiries`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify(inquiry(i)) });
        if (res.status === 201) acknowledged.push({ id: res.body.id, number: res.body.number, sentAt });
        else failed += 1;
      } catch {
        failed += 1;
        // A refused or cut connection: the server is gone or going.
        await new Promise((r) => setTimeout(r, 20));
      }
    }
  };
  const done = Promise.all(Array.from({ length: lanes }, lane));
  return {
    acknowledged,
    get failed() {
      return failed;
    },
    async stop() {
      running = false;
      await done;
    },
  };
}

/** Every acknowledged inquiry is there, once, under its number. */
async function expectAllPresent(url: string, acknowledged: { id: string; number: string }[]) {
  const { cookie } = await login(url, 'clerk@demo.example');
  const missing: string[] = [];
  for (const a of acknowledged) {
    const res = await json(`${url}/api/inquiries/${a.id}`, { headers: { cookie } });
    if (res.status !== 200 || res.body.number !== a.number) missing.push(`${a.number} (${res.status})`);
  }
  expect(missing).toEqual([]);
  expect(new Set(acknowledged.map((a) => a.number)).size).toBe(acknowledged.length);
}

describe('the embedded portal under faults', () => {
  it('a first start killed with SIGKILL during migrations and during the seed starts cleanly afterwards, with all the demo data', async () => {
    for (const killAfterMs of [2_500, 9_000]) {
      const p = startPortal(env());
      await new Promise((r) => setTimeout(r, killAfterMs));
      p.kill('SIGKILL');
      await p.exited;
    }
    portal = startPortal(env());
    const ms = await portal.ready();
    figure('start after two first starts killed with SIGKILL (ms)', String(ms));
    const search = await json(`${portal.url}/api/catalog/search?pageSize=48`);
    expect(search.body.total).toBe(17);
    expect((await login(portal.url, 'admin@demo.example')).status).toBe(200);
  });

  it('a second process on the same data folder exits at once with one line naming the folder and the first process', async () => {
    const started = Date.now();
    const second = startPortal(env());
    const { code } = await second.exited;
    const ms = Date.now() - started;
    figure('second process on one data folder refused after (ms)', String(ms));
    expect(code).toBe(75);
    expect(second.lines).toEqual([`${dataDir} is in use by another portal process (pid ${portal!.proc.pid}, since ${second.lines[0]!.match(/since ([^)]+)\)/)![1]}): stop that process first, or give this one another DATA_DIR`]);
    // The first one serves on.
    expect((await json(`${portal!.url}/api/health`)).status).toBe(200);
  });

  it('SIGKILL under write load loses no acknowledged write', async () => {
    const { cookie } = await login(portal!.url, 'buyer@demo.example');
    const load = writeLoad(portal!.url, cookie);
    await new Promise((r) => setTimeout(r, 4_000));
    portal!.kill('SIGKILL');
    await portal!.exited;
    await load.stop();
    expect(load.acknowledged.length).toBeGreaterThan(5);
    portal = startPortal(env());
    const ms = await portal.ready();
    figure('restart after SIGKILL under write load (ms)', String(ms));
    figure('acknowledged inquiries before SIGKILL, all present after restart', String(load.acknowledged.length));
    await expectAllPresent(portal.url, load.acknowledged);
  });

  it('Meilisearch killed under the portal comes back, and the index catches up with a change made meanwhile', async () => {
    const pidLine = [...portal!.lines].reverse().find((l) => /meilisearch: (listening on|restarted).*pid \d+/.test(l))!;
    const meiliPid = Number(pidLine.match(/pid (\d+)/)![1]);
    const clerk = await login(portal!.url, 'clerk@demo.example');
    const before = await json(`${portal!.url}/api/catalog/search?q=tumbler`);
    const target = before.body.items[0] as { id: string };
    expect(target).toBeDefined();
    const killedAt = Date.now();
    process.kill(meiliPid, 'SIGKILL');
    // Meanwhile: search answers from the database, and a change waits in the outbox.
    const during = await json(`${portal!.url}/api/catalog/search?q=tumbler`);
    expect(during.status).toBe(200);
    expect((await json(`${portal!.url}/api/products/${target.id}/archive`, { method: 'POST', headers: { cookie: clerk.cookie } })).status).toBe(200);

    let health: any;
    for (;;) {
      health = (await json(`${portal!.url}/api/health`)).body;
      // Back means answering again after its restart. Index tasks a killed portal process had claimed
      // (earlier in this suite) may still wait out their lease, so "waiting" tasks do not count here;
      // the change made meanwhile is checked below.
      if (/^Meilisearch answers/.test(health.components.search.detail) && /restarted 1 time/.test(health.components.search.detail)) break;
      if (Date.now() - killedAt > 60_000) throw new Error(`Meilisearch did not come back: ${JSON.stringify(health.components.search)}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    figure('Meilisearch back after SIGKILL (ms)', String(Date.now() - killedAt));
    expect(health.components.search.detail).toMatch(/last exit: signal SIGKILL/);
    expect(portal!.lines.some((l) => /meilisearch: exited unexpectedly \(signal SIGKILL\)/.test(l))).toBe(true);
    // The archived product leaves the index once the waiting task is applied.
    for (;;) {
      const after = await json(`${portal!.url}/api/catalog/search?q=tumbler`);
      if (!after.body.degraded && !after.body.items.some((i: { id: string }) => i.id === target.id)) break;
      if (Date.now() - killedAt > 90_000) throw new Error('the index did not catch up');
      await new Promise((r) => setTimeout(r, 200));
    }
    figure('index caught up after the Meilisearch restart (ms since the kill)', String(Date.now() - killedAt));
  });

  it('SIGTERM under write load: stops accepting, drains, exits 0 within the drain time, and loses nothing', async () => {
    const { cookie } = await login(portal!.url, 'buyer@demo.example');
    const load = writeLoad(portal!.url, cookie);
    await new Promise((r) => setTimeout(r, 2_000));
    const sentAt = Date.now();
    portal!.kill('SIGTERM');
    const { code } = await portal!.exited;
    const stopMs = Date.now() - sentAt;
    await load.stop();
    // Requests in flight when the server takes the signal are drained (answered). A busy event loop
    // takes the signal a little after it is sent; a second later nothing new is accepted.
    const soonAfter = load.acknowledged.filter((a) => a.sentAt > sentAt).length;
    const afterSignal = load.acknowledged.filter((a) => a.sentAt > sentAt + 1_000).length;
    figure('SIGTERM under write load: exit code, time to exit (ms), writes acknowledged that were sent after the signal (within 1 s / later)', `${code}, ${stopMs}, ${soonAfter - afterSignal} / ${afterSignal}`);
    expect(code).toBe(0);
    expect(stopMs).toBeLessThan(10_000);
    expect(afterSignal).toBe(0);
    portal = startPortal(env());
    const ms = await portal.ready();
    figure('restart after a clean SIGTERM (ms)', String(ms));
    await expectAllPresent(portal.url, load.acknowledged);
  });
});
