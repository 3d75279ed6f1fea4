import { openInquiryStatuses, sentRevisionStatuses } from '@portal/domain';
import type { Prisma } from '@portal/db';
import type { Db } from '../../infra/tx.ts';

const latestRevisionSelect = { revisionNo: true, status: true, totalAmount: true, currency: true, validUntil: true } as const;

/** The quotes of an inquiry, newest first, each with its latest revision the caller may see. */
function quotesSelect(buyerView: boolean) {
  return {
    select: {
      id: true,
      number: true,
      revisions: {
        ...(buyerView ? { where: { status: { in: [...sentRevisionStatuses] } } } : {}),
        orderBy: { revisionNo: 'desc' },
        take: 1,
        select: latestRevisionSelect,
      },
    },
    orderBy: { createdAt: 'desc' },
  } as const satisfies Prisma.Inquiry$quotesArgs;
}

function summarySelect(buyerView: boolean) {
  return {
    id: true, number: true, status: true, incoterm: true, namedPlace: true, currency: true,
    submittedAt: true, firstResponseAt: true,
    buyerCompany: { select: { id: true, name: true, country: true } },
    createdBy: { select: { name: true } },
    assignedTo: { select: { name: true } },
    lines: { select: { description: true }, orderBy: { lineNo: 'asc' }, take: 1 },
    _count: { select: { lines: true } },
    quotes: quotesSelect(buyerView),
  } as const satisfies Prisma.InquirySelect;
}

export type InquirySummaryRow = Prisma.InquiryGetPayload<{ select: ReturnType<typeof summarySelect> }>;

const detailExtraSelect = {
  destinationCountry: true, destinationPortCode: true, preferredPaymentMethod: true, preferredPaymentTerms: true,
  requiredShipmentDate: true, packingRequirements: true, certificationRequirements: true, message: true,
  lines: {
    select: {
      id: true, lineNo: true, productId: true, description: true, quantity: true, unit: true, targetPrice: true, targetCurrency: true,
      product: { select: { sku: true, moq: true } },
    },
    orderBy: { lineNo: 'asc' },
  },
  attachments: { select: { id: true, fileName: true, contentType: true, sizeBytes: true, createdAt: true }, orderBy: { createdAt: 'asc' } },
} as const satisfies Prisma.InquirySelect;

export type InquiryDetailRow = NonNullable<Awaited<ReturnType<typeof findInquiry>>>;

/** One inquiry with its lines, attachments and quotes. */
export function findInquiry(db: Db, id: string, buyerView: boolean) {
  // The detail selects every line, where the summary takes only the first.
  const { lines: _firstLine, ...summary } = summarySelect(buyerView);
  return db.inquiry.findUnique({ where: { id }, select: { ...summary, ...detailExtraSelect } });
}

/** Who owns an inquiry and its state: for the checks before a change. */
export function findInquiryState(db: Db, id: string) {
  return db.inquiry.findUnique({ where: { id }, select: { id: true, number: true, status: true, buyerCompanyId: true, assignedClerkId: true } });
}

export type InquiryFilter = {
  /** Only this buyer company's inquiries (buyers); undefined for staff. */
  companyId?: string;
  statuses?: readonly string[];
  /** true: only those still waiting for a first answer; false: only the others. */
  unanswered?: boolean;
};

const unansweredWhere = { status: 'SUBMITTED', firstResponseAt: null } as const satisfies Prisma.InquiryWhereInput;

function whereOf(filter: InquiryFilter): Prisma.InquiryWhereInput {
  const and: Prisma.InquiryWhereInput[] = [];
  if (filter.companyId) and.push({ buyerCompanyId: filter.companyId });
  if (filter.statuses) and.push({ status: { in: filter.statuses as never } });
  if (filter.unanswered === true) and.push(unansweredWhere);
  if (filter.unanswered === false) and.push({ NOT: unansweredWhere });
  return { AND: and };
}

/** A page of inquiries, oldest or newest submitted first. */
export async function listInquiries(db: Db, filter: InquiryFilter, order: 'oldest' | 'newest', skip: number, take: number, buyerView: boolean) {
  if (take <= 0) return [];
  const dir = order === 'oldest' ? 'asc' : 'desc';
  return db.inquiry.findMany({ where: whereOf(filter), orderBy: [{ submittedAt: dir }, { id: dir }], skip, take, select: summarySelect(buyerView) });
}

export function countInquiries(db: Db, filter: InquiryFilter) {
  return db.inquiry.count({ where: whereOf(filter) });
}

export function findCompanyStatus(db: Db, companyId: string) {
  return db.company.findUnique({ where: { id: companyId }, select: { status: true, name: true } });
}

export function findUser(db: Db, id: string) {
  return db.user.findUnique({ where: { id }, select: { id: true, email: true, name: true, role: true, status: true, locale: true } });
}

/** Catalog products named by inquiry lines, with what the checks need. */
export function findProducts(db: Db, ids: string[]) {
  return db.product.findMany({ where: { id: { in: ids } }, select: { id: true, sku: true, nameEn: true, unit: true, moq: true, status: true } });
}

export function findPort(db: Db, code: string) {
  return db.port.findUnique({ where: { code }, select: { code: true, name: true, country: true } });
}

export function findPorts(db: Db, codes: string[]) {
  return db.port.findMany({ where: { code: { in: codes } }, select: { code: true, name: true } });
}

export function createInquiry(db: Db, data: Prisma.InquiryUncheckedCreateInput) {
  return db.inquiry.create({ data, select: { id: true, number: true } });
}

/** Moves an inquiry from one status to another; 0 when it was no longer in `from` (a concurrent change). */
export async function setInquiryStatus(db: Db, id: string, from: string, data: { status: 'WITHDRAWN'; closedAt: Date; closeReason: string; lastActivityAt: Date }) {
  const { count } = await db.inquiry.updateMany({ where: { id, status: from as never }, data });
  return count;
}

export function assignInquiry(db: Db, id: string, clerkId: string, at: Date) {
  return db.inquiry.update({ where: { id }, data: { assignedClerkId: clerkId, lastActivityAt: at }, select: { id: true } });
}

// ── The home page (inquiries.home.ts)

/** Inquiries still waiting for the exporter's first answer, oldest first: for one handler, those assigned to them (and, `withUnassigned`, nobody's). */
export function findUnansweredInquiries(db: Db, handlerId: string, withUnassigned: boolean) {
  return db.inquiry.findMany({
    where: { status: 'SUBMITTED', firstResponseAt: null, OR: [{ assignedClerkId: handlerId }, ...(withUnassigned ? [{ assignedClerkId: null }] : [])] },
    select: { id: true, number: true, submittedAt: true, buyerCompany: { select: { name: true } }, _count: { select: { lines: true } } },
    orderBy: { submittedAt: 'asc' },
    take: 200,
  });
}

/** How many inquiries are open (of one buyer company, or all). */
export function countOpenInquiries(db: Db, companyId: string | undefined) {
  return db.inquiry.count({ where: { status: { in: [...openInquiryStatuses] }, ...(companyId ? { buyerCompanyId: companyId } : {}) } });
}

// ── The buyer's inquiry list

const listItemSelect = {
  productId: true, quantity: true, addedAt: true,
  product: { select: { sku: true, nameEn: true, nameZh: true, unit: true, moq: true, status: true } },
} as const;

/** A user's inquiry list, in the order the products were added. */
export function findListItems(db: Db, userId: string) {
  return db.inquiryListItem.findMany({ where: { userId }, orderBy: [{ addedAt: 'asc' }, { id: 'asc' }], select: listItemSelect });
}

export function findListableProduct(db: Db, productId: string) {
  return db.product.findUnique({ where: { id: productId }, select: { status: true } });
}

/** Puts a product on the list, or changes its quantity when it is there already. */
export function upsertListItem(db: Db, item: { userId: string; productId: string; quantity: string; now: Date }) {
  return db.inquiryListItem.upsert({
    where: { userId_productId: { userId: item.userId, productId: item.productId } },
    create: { userId: item.userId, productId: item.productId, quantity: item.quantity, addedAt: item.now, updatedAt: item.now },
    update: { quantity: item.quantity, updatedAt: item.now },
    select: { id: true },
  });
}

/** Takes products off a user's list (all of them without `productIds`); the number taken off. */
export async function deleteListItems(db: Db, userId: string, productIds?: readonly string[]): Promise<number> {
  const { count } = await db.inquiryListItem.deleteMany({ where: { userId, ...(productIds ? { productId: { in: [...productIds] } } : {}) } });
  return count;
}
