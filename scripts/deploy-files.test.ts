// Keeps the deployment files honest where no Docker engine can run them (see ../shared/PLATFORM.md):
// docker-compose.yml is parsed and checked for its shape; every variable the portal reads, or that
// compose interpolates, must be explained in .env.example; the Dockerfile must keep its health
// check, non-root user, port and the manifests its frozen install needs.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');

type Service = {
  image?: string;
  build?: string | { context?: string; dockerfile?: string };
  environment?: Record<string, string | number | boolean | null> | string[];
  depends_on?: string[] | Record<string, { condition?: string }>;
  healthcheck?: { test?: string | string[]; disable?: boolean };
  ports?: (string | number | { target?: number; published?: string | number })[];
  deploy?: { replicas?: number | string };
  volumes?: string[];
};
type Compose = { services?: Record<string, Service>; volumes?: Record<string, unknown> };

const compose = parse(read('docker-compose.yml')) as Compose;
const services = compose.services ?? {};
/** The file's keys and values, without its comments: what compose interpolates. */
const composeText = strings(compose).join('\n');

/** Variable names of `${NAME}`, `${NAME:-default}`, `${NAME:?message}` … and `$NAME`, skipping `$$` escapes. */
function interpolated(text: string): string[] {
  const names = new Set<string>();
  for (const m of text.matchAll(/(?<!\$)\$(?:\{([A-Za-z_][A-Za-z0-9_]*)[^}]*\}|([A-Za-z_][A-Za-z0-9_]*))/g)) {
    names.add((m[1] ?? m[2])!);
  }
  return [...names];
}

/** Every string inside a parsed YAML value. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => [k, ...strings(v)]);
  return [];
}

function environment(service: Service): Record<string, string> {
  const env = service.environment ?? {};
  if (Array.isArray(env)) {
    return Object.fromEntries(env.map((line) => [line.split('=')[0]!, line.slice(line.indexOf('=') + 1)]));
  }
  return Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v == null ? '' : String(v)]));
}

/** `.env.example`: each variable as a (usually commented-out) `NAME=value` line, explained by the comment above it. */
const envExample = read('.env.example');
const envLines = envExample.split('\n');
const documented = new Map<string, { value: string; commented: boolean; explained: boolean }>();
envLines.forEach((line, i) => {
  const m = /^(#\s?)?([A-Z][A-Z0-9_]*)=(.*)$/.exec(line);
  if (!m) return;
  const previous = envLines[i - 1] ?? '';
  documented.set(m[2]!, { value: m[3]!.trim(), commented: Boolean(m[1]), explained: /^#\s*\S/.test(previous) && !/^#\s?[A-Z][A-Z0-9_]*=/.test(previous) });
});

/** The variable names apps/api/src/config.ts reads: the keys of `const Env = z.object({ … })`, plus any direct reads. */
function configVariables(): string[] {
  const source = read('apps/api/src/config.ts');
  const start = source.indexOf('const Env = z.object({');
  expect(start, 'config.ts no longer declares `const Env = z.object({`; update this test').toBeGreaterThanOrEqual(0);
  const rest = source.slice(start);
  const end = rest.search(/^\}\);?\s*$/m);
  expect(end, 'could not find the end of the Env object in config.ts').toBeGreaterThan(0);
  const names = new Set<string>();
  for (const m of rest.slice(0, end).matchAll(/^\s+([A-Z][A-Z0-9_]*)\s*:/gm)) names.add(m[1]!);
  for (const m of source.matchAll(/\b(?:process\.env|source)(?:\.([A-Z][A-Z0-9_]*)|\[\s*['"]([A-Z][A-Z0-9_]*)['"]\s*\])/g)) {
    names.add((m[1] ?? m[2])!);
  }
  return [...names];
}

/** `process.env.NAME` read anywhere in the server-side source (not tests, not the generated Prisma client). */
function sourceEnvReads(): { name: string; file: string }[] {
  const found: { name: string; file: string }[] = [];
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!['node_modules', 'generated', 'test', 'dist'].includes(entry.name)) walk(full);
      } else if (/\.(ts|mts|js|mjs)$/.test(entry.name) && !/\.test\.[mc]?[jt]s$/.test(entry.name)) {
        const text = readFileSync(full, 'utf8');
        for (const m of text.matchAll(/\bprocess\.env(?:\.([A-Z][A-Z0-9_]*)|\[\s*['"]([A-Z][A-Z0-9_]*)['"]\s*\])/g)) {
          found.push({ name: (m[1] ?? m[2])!, file: path.relative(root, full) });
        }
      }
    }
  };
  walk(path.join(root, 'apps/api/src'));
  for (const pkg of readdirSync(path.join(root, 'packages'))) walk(path.join(root, 'packages', pkg, 'src'));
  return found;
}

describe('docker-compose.yml', () => {
  it('has the four services, each dependency with a health check', () => {
    expect(Object.keys(services)).toEqual(expect.arrayContaining(['postgres', 'meilisearch', 'mail', 'portal']));
    expect(services.postgres?.image).toMatch(/^postgres:16/);
    expect(services.meilisearch?.image).toMatch(/^getmeili\/meilisearch:v1\.21/);
    expect(services.mail?.image).toMatch(/^axllent\/mailpit/);
    for (const name of ['postgres', 'meilisearch', 'mail']) {
      const hc = services[name]?.healthcheck;
      expect(hc?.test, `${name} needs a healthcheck`).toBeTruthy();
      expect(hc?.disable).not.toBe(true);
    }
    expect(strings(services.postgres?.healthcheck?.test).join(' ')).toContain('pg_isready');
  });

  it('keeps the data of PostgreSQL and Meilisearch in named volumes', () => {
    const volumes = Object.keys(compose.volumes ?? {});
    for (const name of ['postgres', 'meilisearch']) {
      const mounts = strings((services[name] as { volumes?: unknown } | undefined)?.volumes);
      const named = mounts.map((m) => m.split(':')[0]!).filter((source) => volumes.includes(source));
      expect(named, `${name} should mount a named volume`).not.toHaveLength(0);
    }
  });

  it('builds the portal from the Dockerfile and starts it only once the others are healthy', () => {
    const portal = services.portal!;
    const build = typeof portal.build === 'string' ? { context: portal.build } : portal.build;
    expect(build?.context).toBe('.');
    expect(build?.dockerfile ?? 'Dockerfile').toBe('Dockerfile');
    const dependsOn = portal.depends_on;
    expect(dependsOn && !Array.isArray(dependsOn), 'depends_on must use the long form with conditions').toBe(true);
    for (const name of ['postgres', 'meilisearch', 'mail']) {
      expect((dependsOn as Record<string, { condition?: string }>)[name]?.condition, `portal → ${name}`).toBe('service_healthy');
    }
    expect(portal.ports, 'the portal is reached through the proxy only').toBeUndefined();
  });

  it('runs several portal processes behind a reverse proxy that publishes port 3000', () => {
    const portal = services.portal!;
    expect(String(portal.deploy?.replicas)).toMatch(/^\$\{PORTAL_REPLICAS:-([2-9]|\d{2,})\}$/);
    const proxy = services.proxy!;
    expect(proxy.image).toMatch(/^caddy:2\./);
    expect(strings(proxy.ports)).toContain('3000:3000');
    expect((proxy.depends_on as Record<string, { condition?: string }>).portal?.condition).toBe('service_healthy');
    const mount = strings(proxy.volumes).find((v) => v.endsWith(':/etc/caddy/Caddyfile:ro'));
    expect(mount, 'the proxy mounts deploy/Caddyfile').toBeDefined();
    const caddyfile = read(mount!.split(':')[0]!.replace(/^\.\//, ''));
    // Every replica, found by DNS; one that answers 503 (starting, draining) is skipped.
    expect(caddyfile).toMatch(/dynamic a \{[^}]*name portal[^}]*port 3000/);
    expect(caddyfile).toMatch(/unhealthy_status 503/);
    expect(caddyfile).toMatch(/^:3000 \{/m);
    // Limits shared across the processes, and the proxy trusted for the client address.
    const env = environment(portal);
    expect(env.REDIS_URL).toMatch(/redis:\/\/redis:6379/);
    expect(env.TRUST_PROXY).toMatch(/1/);
    expect(services.redis?.image).toMatch(/^redis:7/);
    expect((portal.depends_on as Record<string, { condition?: string }>).redis?.condition).toBe('service_healthy');
  });

  it('gives the portal longer to stop than its own drain and shutdown take', () => {
    const grace = String((services.portal as { stop_grace_period?: string }).stop_grace_period ?? '10s');
    expect(Number(grace.replace(/s$/, ''))).toBeGreaterThanOrEqual(20);
  });

  it('wires the portal to the other services in production mode', () => {
    const env = environment(services.portal!);
    expect(env.NODE_ENV).toBe('production');
    expect(env.DATABASE_URL).toMatch(/^postgresql:\/\/portal:\$\{POSTGRES_PASSWORD(:\?[^}]*)?\}@postgres:5432\/portal$/);
    expect(env.SMTP_URL).toMatch(/smtp:\/\/mail:1025/);
    expect(env.MEILI_URL).toBe('http://meilisearch:7700');
    for (const name of ['JWT_SECRET', 'PUBLIC_URL', 'MEILI_MASTER_KEY']) {
      expect(interpolated(env[name] ?? ''), `${name} comes from .env`).toContain(name);
    }
  });

  it('stops with a message when a required secret is missing', () => {
    for (const name of ['POSTGRES_PASSWORD', 'MEILI_MASTER_KEY', 'JWT_SECRET', 'PUBLIC_URL']) {
      const uses = [...composeText.matchAll(new RegExp(`\\$\\{${name}([^}]*)\\}`, 'g'))].map((m) => m[1]!);
      expect(uses.length, `${name} is used`).toBeGreaterThan(0);
      for (const use of uses) expect(use, `\${${name}} must be written \${${name}:?message}`).toMatch(/^:\?\S/);
    }
  });

  it('explains in .env.example every variable compose interpolates and every one the portal is given', () => {
    const names = new Set([...interpolated(composeText), ...Object.keys(environment(services.portal!))]);
    const missing = [...names].filter((n) => !documented.has(n));
    expect(missing, 'add these to .env.example').toEqual([]);
  });
});

describe('.env.example', () => {
  it('explains every variable that apps/api/src/config.ts reads', () => {
    const names = configVariables();
    // A sanity floor, so a change in config.ts that this extraction misses fails loudly instead of passing empty.
    expect(names).toEqual(expect.arrayContaining(['NODE_ENV', 'DATABASE_URL', 'JWT_SECRET', 'PUBLIC_URL', 'SMTP_URL']));
    expect(names.length).toBeGreaterThanOrEqual(10);
    const missing = names.filter((n) => !documented.has(n));
    expect(missing, 'config.ts reads these; document them in .env.example').toEqual([]);
  });

  it('explains every process.env variable read by the server-side source', () => {
    const missing = sourceEnvReads().filter((r) => !documented.has(r.name));
    expect(missing, 'document these in .env.example').toEqual([]);
  });

  it('lists only variables something reads, each with an explanation above it', () => {
    const known = new Set([
      ...configVariables(),
      ...sourceEnvReads().map((r) => r.name),
      ...interpolated(composeText),
      ...Object.keys(environment(services.portal!)),
    ]);
    const stale = [...documented.keys()].filter((n) => !known.has(n));
    expect(stale, 'nothing reads these any more; remove them from .env.example').toEqual([]);
    const unexplained = [...documented].filter(([, d]) => !d.explained).map(([n]) => n);
    expect(unexplained, 'put a comment line directly above each variable').toEqual([]);
  });

  it('holds no secret values', () => {
    for (const name of ['JWT_SECRET', 'POSTGRES_PASSWORD', 'MEILI_MASTER_KEY']) {
      expect(documented.get(name)?.value, `${name} must be left empty in .env.example`).toBe('');
    }
  });
});

describe('Dockerfile', () => {
  const dockerfile = read('Dockerfile');
  // Instructions, with continuation lines joined and comments dropped.
  const instructions = dockerfile
    .replace(/\\\r?\n/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  const stages: string[][] = [];
  for (const line of instructions) {
    if (/^FROM\s/i.test(line)) stages.push([]);
    stages.at(-1)?.push(line);
  }
  const runtime = stages.at(-1) ?? [];

  it('is multi-stage on node:24-bookworm-slim', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(instructions.filter((l) => /^FROM\s/i.test(l)).some((l) => /node:24-bookworm-slim/.test(l))).toBe(true);
  });

  it('runs as a non-root user, exposes 3000 and checks /api/health', () => {
    const user = runtime.filter((l) => /^USER\s/i.test(l)).at(-1);
    expect(user, 'the runtime stage needs a USER').toBeDefined();
    expect(user!.split(/\s+/)[1]).not.toMatch(/^(root|0)(:|$)/);
    expect(runtime.some((l) => /^EXPOSE\s+(.*\s)?3000(\/tcp)?(\s|$)/i.test(l))).toBe(true);
    const healthcheck = runtime.find((l) => /^HEALTHCHECK\s/i.test(l));
    expect(healthcheck, 'the runtime stage needs a HEALTHCHECK').toBeDefined();
    expect(healthcheck).toMatch(/\/api\/health/);
    expect(runtime.some((l) => /^CMD\s/i.test(l) && /@portal\/api/.test(l) && /start/.test(l))).toBe(true);
  });

  it('sets NODE_ENV=production at runtime only (an install under it would skip the build tools)', () => {
    expect(runtime.some((l) => /^ENV\s.*\bNODE_ENV=production\b/i.test(l))).toBe(true);
    for (const stage of stages.slice(0, -1)) {
      expect(stage.some((l) => /NODE_ENV=production/.test(l))).toBe(false);
    }
  });

  it('copies the manifest of every workspace package before the frozen install', () => {
    const workspace = parse(read('pnpm-workspace.yaml')) as { packages?: string[] };
    const dirs = (workspace.packages ?? []).flatMap((pattern) => {
      if (!pattern.endsWith('/*')) return [pattern];
      const parent = pattern.slice(0, -2);
      return existsSync(path.join(root, parent)) ? readdirSync(path.join(root, parent)).map((d) => `${parent}/${d}`) : [];
    });
    const manifests = ['package.json', 'pnpm-lock.yaml', 'pnpm-workspace.yaml', ...dirs.map((d) => `${d}/package.json`)].filter((f) =>
      existsSync(path.join(root, f)),
    );
    const install = instructions.findIndex((l) => /pnpm install\b.*--frozen-lockfile/.test(l));
    expect(install, 'pnpm install --frozen-lockfile').toBeGreaterThan(0);
    const copiedBefore = instructions
      .slice(0, install)
      .filter((l) => /^COPY\s/i.test(l))
      .flatMap((l) => l.split(/\s+/).slice(1, -1).filter((arg) => !arg.startsWith('--')));
    const missing = manifests.filter((m) => !copiedBefore.includes(m));
    expect(missing, 'COPY these before `pnpm install` in the Dockerfile').toEqual([]);
  });

  it('leaves local state and installed modules out of the build context', () => {
    const ignored = read('.dockerignore').split('\n').map((l) => l.trim());
    for (const entry of ['.git', 'data', '.tools', '.env']) expect(ignored).toContain(entry);
    expect(ignored.some((l) => /(^|\/)node_modules$/.test(l))).toBe(true);
    expect(ignored.some((l) => /(^|\/)dist$/.test(l))).toBe(true);
  });
});
