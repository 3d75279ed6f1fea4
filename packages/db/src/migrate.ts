// Applies prisma/migrations, each in ONE transaction together with its row in _prisma_migrations:
// a migration is recorded exactly when all of it is in the database, so a process killed half-way
// (kill -9, power loss) leaves the database as it was before that migration, and the next start
// simply applies it again. Prisma's own engine records a migration in a statement of its own before
// and after the script, and a start killed in between stopped every later one with P3009.
// The table is Prisma's, so `prisma migrate status` on a machine with Prisma's engines agrees.
import { createHash, randomUUID } from 'node:crypto';
import type { PGlite, Transaction } from '@electric-sql/pglite';
import pg from 'pg';
import { readMigrations } from './schema-engine.ts';

/** The key Prisma's engine locks too, so the two never migrate one database at once. */
const ADVISORY_LOCK = 72707369;

/** A problem with the migrations that a person resolves; the message names the command. */
export class MigrationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MigrationError';
  }
}

type Query = (sql: string, params?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>;
export type Runner = {
  query: Query;
  /** Runs `work` in one transaction with `exec` for whole scripts. */
  transaction<T>(work: (tx: { query: Query; exec(script: string): Promise<void> }) => Promise<T>): Promise<T>;
};

export type MigrationRow = { id: string; migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null; logs: string | null };

const createTable = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

export function checksum(script: string): string {
  return createHash('sha256').update(script).digest('hex');
}

async function readRows(query: Query): Promise<MigrationRow[]> {
  await query(createTable);
  const { rows } = await query(`SELECT "id", "migration_name", "checksum", "finished_at", "rolled_back_at", "logs" FROM "_prisma_migrations" ORDER BY "started_at", "migration_name"`);
  return rows as MigrationRow[];
}

/** What blocks the migrations: rows of failed or interrupted runs of Prisma's own engine. */
export function unfinished(rows: MigrationRow[]): MigrationRow[] {
  const done = new Set(rows.filter((r) => r.finished_at && !r.rolled_back_at).map((r) => r.migration_name));
  return rows.filter((r) => !r.finished_at && !r.rolled_back_at && !done.has(r.migration_name));
}

/** Applies what is pending of the migrations in `dir` (prisma/migrations by default). */
export async function migrateWith(runner: Runner, dir?: string): Promise<string[]> {
  const { migrationDirectories } = await readMigrations(dir);
  const rows = await readRows(runner.query);
  const applied = new Map(rows.filter((r) => r.finished_at && !r.rolled_back_at).map((r) => [r.migration_name, r]));
  for (const row of unfinished(rows)) {
    // Only Prisma's engine leaves such rows (this runner writes a row with its migration, in one
    // transaction). Whether that migration's changes were committed cannot be known from here.
    throw new MigrationError(
      `migration ${row.migration_name} was left unfinished by an earlier run${row.logs ? ` (${row.logs.split('\n')[0]})` : ''}: run \`pnpm db:repair\`, which checks whether its changes are in the database and records it accordingly`,
    );
  }
  const names: string[] = [];
  for (const dir of migrationDirectories) {
    const script = dir.migrationFile.content.value;
    const sum = checksum(script);
    const done = applied.get(dir.path);
    if (done) {
      if (done.checksum !== sum) {
        throw new MigrationError(
          `prisma/migrations/${dir.path}/migration.sql was changed after it was applied to this database: restore it (git checkout), or run \`pnpm db:repair --accept-checksums\` if the change was deliberate`,
        );
      }
      continue;
    }
    try {
      await runner.transaction(async (tx) => {
        await tx.exec(script);
        await tx.query(
          `INSERT INTO "_prisma_migrations" ("id", "checksum", "finished_at", "migration_name", "started_at", "applied_steps_count") VALUES ($1, $2, now(), $3, now(), 1)`,
          [randomUUID(), sum, dir.path],
        );
      });
    } catch (err) {
      const reason = err instanceof Error ? err.message.split('\n')[0] : String(err);
      throw new MigrationError(`migration ${dir.path} failed and was rolled back, nothing of it is applied: ${reason}`);
    }
    names.push(dir.path);
  }
  return names;
}

/** Applies pending migrations on PGlite (one connection; the folder lock keeps other processes out). */
export function migratePglite(db: PGlite): Promise<string[]> {
  return migrateWith(pgliteRunner(db));
}

/** Applies pending migrations on the PostgreSQL server, one process at a time (advisory lock). */
export async function migratePostgres(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [ADVISORY_LOCK]);
    return await migrateWith(postgresRunner(client));
  } finally {
    await client.end().catch(() => {});
  }
}

export type RepairReport = { resolved: { name: string; as: 'applied' | 'rolled-back' }[]; checksumsAccepted: string[] };

/**
 * `pnpm db:repair`: settles what the automatic start cannot. An unfinished row of Prisma's engine is
 * marked applied when its migration's changes are all in the database (its script fails on a
 * copy inside a transaction that is rolled back, with "already exists"), else rolled back (the
 * next start applies it). With acceptChecksums, edited migration files are accepted as applied.
 */
export async function repairMigrations(runner: Runner, options: { acceptChecksums?: boolean; dir?: string } = {}): Promise<RepairReport> {
  const { migrationDirectories } = await readMigrations(options.dir);
  const rows = await readRows(runner.query);
  const report: RepairReport = { resolved: [], checksumsAccepted: [] };
  for (const row of unfinished(rows)) {
    const dir = migrationDirectories.find((d) => d.path === row.migration_name);
    let appliedAlready = false;
    if (dir) {
      appliedAlready = await runner
        .transaction(async (tx) => {
          await tx.exec(dir.migrationFile.content.value);
          throw new Probe();
        })
        .catch((err: unknown) => !(err instanceof Probe) && /already exists/i.test(String((err as Error).message)));
    }
    if (appliedAlready) {
      await runner.query(`UPDATE "_prisma_migrations" SET "finished_at" = now(), "logs" = NULL, "applied_steps_count" = 1, "checksum" = $2 WHERE "id" = $1`, [
        row.id,
        checksum(dir!.migrationFile.content.value),
      ]);
      report.resolved.push({ name: row.migration_name, as: 'applied' });
    } else {
      await runner.query(`UPDATE "_prisma_migrations" SET "rolled_back_at" = now() WHERE "id" = $1`, [row.id]);
      report.resolved.push({ name: row.migration_name, as: 'rolled-back' });
    }
  }
  if (options.acceptChecksums) {
    for (const dir of migrationDirectories) {
      const sum = checksum(dir.migrationFile.content.value);
      const row = rows.find((r) => r.migration_name === dir.path && r.finished_at && !r.rolled_back_at);
      if (row && row.checksum !== sum) {
        await runner.query(`UPDATE "_prisma_migrations" SET "checksum" = $1 WHERE "id" = $2`, [sum, row.id]);
        report.checksumsAccepted.push(dir.path);
      }
    }
  }
  return report;
}

class Probe extends Error {}

/** The runner over PGlite. */
export function pgliteRunner(db: PGlite): Runner {
  const wrap = (q: PGlite | Transaction): Query => async (sql, params) => ({ rows: (await q.query<Record<string, unknown>>(sql, params)).rows });
  return {
    query: wrap(db),
    transaction: (work) => db.transaction(async (tx) => work({ query: wrap(tx), exec: async (s) => void (await tx.exec(s)) })),
  };
}

/** The runner over one PostgreSQL connection; a whole script runs as one simple query, so function bodies ($$ … ; … $$) stay whole. */
export function postgresRunner(client: pg.Client): Runner {
  const query: Query = async (sql, params) => ({ rows: (await client.query(sql, params as unknown[])).rows as Record<string, unknown>[] });
  return {
    query,
    transaction: async (work) => {
      await client.query('BEGIN');
      try {
        const result = await work({ query, exec: async (s) => void (await client.query(s)) });
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => {});
        throw err;
      }
    },
  };
}
