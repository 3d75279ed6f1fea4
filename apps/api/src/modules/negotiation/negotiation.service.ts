import type { ChangeRequestBody, CounterOfferBody, DeclineBody, NegotiationMessageView, NegotiationThread, PostMessageBody, SalesContractView, z } from '@portal/schemas';
import {
  DomainError, assertCompanyMayTrade, assertCanAccept, assertOpenRevision, assertSameRevision, assertVisibleTo, calendarDate, counterOfferErrors, counterOfferSummary, isSent, isStaff,
  costCounterLine, marginFloorFor, midnightUtc, validationError, type Actor,
} from '@portal/domain';
import type { PrismaClient } from '@portal/db';
import { recordAudit } from '../../infra/audit.repository.ts';
import type { Clock } from '../../infra/clock.ts';
import { notifyAndMail } from '../../infra/notify.ts';
import { counterOfferIn, negotiationMessages } from './negotiation.messages.ts';
import { findBuyerUsers, findHandlers } from '../../infra/recipients.repository.ts';
import { isUniqueViolation, type Db } from '../../infra/tx.ts';
import type { AttachmentsService } from '../attachments/attachments.service.ts';
import type { SalesContractsService } from '../sales-contracts/sales-contracts.service.ts';
import type { SettingsService } from '../settings/settings.service.ts';
import { toMessageView, type ProposedTerms } from './negotiation.mappers.ts';
import * as repo from './negotiation.repository.ts';

type Meta = { requestId?: string };
type InquiryRow = NonNullable<Awaited<ReturnType<typeof repo.findInquiry>>>;

/** Thrown inside the accept transaction when another accept moved the revision first: rolls back, then answered outside. */
class LostRace extends Error {}

const excerpt = (s: string) => (s.length > 300 ? `${s.slice(0, 297)}…` : s);

/**
 * The negotiation of an inquiry: its thread (messages, counter-offers, change requests) and the
 * buyer's answers to a sent revision, declining it or accepting it (which issues the sales contract
 * in the same transaction). Each is audited and told to the other side.
 */
export function createNegotiationService(deps: {
  prisma: PrismaClient;
  clock: Clock;
  publicUrl: string;
  attachments: Pick<AttachmentsService, 'attachableErrors' | 'link'>;
  contracts: Pick<SalesContractsService, 'issue' | 'ofRevision' | 'current'>;
  /** The margin floor a counter line is held to (optional: without it, the 8% default). */
  settings?: Pick<SettingsService, 'get'>;
}) {
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
    if (!rev || !isSent(rev.status)) {
      throw new DomainError('VALIDATION', `revision ${revisionNo} was not sent for this inquiry`, [{ field: 'body.revisionNo', message: 'is not a revision sent for this inquiry' }]);
    }
    return rev;
  }

  /** The inquiry and the sent revision a buyer answers, if it is still open to this answer. */
  async function loadAnswerable(actor: Actor, inquiryId: string, revisionNo: number, verb: 'countered' | 'answered') {
    const inquiry = await loadInquiry(actor, inquiryId);
    const rev = await loadRevision(inquiry.id, revisionNo);
    assertOpenRevision({ revisionNo: rev.revisionNo, status: rev.status, validUntil: calendarDate(rev.validUntil) }, today(), verb);
    return { inquiry, rev };
  }

  /** A buyer's answer moves the inquiry to negotiating (from quoted or negotiating), else a CONFLICT. */
  async function startNegotiating(tx: Db, inquiry: InquiryRow, now: Date) {
    if (!(await repo.moveInquiry(tx, inquiry.id, ['QUOTED', 'NEGOTIATING'], { status: 'NEGOTIATING', lastActivityAt: now }))) {
      throw new DomainError('CONFLICT', `the inquiry is ${inquiry.status.toLowerCase()}; it cannot be negotiated`);
    }
  }

  /** Who hears of a message: the other side of the thread. */
  async function otherSide(tx: Db, actor: Actor, inquiry: InquiryRow) {
    if (isStaff(actor.role)) return { users: await findBuyerUsers(tx, inquiry.buyerCompanyId), link: `/portal/inquiries/${inquiry.id}` };
    return { users: await findHandlers(tx, inquiry.assignedClerkId), link: `/staff/inquiries/${inquiry.id}` };
  }

  /** The answer to an accept that found the revision already accepted: the contract, if this company's; else why not. */
  async function existingOrConflict(actor: Actor, revisionId: string): Promise<SalesContractView> {
    const existing = await deps.contracts.ofRevision(actor, revisionId);
    if (existing) return existing;
    const rev = await repo.findRevisionState(prisma, revisionId);
    if (!rev) throw new DomainError('NOT_FOUND', 'revision not found');
    assertCanAccept({ revisionNo: rev.revisionNo, status: rev.status, validUntil: calendarDate(rev.validUntil) }, today());
    throw new DomainError('CONFLICT', `revision ${rev.revisionNo} was changed meanwhile; reload it`);
  }

  return {
    /** The thread of an inquiry, oldest first (buyers: their own company's). */
    async thread(actor: Actor, inquiryId: string): Promise<NegotiationThread> {
      const inquiry = await loadInquiry(actor, inquiryId);
      const messages = await repo.findMessages(prisma, inquiry.id);
      if (!isStaff(actor.role)) return { inquiryId: inquiry.id, inquiryNumber: inquiry.number, inquiryStatus: inquiry.status, messages: messages.map((m) => toMessageView(m)) };
      // Staff see what each counter line means for the business: the line's cost sheet at the counter price and quantity.
      const lineIds = [...new Set(messages.flatMap((m) => m.lines.map((l) => l.quoteLineId)))];
      const [lines, settingFloor] = await Promise.all([repo.findCounterCosting(prisma, lineIds), deps.settings ? deps.settings.get().then((s) => s.marginFloorRate) : Promise.resolve(null)]);
      const byId = new Map(lines.map((l) => [l.id, l]));
      const costing = (l: repo.MessageRow['lines'][number]) => {
        const q = byId.get(l.quoteLineId);
        if (!q) return null;
        return costCounterLine({
          sheetInput: ((q.costSheet?.result as { input?: Record<string, unknown> } | null)?.input) ?? null,
          incoterm: q.revision.incoterm, currency: q.revision.currency,
          quoted: { unitPrice: q.unitPrice.toFixed(4), quantity: q.quantity.toFixed() },
          proposed: { unitPrice: l.proposedUnitPrice?.toFixed(4), quantity: l.proposedQuantity?.toFixed() },
          floor: marginFloorFor(q.product?.marginFloorRate?.toString(), settingFloor),
        });
      };
      return { inquiryId: inquiry.id, inquiryNumber: inquiry.number, inquiryStatus: inquiry.status, messages: messages.map((m) => toMessageView(m, costing)) };
    },

    /** A message with files, from the buyer or from staff; the other side is told in the portal and by mail. */
    async post(actor: Actor, inquiryId: string, body: z.output<typeof PostMessageBody>, meta: Meta): Promise<NegotiationMessageView> {
      assertCompanyMayTrade(actor);
      const inquiry = await loadInquiry(actor, inquiryId);
      if (inquiry.status === 'WITHDRAWN') throw new DomainError('CONFLICT', 'the inquiry was withdrawn; its thread is closed');
      const attachmentErrors = await deps.attachments.attachableErrors(actor, body.attachmentIds);
      if (attachmentErrors.length > 0) throw validationError(attachmentErrors);
      const now = clock.now();
      const id = await prisma.$transaction(async (tx) => {
        const side = isStaff(actor.role) ? 'EXPORTER' : 'BUYER';
        const msg = await repo.createMessage(tx, { inquiryId: inquiry.id, authorId: actor.userId, side, kind: 'MESSAGE', body: body.body, createdAt: now });
        await deps.attachments.link(tx, actor, body.attachmentIds, { inquiryId: inquiry.id, negotiationMessageId: msg.id });
        await repo.touchInquiry(tx, inquiry.id, now);
        await recordAudit(tx, {
          actorId: actor.userId, companyId: inquiry.buyerCompanyId, action: 'negotiation.message', entityType: 'NegotiationMessage', entityId: msg.id, requestId: meta.requestId,
          changes: { inquiryId: inquiry.id, number: inquiry.number, side, length: body.body.length, attachmentIds: body.attachmentIds },
        });
        const to = await otherSide(tx, actor, inquiry);
        await notifyAndMail(tx, to.users, negotiationMessages, {
          kind: 'negotiation.message', link: to.link, params: { inquiryNumber: inquiry.number, text: excerpt(body.body) },
        }, { publicUrl, now });
        return msg.id;
      });
      return toMessageView(await repo.findMessage(prisma, id));
    },

    /** A buyer's counter-offer on a sent revision: per line a price, quantity or shipment date, or other payment terms or Incoterm. */
    async counterOffer(actor: Actor, inquiryId: string, body: z.output<typeof CounterOfferBody>, meta: Meta): Promise<NegotiationMessageView> {
      assertCompanyMayTrade(actor);
      const { inquiry, rev } = await loadAnswerable(actor, inquiryId, body.revisionNo, 'countered');
      const errors = counterOfferErrors(body.lines, rev.lines.map((l) => ({ id: l.id, moq: l.product?.moq.toFixed() ?? null, unit: l.unit })), today());
      if (errors.length > 0) throw validationError(errors, 'the counter-offer cannot be made');

      const now = clock.now();
      const terms: ProposedTerms = { ...(body.proposedPaymentTerms ? { paymentTermsText: body.proposedPaymentTerms } : {}), ...(body.proposedIncoterm ? { incoterm: body.proposedIncoterm } : {}) };
      const lineNos = new Map(rev.lines.map((l) => [l.id, l.lineNo]));
      const proposals = body.lines.map((l) => ({ ...l, lineNo: lineNos.get(l.quoteLineId) }));
      const summary = counterOfferSummary(proposals, terms);
      const text = body.message ?? `Counter-offer on revision ${rev.revisionNo}: ${summary}`;

      const id = await prisma.$transaction(async (tx) => {
        await startNegotiating(tx, inquiry, now);
        const msg = await repo.createMessage(tx, {
          inquiryId: inquiry.id, revisionId: rev.id, authorId: actor.userId, side: 'BUYER', kind: 'COUNTER_OFFER', body: text, createdAt: now,
          ...(Object.keys(terms).length ? { proposedTerms: terms } : {}),
          lines: body.lines.map((l) => ({
            quoteLineId: l.quoteLineId,
            proposedUnitPrice: l.proposedUnitPrice ?? null,
            proposedQuantity: l.proposedQuantity ?? null,
            proposedShipmentDate: l.proposedShipmentDate ? midnightUtc(l.proposedShipmentDate) : null,
          })),
        });
        await recordAudit(tx, {
          actorId: actor.userId, companyId: inquiry.buyerCompanyId, action: 'negotiation.counter_offer', entityType: 'NegotiationMessage', entityId: msg.id, requestId: meta.requestId,
          changes: { inquiryId: inquiry.id, number: inquiry.number, quoteNumber: rev.quote.number, revisionNo: rev.revisionNo, lines: body.lines, ...terms, inquiryStatus: { from: inquiry.status, to: 'NEGOTIATING' } },
        });
        const to = await otherSide(tx, actor, inquiry);
        await notifyAndMail(tx, to.users, negotiationMessages, {
          kind: 'negotiation.counter_offer', link: to.link,
          params: {
            buyer: inquiry.buyerCompany.name, quoteNumber: rev.quote.number, revisionNo: rev.revisionNo, inquiryNumber: inquiry.number,
            summary: (lang) => counterOfferIn(proposals, terms, rev.currency, lang), message: body.message ? excerpt(body.message) : '',
          },
        }, { publicUrl, now });
        return msg.id;
      });
      return toMessageView(await repo.findMessage(prisma, id));
    },

    /** A buyer asks for changes to a sent revision, in words. */
    async changeRequest(actor: Actor, inquiryId: string, body: z.output<typeof ChangeRequestBody>, meta: Meta): Promise<NegotiationMessageView> {
      assertCompanyMayTrade(actor);
      const { inquiry, rev } = await loadAnswerable(actor, inquiryId, body.revisionNo, 'answered');
      const now = clock.now();
      const id = await prisma.$transaction(async (tx) => {
        await startNegotiating(tx, inquiry, now);
        const msg = await repo.createMessage(tx, { inquiryId: inquiry.id, revisionId: rev.id, authorId: actor.userId, side: 'BUYER', kind: 'CHANGE_REQUEST', body: body.body, createdAt: now });
        await recordAudit(tx, {
          actorId: actor.userId, companyId: inquiry.buyerCompanyId, action: 'negotiation.change_request', entityType: 'NegotiationMessage', entityId: msg.id, requestId: meta.requestId,
          changes: { inquiryId: inquiry.id, number: inquiry.number, quoteNumber: rev.quote.number, revisionNo: rev.revisionNo, inquiryStatus: { from: inquiry.status, to: 'NEGOTIATING' } },
        });
        const to = await otherSide(tx, actor, inquiry);
        await notifyAndMail(tx, to.users, negotiationMessages, {
          kind: 'negotiation.change_request', link: to.link,
          params: { buyer: inquiry.buyerCompany.name, quoteNumber: rev.quote.number, revisionNo: rev.revisionNo, text: excerpt(body.body) },
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
      assertSameRevision(body.revisionNo, revisionNo);
      const inquiry = (await repo.findInquiry(prisma, quote.inquiryId))!;
      const rev = await repo.findRevisionOfInquiry(prisma, quote.inquiryId, revisionNo);
      if (!rev || rev.quote.id !== quote.id || !isSent(rev.status)) throw new DomainError('NOT_FOUND', 'revision not found');
      assertOpenRevision({ revisionNo, status: rev.status, validUntil: calendarDate(rev.validUntil) }, today(), 'declined');
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
        await notifyAndMail(tx, await findHandlers(tx, inquiry.assignedClerkId), negotiationMessages, {
          kind: 'quote.declined', link: `/staff/inquiries/${quote.inquiryId}`,
          params: { buyer: inquiry.buyerCompany.name, quoteNumber: quote.number, revisionNo, reason: body.reason },
        }, { publicUrl, now });
        return msg.id;
      });
      return toMessageView(await repo.findMessage(prisma, id));
    },

    /**
     * A buyer accepts a sent revision: in one transaction the revision becomes ACCEPTED (only if it
     * is still SENT and valid), the sales contract is issued from it, the PI and the inquiry are
     * closed, and both sides are told. Repeating the accept answers the same contract (created: false).
     */
    async accept(actor: Actor, quoteId: string, revisionNo: number, given: number | undefined, meta: Meta): Promise<{ created: boolean; contract: SalesContractView }> {
      assertCompanyMayTrade(actor);
      assertSameRevision(given, revisionNo);
      const quote = await repo.findQuoteWithRevision(prisma, quoteId, revisionNo);
      if (!quote) throw new DomainError('NOT_FOUND', 'quote not found');
      assertVisibleTo(actor, quote.buyerCompanyId, 'quote');
      const rev = quote.revisions[0];
      if (!rev || !isSent(rev.status)) throw new DomainError('NOT_FOUND', 'revision not found');
      if (rev.status === 'ACCEPTED') return { created: false, contract: await existingOrConflict(actor, rev.id) };
      const now = clock.now();
      const day = today();
      assertCanAccept({ revisionNo, status: rev.status, validUntil: calendarDate(rev.validUntil) }, day);

      let contractId: string;
      try {
        contractId = await prisma.$transaction(async (tx) => {
          // The conditional update decides which of concurrent accepts wins; the others roll back.
          if (!(await repo.acceptRevision(tx, rev.id, midnightUtc(day), { acceptedById: actor.userId, respondedAt: now }))) throw new LostRace();
          const contract = await deps.contracts.issue(tx, actor, {
            ...rev,
            quote: { id: quote.id, number: quote.number, buyerCompanyId: quote.buyerCompanyId, buyerCompanyName: quote.buyerCompany.name, inquiryId: quote.inquiry.id, assignedClerkId: quote.inquiry.assignedClerkId },
          }, meta);
          const superseded = await repo.closeQuote(tx, quote.id, rev.id);
          await repo.acceptInquiry(tx, quote.inquiry.id, now);
          await repo.createMessage(tx, {
            inquiryId: quote.inquiry.id, revisionId: rev.id, authorId: actor.userId, side: 'BUYER', kind: 'SYSTEM', createdAt: now,
            body: `Accepted ${quote.number} revision ${revisionNo}; sales contract ${contract.number} issued.`,
          });
          await recordAudit(tx, {
            actorId: actor.userId, companyId: quote.buyerCompanyId, action: 'quote.accept', entityType: 'QuoteRevision', entityId: rev.id, requestId: meta.requestId,
            changes: { quoteId: quote.id, number: quote.number, revisionNo, status: { from: 'SENT', to: 'ACCEPTED' }, contractId: contract.id, contractNumber: contract.number, superseded: superseded.count },
          });
          return contract.id;
        });
      } catch (err) {
        // Lost to a concurrent accept (or, as a last resort, to the unique revision of the contract).
        if (err instanceof LostRace || isUniqueViolation(err)) return { created: false, contract: await existingOrConflict(actor, rev.id) };
        throw err;
      }
      return { created: true, contract: await deps.contracts.current(contractId) };
    },
  };
}

export type NegotiationService = ReturnType<typeof createNegotiationService>;
