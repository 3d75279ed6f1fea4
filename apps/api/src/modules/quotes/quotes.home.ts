import { calendarDate, companyScope, currencyScale, midnightUtc, waitsOnExporter, type Actor } from '@portal/domain';
import type { ActionItem, HomeFigure } from '@portal/schemas';
import type { Db } from '../../infra/tx.ts';
import { urgencyOf, type HomeProvider } from '../home/home.service.ts';
import { findOwnDrafts, findRevisionsToApprove, findSentRevisions } from './quotes.repository.ts';

/** A quote is "due soon" for the buyer in its last three days of validity. */
const DUE_SOON_MS = 3 * 86_400_000;

type Row = Awaited<ReturnType<typeof findOwnDrafts>>[number];
const factsOf = (r: Row) => ({
  number: r.quote.number, revisionNo: r.revisionNo, company: r.quote.buyerCompany.name,
  amount: r.totalAmount.toFixed(currencyScale(r.currency)), currency: r.currency,
});

/**
 * Quotes on the home page: sent quotes for the buyer to answer (until their validity ends, unless
 * the buyer's counter-offer or change request on it waits on the clerk); a
 * clerk's drafts and the ones a manager sent back; the revisions a manager is to approve (not
 * their own); the count of quotes awaiting buyers as a figure.
 */
export function createQuotesHome(deps: { prisma: Db }): HomeProvider {
  return async (actor: Actor, now: Date) => {
    const items: ActionItem[] = [];
    const today = midnightUtc(calendarDate(now));
    // A revision the buyer has countered (or asked to change) waits on the clerk, not on the buyer.
    const awaiting = (await findSentRevisions(deps.prisma, companyScope(actor), today)).filter((r) => !waitsOnExporter(r.quote.inquiry.messages[0], r.id));
    const figures: HomeFigure[] = [{ key: 'quotes.awaitingBuyer', count: awaiting.length, link: actor.role === 'BUYER' ? '/portal/inquiries' : '/staff/inquiries' }];
    if (actor.role === 'BUYER') {
      for (const r of awaiting) {
        // Valid through its last day.
        const dueAt = new Date(r.validUntil.getTime() + 86_400_000);
        items.push({
          id: `quotes.answer:${r.id}`, capability: 'quotes', kind: 'quotes.answer', urgency: urgencyOf(dueAt, now, DUE_SOON_MS),
          params: { ...factsOf(r), validUntil: calendarDate(r.validUntil) }, dueAt: dueAt.toISOString(), since: (r.sentAt ?? r.createdAt).toISOString(),
          link: `/portal/inquiries/${r.quote.inquiryId}`,
        });
      }
    }
    if (actor.role === 'CLERK' || actor.role === 'MANAGER') {
      for (const r of await findOwnDrafts(deps.prisma, actor.userId)) {
        const kind = r.approvalComment === null ? 'quotes.finishDraft' : 'quotes.returned';
        items.push({
          id: `${kind}:${r.id}`, capability: 'quotes', kind, urgency: 'WAITING',
          params: { ...factsOf(r), ...(r.approvalComment ? { comment: r.approvalComment } : {}) }, dueAt: null, since: r.createdAt.toISOString(),
          link: `/staff/quotes/${r.quote.id}`,
        });
      }
    }
    if (actor.role === 'MANAGER') {
      for (const r of await findRevisionsToApprove(deps.prisma, actor.userId)) {
        items.push({
          id: `quotes.approve:${r.id}`, capability: 'quotes', kind: 'quotes.approve', urgency: 'WAITING',
          params: factsOf(r), dueAt: null, since: r.createdAt.toISOString(), link: `/staff/quotes/${r.quote.id}`,
        });
      }
    }
    return { items, figures };
  };
}
