import { can, type Actor } from '@portal/domain';
import type { ActionItem } from '@portal/schemas';
import { countOutbox, listTroubledEvents } from '../../infra/outbox.repository.ts';
import type { Db } from '../../infra/tx.ts';
import type { HomeProvider } from '../home/home.service.ts';

/** Deliveries on the administrator's home page: mail and index tasks held or stuck, as one item linking to Delivery problems. */
export function createOutboxHome(deps: { prisma: Db }): HomeProvider {
  return async (actor: Actor, now: Date) => {
    const items: ActionItem[] = [];
    if (can(actor, 'outbox.manage')) {
      const [oldest] = await listTroubledEvents(deps.prisma, now, 1);
      if (oldest) {
        const [mail, search] = await Promise.all([countOutbox(deps.prisma, 'mail', now), countOutbox(deps.prisma, 'search', now)]);
        const held = mail.held + search.held;
        items.push({
          id: 'outbox.failed:all', capability: 'outbox', kind: 'outbox.failed', urgency: held > 0 ? 'OVERDUE' : 'WAITING',
          params: { count: held + mail.stuck + search.stuck, held, stuck: mail.stuck + search.stuck, mail: mail.held + mail.stuck, search: search.held + search.stuck },
          dueAt: null, since: oldest.createdAt.toISOString(), link: '/staff/outbox',
        });
      }
    }
    return { items, figures: [] };
  };
}
