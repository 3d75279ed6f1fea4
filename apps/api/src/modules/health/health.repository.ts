import type { Db } from '../../infra/tx.ts';

/** Asks the database for the smallest possible answer. */
export async function ping(db: Db): Promise<void> {
  await db.$queryRaw`SELECT 1`;
}
