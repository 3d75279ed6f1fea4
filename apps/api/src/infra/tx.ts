import { Prisma, type PrismaClient } from '@portal/db';

/** A Prisma client or an open transaction: repositories accept either. */
export type Db = PrismaClient | Prisma.TransactionClient;

/** A unique constraint refused the write (P2002): a concurrent request took the same number or value first. */
export function isUniqueViolation(err: unknown): boolean {
  return err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002';
}
