import type { Prisma, PrismaClient } from '@portal/db';

/** A Prisma client or an open transaction: repositories accept either. */
export type Db = PrismaClient | Prisma.TransactionClient;
