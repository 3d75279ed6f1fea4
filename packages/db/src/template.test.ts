import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migratePglite } from './migrate.ts';
import { readMigrations } from './schema-engine.ts';
import { startMakingDataFolder } from './data-folder.ts';
import { openPgliteCluster, prepareTemplate } from './template.ts';

let dir: string;
let migrations: number;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'pglite-template-'));
  migrations = (await readMigrations()).migrationDirectories.length;
  await prepareTemplate();
}, 120_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

const applied = async (db: Awaited<ReturnType<typeof openPgliteCluster>>) => Number((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM "_prisma_migrations" WHERE finished_at IS NOT NULL')).rows[0]!.n);

describe('the prepared database', () => {
  it('makes a new data folder already migrated, which keeps what is written and reopens', async () => {
    const dataDir = path.join(dir, 'fresh', 'pglite');
    const db = await openPgliteCluster(dataDir);
    expect(await applied(db)).toBe(migrations);
    expect(await migratePglite(db)).toEqual([]);
    await db.query(`INSERT INTO "Setting" (key, value, "updatedAt") VALUES ('test.kept', '"yes"', now())`);
    await db.close();
    expect(existsSync(`${dataDir}.loading`)).toBe(false);
    const again = await openPgliteCluster(dataDir);
    expect((await again.query<{ value: string }>(`SELECT value FROM "Setting" WHERE key = 'test.kept'`)).rows).toEqual([{ value: 'yes' }]);
    await again.close();
  }, 120_000);

  it('is written ahead by a worker thread when asked to, and opened from that', async () => {
    const dataDir = path.join(dir, 'ahead', 'pglite');
    startMakingDataFolder(dataDir);
    expect(existsSync(`${dataDir}.loading`)).toBe(true);
    const db = await openPgliteCluster(dataDir);
    expect(await applied(db)).toBe(migrations);
    await db.close();
    expect(existsSync(`${dataDir}.loading`)).toBe(false);
  }, 120_000);

  it('loads again over a folder whose loading was cut short, and never touches a folder without the marker', async () => {
    const cut = path.join(dir, 'cut', 'pglite');
    await mkdir(cut, { recursive: true });
    await writeFile(path.join(cut, 'PG_VERSION'), 'half');
    await writeFile(`${cut}.loading`, 'loading since a killed start');
    const db = await openPgliteCluster(cut);
    expect(await applied(db)).toBe(migrations);
    await db.close();
    expect(existsSync(`${cut}.loading`)).toBe(false);

    // A folder of its own (made from scratch, with data) is opened as it is.
    const own = path.join(dir, 'own', 'pglite');
    await mkdir(path.dirname(own), { recursive: true });
    const { PGlite } = await import('@electric-sql/pglite');
    const first = await PGlite.create({ dataDir: own });
    await first.query('CREATE TABLE mine (x int)');
    await first.close();
    const reopened = await openPgliteCluster(own);
    expect((await reopened.query(`SELECT to_regclass('mine') AS t`)).rows).toEqual([{ t: 'mine' }]);
    expect((await reopened.query(`SELECT to_regclass('"_prisma_migrations"') AS t`)).rows).toEqual([{ t: null }]);
    await reopened.close();
  }, 120_000);
});
