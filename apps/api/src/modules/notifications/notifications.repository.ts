import type { Db } from '../../infra/tx.ts';

export async function listForUser(db: Db, userId: string, take: number) {
  const [items, unread] = await Promise.all([
    db.notification.findMany({
      where: { userId },
      orderBy: { createdAt: 'desc' },
      take,
      select: { id: true, kind: true, title: true, body: true, link: true, readAt: true, createdAt: true },
    }),
    db.notification.count({ where: { userId, readAt: null } }),
  ]);
  return { items, unread };
}

/** Only the owner's notification can be marked; false when it is not theirs or does not exist. */
export async function markRead(db: Db, userId: string, id: string, at: Date): Promise<boolean> {
  const exists = await db.notification.count({ where: { id, userId } });
  if (!exists) return false;
  await db.notification.updateMany({ where: { id, userId, readAt: null }, data: { readAt: at } });
  return true;
}

export function markAllRead(db: Db, userId: string, at: Date) {
  return db.notification.updateMany({ where: { userId, readAt: null }, data: { readAt: at } });
}
