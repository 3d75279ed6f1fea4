import { companyScope, responseDueAt, type Actor } from '@portal/domain';
import type { ActionItem, HomeFigure } from '@portal/schemas';
import type { Db } from '../../infra/tx.ts';
import { urgencyOf, type HomeProvider } from '../home/home.service.ts';
import type { SettingsService } from '../settings/settings.service.ts';
import { countOpenInquiries, findUnansweredInquiries } from './inquiries.repository.ts';

/** An unanswered inquiry is "due soon" this long before its response target. */
const DUE_SOON_MS = 4 * 3600_000;

/**
 * Inquiries on the home page: a clerk's unanswered inquiries (theirs and nobody's) with their
 * response timers, a manager's own; the open inquiries as a figure for buyers (their company's) and staff.
 */
export function createInquiriesHome(deps: { prisma: Db; settings: Pick<SettingsService, 'get'> }): HomeProvider {
  return async (actor: Actor, now: Date) => {
    const figures: HomeFigure[] = [];
    const items: ActionItem[] = [];
    const scope = companyScope(actor);
    figures.push({ key: 'inquiries.open', count: await countOpenInquiries(deps.prisma, scope), link: actor.role === 'BUYER' ? '/portal/inquiries' : '/staff/inquiries' });
    if (actor.role === 'CLERK' || actor.role === 'MANAGER') {
      const { responseTargetHours } = await deps.settings.get();
      for (const i of await findUnansweredInquiries(deps.prisma, actor.userId, actor.role === 'CLERK')) {
        const dueAt = responseDueAt(i.submittedAt, responseTargetHours);
        items.push({
          id: `inquiries.respond:${i.id}`, capability: 'inquiries', kind: 'inquiries.respond', urgency: urgencyOf(dueAt, now, DUE_SOON_MS),
          params: { number: i.number, company: i.buyerCompany.name, lines: i._count.lines },
          dueAt: dueAt.toISOString(), since: i.submittedAt.toISOString(), link: `/staff/inquiries/${i.id}`,
        });
      }
    }
    return { items, figures };
  };
}
