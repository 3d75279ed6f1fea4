// Prisma's schema engine compiled to WebAssembly, driven through a driver adapter. It replaces the
// Prisma CLI's native engine, which would be downloaded from a server these machines cannot reach
// (see ../shared/PLATFORM.md). The migrations stay in Prisma's standard layout, so the ordinary
// `prisma migrate` agrees with what this writes and applies.
import { readFile, readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';

const here = path.dirname(fileURLToPath(import.meta.url));
export const prismaDir = path.resolve(here, '../../../prisma');
export const schemaPath = path.join(prismaDir, 'schema.prisma');
export const migrationsDir = path.join(prismaDir, 'migrations');

type MigrationList = {
  baseDir: string;
  lockfile: { path: string; content: string | null };
  shadowDbInitScript: string;
  migrationDirectories: { path: string; migrationFile: { path: string; content: { tag: 'ok'; value: string } } }[];
};

type EngineModule = typeof import('@prisma/schema-engine-wasm/schema_engine_bg');
type SchemaEngine = Awaited<ReturnType<EngineModule['SchemaEngine']['new']>>;

let wasmReady: Promise<EngineModule> | undefined;

/** Loads the WASM schema engine once per process (the package is built for bundlers). */
function loadEngineModule(): Promise<EngineModule> {
  wasmReady ??= (async () => {
    const require = createRequire(import.meta.url);
    const bgPath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const pkgDir = path.dirname(bgPath);
    const bg = (await import('@prisma/schema-engine-wasm/schema_engine_bg')) as EngineModule & { __wbg_set_wasm(exports: unknown): void };
    const bytes = await readFile(path.join(pkgDir, 'schema_engine_bg.wasm'));
    const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': bg });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
    return bg;
  })();
  return wasmReady;
}

/** Reads prisma/migrations as the engine expects it. */
export async function readMigrations(dir = migrationsDir): Promise<MigrationList> {
  const entries = (await readdir(dir, { withFileTypes: true }).catch(() => []))
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const migrationDirectories = await Promise.all(
    entries.map(async (name) => ({
      path: name,
      migrationFile: {
        path: 'migration.sql',
        content: { tag: 'ok' as const, value: await readFile(path.join(dir, name, 'migration.sql'), 'utf8') },
      },
    })),
  );
  const lockPath = path.join(dir, 'migration_lock.toml');
  const lockContent = await readFile(lockPath, 'utf8').catch(() => null);
  return {
    baseDir: dir,
    lockfile: { path: 'migration_lock.toml', content: lockContent },
    shadowDbInitScript: '',
    migrationDirectories,
  };
}

const noFilters = { externalTables: [], externalEnums: [] };

/** Opens the schema engine over a driver adapter factory (PGlite or pg). */
export async function openSchemaEngine(adapterFactory: SqlMigrationAwareDriverAdapterFactory): Promise<SchemaEngine> {
  const { SchemaEngine } = await loadEngineModule();
  // The engine takes the factory bound for error capture, typed loosely in the WASM bindings.
  const schema = await readFile(schemaPath, 'utf8');
  const log = () => {};
  return SchemaEngine.new(
    { datamodels: [[schemaPath, schema]] },
    log,
    bindMigrationAwareSqlAdapterFactory(adapterFactory),
  );
}

/** Applies pending migrations and records them in _prisma_migrations, as `prisma migrate deploy`. */
export async function applyMigrations(adapterFactory: SqlMigrationAwareDriverAdapterFactory): Promise<string[]> {
  const engine = await openSchemaEngine(adapterFactory);
  try {
    const result = await engine.applyMigrations({ migrationsList: await readMigrations(), filters: noFilters });
    return result.appliedMigrationNames;
  } finally {
    engine.free();
  }
}

/**
 * The SQL that takes the database from the migrations to the schema, and whether they differ.
 * Needs an adapter that can make a shadow database (PGlite makes an in-memory one).
 * `options.schema` compares another schema text instead of prisma/schema.prisma (for tests).
 */
export async function diffSchemaAgainstMigrations(
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  options: { schema?: string } = {},
): Promise<{ differs: boolean; sql: string }> {
  const engine = await openSchemaEngine(adapterFactory);
  try {
    const schema = options.schema ?? (await readFile(schemaPath, 'utf8'));
    const result = await engine.diff({
      from: { tag: 'migrations', ...(await readMigrations()) },
      to: { tag: 'schemaDatamodel', files: [{ path: schemaPath, content: schema }] },
      script: true,
      exitCode: true,
      filters: noFilters,
    });
    return { differs: result.exitCode === 2, sql: result.stdout ?? '' };
  } finally {
    engine.free();
  }
}
