import type { ActionItem, HomeFigure } from '@portal/schemas';
import { DEFAULT_CLAIM_RESPONSE_HOURS, Dec, claimResponseState, currencyScale, loadTimer, serviceCentreHours, type Actor, type WorkingHours } from '@portal/domain';
import type { PrismaClient } from '@portal/db';
import { OPEN_CLAIM_STATUSES } from './claims.service.ts';

/*
 * The claims' part of each home page. Buyers: settlement offers to answer and evidence asked of them.
 * Clerks (and managers): claims to acknowledge and claims past or near their response target.
 * Managers: settlements above finance's threshold waiting for their approval (not their own).
 * Finance: accepted settlements to pay or to issue as credit notes, and the credit notes still open.
 */

const DAY_MS = 86_400_000;
const select = {
  id: true, number: true, kind: true, status: true, currency: true, amountClaimed: true, settlementKind: true, settlementAmount: true, settlementProposedById: true,
  responseTimer: true, filedAt: true, updatedAt: true, handlerId: true, buyerCompany: { select: { name: true } },
} as const;

/** The home page provider of claims (see apps/api/src/modules/home). */
export function createClaimsHome(deps: { prisma: PrismaClient; hours?: WorkingHours }) {
  const hours = deps.hours ?? serviceCentreHours();
  const { prisma } = deps;
  const amount = (v: { toFixed(n: number): string }, currency: string) => new Dec(v.toFixed(4)).toFixed(currencyScale(currency));

  return async function claimsHome(actor: Actor, now: Date): Promise<{ items: ActionItem[]; figures: HomeFigure[] }> {
    if (actor.role === 'ADMIN') return { items: [], figures: [] };
    if (actor.role === 'BUYER') {
      const rows = await prisma.claim.findMany({ where: { buyerCompanyId: actor.companyId, status: { in: ['SETTLEMENT_OFFERED', 'WAITING_FOR_EVIDENCE'] } }, orderBy: { updatedAt: 'asc' }, select });
      const items = rows.map((c): ActionItem => {
        const kind = c.status === 'SETTLEMENT_OFFERED' ? 'claims.answerOffer' : 'claims.addEvidence';
        return {
          id: `${kind}:${c.id}`, capability: 'claims', kind, urgency: 'WAITING', dueAt: null, since: c.updatedAt.toISOString(), link: `/portal/claims/${c.id}`,
          params: { number: c.number, ...(c.settlementAmount ? { amount: amount(c.settlementAmount, c.currency), currency: c.currency } : {}) },
        };
      });
      const open = await prisma.claim.count({ where: { buyerCompanyId: actor.companyId, status: { in: [...OPEN_CLAIM_STATUSES] } } });
      return { items, figures: [{ key: 'claims.open', count: open, link: '/portal/claims' }] };
    }
    const items: ActionItem[] = [];
    if (actor.role === 'CLERK' || actor.role === 'MANAGER') {
      const rows = await prisma.claim.findMany({ where: { status: { in: ['FILED', 'ACKNOWLEDGED', 'UNDER_INVESTIGATION', 'RESPONSIBILITY_DETERMINED', 'DISPUTED'] } }, orderBy: { filedAt: 'asc' }, take: 200, select });
      for (const c of rows) {
        const state = claimResponseState(loadTimer(c.responseTimer), DEFAULT_CLAIM_RESPONSE_HOURS, hours, now);
        const dueSoon = state.dueAt !== null && state.dueAt.getTime() - now.getTime() < DAY_MS;
        const mine = c.handlerId === null || c.handlerId === actor.userId || actor.role === 'MANAGER';
        if (!mine) continue;
        if (c.status === 'FILED') {
          items.push({
            id: `claims.acknowledge:${c.id}`, capability: 'claims', kind: 'claims.acknowledge', urgency: state.breached ? 'OVERDUE' : dueSoon ? 'DUE_SOON' : 'WAITING',
            params: { number: c.number, company: c.buyerCompany.name, claimKind: c.kind }, dueAt: state.dueAt?.toISOString() ?? null, since: c.filedAt.toISOString(), link: `/staff/claims/${c.id}`,
          });
        } else if (state.breached || dueSoon) {
          items.push({
            id: `claims.respond:${c.id}`, capability: 'claims', kind: 'claims.respond', urgency: state.breached ? 'OVERDUE' : 'DUE_SOON',
            params: { number: c.number, company: c.buyerCompany.name, claimKind: c.kind }, dueAt: state.dueAt?.toISOString() ?? null, since: c.filedAt.toISOString(), link: `/staff/claims/${c.id}`,
          });
        }
      }
    }
    if (actor.role === 'MANAGER') {
      const rows = await prisma.claim.findMany({ where: { status: 'PENDING_APPROVAL', settlementProposedById: { not: actor.userId } }, orderBy: { updatedAt: 'asc' }, select });
      for (const c of rows) {
        items.push({
          id: `claims.approve:${c.id}`, capability: 'claims', kind: 'claims.approve', urgency: 'WAITING', dueAt: null, since: c.updatedAt.toISOString(), link: `/staff/claims/${c.id}`,
          params: { number: c.number, company: c.buyerCompany.name, amount: amount(c.settlementAmount!, c.currency), currency: c.currency },
        });
      }
    }
    const figures: HomeFigure[] = [];
    if (actor.role === 'FINANCE' || actor.role === 'MANAGER') {
      const accepted = await prisma.claim.findMany({ where: { status: 'ACCEPTED' }, orderBy: { updatedAt: 'asc' }, select });
      if (actor.role === 'FINANCE') {
        for (const c of accepted) {
          items.push({
            id: `claims.pay:${c.id}`, capability: 'claims', kind: 'claims.pay', urgency: 'WAITING', dueAt: null, since: c.updatedAt.toISOString(), link: `/staff/claims/${c.id}`,
            params: { number: c.number, company: c.buyerCompany.name, amount: amount(c.settlementAmount!, c.currency), currency: c.currency, settlement: c.settlementKind ?? '' },
          });
        }
      }
      const open = await prisma.claim.findMany({ where: { settlementKind: 'CREDIT_NOTE', status: { in: ['SETTLED', 'CLOSED'] }, creditNoteUsedAt: null }, select: { currency: true, settlementAmount: true } });
      const sums = new Map<string, Dec>();
      for (const c of open) sums.set(c.currency, (sums.get(c.currency) ?? new Dec(0)).plus(c.settlementAmount?.toFixed(2) ?? '0'));
      figures.push({ key: 'claims.openCreditNotes', count: open.length, amounts: [...sums].sort().map(([currency, v]) => ({ amount: v.toFixed(currencyScale(currency)), currency })), link: '/staff/claims?view=finance' });
      figures.push({ key: 'claims.toPay', count: accepted.length, link: '/staff/claims?status=ACCEPTED' });
    } else {
      figures.push({ key: 'claims.open', count: await prisma.claim.count({ where: { status: { in: [...OPEN_CLAIM_STATUSES] } } }), link: '/staff/claims' });
    }
    return { items, figures };
  };
}

export type ClaimsHome = ReturnType<typeof createClaimsHome>;
