import type { ApprovalBody, NextRevisionBody, PendingApproval, QuoteDraftBody, QuoteView, z } from '@portal/schemas';
import {
  DomainError, assertBelowFloorReason, assertMayTradeWith, assertEditable, assertNotOwnWork, assertVisibleTo, calendarDate, currencyScale, decideApproval, decideSend, draftReferences, isOpenInquiry, isSent, isStaff,
  addDays, linesFromConversation, midnightUtc, priceDraft, type Actor, type Instalment, type PricedDraft, type RevisionHands, type RevisionStatus,
} from '@portal/domain';
import type { Prisma, PrismaClient } from '@portal/db';
import type { MailAttachment } from '@portal/mail';
import { recordAudit } from '../../infra/audit.repository.ts';
import type { Lang } from '../../infra/messages.ts';
import type { Clock } from '../../infra/clock.ts';
import { nextDocumentNumber } from '../../infra/numbering.ts';
import { isUniqueViolation, type Db } from '../../infra/tx.ts';
import { findExporter } from '../companies/companies.repository.ts';
import { sheetFiguresOf } from '../costing/costing.service.ts';
import type { SettingsService } from '../settings/settings.service.ts';
import { quoteDocument, quotePdfName, renderQuotePdf } from './quote-pdf.ts';
import { askManagersToApprove, tellDraftReturned, tellQuoteSent } from './quote.notifications.ts';
import { breachOf, toPendingApproval, toQuoteView } from './quote.mappers.ts';
import * as repo from './quotes.repository.ts';

type Meta = { requestId?: string; basedOn?: { revisionNo: number; counterOfferId: string | null; take: unknown } };
type DraftBody = z.output<typeof QuoteDraftBody>;

/** How often a write retries when a concurrent one took the same number first. */
const RETRIES = 5;

/** What a PI shows of a revision: if any of it differs, it is not the same offer. */
function fingerprint(r: repo.RevisionRow): string {
  return JSON.stringify([
    r.currency, r.incoterm, r.namedPlace, r.portOfLoadingCode, r.portOfDischargeCode, r.paymentTermsText, r.leadTimeDays, r.shipmentDate?.getTime() ?? null,
    r.packing, r.specialTerms, r.shippingMarks, r.validUntil.getTime(), r.totalAmount.toFixed(), r.notes,
    r.lines.map((l) => [l.lineNo, l.description, l.quantity.toFixed(), l.unit, l.unitPrice.toFixed(), l.amount.toFixed(), l.productId, l.notes, l.shipmentDate?.getTime() ?? null]),
  ]);
}

/** Runs a transaction again when a unique number it drew was taken by a concurrent one (gapless numbering rolls back). */
async function withRetry<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (err) {
      if (!isUniqueViolation(err) || attempt >= RETRIES) throw err;
    }
  }
}

/** The revision's columns and lines from a priced draft. */
function revisionContent(body: DraftBody, priced: PricedDraft): { content: Omit<repo.RevisionContent, 'createdById' | 'createdAt'>; lines: repo.LineContent[] } {
  const terms: Instalment[] = body.paymentTerms.map((t) => ({ method: t.method, percent: t.percent, trigger: t.trigger, days: t.days }));
  return {
    content: {
      currency: body.currency,
      incoterm: body.incoterm,
      namedPlace: body.namedPlace,
      portOfLoadingCode: body.portOfLoadingCode ?? null,
      portOfDischargeCode: body.portOfDischargeCode ?? null,
      paymentMethod: priced.paymentMethod,
      paymentTerms: terms,
      paymentTermsText: priced.paymentTermsText,
      leadTimeDays: body.leadTimeDays,
      shipmentDate: body.shipmentDate ? midnightUtc(body.shipmentDate) : null,
      packing: body.packing ?? null,
      specialTerms: body.specialTerms ?? null,
      shippingMarks: body.shippingMarks ?? null,
      belowFloorReason: body.belowFloorReason ?? null,
      validUntil: midnightUtc(body.validUntil),
      totalAmount: priced.total,
      marginRate: priced.marginRate,
      belowMarginFloor: priced.belowMarginFloor,
      notes: body.notes ?? null,
    },
    lines: priced.lines.map(({ shipmentDate, ...l }) => ({ ...l, shipmentDate: shipmentDate ? midnightUtc(shipmentDate) : null })),
  };
}

/** Pro-forma quotes: drafting from an inquiry, approval below the margin floor, sending with the PI as PDF. */
export function createQuotesService(deps: { prisma: PrismaClient; clock: Clock; publicUrl: string; settings: Pick<SettingsService, 'get'> }) {
  const { prisma, clock, publicUrl } = deps;

  const today = () => calendarDate(clock.now());
  const marginFloorSetting = async () => (await deps.settings.get()).marginFloorRate;

  /** Looks up what a draft refers to and prices it (domain: priceDraft); nothing is written. */
  async function prepareDraft(inquiry: NonNullable<Awaited<ReturnType<typeof repo.findInquiry>>>, body: DraftBody) {
    const refs = draftReferences(body, inquiry.lines);
    const [ports, products, sheets, latestSheets, marginFloor] = await Promise.all([
      repo.findPorts(prisma, refs.portCodes),
      repo.findProducts(prisma, refs.productIds),
      repo.findCostSheets(prisma, refs.costSheetIds),
      repo.findLatestCostSheetsOfProducts(prisma, refs.productIds),
      marginFloorSetting(),
    ]);
    const sheet = (s: (typeof sheets)[number]) => ({
      id: s.id, productId: s.productId, name: s.name, version: s.version,
      figures: sheetFiguresOf(s),
    });
    const priced = priceDraft(body, {
      today: today(),
      inquiryLines: inquiry.lines,
      products: products.map((p) => ({ id: p.id, status: p.status, moq: p.moq.toFixed(), unit: p.unit, marginFloorRate: p.marginFloorRate?.toString() ?? null })),
      costSheets: sheets.map(sheet),
      latestCostSheets: latestSheets.map(sheet),
      knownPortCodes: ports.map((p) => p.code),
      marginFloor,
    });
    return { priced, ...revisionContent(body, priced) };
  }

  async function loadQuote(actor: Actor, quoteId: string): Promise<repo.QuoteRow> {
    const quote = await repo.findQuote(prisma, quoteId);
    if (!quote) throw new DomainError('NOT_FOUND', 'quote not found');
    assertVisibleTo(actor, quote.buyerCompanyId, 'quote');
    if (!isStaff(actor.role) && !quote.revisions.some((r) => isSent(r.status))) throw new DomainError('NOT_FOUND', 'quote not found');
    return quote;
  }

  function revisionOf(actor: Actor, quote: repo.QuoteRow, revisionNo: number): repo.RevisionRow {
    const rev = quote.revisions.find((r) => r.revisionNo === revisionNo);
    if (!rev || (!isStaff(actor.role) && !isSent(rev.status))) throw new DomainError('NOT_FOUND', 'revision not found');
    return rev;
  }

  /** A sent revision past its validity date is recorded as expired the first time it is read after. */
  async function expireOnRead(quote: repo.QuoteRow): Promise<repo.QuoteRow> {
    const due = quote.revisions.filter((r) => r.status === 'SENT' && calendarDate(r.validUntil) < today());
    if (due.length === 0) return quote;
    for (const r of due) {
      await prisma.$transaction(async (tx) => {
        if (!(await repo.expireRevision(tx, r.id))) return;
        await recordAudit(tx, {
          actorId: null, companyId: quote.buyerCompanyId, action: 'quote.expire', entityType: 'QuoteRevision', entityId: r.id,
          changes: { quoteId: quote.id, number: quote.number, revisionNo: r.revisionNo, status: { from: 'SENT', to: 'EXPIRED' }, validUntil: calendarDate(r.validUntil) },
        });
      });
    }
    return (await repo.findQuote(prisma, quote.id))!;
  }

  async function toView(actor: Actor, quote: repo.QuoteRow): Promise<QuoteView> {
    const staff = isStaff(actor.role);
    const revisions = staff ? quote.revisions : quote.revisions.filter((r) => isSent(r.status));
    const codes = [...new Set(revisions.flatMap((r) => [r.portOfLoadingCode, r.portOfDischargeCode]).filter((c): c is string => Boolean(c)))];
    const ports = new Map((await repo.findPorts(prisma, codes)).map((p) => [p.code, p]));
    const settingFloor = staff ? await marginFloorSetting() : null;
    const returned = staff
      ? new Map((await repo.findRevisionEvents(prisma, revisions.filter((r) => r.status === 'DRAFT' && r.approvalComment).map((r) => r.id), ['quote.reject'])).reverse().map((e) => [e.entityId, e]))
      : new Map();
    return toQuoteView(quote, { staff, ports, settingFloor, returned });
  }

  /** Who had a hand in a revision, from its audit trail: its author, the editors of the draft, and who sent it for approval. */
  async function handsOn(rev: repo.RevisionRow): Promise<RevisionHands> {
    const events = await repo.findRevisionEvents(prisma, [rev.id], ['quote.create', 'quote.update', 'quote.submit']);
    return {
      draftedBy: [rev.createdById, ...events.filter((e) => e.action !== 'quote.submit').map((e) => e.actorId)],
      sentBy: events.filter((e) => e.action === 'quote.submit').map((e) => e.actorId),
    };
  }

  const current = async (actor: Actor, quoteId: string) => toView(actor, (await repo.findQuote(prisma, quoteId))!);

  /**
   * The PI of a revision as PDF in a language, made by a function that reads nothing more (it may
   * run inside a transaction); `sentAt` while it is being sent (it is then no draft).
   */
  async function pdfRenderer(quote: repo.QuoteRow, rev: repo.RevisionRow, sentAt: Date | null): Promise<(lang: Lang) => Promise<Buffer>> {
    const [exporter, bankDetails, ports, payables] = await Promise.all([
      findExporter(prisma),
      repo.findSetting(prisma, 'exporter.bankDetails'),
      repo.findPorts(prisma, [rev.portOfLoadingCode, rev.portOfDischargeCode].filter((c): c is string => Boolean(c))),
      rev.status === 'ACCEPTED' ? repo.findPayablesOfRevision(prisma, rev.id) : Promise.resolve([]),
    ]);
    return (lang) => renderQuotePdf(quoteDocument(quote, rev, { exporter, bankDetails, ports, sentAt, lang, payables }), { lang });
  }

  /**
   * Sends a revision to the buyer in one transaction: the revision becomes SENT (earlier sent ones
   * superseded), the inquiry is answered, and the buyer's users get a notification and the PI by mail.
   */
  async function deliver(actor: Actor, quote: repo.QuoteRow, rev: repo.RevisionRow, from: RevisionStatus[], meta: Meta, also?: (tx: Db, now: Date) => Promise<void>, approval?: { comment: string | null }) {
    if (!isOpenInquiry(quote.inquiry.status)) throw new DomainError('CONFLICT', `the inquiry is ${quote.inquiry.status.toLowerCase()}; the quote cannot be sent`);
    if (calendarDate(rev.validUntil) <= today()) throw new DomainError('CONFLICT', 'the validity date of this revision has passed; make a new revision with a later date');
    const now = clock.now();
    // Each buyer user gets the PI in their language (rendered once per language).
    const render = await pdfRenderer(quote, rev, now);
    const attachment = async (lang: Lang): Promise<MailAttachment> => ({ filename: quotePdfName(quote, rev), contentType: 'application/pdf', contentBase64: (await render(lang)).toString('base64') });

    await prisma.$transaction(async (tx) => {
      // Nothing goes out to a company that may not trade (suspended meanwhile, say).
      assertMayTradeWith(await repo.findCompanyStanding(tx, quote.buyerCompanyId));
      const moved = await repo.moveRevision(tx, rev.id, from, {
        status: 'SENT', sentAt: now,
        ...(approval ? { approvedById: actor.userId, approvedAt: now, approvalComment: approval.comment } : {}),
      });
      if (!moved) throw new DomainError('CONFLICT', 'this revision was changed meanwhile; reload it');
      // The PI was rendered from what was read before: a draft edited since must not go out under it.
      const current = await repo.findRevision(tx, rev.id);
      if (!current || fingerprint(current) !== fingerprint(rev)) throw new DomainError('CONFLICT', 'this revision was edited meanwhile; reload it and send again');
      await also?.(tx, now);
      await repo.supersedeEarlier(tx, quote.id, rev.revisionNo);
      await repo.updateInquiry(tx, quote.inquiry.id, {
        ...(quote.inquiry.status === 'SUBMITTED' ? { status: 'QUOTED' as const } : {}),
        ...(quote.inquiry.firstResponseAt ? {} : { firstResponseAt: now }),
        lastActivityAt: now,
      });
      await recordAudit(tx, {
        actorId: actor.userId, companyId: quote.buyerCompanyId, action: 'quote.send', entityType: 'QuoteRevision', entityId: rev.id, requestId: meta.requestId,
        changes: { quoteId: quote.id, number: quote.number, revisionNo: rev.revisionNo, status: { from: rev.status, to: 'SENT' }, total: { amount: rev.totalAmount.toFixed(currencyScale(rev.currency)), currency: rev.currency } },
      });
      await tellQuoteSent(tx, quote, rev, attachment, { publicUrl, now });
    });
  }

  return {
    /**
     * Drafts a PI for an inquiry: a new PI (numbered now) with revision 1, or the next revision of
     * the inquiry's open PI once its latest revision has been sent.
     */
    async create(actor: Actor, inquiryId: string, body: DraftBody, meta: Meta): Promise<QuoteView> {
      const inquiry = await repo.findInquiry(prisma, inquiryId);
      if (!inquiry) throw new DomainError('NOT_FOUND', 'inquiry not found');
      if (!isOpenInquiry(inquiry.status)) throw new DomainError('CONFLICT', `the inquiry is ${inquiry.status.toLowerCase()}; it cannot be quoted`);
      const draft = await prepareDraft(inquiry, body);

      const quoteId = await withRetry(() =>
        prisma.$transaction(async (tx) => {
          const now = clock.now();
          await repo.touchInquiry(tx, inquiry.id, now);
          const open = await repo.findOpenQuote(tx, inquiry.id);
          const latest = open?.revisions[0];
          if (open && latest && !isSent(latest.status)) {
            throw new DomainError('CONFLICT', latest.status === 'DRAFT'
              ? `${open.number} already has a draft (revision ${latest.revisionNo}); edit that draft`
              : `${open.number} revision ${latest.revisionNo} waits for a manager’s approval`);
          }
          const number = open?.number ?? (await nextDocumentNumber(tx, 'PI', now));
          const id = open?.id ?? (await repo.createQuote(tx, { number, inquiryId: inquiry.id, buyerCompanyId: inquiry.buyerCompanyId, createdAt: now })).id;
          const revisionNo = (latest?.revisionNo ?? 0) + 1;
          const rev = await repo.createRevision(tx, id, revisionNo, { ...draft.content, createdById: actor.userId, createdAt: now }, draft.lines);
          await recordAudit(tx, {
            actorId: actor.userId, companyId: inquiry.buyerCompanyId, action: 'quote.create', entityType: 'QuoteRevision', entityId: rev.id, requestId: meta.requestId,
            changes: {
              quoteId: id, number, revisionNo, inquiryId: inquiry.id, currency: body.currency, incoterm: body.incoterm, total: draft.priced.total,
              marginRate: draft.priced.marginRate, belowMarginFloor: draft.priced.belowMarginFloor, lines: draft.lines.length,
              ...(meta.basedOn ? { basedOn: meta.basedOn } : {}),
            } as Prisma.InputJsonValue,
          });
          return id;
        }),
      );
      return current(actor, quoteId);
    },

    /**
     * Drafts the next revision from the conversation: a copy of the last revision sent to the buyer,
     * taking per line what the clerk chooses of the buyer's latest counter-offer on it. The clerk then
     * edits the draft (quantities, added and removed lines) as any other.
     */
    async createNext(actor: Actor, quoteId: string, body: z.output<typeof NextRevisionBody>, meta: Meta): Promise<QuoteView> {
      const quote = await loadQuote(actor, quoteId);
      if (quote.status !== 'OPEN') throw new DomainError('CONFLICT', `${quote.number} is ${quote.status.toLowerCase()}; it takes no new revision`);
      const last = quote.revisions.find((r) => isSent(r.status));
      if (!last) throw new DomainError('CONFLICT', `${quote.number} has no sent revision yet; edit its draft`);
      const counter = await repo.findLatestCounterOffer(prisma, last.id);
      const lines = linesFromConversation(
        last.lines.map((l) => ({
          id: l.id, inquiryLineId: l.inquiryLineId, productId: l.productId, costSheetId: l.costSheetId, description: l.description, quantity: l.quantity.toFixed(),
          unit: l.unit, unitPrice: l.unitPrice.toFixed(4), notes: l.notes, shipmentDate: l.shipmentDate ? calendarDate(l.shipmentDate) : null,
        })),
        (counter?.lines ?? []).map((c) => ({
          quoteLineId: c.quoteLineId, proposedUnitPrice: c.proposedUnitPrice?.toFixed(4), proposedQuantity: c.proposedQuantity?.toFixed(),
          proposedShipmentDate: c.proposedShipmentDate ? calendarDate(c.proposedShipmentDate) : undefined,
        })),
        body.take,
      );
      const opt = <T>(v: T | null) => v ?? undefined;
      const draft: DraftBody = {
        currency: last.currency, incoterm: last.incoterm, namedPlace: last.namedPlace,
        portOfLoadingCode: opt(last.portOfLoadingCode), portOfDischargeCode: opt(last.portOfDischargeCode),
        paymentTerms: (last.paymentTerms as Instalment[]).map((t) => ({ method: t.method, percent: t.percent, trigger: t.trigger, days: t.days ?? 0 })),
        leadTimeDays: last.leadTimeDays,
        shipmentDate: last.shipmentDate && calendarDate(last.shipmentDate) >= today() ? calendarDate(last.shipmentDate) : undefined,
        packing: opt(last.packing), specialTerms: opt(last.specialTerms), shippingMarks: opt(last.shippingMarks), notes: opt(last.notes), belowFloorReason: undefined,
        validUntil: body.validUntil ?? addDays(today(), (await deps.settings.get()).quoteValidityDays),
        lines: lines.map((l) => ({ ...l, notes: l.notes, shipmentDate: l.shipmentDate && l.shipmentDate >= today() ? l.shipmentDate : undefined })),
      };
      return this.create(actor, quote.inquiry.id, draft, { ...meta, basedOn: { revisionNo: last.revisionNo, counterOfferId: counter?.id ?? null, take: body.take } });
    },

    /** Replaces the content of a draft revision; a revision once sent (or waiting for approval) cannot change. */
    async update(actor: Actor, quoteId: string, revisionNo: number, body: DraftBody, meta: Meta): Promise<QuoteView> {
      const quote = await loadQuote(actor, quoteId);
      const rev = revisionOf(actor, quote, revisionNo);
      assertEditable(rev.status);
      const inquiry = (await repo.findInquiry(prisma, quote.inquiry.id))!;
      const draft = await prepareDraft(inquiry, body);
      await prisma.$transaction(async (tx) => {
        if (!(await repo.replaceDraft(tx, rev.id, draft.content, draft.lines))) throw new DomainError('CONFLICT', 'a sent revision cannot change; make a new revision');
        await recordAudit(tx, {
          actorId: actor.userId, companyId: quote.buyerCompanyId, action: 'quote.update', entityType: 'QuoteRevision', entityId: rev.id, requestId: meta.requestId,
          changes: {
            quoteId: quote.id, number: quote.number, revisionNo,
            total: { from: rev.totalAmount.toFixed(), to: draft.priced.total },
            marginRate: { from: rev.marginRate?.toFixed(4) ?? null, to: draft.priced.marginRate },
            validUntil: { from: calendarDate(rev.validUntil), to: body.validUntil },
            lines: { from: rev.lines.length, to: draft.lines.length },
          },
        });
      });
      return current(actor, quote.id);
    },

    /** Sends a draft to the buyer, or to a manager first when its margin is below the floor. */
    async send(actor: Actor, quoteId: string, revisionNo: number, meta: Meta): Promise<QuoteView> {
      const quote = await loadQuote(actor, quoteId);
      const rev = revisionOf(actor, quote, revisionNo);
      if (quote.status !== 'OPEN') throw new DomainError('CONFLICT', `${quote.number} is ${quote.status.toLowerCase()}`);
      const next = decideSend(rev.status, rev.belowMarginFloor);
      if (next === 'PENDING_APPROVAL') assertBelowFloorReason(rev.belowFloorReason);
      if (next === 'SENT') {
        await deliver(actor, quote, rev, [rev.status], meta);
        return current(actor, quote.id);
      }

      if (calendarDate(rev.validUntil) <= today()) throw new DomainError('CONFLICT', 'the validity date of this revision has passed; edit the draft first');
      const breach = breachOf(rev, await marginFloorSetting());
      const now = clock.now();
      await prisma.$transaction(async (tx) => {
        if (!(await repo.moveRevision(tx, rev.id, ['DRAFT'], { status: 'PENDING_APPROVAL' }))) throw new DomainError('CONFLICT', 'this revision was changed meanwhile; reload it');
        await recordAudit(tx, {
          actorId: actor.userId, companyId: quote.buyerCompanyId, action: 'quote.submit', entityType: 'QuoteRevision', entityId: rev.id, requestId: meta.requestId,
          changes: { quoteId: quote.id, number: quote.number, revisionNo, status: { from: 'DRAFT', to: 'PENDING_APPROVAL' }, marginRate: breach.margin?.toFixed(4) ?? null, marginFloorRate: breach.floor.toFixed(4), at: now.toISOString() },
        });
        await askManagersToApprove(tx, quote, rev, breach, { publicUrl, now });
      });
      return current(actor, quote.id);
    },

    /** A manager approves a revision below the floor (it is then sent) or sends it back to draft with a comment. */
    async decide(actor: Actor, quoteId: string, revisionNo: number, body: z.output<typeof ApprovalBody>, meta: Meta): Promise<QuoteView> {
      const quote = await loadQuote(actor, quoteId);
      const rev = revisionOf(actor, quote, revisionNo);
      if (quote.status !== 'OPEN') throw new DomainError('CONFLICT', `${quote.number} is ${quote.status.toLowerCase()}`);
      const next = decideApproval(rev.status, body.decision);
      const comment = body.comment ?? null;
      if (next === 'APPROVED') {
        assertNotOwnWork(actor.userId, await handsOn(rev));
        await deliver(actor, quote, rev, ['PENDING_APPROVAL'], meta, async (tx) => {
          await recordAudit(tx, {
            actorId: actor.userId, companyId: quote.buyerCompanyId, action: 'quote.approve', entityType: 'QuoteRevision', entityId: rev.id, requestId: meta.requestId,
            changes: { quoteId: quote.id, number: quote.number, revisionNo, status: { from: 'PENDING_APPROVAL', to: 'APPROVED' }, comment, marginRate: rev.marginRate?.toFixed(4) ?? null },
          });
        }, { comment });
      } else {
        await prisma.$transaction(async (tx) => {
          if (!(await repo.moveRevision(tx, rev.id, ['PENDING_APPROVAL'], { status: 'DRAFT', approvalComment: comment, approvedById: null, approvedAt: null }))) {
            throw new DomainError('CONFLICT', 'this revision was changed meanwhile; reload it');
          }
          await recordAudit(tx, {
            actorId: actor.userId, companyId: quote.buyerCompanyId, action: 'quote.reject', entityType: 'QuoteRevision', entityId: rev.id, requestId: meta.requestId,
            changes: { quoteId: quote.id, number: quote.number, revisionNo, status: { from: 'PENDING_APPROVAL', to: 'DRAFT' }, comment, at: clock.now().toISOString() },
          });
          await tellDraftReturned(tx, quote, rev, comment);
        });
      }
      return current(actor, quote.id);
    },

    /** A PI with its revisions: buyers see only what was sent to them and never the costing. */
    async get(actor: Actor, quoteId: string): Promise<QuoteView> {
      return toView(actor, await expireOnRead(await loadQuote(actor, quoteId)));
    },

    /** The PI of one revision as PDF: buyers only once it was sent to them; staff also drafts (marked DRAFT). */
    async pdf(actor: Actor, quoteId: string, revisionNo: number, lang: Lang = 'en'): Promise<{ fileName: string; content: Buffer }> {
      const quote = await loadQuote(actor, quoteId);
      const rev = revisionOf(actor, quote, revisionNo);
      return { fileName: quotePdfName(quote, rev), content: await (await pdfRenderer(quote, rev, null))(lang) };
    },

    /** Revisions waiting for a manager, oldest first. */
    async pendingApprovals(): Promise<PendingApproval[]> {
      const rows = await repo.findPendingRevisions(prisma);
      const submissions = await repo.findRevisionEvents(prisma, rows.map((r) => r.id), ['quote.submit']);
      const latestSubmission = new Map<string, (typeof submissions)[number]>();
      for (const s of submissions) if (!latestSubmission.has(s.entityId)) latestSubmission.set(s.entityId, s);
      const settingFloor = await marginFloorSetting();
      return rows.map((r) => toPendingApproval(r, latestSubmission.get(r.id), settingFloor));
    },
  };
}

export type QuotesService = ReturnType<typeof createQuotesService>;
