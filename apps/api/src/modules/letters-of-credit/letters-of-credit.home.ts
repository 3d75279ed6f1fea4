import { calendarDate, currencyScale, isPaidByLc, type Actor, type PaymentMethodCode } from '@portal/domain';
import type { ActionItem } from '@portal/schemas';
import type { Db } from '../../infra/tx.ts';
import type { HomeProvider } from '../home/home.service.ts';
import { findLiveContracts } from '../sales-contracts/sales-contracts.repository.ts';

/**
 * Letters of credit on the home page: for the buyer, live contracts paid by L/C whose credit is not
 * yet recorded (open it) or must be amended; for the clerk, manager and finance, credits received
 * and not yet checked against their contract.
 */
export function createLettersOfCreditHome(deps: { prisma: Db }): HomeProvider {
  return async (actor: Actor) => {
    const items: ActionItem[] = [];
    if (actor.role === 'BUYER') {
      const contracts = await findLiveContracts(deps.prisma, actor.companyId, { lcStatus: { in: ['AMENDMENT_REQUESTED'] } });
      const unopened = await findLiveContracts(deps.prisma, actor.companyId, { lcStatus: null });
      for (const c of unopened) {
        if (!isPaidByLc({ paymentMethod: c.paymentMethod as PaymentMethodCode, paymentTerms: c.paymentTerms.map((p) => ({ method: p.method as PaymentMethodCode })) })) continue;
        items.push({
          id: `letters-of-credit.open:${c.id}`, capability: 'letters-of-credit', kind: 'letters-of-credit.open', urgency: 'WAITING',
          params: { number: c.number, amount: c.totalAmount.toFixed(currencyScale(c.currency)), currency: c.currency, latestShipmentDate: calendarDate(c.latestShipmentDate) },
          dueAt: null, since: c.issuedAt.toISOString(), link: `/portal/contracts/${c.id}`,
        });
      }
      for (const c of contracts) {
        items.push({
          id: `letters-of-credit.amend:${c.id}`, capability: 'letters-of-credit', kind: 'letters-of-credit.amend', urgency: 'WAITING',
          params: { number: c.number, lcNumber: c.lcNumber ?? '' }, dueAt: null, since: (c.lcReviewedAt ?? c.issuedAt).toISOString(), link: `/portal/contracts/${c.id}`,
        });
      }
    }
    if (actor.role === 'CLERK' || actor.role === 'MANAGER' || actor.role === 'FINANCE') {
      // A clerk checks the credits of their own inquiries and of nobody's; a manager and finance see every one.
      const handler = actor.role === 'CLERK' ? { inquiry: { OR: [{ assignedClerkId: actor.userId }, { assignedClerkId: null }] } } : {};
      for (const c of await findLiveContracts(deps.prisma, undefined, { lcStatus: 'RECEIVED', ...handler })) {
        items.push({
          id: `letters-of-credit.check:${c.id}`, capability: 'letters-of-credit', kind: 'letters-of-credit.check', urgency: 'WAITING',
          params: {
            number: c.number, company: c.buyerCompany.name, lcNumber: c.lcNumber ?? '',
            ...(c.lcAmount && c.lcCurrency ? { amount: c.lcAmount.toFixed(currencyScale(c.lcCurrency)), currency: c.lcCurrency } : {}),
            ...(c.lcExpiryDate ? { expiryDate: calendarDate(c.lcExpiryDate) } : {}),
          },
          // Waiting since the buyer registered the credit (or registered it again, amended).
          dueAt: null, since: (c.lcReceivedAt ?? c.issuedAt).toISOString(), link: `/staff/contracts/${c.id}`,
        });
      }
    }
    return { items, figures: [] };
  };
}
