import type { Prisma } from '@portal/db';
import type { Db } from '../../infra/tx.ts';

const detailSelect = {
  id: true, name: true, country: true, city: true, status: true, defaultCurrency: true, createdAt: true,
  addressLine1: true, addressLine2: true, postalCode: true, taxId: true, website: true, phone: true,
  creditTermsDays: true, creditLimit: true, creditLimitCurrency: true, statusReason: true, reviewedAt: true, kind: true,
  reviewedBy: { select: { name: true } },
  _count: { select: { users: true } },
} as const;

export type CompanyRow = NonNullable<Awaited<ReturnType<typeof findCompany>>>;

export function findCompany(db: Db, id: string) {
  return db.company.findUnique({ where: { id }, select: detailSelect });
}

export async function listBuyerCompanies(db: Db, filter: { status?: 'PENDING' | 'APPROVED' | 'REJECTED' | 'SUSPENDED'; q?: string }, page: number, pageSize: number) {
  const where: Prisma.CompanyWhereInput = {
    kind: 'BUYER',
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.q ? { name: { contains: filter.q, mode: 'insensitive' } } : {}),
  };
  const [items, total] = await Promise.all([
    db.company.findMany({
      where,
      select: { id: true, name: true, country: true, city: true, status: true, defaultCurrency: true, createdAt: true, _count: { select: { users: true } } },
      // Pending companies wait longest first; the rest newest first.
      orderBy: filter.status === 'PENDING' ? { createdAt: 'asc' } : { createdAt: 'desc' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    }),
    db.company.count({ where }),
  ]);
  return { items, total };
}

export function setCompanyStatus(db: Db, id: string, data: { status: 'PENDING' | 'APPROVED' | 'REJECTED' | 'SUSPENDED'; statusReason: string | null; reviewedAt: Date; reviewedById: string; creditTermsDays?: number | null }) {
  return db.company.update({ where: { id }, data, select: { id: true } });
}

export function updateCompany(db: Db, id: string, data: Prisma.CompanyUpdateInput) {
  return db.company.update({ where: { id }, data, select: { id: true } });
}

/** A company's name and address as trade documents print it. */
export const partySelect = { id: true, name: true, addressLine1: true, addressLine2: true, city: true, postalCode: true, country: true, taxId: true, phone: true } as const;

/** The exporter: the seller on every PI and sales contract, the supplier of every product (the first exporter company). */
export function findExporter(db: Db) {
  return db.company.findFirst({ where: { kind: 'EXPORTER' }, orderBy: { createdAt: 'asc' }, select: { ...partySelect, website: true } });
}

export function findPendingIdentityChange(db: Db, companyId: string) {
  return db.companyIdentityChange.findFirst({
    where: { companyId, status: 'PENDING' },
    orderBy: { requestedAt: 'desc' },
    select: { id: true, proposed: true, previous: true, requestedAt: true, requestedBy: { select: { name: true } } },
  });
}

/** A new request replaces the one waiting (which is kept, as SUPERSEDED). */
export async function requestIdentityChange(db: Db, data: { companyId: string; proposed: Prisma.InputJsonValue; previous: Prisma.InputJsonValue; requestedById: string; requestedAt: Date }) {
  await db.companyIdentityChange.updateMany({ where: { companyId: data.companyId, status: 'PENDING' }, data: { status: 'SUPERSEDED' } });
  return db.companyIdentityChange.create({ data, select: { id: true } });
}

/** Decides a waiting change; false when it was decided or replaced meanwhile. */
export async function decideIdentityChange(db: Db, id: string, data: { status: 'APPROVED' | 'REJECTED'; decidedById: string; decidedAt: Date; reason: string | null }): Promise<boolean> {
  const { count } = await db.companyIdentityChange.updateMany({ where: { id, status: 'PENDING' }, data });
  return count === 1;
}

// ── The home page (companies.home.ts)

/** Buyer companies waiting for review whose registering user has confirmed the address (before that, reviewers are not told). */
export function findCompaniesToReview(db: Db) {
  return db.company.findMany({
    where: { kind: 'BUYER', status: 'PENDING', users: { some: { emailVerifiedAt: { not: null } } } },
    select: { id: true, name: true, country: true, createdAt: true },
    orderBy: { createdAt: 'asc' },
    take: 200,
  });
}

/** Changes of a company's identity waiting for a manager. */
export function findIdentityChangesToReview(db: Db) {
  return db.companyIdentityChange.findMany({
    where: { status: 'PENDING' },
    select: { id: true, requestedAt: true, company: { select: { id: true, name: true } } },
    orderBy: { requestedAt: 'asc' },
    take: 200,
  });
}
