import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'portal-config-'));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

const secret = 'a-production-secret-of-at-least-32-characters';

/** The message of the ConfigError that loadConfig throws for `env`. */
function configError(env: Record<string, string>): string {
  try {
    loadConfig({ DATA_DIR: dataDir, ...env });
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(env)}`);
}

describe('embedded defaults', () => {
  it('need no variable: PGlite under the data folder, mail captured, demo data', () => {
    const config = loadConfig({ DATA_DIR: dataDir });
    expect(config).toMatchObject({
      env: 'development',
      host: '127.0.0.1',
      port: 3000,
      publicUrl: 'http://localhost:3000',
      dataDir,
      database: { kind: 'pglite', dataDir: path.join(dataDir, 'pglite') },
      mail: { kind: 'capture', dir: path.join(dataDir, 'mail'), from: 'Harbour Homeware Portal <portal@harbour-homeware.example>' },
      demoData: true,
      cookieSecure: false,
      logLevel: 'info',
      loginRateLimit: 10,
    });
  });

  it('keep a generated JWT secret in the data folder, private and stable across restarts', () => {
    const first = loadConfig({ DATA_DIR: dataDir });
    expect(first.jwtSecret.length).toBeGreaterThanOrEqual(32);
    const file = path.join(dataDir, 'jwt-secret');
    expect(readFileSync(file, 'utf8')).toBe(first.jwtSecret);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(loadConfig({ DATA_DIR: dataDir }).jwtSecret).toBe(first.jwtSecret);
    const elsewhere = mkdtempSync(path.join(tmpdir(), 'portal-config-'));
    try {
      expect(loadConfig({ DATA_DIR: elsewhere }).jwtSecret).not.toBe(first.jwtSecret);
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });

  it('treat empty variables as unset', () => {
    const config = loadConfig({ DATA_DIR: dataDir, DATABASE_URL: '', SMTP_URL: '', PORT: '', JWT_SECRET: '' });
    expect(config.database.kind).toBe('pglite');
    expect(config.mail.kind).toBe('capture');
    expect(config.port).toBe(3000);
  });

  it('resolve a relative data folder', () => {
    const config = loadConfig({ DATA_DIR: path.relative(process.cwd(), dataDir) });
    expect(config.dataDir).toBe(dataDir);
  });
});

describe('a PostgreSQL server', () => {
  it('DATABASE_URL selects postgres and turns demo data off', () => {
    const url = 'postgresql://portal:secret@db.internal:5432/portal';
    const config = loadConfig({ DATA_DIR: dataDir, DATABASE_URL: url });
    expect(config.database).toMatchObject({ kind: 'postgres', url });
    expect(config.demoData).toBe(false);
    expect(loadConfig({ DATA_DIR: dataDir, DATABASE_URL: 'postgres://h/db' }).database.kind).toBe('postgres');
  });

  it('DEMO_DATA overrides the default either way', () => {
    expect(loadConfig({ DATA_DIR: dataDir, DATABASE_URL: 'postgres://h/db', DEMO_DATA: 'true' }).demoData).toBe(true);
    expect(loadConfig({ DATA_DIR: dataDir, DEMO_DATA: '0' }).demoData).toBe(false);
  });

  it('refuses a URL that is not postgresql://', () => {
    expect(configError({ DATABASE_URL: 'mysql://h/db' })).toMatch(/DATABASE_URL: must be a postgresql:\/\/ connection URL/);
  });
});

describe('mail', () => {
  it('SMTP_URL selects SMTP with the sender', () => {
    const config = loadConfig({ DATA_DIR: dataDir, SMTP_URL: 'smtps://user:pass@mail.example.com:465', MAIL_FROM: 'Sales <sales@example.com>' });
    expect(config.mail).toEqual({ kind: 'smtp', url: 'smtps://user:pass@mail.example.com:465', from: 'Sales <sales@example.com>' });
  });

  it('a bad SMTP_URL is named', () => {
    const message = configError({ SMTP_URL: 'http://mail.example.com' });
    expect(message).toMatch(/^Invalid configuration:/);
    expect(message).toMatch(/SMTP_URL: must be an smtp:\/\/ or smtps:\/\/ URL/);
    expect(message).not.toMatch(/PORT|DATABASE_URL|JWT_SECRET/);
  });
});

describe('production', () => {
  it('names every missing variable', () => {
    const message = configError({ NODE_ENV: 'production' });
    expect(message).toMatch(/^Invalid configuration:/);
    expect(message).toContain('JWT_SECRET: is required in production');
    expect(message).toContain('PUBLIC_URL: is required in production');
    expect(message).toContain('DATABASE_URL: is required in production');
    expect(existsSync(path.join(dataDir, 'jwt-secret'))).toBe(false);
  });

  it('names only what is missing', () => {
    const message = configError({ NODE_ENV: 'production', JWT_SECRET: secret, DATABASE_URL: 'postgresql://h/db', SMTP_URL: 'smtp://mail.example.com' });
    expect(message).toContain('PUBLIC_URL');
    expect(message).not.toContain('JWT_SECRET');
    expect(message).not.toContain('DATABASE_URL');
  });

  const complete = { NODE_ENV: 'production', JWT_SECRET: secret, PUBLIC_URL: 'https://portal.example.com/', DATABASE_URL: 'postgresql://h/db', SMTP_URL: 'smtp://mail.example.com:587', MEILI_URL: 'http://meilisearch:7700', MEILI_MASTER_KEY: 'a-master-key-of-32-characters-xx' };

  it('starts when all are given, with secure cookies, SMTP and no demo data', () => {
    const config = loadConfig({ DATA_DIR: dataDir, ...complete });
    expect(config).toMatchObject({
      env: 'production', jwtSecret: secret, publicUrl: 'https://portal.example.com', cookieSecure: true, demoData: false,
      database: { kind: 'postgres', url: 'postgresql://h/db' }, mail: { kind: 'smtp', url: 'smtp://mail.example.com:587' },
    });
    expect(existsSync(path.join(dataDir, 'jwt-secret'))).toBe(false);
    expect(loadConfig({ DATA_DIR: dataDir, ...complete, COOKIE_SECURE: 'false' }).cookieSecure).toBe(false);
  });
});

describe('bad values', () => {
  it.each([['abc'], ['0'], ['70000'], ['80.5']])('PORT=%s is named', (port) => {
    const message = configError({ PORT: port });
    expect(message).toMatch(/^\s*PORT: /m);
    expect(message.split('\n')).toHaveLength(2);
  });

  it.each([
    ['JWT_SECRET', 'short'],
    ['PUBLIC_URL', 'portal.example.com'],
    ['NODE_ENV', 'staging'],
    ['LOG_LEVEL', 'loud'],
    ['COOKIE_SECURE', 'yes'],
    ['LOGIN_RATE_LIMIT', '0'],
  ])('%s=%s is named', (name, value) => {
    expect(configError({ [name]: value })).toMatch(new RegExp(`^\\s*${name}: `, 'm'));
  });

  it('names several wrong variables at once', () => {
    const message = configError({ PORT: 'x', SMTP_URL: 'ftp://x', JWT_SECRET: 'short' });
    for (const name of ['PORT', 'SMTP_URL', 'JWT_SECRET']) expect(message).toMatch(new RegExp(`^\\s*${name}: `, 'm'));
  });
});

describe('generated secrets', () => {
  it('are hex, so none can be read as a command-line option', () => {
    for (let i = 0; i < 200; i++) {
      const dir = mkdtempSync(path.join(tmpdir(), 'portal-secret-'));
      try {
        const config = loadConfig({ DATA_DIR: dir });
        expect(config.jwtSecret).toMatch(/^[0-9a-f]{64}$/);
        expect(config.search).toMatchObject({ kind: 'embedded', masterKey: expect.stringMatching(/^[0-9a-f]{64}$/) });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  });

  it('an existing key that begins with "-" is kept and used as it is', () => {
    writeFileSync(path.join(dataDir, 'meili-master-key'), '-TqZ0s3cretKeyThatStartsWithADash\n');
    expect(loadConfig({ DATA_DIR: dataDir }).search).toMatchObject({ masterKey: '-TqZ0s3cretKeyThatStartsWithADash' });
  });

  it('a data folder that cannot hold them is named in one line with what to do', () => {
    const file = path.join(dataDir, 'not-a-folder');
    writeFileSync(file, 'x');
    expect(configError({ DATA_DIR: file })).toBe(
      `Invalid configuration:\n  DATA_DIR: cannot keep the generated jwt-secret in ${file}/jwt-secret (a file stands where a folder should be): set DATA_DIR to a writable folder, or set JWT_SECRET`,
    );
  });
});

describe('the demo default is safe', () => {
  it('listens on the loopback address unless HOST says otherwise', () => {
    expect(loadConfig({ DATA_DIR: dataDir }).host).toBe('127.0.0.1');
    expect(loadConfig({ DATA_DIR: dataDir, HOST: '::1' })).toMatchObject({ host: '::1', demoData: true });
    expect(loadConfig({ DATA_DIR: dataDir, HOST: 'localhost' })).toMatchObject({ host: 'localhost', demoData: true });
  });

  it('refuses demo users with published passwords on a non-loopback address, unless DEMO_DATA=true is set on purpose', () => {
    for (const HOST of ['0.0.0.0', '::', '192.168.1.20', 'portal.example.com']) {
      expect(configError({ HOST })).toMatch(/DEMO_DATA: demo users with published passwords are not created when listening on .* set DEMO_DATA=true/);
    }
    expect(loadConfig({ DATA_DIR: dataDir, HOST: '0.0.0.0', DEMO_DATA: 'true' })).toMatchObject({ host: '0.0.0.0', demoData: true });
    expect(loadConfig({ DATA_DIR: dataDir, HOST: '0.0.0.0', DEMO_DATA: 'false' })).toMatchObject({ host: '0.0.0.0', demoData: false });
  });

  it('with a database of its own, demo data stays off wherever it listens', () => {
    expect(loadConfig({ DATA_DIR: dataDir, HOST: '0.0.0.0', DATABASE_URL: 'postgresql://db/portal' })).toMatchObject({ host: '0.0.0.0', demoData: false });
  });
});
