import type { AssignInquiryBody, CreateInquiryBody, InquiryDetail, InquiryListQuery, InquiryPage, InquirySummary } from '@portal/schemas';
import {
  DomainError, assertCompanyMayTrade, assertQuotedIncoterm, assertInquiryTransition, assertVisibleTo, calendarDate, canTrade, checkMoq, countryCodes, currencyScale, isOpenInquiry, isOverdue,
  isStaff, midnightUtc, openInquiryStatuses, responseDueAt, tradeCurrencies, validationError, type Actor, type FieldError, type InquiryStatus,
} from '@portal/domain';
import type { PrismaClient } from '@portal/db';
import { recordAudit } from '../../infra/audit.repository.ts';
import type { Clock } from '../../infra/clock.ts';
import { calendarDay, type Lang } from '../../infra/messages.ts';
import { mailEach, notify, notifyAndMail } from '../../infra/notify.ts';
import { inquiryLinesIn, inquiryMessages } from './inquiries.messages.ts';
import { nextDocumentNumber } from '../../infra/numbering.ts';
import { findHandlers, findRecipient, findStaff } from '../../infra/recipients.repository.ts';
import { toAttachmentInfo, type AttachmentsService } from '../attachments/attachments.service.ts';
import type { SettingsService } from '../settings/settings.service.ts';
import * as repo from './inquiries.repository.ts';

type Meta = { requestId?: string };
/** The create body after the contract's parsing (defaults applied). */
type CreateBody = Omit<CreateInquiryBody, 'attachmentIds'> & { attachmentIds: string[] };
type ListQuery = Omit<InquiryListQuery, 'scope' | 'page' | 'pageSize'> & { scope: 'open' | 'all'; page: number; pageSize: number };

/** Price inquiries (RFQs): sent by approved buyers, answered by clerks against a response target. */
export function createInquiriesService(deps: {
  prisma: PrismaClient;
  clock: Clock;
  publicUrl: string;
  settings: Pick<SettingsService, 'get'>;
  attachments: Pick<AttachmentsService, 'attachableErrors' | 'link'>;
}) {
  const { prisma, clock, publicUrl } = deps;

  async function responseTargetHours(): Promise<number> {
    return (await deps.settings.get()).responseTargetHours;
  }

  function latestQuote(row: repo.InquirySummaryRow): InquirySummary['latestQuote'] {
    for (const q of row.quotes) {
      const r = q.revisions[0];
      if (!r) continue;
      return {
        id: q.id, number: q.number, revisionNo: r.revisionNo, status: r.status,
        total: { amount: r.totalAmount.toFixed(currencyScale(r.currency)), currency: r.currency },
        validUntil: calendarDate(r.validUntil),
      };
    }
    return null;
  }

  function toSummary(row: Omit<repo.InquirySummaryRow, 'lines'> & { lines: { description: string }[] }, targetHours: number, now: Date): InquirySummary {
    return {
      id: row.id,
      number: row.number,
      status: row.status,
      buyerCompany: row.buyerCompany,
      createdBy: row.createdBy.name,
      assignedTo: row.assignedTo?.name ?? null,
      lineCount: row._count.lines,
      firstLine: row.lines[0]?.description ?? '',
      incoterm: row.incoterm,
      namedPlace: row.namedPlace,
      currency: row.currency,
      submittedAt: row.submittedAt.toISOString(),
      firstResponseAt: row.firstResponseAt?.toISOString() ?? null,
      responseDueAt: responseDueAt(row.submittedAt, targetHours).toISOString(),
      overdue: isOverdue(row, now, targetHours),
      latestQuote: latestQuote(row as repo.InquirySummaryRow),
    };
  }

  /** One inquiry as its buyer company or staff see it; another company's is "not found". */
  async function getDetail(actor: Actor, id: string): Promise<InquiryDetail> {
    const buyerView = !isStaff(actor.role);
    const [row, targetHours] = await Promise.all([repo.findInquiry(prisma, id, buyerView), responseTargetHours()]);
    if (!row) throw new DomainError('NOT_FOUND', 'inquiry not found');
    assertVisibleTo(actor, row.buyerCompany.id, 'inquiry');
    const port = row.destinationPortCode ? await repo.findPort(prisma, row.destinationPortCode) : null;
    return {
      ...toSummary(row, targetHours, clock.now()),
      destinationCountry: row.destinationCountry,
      destinationPort: port ? { code: port.code, name: port.name } : row.destinationPortCode ? { code: row.destinationPortCode, name: row.destinationPortCode } : null,
      preferredPaymentMethod: row.preferredPaymentMethod,
      preferredPaymentTerms: row.preferredPaymentTerms,
      requiredShipmentDate: row.requiredShipmentDate ? calendarDate(row.requiredShipmentDate) : null,
      packingRequirements: row.packingRequirements,
      certificationRequirements: row.certificationRequirements,
      message: row.message,
      lines: row.lines.map((l) => ({
        id: l.id,
        lineNo: l.lineNo,
        productId: l.productId,
        sku: l.product?.sku ?? null,
        description: l.description,
        quantity: l.quantity.toString(),
        unit: l.unit,
        moq: l.product ? l.product.moq.toString() : null,
        targetPrice: l.targetPrice && l.targetCurrency ? { amount: l.targetPrice.toFixed(4), currency: l.targetCurrency } : null,
      })),
      attachments: row.attachments.map(toAttachmentInfo),
      // Buyers see a quote once one of its revisions was sent to them.
      quotes: row.quotes.filter((q) => !buyerView || q.revisions.length > 0).map((q) => ({ id: q.id, number: q.number })),
    };
  }

  /** Checks every reference of a new inquiry at once; one VALIDATION error names each field at fault. */
  async function checkNewInquiry(actor: Actor, body: CreateBody, now: Date) {
    const errors: FieldError[] = [];
    const productIds = [...new Set(body.lines.flatMap((l) => (l.productId ? [l.productId] : [])))];
    const [products, port, attachmentErrors] = await Promise.all([
      repo.findProducts(prisma, productIds),
      body.destinationPortCode ? repo.findPort(prisma, body.destinationPortCode) : null,
      deps.attachments.attachableErrors(actor, body.attachmentIds),
    ]);
    const byId = new Map(products.map((p) => [p.id, p]));

    const lines = body.lines.map((l, i) => {
      const at = `body.lines.${i}`;
      if (!l.productId) {
        if (!l.unit) errors.push({ field: `${at}.unit`, message: 'is required for an item that is not in the catalog' });
        return { productId: null, description: l.description, quantity: l.quantity, unit: l.unit ?? '', targetPrice: l.targetPrice ?? null };
      }
      const p = byId.get(l.productId);
      if (!p || p.status !== 'ACTIVE') {
        errors.push({ field: `${at}.productId`, message: 'is not a product in the catalog' });
        return null;
      }
      if (l.unit && l.unit.toLowerCase() !== p.unit.toLowerCase()) errors.push({ field: `${at}.unit`, message: `must be ${p.unit}, the unit this product is sold in` });
      const moq = checkMoq(l.quantity, p.moq, p.unit);
      if (moq) errors.push({ field: `${at}.quantity`, message: moq });
      return { productId: p.id, description: l.description, quantity: l.quantity, unit: p.unit, targetPrice: l.targetPrice ?? null };
    });

    if (!countryCodes.includes(body.destinationCountry)) errors.push({ field: 'body.destinationCountry', message: 'is not a known country' });
    if (body.destinationPortCode) {
      if (!port) errors.push({ field: 'body.destinationPortCode', message: 'is not a known port' });
      else if (port.country !== body.destinationCountry) errors.push({ field: 'body.destinationPortCode', message: `is in ${port.country}, not in the destination country ${body.destinationCountry}` });
    }
    if (!(tradeCurrencies as readonly string[]).includes(body.currency)) errors.push({ field: 'body.currency', message: `is not a currency we quote in (${tradeCurrencies.join(', ')})` });
    if (body.requiredShipmentDate && body.requiredShipmentDate <= calendarDate(now)) {
      errors.push({ field: 'body.requiredShipmentDate', message: 'must be a date in the future' });
    }

    errors.push(...attachmentErrors);

    if (errors.length > 0) throw validationError(errors);
    return lines.filter((l): l is NonNullable<typeof l> => l !== null);
  }

  return {
    responseTargetHours,

    /** An approved buyer sends an inquiry: numbered, saved with its lines and files, and announced to the clerks, in one transaction. */
    async create(actor: Actor, body: CreateBody, meta: Meta): Promise<InquiryDetail> {
      assertCompanyMayTrade(actor);
      const company = await repo.findCompanyStatus(prisma, actor.companyId);
      if (!company || !canTrade(company.status)) {
        throw new DomainError('CONFLICT', 'your company is not approved yet: you can send inquiries once we have approved your registration');
      }
      assertQuotedIncoterm(body.incoterm, (await deps.settings.get()).quotedIncoterms);
      const now = clock.now();
      const lines = await checkNewInquiry(actor, body, now);
      const targetHours = await responseTargetHours();

      const created = await prisma.$transaction(async (tx) => {
        const number = await nextDocumentNumber(tx, 'INQ', now);
        const inquiry = await repo.createInquiry(tx, {
          number,
          buyerCompanyId: actor.companyId,
          createdById: actor.userId,
          status: 'SUBMITTED',
          incoterm: body.incoterm,
          namedPlace: body.namedPlace,
          destinationCountry: body.destinationCountry,
          destinationPortCode: body.destinationPortCode ?? null,
          currency: body.currency,
          preferredPaymentMethod: body.preferredPaymentMethod ?? null,
          preferredPaymentTerms: body.preferredPaymentTerms ?? null,
          requiredShipmentDate: body.requiredShipmentDate ? midnightUtc(body.requiredShipmentDate) : null,
          packingRequirements: body.packingRequirements ?? null,
          certificationRequirements: body.certificationRequirements ?? null,
          message: body.message ?? null,
          submittedAt: now,
          lastActivityAt: now,
          lines: {
            create: lines.map((l, i) => ({
              lineNo: i + 1, productId: l.productId, description: l.description, quantity: l.quantity, unit: l.unit,
              targetPrice: l.targetPrice, targetCurrency: l.targetPrice ? body.currency : null,
            })),
          },
        });
        await deps.attachments.link(tx, actor, body.attachmentIds, { inquiryId: inquiry.id });
        // The products now asked for leave the buyer's inquiry list, with the inquiry or not at all.
        await repo.deleteListItems(tx, actor.userId, lines.flatMap((l) => (l.productId ? [l.productId] : [])));

        await recordAudit(tx, {
          actorId: actor.userId, companyId: actor.companyId, action: 'inquiry.create', entityType: 'Inquiry', entityId: inquiry.id, requestId: meta.requestId,
          changes: {
            number, incoterm: body.incoterm, namedPlace: body.namedPlace, destinationCountry: body.destinationCountry,
            destinationPortCode: body.destinationPortCode ?? null, currency: body.currency, requiredShipmentDate: body.requiredShipmentDate ?? null,
            lines: lines.map((l) => ({ productId: l.productId, description: l.description, quantity: l.quantity, unit: l.unit, targetPrice: l.targetPrice })),
            attachmentIds: body.attachmentIds,
          },
        });

        const ctx = { publicUrl, now };
        const facts = {
          number, incoterm: body.incoterm, namedPlace: body.namedPlace, currency: body.currency, hours: targetHours,
          lines: (lang: Lang) => inquiryLinesIn(lines, lang),
        };
        const buyer = await findRecipient(tx, actor.userId);
        if (buyer) {
          await mailEach(tx, [buyer], inquiryMessages, { kind: 'inquiry.received', params: facts, link: `/portal/inquiries/${inquiry.id}` }, ctx);
        }
        await notifyAndMail(tx, await findStaff(tx, ['CLERK']), inquiryMessages, {
          kind: 'inquiry.new',
          params: {
            ...facts, buyer: company.name, lineCount: lines.length, firstLine: lines[0]!.description,
            shipment: body.requiredShipmentDate ? 'yes' : 'no', shipmentDate: body.requiredShipmentDate ? calendarDay(body.requiredShipmentDate) : null,
          },
          link: `/staff/inquiries/${inquiry.id}`,
        }, ctx);
        return inquiry;
      });
      return getDetail(actor, created.id);
    },

    /** Buyers: their company's inquiries, newest first. Staff: the inbox, unanswered first, oldest first. */
    async list(actor: Actor, query: ListQuery): Promise<InquiryPage> {
      const targetHours = await responseTargetHours();
      const now = clock.now();
      const buyerView = !isStaff(actor.role);
      // An explicit status wins over the scope, so that "accepted" can be listed without scope=all.
      const statuses: readonly InquiryStatus[] | undefined = query.status ? [query.status] : query.scope === 'open' ? openInquiryStatuses : undefined;
      const filter: repo.InquiryFilter = { companyId: buyerView ? actor.companyId : undefined, statuses };
      const skip = (query.page - 1) * query.pageSize;
      let rows: repo.InquirySummaryRow[];
      let total: number;
      if (buyerView) {
        [rows, total] = await Promise.all([repo.listInquiries(prisma, filter, 'newest', skip, query.pageSize, true), repo.countInquiries(prisma, filter)]);
      } else {
        // Two runs, each oldest first: those still waiting for a first answer, then the rest.
        const [all, waiting] = await Promise.all([repo.countInquiries(prisma, filter), repo.countInquiries(prisma, { ...filter, unanswered: true })]);
        total = all;
        const first = await repo.listInquiries(prisma, { ...filter, unanswered: true }, 'oldest', skip, Math.min(query.pageSize, waiting - skip), false);
        const rest = await repo.listInquiries(prisma, { ...filter, unanswered: false }, 'oldest', Math.max(0, skip - waiting), query.pageSize - first.length, false);
        rows = [...first, ...rest];
      }
      return { items: rows.map((r) => toSummary(r, targetHours, now)), total, page: query.page, pageSize: query.pageSize, responseTargetHours: targetHours };
    },

    get: getDetail,

    /** The buyer withdraws an inquiry that is not yet accepted, declined or expired. */
    async withdraw(actor: Actor, id: string, meta: Meta): Promise<InquiryDetail> {
      assertCompanyMayTrade(actor);
      const state = await repo.findInquiryState(prisma, id);
      if (!state) throw new DomainError('NOT_FOUND', 'inquiry not found');
      assertVisibleTo(actor, state.buyerCompanyId, 'inquiry');
      assertInquiryTransition(state.status, 'WITHDRAWN');
      const now = clock.now();
      await prisma.$transaction(async (tx) => {
        const changed = await repo.setInquiryStatus(tx, id, state.status, { status: 'WITHDRAWN', closedAt: now, closeReason: 'withdrawn by the buyer', lastActivityAt: now });
        if (changed === 0) throw new DomainError('CONFLICT', 'the inquiry changed meanwhile; reload it and try again');
        await recordAudit(tx, {
          actorId: actor.userId, companyId: state.buyerCompanyId, action: 'inquiry.withdraw', entityType: 'Inquiry', entityId: id,
          changes: { status: { from: state.status, to: 'WITHDRAWN' } }, requestId: meta.requestId,
        });
        await notify(tx, await findHandlers(tx, state.assignedClerkId), inquiryMessages, { kind: 'inquiry.withdrawn', params: { number: state.number }, link: `/staff/inquiries/${id}` });
      });
      return getDetail(actor, id);
    },

    /** A clerk or manager hands an open inquiry to a clerk or manager. */
    async assign(actor: Actor, id: string, body: AssignInquiryBody, meta: Meta): Promise<InquiryDetail> {
      const state = await repo.findInquiryState(prisma, id);
      if (!state) throw new DomainError('NOT_FOUND', 'inquiry not found');
      if (!isOpenInquiry(state.status)) throw new DomainError('CONFLICT', `an inquiry that is ${state.status.toLowerCase()} cannot be assigned`);
      const assignee = await repo.findUser(prisma, body.clerkId);
      if (!assignee || assignee.status !== 'ACTIVE' || (assignee.role !== 'CLERK' && assignee.role !== 'MANAGER')) {
        throw new DomainError('VALIDATION', 'body.clerkId is not an active clerk or manager', [{ field: 'body.clerkId', message: 'is not an active clerk or manager' }]);
      }
      if (state.assignedClerkId === assignee.id) return getDetail(actor, id);
      await prisma.$transaction(async (tx) => {
        await repo.assignInquiry(tx, id, assignee.id, clock.now());
        await recordAudit(tx, {
          actorId: actor.userId, companyId: state.buyerCompanyId, action: 'inquiry.assign', entityType: 'Inquiry', entityId: id,
          changes: { assignedClerkId: { from: state.assignedClerkId, to: assignee.id } }, requestId: meta.requestId,
        });
        if (assignee.id !== actor.userId) {
          await notify(tx, [assignee], inquiryMessages, { kind: 'inquiry.assigned', params: { number: state.number }, link: `/staff/inquiries/${id}` });
        }
      });
      return getDetail(actor, id);
    },
  };
}

export type InquiriesService = ReturnType<typeof createInquiriesService>;
