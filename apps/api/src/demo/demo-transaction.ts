import { Prisma, type PrismaClient } from '@portal/db';
import type { Clock } from '../infra/clock.ts';

/*
 * The demo history is written by the API's own services, but all of it in one database
 * transaction: a first start killed half-way leaves no history, and the next start writes it whole;
 * and one commit instead of hundreds keeps the first start fast. Two adapters make that possible
 * without touching the services:
 * - a client whose `$transaction(fn)` runs `fn` inside the one open transaction, under a savepoint,
 *   so a service step that throws still undoes exactly its own writes, as its own transaction would;
 * - rows stamped with the seed clock: `createdAt`/`updatedAt` that a service leaves to the database
 *   default get the historic instant of the step instead of the moment of the seed, so audit
 *   entries, notifications and records read as the history they are.
 */

type Stampable = { createdAt: boolean; updatedAt: boolean };
const stampable = new Map<string, Stampable>();

/** Which of createdAt/updatedAt a model has, from the generated client's field lists. */
function fieldsOf(model: string): Stampable {
  let known = stampable.get(model);
  if (!known) {
    const fields = (Prisma as unknown as Record<string, Record<string, string> | undefined>)[`${model}ScalarFieldEnum`] ?? {};
    known = { createdAt: 'createdAt' in fields, updatedAt: 'updatedAt' in fields };
    stampable.set(model, known);
  }
  return known;
}

/** The row with createdAt/updatedAt set to the clock's now where the model has them and the caller left them out. */
function stampCreate(model: string, row: Record<string, unknown>, now: Date): Record<string, unknown> {
  const f = fieldsOf(model);
  return {
    ...(f.createdAt && row.createdAt === undefined ? { createdAt: now } : {}),
    ...(f.updatedAt && row.updatedAt === undefined ? { updatedAt: now } : {}),
    ...row,
  };
}

function stampUpdate(model: string, data: Record<string, unknown>, now: Date): Record<string, unknown> {
  return fieldsOf(model).updatedAt && data.updatedAt === undefined ? { ...data, updatedAt: now } : data;
}

/** A client that stamps the rows it creates or updates with the clock's now (see above). */
export function clockStampedClient(prisma: PrismaClient, clock: Clock) {
  return prisma.$extends({
    name: 'demo-clock-stamps',
    query: {
      $allModels: {
        create({ model, args, query }) {
          return query({ ...args, data: stampCreate(model, args.data as Record<string, unknown>, clock.now()) } as typeof args);
        },
        createMany({ model, args, query }) {
          const now = clock.now();
          const data = Array.isArray(args.data) ? args.data.map((r) => stampCreate(model, r as Record<string, unknown>, now)) : stampCreate(model, args.data as Record<string, unknown>, now);
          return query({ ...args, data } as typeof args);
        },
        upsert({ model, args, query }) {
          const now = clock.now();
          return query({ ...args, create: stampCreate(model, args.create as Record<string, unknown>, now), update: stampUpdate(model, args.update as Record<string, unknown>, now) } as typeof args);
        },
        update({ model, args, query }) {
          return query({ ...args, data: stampUpdate(model, args.data as Record<string, unknown>, clock.now()) } as typeof args);
        },
        updateMany({ model, args, query }) {
          return query({ ...args, data: stampUpdate(model, args.data as Record<string, unknown>, clock.now()) } as typeof args);
        },
      },
    },
  });
}

/**
 * A PrismaClient-shaped view of an open transaction: everything goes to `tx`, and `$transaction`
 * nests under a savepoint instead of opening a transaction of its own.
 */
export function inTransaction(tx: Prisma.TransactionClient): PrismaClient {
  let savepoints = 0;
  const target = tx as unknown as Record<string | symbol, unknown>;
  const view: PrismaClient = new Proxy(target, {
    get(_t, prop) {
      if (prop === '$transaction') return nested;
      const value = target[prop];
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  }) as unknown as PrismaClient;

  async function nested(arg: unknown): Promise<unknown> {
    if (typeof arg !== 'function') {
      // The batch form: the queries one after another, in the open transaction.
      const results: unknown[] = [];
      for (const query of arg as Promise<unknown>[]) results.push(await query);
      return results;
    }
    const name = `demo_step_${++savepoints}`;
    await tx.$executeRawUnsafe(`SAVEPOINT ${name}`);
    try {
      const result = await (arg as (client: PrismaClient) => Promise<unknown>)(view);
      await tx.$executeRawUnsafe(`RELEASE SAVEPOINT ${name}`);
      return result;
    } catch (err) {
      await tx.$executeRawUnsafe(`ROLLBACK TO SAVEPOINT ${name}`);
      throw err;
    }
  }
  return view;
}
