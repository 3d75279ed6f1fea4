import { readFile } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { describe, expect, it } from 'vitest';
import { diffSchemaAgainstMigrations, readMigrations, schemaPath } from './schema-engine.ts';

// The drift check: prisma/schema.prisma and prisma/migrations must describe the same database.
// When this fails, run `pnpm db:migration <name>` to write the missing migration.

const diff = (schema?: string) => diffSchemaAgainstMigrations(new PrismaPGlite(new PGlite()), schema === undefined ? {} : { schema });

describe('migrations', () => {
  it('bring an empty database exactly to schema.prisma', { timeout: 240_000 }, async () => {
    const { differs, sql } = await diff();
    expect(sql.trim() === '' || /empty migration/i.test(sql), sql).toBe(true);
    expect(differs, `schema.prisma and prisma/migrations differ; the missing migration is:\n${sql}`).toBe(false);
  });

  it('are read in order with their lock file', async () => {
    const list = await readMigrations();
    expect(list.migrationDirectories.length).toBeGreaterThan(0);
    const names = list.migrationDirectories.map((m) => m.path);
    expect(names).toEqual([...names].sort());
    for (const name of names) expect(name).toMatch(/^\d{14}_\w+$/);
    expect(list.lockfile.content).toMatch(/provider = "postgresql"/);
  });

  describe('the check can fail', () => {
    it('reports a model that has no migration', async () => {
      const schema = `${await readFile(schemaPath, 'utf8')}\nmodel DriftProbe {\n  id    String @id @db.Uuid\n  label String\n}\n`;
      const { differs, sql } = await diff(schema);
      expect(differs).toBe(true);
      expect(sql).toMatch(/CREATE TABLE "DriftProbe"/);
    });

    it('reports a column that has no migration', async () => {
      const original = await readFile(schemaPath, 'utf8');
      const schema = original.replace(/(model User \{\n)/, '$1  driftProbe String?\n');
      expect(schema).not.toBe(original);
      const { differs, sql } = await diff(schema);
      expect(differs).toBe(true);
      expect(sql).toMatch(/ALTER TABLE "User" ADD COLUMN\s+"driftProbe" TEXT/);
    });
  });
});
