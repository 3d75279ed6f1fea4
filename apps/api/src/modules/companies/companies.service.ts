import type { CompanyDetail, CompanyListQuery, CompanyPage, CompanySummary, PendingIdentityChange, ReviewCompanyBody, ReviewIdentityChangeBody, UpdateCompanyBody, z } from '@portal/schemas';
import {
  DomainError, assertCanManageCompanyUsers, assertIdentityChangePending, assertVisibleTo, decideCompanyStatus, identityChangeNeedsReview, identityChanges, rolesFor,
  type Actor, type CompanyIdentity,
} from '@portal/domain';
import type { Prisma, PrismaClient } from '@portal/db';
import type { Clock } from '../../infra/clock.ts';
import { recordAudit } from '../../infra/audit.repository.ts';
import { mailEach, notify, notifyAndMail } from '../../infra/notify.ts';
import { companyMessages, identityChangesIn, identityFieldsIn } from './companies.messages.ts';
import { findCompanyContacts, findStaff } from '../../infra/recipients.repository.ts';
import * as repo from './companies.repository.ts';
import type { SessionChanges } from '../../infra/session-directory.ts';

type Meta = { requestId?: string };

function toSummary(c: { id: string; name: string; country: string; city: string; status: CompanySummary['status']; defaultCurrency: string; createdAt: Date; _count: { users: number } }): CompanySummary {
  return { id: c.id, name: c.name, country: c.country, city: c.city, status: c.status, defaultCurrency: c.defaultCurrency, createdAt: c.createdAt.toISOString(), userCount: c._count.users };
}

type PendingRow = Awaited<ReturnType<typeof repo.findPendingIdentityChange>>;

function toPending(p: PendingRow): PendingIdentityChange | null {
  if (!p) return null;
  const proposed = p.proposed as Partial<CompanyIdentity>;
  return {
    ...(proposed.name ? { name: proposed.name } : {}),
    ...(proposed.country ? { country: proposed.country } : {}),
    ...(proposed.taxId ? { taxId: proposed.taxId } : {}),
    requestedBy: p.requestedBy.name,
    requestedAt: p.requestedAt.toISOString(),
  };
}

function toDetail(c: repo.CompanyRow, pending: PendingRow = null): CompanyDetail {
  return {
    ...toSummary(c),
    addressLine1: c.addressLine1,
    addressLine2: c.addressLine2,
    postalCode: c.postalCode,
    taxId: c.taxId,
    website: c.website,
    phone: c.phone,
    creditTermsDays: c.creditTermsDays,
    creditLimit: c.creditLimit && c.creditLimitCurrency ? { amount: c.creditLimit.toFixed(2), currency: c.creditLimitCurrency } : null,
    statusReason: c.statusReason,
    reviewedAt: c.reviewedAt?.toISOString() ?? null,
    reviewedBy: c.reviewedBy?.name ?? null,
    pendingIdentityChange: toPending(pending),
  };
}


/** The directory of buyer companies and the manager's approval of new ones. */
export function createCompaniesService(deps: { prisma: PrismaClient; clock: Clock; publicUrl: string; sessions: SessionChanges }) {
  const { prisma, clock } = deps;

  async function detail(id: string): Promise<CompanyDetail> {
    const [company, pending] = await Promise.all([repo.findCompany(prisma, id), repo.findPendingIdentityChange(prisma, id)]);
    return toDetail(company!, pending);
  }

  async function load(actor: Actor, id: string) {
    assertVisibleTo(actor, id, 'company');
    const company = await repo.findCompany(prisma, id);
    if (!company || company.kind !== 'BUYER') throw new DomainError('NOT_FOUND', 'company not found');
    return company;
  }

  return {
    async list(query: CompanyListQuery & { page: number; pageSize: number }): Promise<CompanyPage> {
      const { items, total } = await repo.listBuyerCompanies(prisma, { status: query.status, q: query.q }, query.page, query.pageSize);
      return { items: items.map(toSummary), total, page: query.page, pageSize: query.pageSize };
    },

    async get(actor: Actor, id: string): Promise<CompanyDetail> {
      await load(actor, id);
      return detail(id);
    },

    /** A manager approves, rejects, suspends or reinstates a buyer company; its users hear of it. */
    async review(actor: Actor, id: string, body: ReviewCompanyBody, meta: Meta): Promise<CompanyDetail> {
      const company = await load(actor, id);
      const status = decideCompanyStatus(company.status, body.decision);
      await prisma.$transaction(async (tx) => {
        await repo.setCompanyStatus(tx, id, {
          status,
          statusReason: body.reason ?? null,
          reviewedAt: clock.now(),
          reviewedById: actor.userId,
          ...(body.creditTermsDays !== undefined ? { creditTermsDays: body.creditTermsDays } : {}),
        });
        await recordAudit(tx, {
          actorId: actor.userId, companyId: id, action: `company.${body.decision.toLowerCase()}`, entityType: 'Company', entityId: id,
          changes: { status: { from: company.status, to: status }, reason: body.reason ?? null }, requestId: meta.requestId,
        });
        // Every user of the company is notified; its admins are mailed.
        const contacts = await findCompanyContacts(tx, id);
        const kind = `company.${status.toLowerCase()}` as `company.${Lowercase<typeof status>}`;
        const params = { company: company.name, reason: body.reason ?? '', hasReason: body.reason ? 'yes' : 'no' };
        await notify(tx, contacts, companyMessages, { kind, params, link: '/portal/company' });
        await mailEach(tx, contacts.filter((c) => c.isCompanyAdmin), companyMessages, { kind, params, link: '' }, { publicUrl: deps.publicUrl, now: clock.now() });
      });
      deps.sessions.forgetCompany(id);
      return detail(id);
    },

    /**
     * Company admins keep their own company's details; portal admins can correct any. A company
     * admin's change of an approved company's name, country or tax id waits for a manager (the
     * reviewers are told); the other details change at once.
     */
    async update(actor: Actor, id: string, body: UpdateCompanyBody, meta: Meta): Promise<CompanyDetail> {
      assertCanManageCompanyUsers(actor, id);
      const company = await load(actor, id);
      const identity = identityChanges(company, body);
      const held = Object.keys(identity).length > 0 && identityChangeNeedsReview(actor.role, company.status) ? identity : null;
      const changes = Object.fromEntries(Object.entries(body).filter(([k, v]) => v !== undefined && !(held && k in held)));
      const now = clock.now();
      await prisma.$transaction(async (tx) => {
        if (Object.keys(changes).length > 0) {
          await repo.updateCompany(tx, id, changes);
          const before = Object.fromEntries(Object.keys(changes).map((k) => [k, (company as Record<string, unknown>)[k] ?? null]));
          await recordAudit(tx, { actorId: actor.userId, companyId: id, action: 'company.update', entityType: 'Company', entityId: id, changes: { from: before, to: changes } as never, requestId: meta.requestId });
        }
        if (!held) return;
        const previous = { name: company.name, country: company.country, taxId: company.taxId };
        const request = await repo.requestIdentityChange(tx, { companyId: id, proposed: held as Prisma.InputJsonValue, previous, requestedById: actor.userId, requestedAt: now });
        await recordAudit(tx, { actorId: actor.userId, companyId: id, action: 'company.identity.request', entityType: 'Company', entityId: id, changes: { requestId: request.id, from: previous, to: held } as never, requestId: meta.requestId });
        await notifyAndMail(tx, await findStaff(tx, rolesFor('companies.review')), companyMessages, {
          kind: 'company.identity.request',
          params: { company: company.name, fields: (lang) => identityFieldsIn(held, lang), changes: (lang) => identityChangesIn(held, lang) },
          link: `/staff/companies/${id}`,
        }, { publicUrl: deps.publicUrl, now });
      });
      return detail(id);
    },

    /** A manager approves (the new identity applies) or rejects (with a reason) a company admin's change of identity. */
    async reviewIdentityChange(actor: Actor, id: string, body: z.output<typeof ReviewIdentityChangeBody>, meta: Meta): Promise<CompanyDetail> {
      const company = await load(actor, id);
      const pending = await repo.findPendingIdentityChange(prisma, id);
      assertIdentityChangePending(pending);
      const proposed = pending.proposed as Partial<CompanyIdentity>;
      const approved = body.decision === 'APPROVE';
      const now = clock.now();
      await prisma.$transaction(async (tx) => {
        if (!(await repo.decideIdentityChange(tx, pending.id, { status: approved ? 'APPROVED' : 'REJECTED', decidedById: actor.userId, decidedAt: now, reason: body.reason ?? null }))) {
          throw new DomainError('CONFLICT', 'the change was decided or replaced meanwhile; reload the company');
        }
        if (approved) await repo.updateCompany(tx, id, proposed);
        await recordAudit(tx, {
          actorId: actor.userId, companyId: id, action: approved ? 'company.identity.approve' : 'company.identity.reject', entityType: 'Company', entityId: id,
          changes: { requestId: pending.id, from: pending.previous, to: proposed, reason: body.reason ?? null } as never, requestId: meta.requestId,
        });
        const admins = (await findCompanyContacts(tx, id)).filter((c) => c.isCompanyAdmin);
        await notifyAndMail(tx, admins, companyMessages, {
          kind: approved ? 'company.identity.approved' : 'company.identity.rejected',
          params: { company: company.name, changes: (lang) => identityChangesIn(proposed, lang), reason: body.reason ?? '' },
          link: '/portal/company',
        }, { publicUrl: deps.publicUrl, now });
      });
      return detail(id);
    },
  };
}

export type CompaniesService = ReturnType<typeof createCompaniesService>;
