// Runs the real portal (apps/api/src/server.ts) as child processes for the fault suite: kill -9,
// SIGTERM, two on one folder, several on one database. Only local traffic: every server listens
// on 127.0.0.1, ports 3200–3299.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServerDatabase as createTestServerDatabase } from '../packages/db/src/testing.ts';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const serverEntry = path.join(root, 'apps/api/src/server.ts');

let nextPort = 3200 + (process.pid % 10) * 10;
/** A port of the fault suite's range (3200–3299). */
export function takePort(): number {
  const port = nextPort;
  nextPort = nextPort >= 3299 ? 3200 : nextPort + 1;
  return port;
}

export type Portal = {
  url: string;
  port: number;
  proc: ChildProcess;
  /** stdout and stderr, line by line. */
  lines: string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves when /api/health answers 200, or rejects when the process ends first. */
  ready(timeoutMs?: number): Promise<number>;
  kill(signal: NodeJS.Signals): void;
};

/** Starts server.ts with these variables (plus quiet defaults); does not wait for it. */
export function startPortal(env: Record<string, string>, port = takePort()): Portal {
  const started = Date.now();
  const proc = spawn(process.execPath, ['--import', 'tsx', serverEntry], {
    cwd: path.join(root, 'apps/api'),
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      HOST: '127.0.0.1',
      PORT: String(port),
      WEB_DIST: '/nonexistent',
      LOG_LEVEL: 'warn',
      JWT_SECRET: 'fault-suite-secret-that-is-long-enough-for-hs256',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  for (const stream of [proc.stdout!, proc.stderr!]) {
    let pending = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      const parts = (pending + chunk).split('\n');
      pending = parts.pop() ?? '';
      lines.push(...parts.filter((l) => l.trim()));
    });
  }
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => proc.once('exit', (code, signal) => resolve({ code, signal })));
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    port,
    proc,
    lines,
    exited,
    async ready(timeoutMs = 180_000) {
      let gone = false;
      void exited.then(() => (gone = true));
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        if (gone) throw new Error(`portal on ${port} exited before it was ready:\n${lines.slice(-20).join('\n')}`);
        try {
          const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2_000) });
          await res.body?.cancel();
          if (res.status === 200) return Date.now() - started;
        } catch {
          // not listening yet
        }
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`portal on ${port} not ready within ${timeoutMs} ms:\n${lines.slice(-20).join('\n')}`);
    },
    kill(signal) {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill(signal);
    },
  };
}

/** Signs in and returns the session cookies. */
export async function login(url: string, email: string, password = 'demo-Passw0rd'): Promise<{ status: number; cookie: string }> {
  const res = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  await res.body?.cancel();
  return { status: res.status, cookie };
}

/** A database of its own on the PostgreSQL server (TEST_DATABASE_URL or the local one), dropped by `drop()`. */
export function createServerDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  return createTestServerDatabase(process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test', 'portal_faults');
}

/** Prints a measured figure so that the run's log carries it (the report quotes these lines). */
export function figure(name: string, value: string): void {
  console.log(`FIGURE ${name}: ${value}`);
}
