import { spawn } from 'node:child_process';
import { mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSearchClient } from './client.ts';
import { BinaryIntegrityError, sha256File, startEmbeddedMeilisearch, startSupervisedMeilisearch, verifyBinary } from './embedded.ts';
import { ensureProductIndex, isSearchUnavailable, searchProducts, upsertProducts } from './products.ts';
import { generateSampleProducts, startTestMeilisearch } from './testing.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'portal-search-verify-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('verifyBinary', () => {
  it('refuses a file whose sha256 is not the pinned one, and remembers nothing about it', async () => {
    const file = path.join(dir, 'fake-meilisearch');
    const marker = path.join(dir, 'marker.json');
    await writeFile(file, '#!/bin/sh\necho pwned\n');
    const err = await verifyBinary(file, '5354d854974433f8f903e59347c1c6a7f2ad947f21b3402a2cc01e07b1c952e0', marker).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BinaryIntegrityError);
    expect((err as Error).message).toMatch(/refusing to run .*fake-meilisearch: its sha256 is [0-9a-f]{64}, expected 5354d854/);
    await expect(verifyBinary(file, '5354d854974433f8f903e59347c1c6a7f2ad947f21b3402a2cc01e07b1c952e0', marker)).rejects.toBeInstanceOf(BinaryIntegrityError);
  });

  it('hashes once, then trusts the marker until the size or mtime changes', async () => {
    const file = path.join(dir, 'binary');
    const marker = path.join(dir, 'sub', 'marker.json');
    await writeFile(file, 'original content');
    const hash = await sha256File(file);
    expect(await verifyBinary(file, hash, marker)).toEqual({ hashed: true });
    expect(await verifyBinary(file, hash, marker)).toEqual({ hashed: false });

    // Same size, new content and a new mtime: hashed again, and refused.
    await writeFile(file, 'tampered content');
    await utimes(file, new Date(), new Date(Date.now() + 5_000));
    await expect(verifyBinary(file, hash, marker)).rejects.toBeInstanceOf(BinaryIntegrityError);
  });
});

/** Runs a Node process that starts an engine, reports its pid, then `then`s: exits, or waits to be killed. */
async function engineInChildProcess(then: 'exit' | 'wait'): Promise<{ parent: ReturnType<typeof spawn>; enginePid: number }> {
  const embedded = new URL('./embedded.ts', import.meta.url).href;
  const script = `
    const { startEmbeddedMeilisearch } = await import(${JSON.stringify(embedded)});
    const engine = await startEmbeddedMeilisearch({ dataDir: ${JSON.stringify(path.join(dir, `child-${then}`))}, masterKey: 'test-master-key-1234' });
    console.log(JSON.stringify({ pid: engine.pid }));
    ${then === 'exit' ? 'process.exit(0);' : 'setInterval(() => {}, 1000);'}
  `;
  const parent = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await new Promise<string>((resolve, reject) => {
    parent.stdout!.once('data', (chunk: Buffer) => resolve(chunk.toString()));
    parent.once('exit', (code) => reject(new Error(`child exited with ${code} before reporting`)));
  });
  return { parent, enginePid: (JSON.parse(line) as { pid: number }).pid };
}

async function waitUntilGone(pid: number): Promise<boolean> {
  for (let i = 0; i < 100; i += 1) {
    try {
      process.kill(pid, 0);
    } catch {
      return true;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

describe('startEmbeddedMeilisearch', () => {
  it('takes Meilisearch down with the process that started it, even when that process is SIGKILLed', async () => {
    const exiting = await engineInChildProcess('exit');
    expect(await waitUntilGone(exiting.enginePid)).toBe(true);

    const killed = await engineInChildProcess('wait');
    process.kill(killed.enginePid, 0); // still running while its parent lives
    killed.parent.kill('SIGKILL');
    expect(await waitUntilGone(killed.enginePid)).toBe(true);
  });

  it('reports why Meilisearch could not start, with its own output', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as net.AddressInfo;
    try {
      const err = await startEmbeddedMeilisearch({ dataDir: path.join(dir, 'taken'), port, masterKey: 'test-master-key-1234' }).catch((e: unknown) => e);
      expect((err as Error).message).toMatch(/Meilisearch exited during startup[\s\S]*in use/i);
    } finally {
      blocker.close();
    }
  });

  it('makes the next call unavailable once the engine is stopped', async () => {
    const engine = await startTestMeilisearch();
    const client = createSearchClient({ host: engine.url, apiKey: engine.masterKey });
    const query = { q: 'mug', filters: {}, sort: 'relevance', page: 1, pageSize: 5 } as const;
    try {
      await ensureProductIndex(client, 'products');
      await upsertProducts(client, 'products', generateSampleProducts());
      expect((await searchProducts(client, 'products', query)).total).toBeGreaterThan(0);
    } finally {
      await engine.stop();
      await engine.stop(); // idempotent
    }
    const err = await searchProducts(client, 'products', query).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect(isSearchUnavailable(err)).toBe(true);
    expect(() => process.kill(engine.pid, 0)).toThrow();
  });
});

describe('the master key', () => {
  it('may begin with "-" (it is not passed as a command-line argument)', async () => {
    const masterKey = '-T' + 'x'.repeat(30);
    const engine = await startEmbeddedMeilisearch({ dataDir: path.join(dir, 'dash-key'), masterKey });
    try {
      const keys = await fetch(`${engine.url}/keys`, { headers: { authorization: `Bearer ${masterKey}` } });
      expect(keys.status).toBe(200);
      const wrong = await fetch(`${engine.url}/keys`, { headers: { authorization: 'Bearer wrong-key-of-some-length' } });
      expect(wrong.status).toBe(403);
    } finally {
      await engine.stop();
    }
  });
});

describe('startSupervisedMeilisearch', () => {
  it('restarts an engine killed with SIGKILL on the same address, with its data, and says so', async () => {
    const lines: string[] = [];
    const engine = await startSupervisedMeilisearch({ dataDir: path.join(dir, 'supervised'), masterKey: 'test-master-key-1234', log: (l) => lines.push(l), restartDelayMs: { min: 100, max: 1_000 } });
    const client = createSearchClient({ host: engine.url, apiKey: engine.masterKey });
    let restarted = 0;
    engine.onRestart(() => (restarted += 1));
    try {
      await ensureProductIndex(client, 'products');
      await upsertProducts(client, 'products', generateSampleProducts());
      const firstPid = engine.pid;
      process.kill(firstPid, 'SIGKILL');
      await expect.poll(() => engine.state().running, { timeout: 5_000 }).toBe(false);
      await expect.poll(() => restarted, { timeout: 30_000 }).toBe(1);
      expect(engine.pid).not.toBe(firstPid);
      expect(engine.state()).toEqual({ running: true, restarts: 1, lastExit: 'signal SIGKILL' });
      expect(lines.some((l) => /exited unexpectedly \(signal SIGKILL\); restarting in 100 ms/.test(l))).toBe(true);
      const query = { q: 'mug', filters: {}, sort: 'relevance', page: 1, pageSize: 5 } as const;
      expect((await searchProducts(client, 'products', query)).total).toBeGreaterThan(0);
    } finally {
      await engine.stop();
    }
    // Stopped on purpose: no restart follows.
    await new Promise((r) => setTimeout(r, 300));
    expect(restarted).toBe(1);
    expect(() => process.kill(engine.pid, 0)).toThrow();
  });
});
