import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaClient } from './generated/client.ts';
import { applyMigrations } from './schema-engine.ts';

export type DatabaseKind = 'pglite' | 'postgres';

/** An open database: the Prisma client, how to migrate it, how to close it. */
export type Database = {
  kind: DatabaseKind;
  prisma: PrismaClient;
  /** Applies pending migrations; returns the names of those applied. */
  migrate(): Promise<string[]>;
  close(): Promise<void>;
};

export type DatabaseOptions =
  | { kind: 'postgres'; url: string; poolSize?: number }
  /** dataDir: a folder to persist into; absent means in memory. */
  | { kind: 'pglite'; dataDir?: string };

/** Opens PGlite (embedded, one connection) or the PostgreSQL server through the same client. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.kind === 'postgres') {
    const adapter = new PrismaPg({ connectionString: options.url, max: options.poolSize ?? 10 });
    const prisma = new PrismaClient({ adapter });
    return {
      kind: 'postgres',
      prisma,
      migrate: async () => {
        // A pool of its own, ended afterwards, so the engine leaves no connection behind.
        const pool = new pg.Pool({ connectionString: options.url, max: 1 });
        try {
          return await applyMigrations(new PrismaPg(pool));
        } finally {
          await pool.end();
        }
      },
      close: () => prisma.$disconnect(),
    };
  }
  const pglite = options.dataDir ? await PGlite.create({ dataDir: options.dataDir }) : await PGlite.create();
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  return {
    kind: 'pglite',
    prisma,
    migrate: () => applyMigrations(new PrismaPGlite(pglite)),
    close: async () => {
      await prisma.$disconnect();
      await pglite.close();
    },
  };
}
