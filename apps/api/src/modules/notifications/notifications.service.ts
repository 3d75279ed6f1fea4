import type { NotificationList } from '@portal/schemas';
import { DomainError, type Actor } from '@portal/domain';
import type { PrismaClient } from '@portal/db';
import type { Clock } from '../../infra/clock.ts';
import * as repo from './notifications.repository.ts';

/** How many of the latest notifications the bell shows. */
const LATEST = 50;

/** A user's own in-portal notifications (written by the services that notify, see infra/notify.ts). */
export function createNotificationsService(deps: { prisma: PrismaClient; clock: Clock }) {
  const { prisma, clock } = deps;
  return {
    /** The caller's latest notifications and the unread count. */
    async list(actor: Actor): Promise<NotificationList> {
      const { items, unread } = await repo.listForUser(prisma, actor.userId, LATEST);
      return { unread, items: items.map((n) => ({ ...n, readAt: n.readAt?.toISOString() ?? null, createdAt: n.createdAt.toISOString() })) };
    },

    /** Marks one of the caller's notifications read; another user's is not found. */
    async markRead(actor: Actor, id: string): Promise<void> {
      if (!(await repo.markRead(prisma, actor.userId, id, clock.now()))) throw new DomainError('NOT_FOUND', 'notification not found');
    },

    /** Marks all the caller's notifications read. */
    async markAllRead(actor: Actor): Promise<void> {
      await repo.markAllRead(prisma, actor.userId, clock.now());
    },
  };
}

export type NotificationsService = ReturnType<typeof createNotificationsService>;
