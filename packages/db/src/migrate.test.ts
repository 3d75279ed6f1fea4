import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MigrationError, migratePglite, migrateWith, pgliteRunner, repairMigrations } from './migrate.ts';
import { applyMigrations, migrationsDir, readMigrations } from './schema-engine.ts';

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'portal-migrate-'));
});
afterAll(() => rm(tmp, { recursive: true, force: true }));

const tables = async (db: PGlite) => (await db.query<{ t: string }>(`SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public'`)).rows.map((r) => r.t);
const recorded = async (db: PGlite) =>
  (await db.query<{ migration_name: string; finished_at: Date | null; rolled_back_at: Date | null }>(`SELECT migration_name, finished_at, rolled_back_at FROM _prisma_migrations ORDER BY started_at, migration_name`)).rows;

/** prisma/migrations copied, plus migrations of the test's own. */
async function migrationsWith(name: string, extra: Record<string, string>): Promise<string> {
  const dir = path.join(tmp, name);
  await cp(migrationsDir, dir, { recursive: true });
  for (const [folder, sql] of Object.entries(extra)) {
    await mkdir(path.join(dir, folder), { recursive: true });
    await writeFile(path.join(dir, folder, 'migration.sql'), sql);
  }
  return dir;
}

describe('the migration runner', () => {
  it('applies every migration once and records each', async () => {
    const db = new PGlite();
    const all = (await readMigrations()).migrationDirectories.map((d) => d.path);
    expect(await migratePglite(db)).toEqual(all);
    expect(await migratePglite(db)).toEqual([]);
    expect((await recorded(db)).map((r) => r.migration_name)).toEqual(all);
    expect(await tables(db)).toEqual(expect.arrayContaining(['User', 'OutboxEvent', 'RateLimitCounter']));
    await db.close();
  });

  it('takes over a database that Prisma’s engine migrated (same table, same checksums)', async () => {
    const db = new PGlite();
    await applyMigrations(new PrismaPGlite(db));
    expect(await migratePglite(db)).toEqual([]);
    await db.close();
  });

  it('applies a migration all or nothing: one that fails half-way leaves no trace, and applies once fixed', async () => {
    const db = new PGlite();
    await migratePglite(db);
    const broken = await migrationsWith('broken', {
      '29990101000000_probe': 'CREATE TABLE "Probe" (id int);\nINSERT INTO "Probe" VALUES (1);\nSELECT no_such_function();\n',
    });
    const err = await migrateWith(pgliteRunner(db), broken).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MigrationError);
    expect((err as Error).message).toMatch(/^migration 29990101000000_probe failed and was rolled back, nothing of it is applied: .*no_such_function/);
    expect(await tables(db)).not.toContain('Probe');
    expect((await recorded(db)).map((r) => r.migration_name)).not.toContain('29990101000000_probe');

    const fixed = await migrationsWith('fixed', { '29990101000000_probe': 'CREATE TABLE "Probe" (id int);\nINSERT INTO "Probe" VALUES (1);\n' });
    expect(await migrateWith(pgliteRunner(db), fixed)).toEqual(['29990101000000_probe']);
    expect((await db.query<{ id: number }>('SELECT id FROM "Probe"')).rows).toEqual([{ id: 1 }]);
    await db.close();
  });

  it('stops at a row Prisma’s engine left unfinished, naming db:repair, which settles it either way', async () => {
    const db = new PGlite();
    await migratePglite(db);
    const dir = await migrationsWith('unfinished', {
      '29990102000000_applied': 'CREATE TABLE "WasApplied" (id int);\n',
      '29990103000000_not_applied': 'CREATE TABLE "NotApplied" (id int);\n',
    });
    // What the engine leaves when killed between its script and its record (P3009 for ever before).
    await db.exec('CREATE TABLE "WasApplied" (id int);');
    await db.query(`INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at) VALUES ('a', 'x', '29990102000000_applied', now()), ('b', 'y', '29990103000000_not_applied', now())`);
    const err = await migrateWith(pgliteRunner(db), dir).catch((e: unknown) => e);
    expect((err as Error).message).toMatch(/^migration 29990102000000_applied was left unfinished by an earlier run: run `pnpm db:repair`/);

    const report = await repairMigrations(pgliteRunner(db), { dir });
    expect(report.resolved).toEqual([
      { name: '29990102000000_applied', as: 'applied' },
      { name: '29990103000000_not_applied', as: 'rolled-back' },
    ]);
    expect(await migrateWith(pgliteRunner(db), dir)).toEqual(['29990103000000_not_applied']);
    expect(await tables(db)).toEqual(expect.arrayContaining(['WasApplied', 'NotApplied']));
    await db.close();
  });

  it('refuses a migration file changed after it was applied, naming the way out', async () => {
    const db = new PGlite();
    const dir = await migrationsWith('edited', { '29990104000000_edit': 'CREATE TABLE "Edited" (id int);\n' });
    await migrateWith(pgliteRunner(db), dir);
    await writeFile(path.join(dir, '29990104000000_edit', 'migration.sql'), 'CREATE TABLE "Edited" (id bigint);\n');
    await expect(migrateWith(pgliteRunner(db), dir)).rejects.toThrow(/29990104000000_edit\/migration\.sql was changed after it was applied .*db:repair --accept-checksums/);
    expect((await repairMigrations(pgliteRunner(db), { dir, acceptChecksums: true })).checksumsAccepted).toEqual(['29990104000000_edit']);
    expect(await migrateWith(pgliteRunner(db), dir)).toEqual([]);
    await db.close();
  });
});
