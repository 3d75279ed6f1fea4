import type { CompanyDetail, CompanyListQuery, CompanyPage, CompanySummary, ReviewCompanyBody, UpdateCompanyBody } from '@portal/schemas';
import { DomainError, assertCanManageCompanyUsers, assertVisibleTo, decideCompanyStatus, type Actor } from '@portal/domain';
import type { PrismaClient } from '@portal/db';
import type { Clock } from '../../infra/clock.ts';
import { recordAudit } from '../../infra/audit.repository.ts';
import { mailEach, notify } from '../../infra/notify.ts';
import { findCompanyContacts } from '../../infra/recipients.repository.ts';
import * as repo from './companies.repository.ts';
import type { SessionChanges } from '../../infra/session-directory.ts';

type Meta = { requestId?: string };

function toSummary(c: { id: string; name: string; country: string; city: string; status: CompanySummary['status']; defaultCurrency: string; createdAt: Date; _count: { users: number } }): CompanySummary {
  return { id: c.id, name: c.name, country: c.country, city: c.city, status: c.status, defaultCurrency: c.defaultCurrency, createdAt: c.createdAt.toISOString(), userCount: c._count.users };
}

function toDetail(c: repo.CompanyRow): CompanyDetail {
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
  };
}

const decisionMail = {
  APPROVED: { subject: (n: string) => `${n} is approved on our buyer portal`, body: 'Your company is approved. You can now send price inquiries, receive pro-forma quotes and follow your orders in the portal.' },
  REJECTED: { subject: (n: string) => `About the registration of ${n}`, body: 'We are sorry: we cannot approve your company on the portal at this time.' },
  SUSPENDED: { subject: (n: string) => `${n}: portal access suspended`, body: 'Trading through the portal is suspended for your company. You can still sign in and contact us.' },
  PENDING: { subject: (n: string) => n, body: '' },
} as const;

/** The directory of buyer companies and the manager's approval of new ones. */
export function createCompaniesService(deps: { prisma: PrismaClient; clock: Clock; publicUrl: string; sessions: SessionChanges }) {
  const { prisma, clock } = deps;

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
      return toDetail(await load(actor, id));
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
        const text = decisionMail[status];
        const kind = `company.${status.toLowerCase()}`;
        await notify(tx, contacts, { kind, title: text.subject(company.name), body: [text.body, body.reason].filter(Boolean).join(' '), link: '/portal/company' });
        await mailEach(tx, contacts.filter((c) => c.isCompanyAdmin), {
          topic: kind,
          subject: text.subject(company.name),
          paragraphs: [text.body, ...(body.reason ? [`Reason: ${body.reason}`] : [])],
          action: { label: 'Open the portal', path: '' },
        }, { publicUrl: deps.publicUrl, now: clock.now() });
      });
      deps.sessions.forgetCompany(id);
      return toDetail((await repo.findCompany(prisma, id))!);
    },

    /** Company admins keep their own company's details; portal admins can correct any. */
    async update(actor: Actor, id: string, body: UpdateCompanyBody, meta: Meta): Promise<CompanyDetail> {
      assertCanManageCompanyUsers(actor, id);
      const company = await load(actor, id);
      const changes = Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));
      await prisma.$transaction(async (tx) => {
        await repo.updateCompany(tx, id, changes);
        const before = Object.fromEntries(Object.keys(changes).map((k) => [k, (company as Record<string, unknown>)[k] ?? null]));
        await recordAudit(tx, { actorId: actor.userId, companyId: id, action: 'company.update', entityType: 'Company', entityId: id, changes: { from: before, to: changes } as never, requestId: meta.requestId });
      });
      return toDetail((await repo.findCompany(prisma, id))!);
    },
  };
}

export type CompaniesService = ReturnType<typeof createCompaniesService>;
