import type { ChangeRequestBody, CounterOfferBody, DeclineBody, NegotiationMessageView, NegotiationThread, PostMessageBody, z } from '@portal/schemas';
import { DomainError, assertCompanyMayTrade, assertOpenRevision, assertVisibleTo, calendarDate, counterOfferErrors, isStaff, type Actor } from '@portal/domain';
import type { PrismaClient } from '@portal/db';
import { recordAudit } from '../../infra/audit.repository.ts';
import type { Clock } from '../../infra/clock.ts';
import type { Db } from '../../infra/tx.ts';
import { toAttachmentInfo } from '../attachments/attachments.service.ts';
import * as repo from './negotiation.repository.ts';
import { notifyAndMail } from './notify.ts';

type Meta = { requestId?: string };
type FieldError = { field: string; message: string };
type InquiryRow = NonNullable<Awaited<ReturnType<typeof repo.findInquiry>>>;
type ProposedTerms = { paymentTermsText?: string; incoterm?: 'EXW' | 'FCA' | 'CPT' | 'CIP' | 'DAP' | 'DPU' | 'DDP' | 'FAS' | 'FOB' | 'CFR' | 'CIF' };

const dateOnly = (d: Date) => d.toISOString().slice(0, 10);
const excerpt = (s: string) => (s.length > 300 ? `${s.slice(0, 297)}…` : s);

/** One message as both sides see it. */
export function toMessageView(m: repo.MessageRow): NegotiationMessageView {
  const terms = (m.proposedTerms ?? null) as ProposedTerms | null;
  return {
    id: m.id,
    side: m.side,
    kind: m.kind,
    author: m.author.name,
    body: m.body,
    createdAt: m.createdAt.toISOString(),
    ...(m.revision ? { revisionNo: m.revision.revisionNo } : {}),
    ...(m.kind === 'COUNTER_OFFER'
      ? {
          counterOffer: {
            lines: m.lines
              .map((l) => ({
                quoteLineId: l.quoteLineId,
                lineNo: l.quoteLine.lineNo,
                description: l.quoteLine.description,
                ...(l.proposedUnitPrice ? { proposedUnitPrice: l.proposedUnitPrice.toFixed(4) } : {}),
                ...(l.proposedQuantity ? { proposedQuantity: l.proposedQuantity.toFixed() } : {}),
                ...(l.proposedShipmentDate ? { proposedShipmentDate: dateOnly(l.proposedShipmentDate) } : {}),
              }))
              .sort((a, b) => a.lineNo - b.lineNo),
            ...(terms?.paymentTermsText ? { paymentTermsText: terms.paymentTermsText } : {}),
            ...(terms?.incoterm ? { incoterm: terms.incoterm } : {}),
          },
        }
      : {}),
    attachments: m.attachments.map(toAttachmentInfo),
  };
}

/** The negotiation thread of an inquiry: messages, counter-offers and change requests, each audited and notified to the other side. */
export function createNegotiationService(deps: { prisma: PrismaClient; clock: Clock; publicUrl: string }) {
  const { prisma, clock, publicUrl } = deps;
  const today = () => calendarDate(clock.now());

  async function loadInquiry(actor: Actor, inquiryId: string): Promise<InquiryRow> {
    const inquiry = await repo.findInquiry(prisma, inquiryId);
    if (!inquiry) throw new DomainError('NOT_FOUND', 'inquiry not found');
    assertVisibleTo(actor, inquiry.buyerCompanyId, 'inquiry');
    return inquiry;
  }

  /** The sent revision a buyer answers; one that was never sent is not found for them. */
  async function loadRevision(inquiryId: string, revisionNo: number) {
    const rev = await repo.findRevisionOfInquiry(prisma, inquiryId, revisionNo);
    if (!rev || ['DRAFT', 'PENDING_APPROVAL', 'APPROVED'].includes(rev.status)) {
      throw new DomainError('VALIDATION', `revision ${revisionNo} was not sent for this inquiry`, [{ field: 'body.revisionNo', message: 'is not a revision sent for this inquiry' }]);
    }
    return rev;
  }

  /** Who hears of a message: the other side of the thread. */
  async function otherSide(tx: Db, actor: Actor, inquiry: InquiryRow) {
    if (isStaff(actor.role)) return { users: await repo.findBuyerUsers(tx, inquiry.buyerCompanyId), link: `/portal/inquiries/${inquiry.id}` };
    return { users: await repo.findHandlers(tx, inquiry.assignedClerkId), link: `/staff/inquiries/${inquiry.id}` };
  }

  async function checkAttachments(actor: Actor, ids: string[]) {
    const errors: FieldError[] = [];
    const found = new Map((await repo.findAttachments(prisma, ids)).map((a) => [a.id, a]));
    ids.forEach((id, i) => {
      const a = found.get(id);
      const field = `body.attachmentIds.${i}`;
      if (ids.indexOf(id) !== i) errors.push({ field, message: 'is listed twice' });
      else if (!a || a.companyId !== actor.companyId) errors.push({ field, message: 'is not a file uploaded by your company' });
      else if (a.inquiryId || a.negotiationMessageId || a.ticketMessageId) errors.push({ field, message: 'is already attached elsewhere; upload the file again' });
    });
    if (errors.length > 0) throw new DomainError('VALIDATION', errors.map((e) => `${e.field} ${e.message}`).join('; '), errors);
  }

  return {
    /** The thread of an inquiry, oldest first (buyers: their own company's). */
    async thread(actor: Actor, inquiryId: string): Promise<NegotiationThread> {
      const inquiry = await loadInquiry(actor, inquiryId);
      const messages = await repo.findMessages(prisma, inquiry.id);
      return { inquiryId: inquiry.id, inquiryNumber: inquiry.number, inquiryStatus: inquiry.status, messages: messages.map(toMessageView) };
    },

    /** A message with files, from the buyer or from staff; the other side is told in the portal and by mail. */
    async post(actor: Actor, inquiryId: string, body: z.output<typeof PostMessageBody>, meta: Meta): Promise<NegotiationMessageView> {
      assertCompanyMayTrade(actor);
      const inquiry = await loadInquiry(actor, inquiryId);
      if (inquiry.status === 'WITHDRAWN') throw new DomainError('CONFLICT', 'the inquiry was withdrawn; its thread is closed');
      await checkAttachments(actor, body.attachmentIds);
      const now = clock.now();
      const id = await prisma.$transaction(async (tx) => {
        const side = isStaff(actor.role) ? 'EXPORTER' : 'BUYER';
        const msg = await repo.createMessage(tx, { inquiryId: inquiry.id, authorId: actor.userId, side, kind: 'MESSAGE', body: body.body, createdAt: now });
        const linked = await repo.linkAttachments(tx, body.attachmentIds, actor.companyId, inquiry.id, msg.id);
        if (linked !== body.attachmentIds.length) throw new DomainError('CONFLICT', 'a file was attached elsewhere at the same moment; upload it again');
        await repo.touchInquiry(tx, inquiry.id, now);
        await recordAudit(tx, {
          actorId: actor.userId, companyId: inquiry.buyerCompanyId, action: 'negotiation.message', entityType: 'NegotiationMessage', entityId: msg.id, requestId: meta.requestId,
          changes: { inquiryId: inquiry.id, number: inquiry.number, side, length: body.body.length, attachmentIds: body.attachmentIds },
        });
        const to = await otherSide(tx, actor, inquiry);
        await notifyAndMail(tx, to.users, {
          kind: 'negotiation.message', title: `New message on inquiry ${inquiry.number}`, body: excerpt(body.body), link: to.link,
          paragraphs: [`A new message on inquiry ${inquiry.number}:`, excerpt(body.body)],
        }, { publicUrl, now });
        return msg.id;
      });
      return toMessageView(await repo.findMessage(prisma, id));
    },

    /** A buyer's counter-offer on a sent revision: per line a price, quantity or shipment date, or other payment terms or Incoterm. */
    async counterOffer(actor: Actor, inquiryId: string, body: z.output<typeof CounterOfferBody>, meta: Meta): Promise<NegotiationMessageView> {
      assertCompanyMayTrade(actor);
      const inquiry = await loadInquiry(actor, inquiryId);
      const rev = await loadRevision(inquiry.id, body.revisionNo);
      assertOpenRevision({ revisionNo: rev.revisionNo, status: rev.status, validUntil: dateOnly(rev.validUntil) }, today(), 'countered');
      const errors = counterOfferErrors(body.lines, rev.lines.map((l) => ({ id: l.id, moq: l.product?.moq.toFixed() ?? null, unit: l.unit })), today());
      if (errors.length > 0) throw new DomainError('VALIDATION', `the counter-offer cannot be made: ${errors.map((e) => `${e.field} ${e.message}`).join('; ')}`, errors);

      const now = clock.now();
      const terms: ProposedTerms = { ...(body.proposedPaymentTerms ? { paymentTermsText: body.proposedPaymentTerms } : {}), ...(body.proposedIncoterm ? { incoterm: body.proposedIncoterm } : {}) };
      const lineNos = new Map(rev.lines.map((l) => [l.id, l.lineNo]));
      const summary = [
        ...body.lines.map((l) => `line ${lineNos.get(l.quoteLineId)}: ${[
          l.proposedUnitPrice ? `price ${l.proposedUnitPrice}` : null,
          l.proposedQuantity ? `quantity ${l.proposedQuantity}` : null,
          l.proposedShipmentDate ? `shipment by ${l.proposedShipmentDate}` : null,
        ].filter(Boolean).join(', ')}`),
        ...(terms.paymentTermsText ? [`payment: ${terms.paymentTermsText}`] : []),
        ...(terms.incoterm ? [`Incoterm: ${terms.incoterm}`] : []),
      ].join('; ');
      const text = body.message ?? `Counter-offer on revision ${rev.revisionNo}: ${summary}`;

      const id = await prisma.$transaction(async (tx) => {
        if (!(await repo.moveInquiry(tx, inquiry.id, ['QUOTED', 'NEGOTIATING'], { status: 'NEGOTIATING', lastActivityAt: now }))) {
          throw new DomainError('CONFLICT', `the inquiry is ${inquiry.status.toLowerCase()}; it cannot be negotiated`);
        }
        const msg = await repo.createMessage(tx, {
          inquiryId: inquiry.id, revisionId: rev.id, authorId: actor.userId, side: 'BUYER', kind: 'COUNTER_OFFER', body: text, createdAt: now,
          ...(Object.keys(terms).length ? { proposedTerms: terms } : {}),
          lines: body.lines.map((l) => ({
            quoteLineId: l.quoteLineId,
            proposedUnitPrice: l.proposedUnitPrice ?? null,
            proposedQuantity: l.proposedQuantity ?? null,
            proposedShipmentDate: l.proposedShipmentDate ? new Date(`${l.proposedShipmentDate}T00:00:00Z`) : null,
          })),
        });
        await recordAudit(tx, {
          actorId: actor.userId, companyId: inquiry.buyerCompanyId, action: 'negotiation.counter_offer', entityType: 'NegotiationMessage', entityId: msg.id, requestId: meta.requestId,
          changes: { inquiryId: inquiry.id, number: inquiry.number, quoteNumber: rev.quote.number, revisionNo: rev.revisionNo, lines: body.lines, ...terms, inquiryStatus: { from: inquiry.status, to: 'NEGOTIATING' } },
        });
        const to = await otherSide(tx, actor, inquiry);
        await notifyAndMail(tx, to.users, {
          kind: 'negotiation.counter_offer', title: `Counter-offer from ${inquiry.buyerCompany.name} on ${rev.quote.number} rev. ${rev.revisionNo}`, body: summary, link: to.link,
          paragraphs: [`${inquiry.buyerCompany.name} answered ${rev.quote.number} revision ${rev.revisionNo} (inquiry ${inquiry.number}) with a counter-offer: ${summary}.`, ...(body.message ? [excerpt(body.message)] : [])],
        }, { publicUrl, now });
        return msg.id;
      });
      return toMessageView(await repo.findMessage(prisma, id));
    },

    /** A buyer asks for changes to a sent revision, in words. */
    async changeRequest(actor: Actor, inquiryId: string, body: z.output<typeof ChangeRequestBody>, meta: Meta): Promise<NegotiationMessageView> {
      assertCompanyMayTrade(actor);
      const inquiry = await loadInquiry(actor, inquiryId);
      const rev = await loadRevision(inquiry.id, body.revisionNo);
      assertOpenRevision({ revisionNo: rev.revisionNo, status: rev.status, validUntil: dateOnly(rev.validUntil) }, today(), 'answered');
      const now = clock.now();
      const id = await prisma.$transaction(async (tx) => {
        if (!(await repo.moveInquiry(tx, inquiry.id, ['QUOTED', 'NEGOTIATING'], { status: 'NEGOTIATING', lastActivityAt: now }))) {
          throw new DomainError('CONFLICT', `the inquiry is ${inquiry.status.toLowerCase()}; it cannot be negotiated`);
        }
        const msg = await repo.createMessage(tx, { inquiryId: inquiry.id, revisionId: rev.id, authorId: actor.userId, side: 'BUYER', kind: 'CHANGE_REQUEST', body: body.body, createdAt: now });
        await recordAudit(tx, {
          actorId: actor.userId, companyId: inquiry.buyerCompanyId, action: 'negotiation.change_request', entityType: 'NegotiationMessage', entityId: msg.id, requestId: meta.requestId,
          changes: { inquiryId: inquiry.id, number: inquiry.number, quoteNumber: rev.quote.number, revisionNo: rev.revisionNo, inquiryStatus: { from: inquiry.status, to: 'NEGOTIATING' } },
        });
        const to = await otherSide(tx, actor, inquiry);
        await notifyAndMail(tx, to.users, {
          kind: 'negotiation.change_request', title: `${inquiry.buyerCompany.name} asks for changes to ${rev.quote.number} rev. ${rev.revisionNo}`, body: excerpt(body.body), link: to.link,
        }, { publicUrl, now });
        return msg.id;
      });
      return toMessageView(await repo.findMessage(prisma, id));
    },

    /** A buyer declines a sent revision with a reason; the inquiry is declined only when no other revision stays open. */
    async decline(actor: Actor, quoteId: string, revisionNo: number, body: z.output<typeof DeclineBody>, meta: Meta): Promise<NegotiationMessageView> {
      assertCompanyMayTrade(actor);
      const quote = await repo.findQuoteHead(prisma, quoteId);
      if (!quote) throw new DomainError('NOT_FOUND', 'quote not found');
      assertVisibleTo(actor, quote.buyerCompanyId, 'quote');
      if (body.revisionNo !== undefined && body.revisionNo !== revisionNo) {
        throw new DomainError('VALIDATION', 'the revision numbers differ', [{ field: 'body.revisionNo', message: `must be ${revisionNo}, the revision in the path` }]);
      }
      const inquiry = (await repo.findInquiry(prisma, quote.inquiryId))!;
      const rev = await repo.findRevisionOfInquiry(prisma, quote.inquiryId, revisionNo);
      if (!rev || rev.quote.id !== quote.id || ['DRAFT', 'PENDING_APPROVAL', 'APPROVED'].includes(rev.status)) throw new DomainError('NOT_FOUND', 'revision not found');
      assertOpenRevision({ revisionNo, status: rev.status, validUntil: dateOnly(rev.validUntil) }, today(), 'declined');
      const now = clock.now();
      const id = await prisma.$transaction(async (tx) => {
        if (!(await repo.declineRevision(tx, rev.id, { declineReason: body.reason, respondedAt: now }))) throw new DomainError('CONFLICT', `revision ${revisionNo} was answered meanwhile; reload it`);
        const closes = !(await repo.hasOpenRevision(tx, quote.inquiryId));
        if (closes) await repo.moveInquiry(tx, quote.inquiryId, ['QUOTED', 'NEGOTIATING'], { status: 'DECLINED', closedAt: now, closeReason: body.reason, lastActivityAt: now });
        else await repo.touchInquiry(tx, quote.inquiryId, now);
        const msg = await repo.createMessage(tx, {
          inquiryId: quote.inquiryId, revisionId: rev.id, authorId: actor.userId, side: 'BUYER', kind: 'SYSTEM', createdAt: now,
          body: `Declined ${quote.number} revision ${revisionNo}: ${body.reason}`,
        });
        await recordAudit(tx, {
          actorId: actor.userId, companyId: quote.buyerCompanyId, action: 'quote.decline', entityType: 'QuoteRevision', entityId: rev.id, requestId: meta.requestId,
          changes: { quoteId: quote.id, number: quote.number, revisionNo, status: { from: 'SENT', to: 'DECLINED' }, reason: body.reason, inquiryDeclined: closes },
        });
        await notifyAndMail(tx, await repo.findHandlers(tx, inquiry.assignedClerkId), {
          kind: 'quote.declined', title: `${inquiry.buyerCompany.name} declined ${quote.number} rev. ${revisionNo}`, body: body.reason, link: `/staff/inquiries/${quote.inquiryId}`,
        }, { publicUrl, now });
        return msg.id;
      });
      return toMessageView(await repo.findMessage(prisma, id));
    },
  };
}

export type NegotiationService = ReturnType<typeof createNegotiationService>;
