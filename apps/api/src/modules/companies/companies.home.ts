import { can, type Actor } from '@portal/domain';
import type { ActionItem } from '@portal/schemas';
import type { Db } from '../../infra/tx.ts';
import type { HomeProvider } from '../home/home.service.ts';
import { findCompaniesToReview, findIdentityChangesToReview } from './companies.repository.ts';

/** Companies on the home page of those who review them: new buyer companies, and changes of identity to decide. */
export function createCompaniesHome(deps: { prisma: Db }): HomeProvider {
  return async (actor: Actor) => {
    const items: ActionItem[] = [];
    if (can(actor, 'companies.review')) {
      for (const c of await findCompaniesToReview(deps.prisma)) {
        items.push({
          id: `companies.review:${c.id}`, capability: 'companies', kind: 'companies.review', urgency: 'WAITING',
          params: { company: c.name, country: c.country }, dueAt: null, since: c.createdAt.toISOString(), link: `/staff/companies/${c.id}`,
        });
      }
      for (const change of await findIdentityChangesToReview(deps.prisma)) {
        items.push({
          id: `companies.reviewIdentity:${change.id}`, capability: 'companies', kind: 'companies.reviewIdentity', urgency: 'WAITING',
          params: { company: change.company.name }, dueAt: null, since: change.requestedAt.toISOString(), link: `/staff/companies/${change.company.id}`,
        });
      }
    }
    return { items, figures: [] };
  };
}
