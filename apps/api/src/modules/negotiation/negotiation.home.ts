import type { Actor } from '@portal/domain';
import type { ActionItem } from '@portal/schemas';
import type { Db } from '../../infra/tx.ts';
import type { HomeProvider } from '../home/home.service.ts';
import { findNegotiationsWithLatest } from './negotiation.repository.ts';

/**
 * The negotiation on the home page: for the clerk (theirs and nobody's) and a manager (theirs),
 * each negotiation whose last word is the buyer's counter-offer or request for changes, until the
 * clerk answers it (a message, or a new revision that supersedes the countered one) or the buyer
 * settles the revision (accepts or declines it).
 */
/** A countered revision in these states needs no answer any more. */
const answered = new Set(['SUPERSEDED', 'ACCEPTED', 'DECLINED']);

export function createNegotiationHome(deps: { prisma: Db }): HomeProvider {
  return async (actor: Actor) => {
    const items: ActionItem[] = [];
    if (actor.role === 'CLERK' || actor.role === 'MANAGER') {
      for (const i of await findNegotiationsWithLatest(deps.prisma, actor.userId, actor.role === 'CLERK')) {
        const last = i.messages[0];
        if (!last || last.side !== 'BUYER' || (last.kind !== 'COUNTER_OFFER' && last.kind !== 'CHANGE_REQUEST')) continue;
        if (last.revision && answered.has(last.revision.status)) continue;
        items.push({
          id: `negotiation.answerCounter:${last.id}`, capability: 'negotiation', kind: 'negotiation.answerCounter', urgency: 'WAITING',
          params: {
            number: i.number, company: i.buyerCompany.name, request: last.kind === 'COUNTER_OFFER' ? 'counterOffer' : 'changeRequest',
            ...(last.revision ? { quoteNumber: last.revision.quote.number, revisionNo: last.revision.revisionNo } : {}),
          },
          dueAt: null, since: last.createdAt.toISOString(), link: `/staff/inquiries/${i.id}`,
        });
      }
    }
    return { items, figures: [] };
  };
}
