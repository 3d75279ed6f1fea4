import { companyScope, currencyScale, type Actor } from '@portal/domain';
import type { ActionItem, HomeFigure } from '@portal/schemas';
import type { Db } from '../../infra/tx.ts';
import type { HomeProvider } from '../home/home.service.ts';
import { findLiveContracts, findProposedAmendments, sumContractsInExecution } from './sales-contracts.repository.ts';

/**
 * Sales contracts on the home page: the buyer's contracts and amendments to confirm; contracts in
 * execution with their value per currency as a figure (the buyer's company's, or all for staff).
 */
export function createSalesContractsHome(deps: { prisma: Db }): HomeProvider {
  return async (actor: Actor) => {
    const items: ActionItem[] = [];
    const scope = companyScope(actor);
    if (actor.role === 'BUYER') {
      for (const c of await findLiveContracts(deps.prisma, actor.companyId, { status: 'ISSUED' })) {
        items.push({
          id: `sales-contracts.confirm:${c.id}`, capability: 'sales-contracts', kind: 'sales-contracts.confirm', urgency: 'WAITING',
          params: { number: c.number, amount: c.totalAmount.toFixed(currencyScale(c.currency)), currency: c.currency },
          dueAt: null, since: c.issuedAt.toISOString(), link: `/portal/contracts/${c.id}`,
        });
      }
      for (const a of await findProposedAmendments(deps.prisma, actor.companyId)) {
        items.push({
          id: `sales-contracts.confirmAmendment:${a.id}`, capability: 'sales-contracts', kind: 'sales-contracts.confirmAmendment', urgency: 'WAITING',
          params: { number: a.contract.number, amendmentNo: a.number, reason: a.reason },
          dueAt: null, since: a.proposedAt.toISOString(), link: `/portal/contracts/${a.contract.id}`,
        });
      }
    }
    const sums = await sumContractsInExecution(deps.prisma, scope);
    const figures: HomeFigure[] = [{
      key: 'sales-contracts.inExecution',
      count: sums.reduce((n, s) => n + s._count._all, 0),
      amounts: sums.map((s) => ({ amount: (s._sum.totalAmount ?? 0).toFixed(currencyScale(s.currency)), currency: s.currency })),
      link: actor.role === 'BUYER' ? '/portal/contracts' : '/staff/contracts',
    }];
    return { items, figures };
  };
}
