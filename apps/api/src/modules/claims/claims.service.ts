import type { ClaimCustomerFigures, ClaimDraftShipment, ClaimDraftView, ClaimFilingTerms, ClaimListQuery, ClaimNoteBody, ClaimSettings, ClaimStepBody, ClaimSummary, ClaimView, FileClaimBody, UseCreditNoteBody, z } from '@portal/schemas';
import {
  DEFAULT_CLAIM_APPROVAL_THRESHOLDS, DEFAULT_CLAIM_RESPONSE_HOURS, DomainError, Dec, applyTimerEffect, approvalThresholdFor, assertCompanyMayTrade, assertVisibleTo, calendarDate,
  claimActionsFor, claimDaysLeft, claimDeadline, claimDraftFromComplaint, claimEvidenceErrors, claimFilingErrors, claimFinanceFigures, claimKinds, claimPeriodsFromClause,
  claimResponseState, companyScope, currencyScale, decideClaimStep, isStaff, lineAmount, loadTimer, midnightUtc, serviceCentreHours, startTimer, storeTimer, validationError,
  withFieldPrefix, type Actor, type ClaimAction, type ClaimStatus, type FieldError, type PausableTimer, type WorkingHours,
} from '@portal/domain';
import type { Prisma, PrismaClient } from '@portal/db';
import { recordAudit } from '../../infra/audit.repository.ts';
import type { Clock } from '../../infra/clock.ts';
import type { Params } from '../../infra/messages.ts';
import { notifyAndMail } from '../../infra/notify.ts';
import { nextDocumentNumber } from '../../infra/numbering.ts';
import type { Db } from '../../infra/tx.ts';
import { toAttachmentInfo } from '../attachments/attachments.service.ts';
import { readSettings, writeSetting } from '../settings/settings.repository.ts';
import { beijingTime } from '../tickets/tickets.messages.ts';
import { type ClaimNoticeKind, claimMessages } from './claims.messages.ts';
import * as repo from './claims.repository.ts';

type Meta = { requestId?: string };
type Person = { id: string; email: string; name: string; locale: string };

/** The staff who handle claims (the workflow's handlers) and who hear of new ones. */
const HANDLERS = ['CLERK', 'MANAGER'] as const;
/** Where finance's approval thresholds are kept in the Setting table. */
const THRESHOLDS_KEY = 'claims.approvalThresholds';
/** Claims still worked on. */
export const OPEN_CLAIM_STATUSES: readonly ClaimStatus[] = ['FILED', 'ACKNOWLEDGED', 'UNDER_INVESTIGATION', 'WAITING_FOR_EVIDENCE', 'RESPONSIBILITY_DETERMINED', 'PENDING_APPROVAL', 'SETTLEMENT_OFFERED', 'ACCEPTED', 'DISPUTED'];

/** Names a rule's fields as the client wrote them (body.…), for rules that run after an await. */
function inBody(err: unknown): never {
  if (err instanceof DomainError && err.fields) throw new DomainError(err.code, err.message, err.fields.map((f) => ({ field: `body.${f.field}`, message: f.message })));
  throw err;
}

const minutes = (ms: number) => Math.floor(ms / 60_000);
const money = (amount: { toFixed(n: number): string } | string, currency: string) => ({ amount: new Dec(amount.toString()).toFixed(currencyScale(currency)), currency });

/** What each step tells, and to whom: the buyer, the handling staff, managers (approval), finance (to pay). */
const notices: Partial<Record<ClaimAction, { kind: ClaimNoticeKind; to: 'BUYER' | 'HANDLER' | 'MANAGERS' | 'PROPOSER' | 'FINANCE_AND_HANDLER' }>> = {
  ACKNOWLEDGE: { kind: 'claims.acknowledged', to: 'BUYER' },
  START_INVESTIGATION: { kind: 'claims.investigating', to: 'BUYER' },
  REQUEST_EVIDENCE: { kind: 'claims.evidenceRequested', to: 'BUYER' },
  ADD_EVIDENCE: { kind: 'claims.evidenceAdded', to: 'HANDLER' },
  DETERMINE_RESPONSIBILITY: { kind: 'claims.responsibility', to: 'BUYER' },
  APPROVE_SETTLEMENT: { kind: 'claims.settlementOffered', to: 'BUYER' },
  RETURN_SETTLEMENT: { kind: 'claims.offerReturned', to: 'PROPOSER' },
  ACCEPT: { kind: 'claims.accepted', to: 'FINANCE_AND_HANDLER' },
  DISPUTE: { kind: 'claims.disputed', to: 'HANDLER' },
  REOPEN: { kind: 'claims.reopened', to: 'BUYER' },
  RECORD_SETTLEMENT: { kind: 'claims.settled', to: 'BUYER' },
  REJECT: { kind: 'claims.rejected', to: 'BUYER' },
  CLOSE: { kind: 'claims.closed', to: 'BUYER' },
  WITHDRAW: { kind: 'claims.withdrawn', to: 'HANDLER' },
};

/**
 * Claims: filed by the buyer (or by staff from a complaint) against an arrived shipment within the
 * contract's claim period, worked through the domain's workflow with a pausable response timer, each
 * step audited, put on the claim's timeline and told to the other side in the same transaction.
 */
export function createClaimsService(deps: { prisma: PrismaClient; clock: Clock; publicUrl: string; hours?: WorkingHours }) {
  const { prisma, clock, publicUrl } = deps;
  const hours = deps.hours ?? serviceCentreHours();
  const staffLink = (id: string) => `/staff/claims/${id}`;
  const buyerLink = (id: string) => `/portal/claims/${id}`;

  async function thresholds(db: Db = prisma): Promise<Record<string, string>> {
    const [row] = await readSettings(db, [THRESHOLDS_KEY]);
    return (row?.value as Record<string, string> | undefined) ?? { ...DEFAULT_CLAIM_APPROVAL_THRESHOLDS };
  }

  function timerView(timer: PausableTimer, now: Date): ClaimSummary['response'] {
    const s = claimResponseState(timer, DEFAULT_CLAIM_RESPONSE_HOURS, hours, now);
    return { targetMinutes: DEFAULT_CLAIM_RESPONSE_HOURS * 60, remainingMinutes: minutes(s.remainingMs), dueAt: s.dueAt?.toISOString() ?? null, paused: s.paused, stopped: s.stopped, breached: s.breached };
  }

  function toSummary(c: repo.ClaimSummaryRow, now = clock.now()): ClaimSummary {
    return {
      id: c.id, number: c.number, kind: c.kind, status: c.status, contract: c.contract, shipment: { id: c.shipment.id, number: c.shipment.number }, buyerCompany: c.buyerCompany,
      amount: money(c.amountClaimed, c.currency),
      settlement: c.settlementKind && c.settlementAmount ? { kind: c.settlementKind, amount: money(c.settlementAmount, c.currency) } : null,
      filedAt: c.filedAt.toISOString(), updatedAt: c.updatedAt.toISOString(), response: timerView(loadTimer(c.responseTimer), now),
    };
  }

  async function toView(c: repo.ClaimRow, actor: Actor): Promise<ClaimView> {
    const staff = isStaff(actor.role);
    const approvedBy = await repo.findUserName(prisma, c.settlementApprovedById);
    const status = c.status;
    // While a manager weighs a proposal, the buyer sees no settlement yet.
    const settlementVisible = c.settlementKind && c.settlementAmount && (staff || !['PENDING_APPROVAL', 'RESPONSIBILITY_DETERMINED'].includes(status));
    return {
      ...toSummary(c),
      settlement: settlementVisible ? { kind: c.settlementKind!, amount: money(c.settlementAmount!, c.currency) } : null,
      description: c.description,
      lines: c.lines.map((l) => ({
        contractLineId: l.contractLineId, lineNo: l.contractLine.lineNo, description: l.contractLine.description, unit: l.contractLine.unit, quantity: l.quantity.toFixed(3),
        shippedQuantity: (l.contractLine.shipmentLines.find((s) => s.shipmentId === c.shipmentId)?.quantity ?? new Dec(0)).toFixed(3),
        unitPrice: { amount: l.contractLine.unitPrice.toFixed(4), currency: c.currency }, batchNo: l.batchNo,
      })),
      arrivedOn: c.shipment.ata ? calendarDate(c.shipment.ata) : null,
      periodEndsOn: c.periodEndsOn ? calendarDate(c.periodEndsOn) : null,
      responsibleParty: c.responsibleParty,
      settlementDetail: settlementVisible
        ? {
            note: c.settlementNote, reference: c.settlementReference, approvedBy: approvedBy?.name ?? null, proposedByMe: c.settlementProposedById === actor.userId,
            creditNoteOpen: c.settlementKind === 'CREDIT_NOTE' && (status === 'SETTLED' || status === 'CLOSED') && !c.creditNoteUsedAt,
          }
        : null,
      evidence: c.evidence.map((e) => ({ ...toAttachmentInfo(e.attachment), addedAt: e.addedAt.toISOString() })),
      timeline: c.events
        .filter((e) => staff || !e.internal)
        .map((e) => {
          const data = (e.data ?? {}) as Record<string, unknown>;
          return {
            id: e.id, action: e.action, fromStatus: e.fromStatus, toStatus: e.toStatus, note: e.note, internal: e.internal, side: e.actor.role === 'BUYER' ? ('BUYER' as const) : ('STAFF' as const),
            actor: e.actor.name, at: e.createdAt.toISOString(),
            ...(data.responsibleParty ? { responsibleParty: data.responsibleParty as never } : {}),
            ...(data.settlement ? { settlement: data.settlement as never } : {}),
            ...(data.settlementReference ? { settlementReference: String(data.settlementReference) } : {}),
            ...(data.responseDueAt ? { responseDueAt: String(data.responseDueAt) } : {}),
            ...(Array.isArray(data.evidence) ? { evidence: data.evidence as string[] } : {}),
            ...(data.usedOn ? { usedOn: String(data.usedOn) } : {}),
          };
        }),
      sourceTicket: c.sourceTicket,
      settledAt: c.settledAt?.toISOString() ?? null, paidAt: c.paidAt?.toISOString() ?? null, closedAt: c.closedAt?.toISOString() ?? null,
      actions: claimActionsFor(c, actor).filter((a) => a !== 'CLOSE' || status !== 'SETTLED' || actor.role !== 'BUYER'),
    };
  }

  /** A claim the caller may see; another company's is not found. */
  async function load(actor: Actor, id: string): Promise<repo.ClaimRow> {
    const c = await repo.findClaim(prisma, id);
    if (!c) throw new DomainError('NOT_FOUND', 'claim not found');
    assertVisibleTo(actor, c.buyerCompanyId, 'claim');
    return c;
  }

  async function tell(tx: Db, people: Person[], kind: ClaimNoticeKind, params: Params, link: string, now: Date) {
    if (people.length > 0) await notifyAndMail(tx, people, claimMessages, { kind, params, link }, { publicUrl, now });
  }

  /** The filing terms of a shipment for a company: its lines as shipped, the arrival, each kind's deadline. */
  async function termsOf(actor: Actor, shipmentId: string, field = 'shipmentId'): Promise<{ terms: ClaimFilingTerms; shipment: NonNullable<Awaited<ReturnType<typeof repo.findShipmentForClaim>>> }> {
    const s = await repo.findShipmentForClaim(prisma, shipmentId);
    if (!s || (actor.role === 'BUYER' && s.contract.buyerCompanyId !== actor.companyId)) {
      if (field === 'shipmentId') throw new DomainError('NOT_FOUND', 'shipment not found');
      throw validationError([{ field, message: 'is not a shipment of your company' }]);
    }
    const today = calendarDate(clock.now());
    const periods = claimPeriodsFromClause(s.contract.claimsClause);
    const arrivedOn = s.ata ? calendarDate(s.ata) : null;
    const shippedOn = s.onBoardDate ? calendarDate(s.onBoardDate) : s.atd ? calendarDate(s.atd) : null;
    const currency = s.contract.currency;
    return {
      shipment: s,
      terms: {
        contract: { id: s.contract.id, number: s.contract.number, currency, claimsClause: s.contract.claimsClause },
        shipment: { id: s.id, number: s.number, shippedOn, arrivedOn },
        buyerCompany: s.contract.buyerCompany,
        lines: s.lines.map((l) => ({
          contractLineId: l.contractLine.id, lineNo: l.contractLine.lineNo, description: l.contractLine.description, unit: l.contractLine.unit, shippedQuantity: l.quantity.toFixed(3),
          unitPrice: { amount: l.contractLine.unitPrice.toFixed(4), currency }, value: { amount: lineAmount(l.quantity.toFixed(), l.contractLine.unitPrice.toFixed(), currency).toFixed(currencyScale(currency)), currency },
        })),
        deadlines: claimKinds.map((kind) => {
          const d = claimDeadline(kind, arrivedOn, periods);
          const left = claimDaysLeft(kind, arrivedOn, today, periods);
          const beforeArrival = kind === 'DELAY' || kind === 'DOCUMENTS';
          return { kind, deadline: d?.deadline ?? null, days: periods[kind], daysLeft: left, open: shippedOn !== null && (left === null ? beforeArrival : left >= 0) };
        }),
        today,
      },
    };
  }

  /** Files proposed as evidence that may not back a claim of this company: not its upload, attached elsewhere, or of the wrong type or size. */
  async function evidenceErrors(companyId: string, ids: string[], field: string, alreadyOnClaim: number): Promise<FieldError[]> {
    const found = new Map((await repo.findEvidenceCandidates(prisma, ids)).map((a) => [a.id, a]));
    const errors: FieldError[] = [];
    const files: { contentType: string; sizeBytes: number }[] = [];
    ids.forEach((id, i) => {
      const a = found.get(id);
      if (ids.indexOf(id) !== i) errors.push({ field: `${field}.${i}`, message: 'is listed twice' });
      else if (!a || a.companyId !== companyId) errors.push({ field: `${field}.${i}`, message: 'is not a file uploaded by your company' });
      else if (a.inquiryId || a.negotiationMessageId || a.ticketMessageId || a.shipmentDocument || a.qualityCertificate || a.claimEvidence) {
        errors.push({ field: `${field}.${i}`, message: 'is already attached elsewhere; upload the file again' });
      }
      files.push(a ? { contentType: a.contentType, sizeBytes: a.sizeBytes } : { contentType: 'image/png', sizeBytes: 0 });
    });
    const typed = claimEvidenceErrors(files, field, alreadyOnClaim).filter((e) => !errors.some((x) => x.field === e.field));
    return [...errors, ...typed];
  }

  /**
   * A complaint as a claim draft. A complaint names its contract (tickets name a contract or a
   * product); the shipment is the one it names, else the one given, else the contract's only shipment
   * that has shipped — more than one and the draft asks for it (shipmentId).
   */
  async function draftOf(actor: Actor, ticketId: string, shipmentId?: string) {
    const t = await repo.findComplaint(prisma, ticketId);
    if (!t) throw new DomainError('NOT_FOUND', 'ticket not found');
    let named = t.subjectType === 'SHIPMENT' ? t.subjectId : (shipmentId ?? null);
    if (!named && t.contractId && isStaff(actor.role)) {
      const shipped = await repo.findShippedShipments(prisma, t.contractId);
      if (shipped.length === 1) named = shipped[0]!.id;
    }
    // A complaint that names no contract: staff name the shipment it concerns, and its contract is
    // the shipment's, if it is one of the complaint's company.
    let contractId = t.contractId;
    if (!contractId && named && isStaff(actor.role)) {
      const owner = await repo.findShipmentOwner(prisma, named);
      if (!owner || owner.contract.buyerCompanyId !== t.buyerCompanyId) throw validationError([{ field: 'shipmentId', message: 'is not a shipment of the complaint’s company' }]);
      contractId = owner.contractId;
    }
    const draft = claimDraftFromComplaint(
      {
        id: t.id, kind: t.kind, buyerCompanyId: t.buyerCompanyId, contractId, shipmentId: named, subject: t.subject, convertedClaimId: t.claim?.id ?? null,
        messages: t.messages.map((m) => ({ fromCustomer: m.author.role === 'BUYER', internal: m.internal, body: m.body, attachmentIds: m.attachments.filter((a) => !a.claimEvidence).map((a) => a.id) })),
      },
      actor,
    );
    return { ticket: t, draft };
  }

  /**
   * Takes steps on a claim in one transaction: the domain decides each (role, status, input), the
   * timer moves, the claim's fields change, each step goes on the timeline (the approval round as
   * internal), the change is audited and the other side told. Moved meanwhile: CONFLICT, nothing written.
   */
  async function act(actor: Actor, id: string, body: z.output<typeof ClaimStepBody>, meta: Meta): Promise<ClaimView> {
    if (actor.role === 'BUYER') assertCompanyMayTrade(actor);
    const c = await load(actor, id);
    const now = clock.now();
    const threshold = approvalThresholdFor(await thresholds(), c.currency);
    // Finance's record of the settlement closes the claim with it.
    const actions: ClaimAction[] = body.action === 'RECORD_SETTLEMENT' ? ['RECORD_SETTLEMENT', 'CLOSE'] : [body.action];
    let status = c.status;
    let timer = loadTimer(c.responseTimer);
    const events: { action: ClaimAction; from: ClaimStatus; to: ClaimStatus; internal: boolean; data: Record<string, unknown> }[] = [];
    for (const action of actions) {
      const facts = {
        buyerCompanyId: c.buyerCompanyId, status, currency: c.currency, amountClaimed: c.amountClaimed.toFixed(2), responsibleParty: c.responsibleParty,
        settlement: c.settlementKind && c.settlementAmount ? { kind: c.settlementKind, amount: c.settlementAmount.toFixed(2), proposedById: c.settlementProposedById ?? '' } : null,
      };
      const step = withFieldPrefix('body', () =>
        decideClaimStep(facts, action, actor, {
          ...(body.responsibleParty ? { responsibleParty: body.responsibleParty } : {}), ...(body.settlement ? { settlement: body.settlement } : {}),
          approvalThreshold: threshold, ...(body.reason ? { reason: body.reason } : {}), ...(body.settlementReference ? { settlementReference: body.settlementReference } : {}),
        }),
      );
      timer = applyTimerEffect(timer, step.timer, now);
      events.push({ action, from: status, to: step.status, internal: !step.visibleToBuyer, data: {} });
      status = step.status;
    }
    if (body.action === 'ADD_EVIDENCE') {
      if (body.evidenceIds.length === 0) throw validationError([{ field: 'body.evidenceIds', message: 'must name at least one file' }]);
      const errors = await evidenceErrors(c.buyerCompanyId, body.evidenceIds, 'body.evidenceIds', c.evidence.length);
      if (errors.length > 0) throw validationError(errors);
    } else if (body.evidenceIds.length > 0) {
      throw validationError([{ field: 'body.evidenceIds', message: 'files are added with the ADD_EVIDENCE step' }]);
    }
    const dueAt = claimResponseState(timer, DEFAULT_CLAIM_RESPONSE_HOURS, hours, now).dueAt;
    const data: Prisma.ClaimUncheckedUpdateInput = { status, responseTimer: storeTimer(timer) as Prisma.InputJsonValue, updatedAt: now };
    const first = events[0]!;
    switch (body.action) {
      case 'ACKNOWLEDGE':
        data.handlerId = actor.userId;
        first.data = { responseDueAt: dueAt?.toISOString() };
        break;
      case 'DETERMINE_RESPONSIBILITY':
        data.responsibleParty = body.responsibleParty!;
        first.data = { responsibleParty: body.responsibleParty };
        break;
      case 'OFFER_SETTLEMENT': {
        const amount = new Dec(body.settlement!.amount).toFixed(2);
        Object.assign(data, { settlementKind: body.settlement!.kind, settlementAmount: amount, settlementNote: body.note ?? null, settlementProposedById: actor.userId, settlementApprovedById: null });
        first.data = { settlement: { kind: body.settlement!.kind, amount: money(amount, c.currency) } };
        break;
      }
      case 'APPROVE_SETTLEMENT':
        data.settlementApprovedById = actor.userId;
        first.data = { settlement: { kind: c.settlementKind, amount: money(c.settlementAmount!, c.currency) } };
        break;
      case 'RECORD_SETTLEMENT':
        Object.assign(data, { settlementReference: body.settlementReference!, settledAt: now, closedAt: now, ...(c.settlementKind === 'REFUND' || c.settlementKind === 'PRICE_DISCOUNT' ? { paidAt: now } : {}) });
        first.data = { settlementReference: body.settlementReference, settlement: { kind: c.settlementKind, amount: money(c.settlementAmount!, c.currency) } };
        break;
      case 'ADD_EVIDENCE':
        first.data = { evidence: body.evidenceIds };
        break;
      case 'REOPEN':
        data.settlementApprovedById = null;
        break;
      default:
        break;
    }
    if (status === 'CLOSED' || status === 'REJECTED') data.closedAt = now;
    if (!c.handlerId && actor.role !== 'BUYER' && (HANDLERS as readonly string[]).includes(actor.role)) data.handlerId = actor.userId;

    await prisma.$transaction(async (tx) => {
      if (!(await repo.updateClaimIf(tx, c.id, c.status, data))) throw new DomainError('CONFLICT', 'the claim changed meanwhile; reload it and try again');
      const words = body.reason ?? body.note ?? null;
      for (const [i, e] of events.entries()) {
        await repo.createEvent(tx, {
          claimId: c.id, action: e.action, fromStatus: e.from, toStatus: e.to, note: i === 0 ? words : null, internal: e.internal, data: e.data as Prisma.InputJsonValue, actorId: actor.userId,
          createdAt: new Date(now.getTime() + i),
        });
      }
      if (body.action === 'ADD_EVIDENCE') await repo.createEvidence(tx, body.evidenceIds.map((attachmentId) => ({ claimId: c.id, attachmentId, addedById: actor.userId, addedAt: now })));
      await recordAudit(tx, {
        actorId: actor.userId, companyId: c.buyerCompanyId, action: `claim.${actions.map((a) => a.toLowerCase()).join('+')}`, entityType: 'Claim', entityId: c.id, requestId: meta.requestId,
        changes: { number: c.number, status: { from: c.status, to: status }, ...first.data, ...(words ? { note: words } : {}), at: now.toISOString() } as Prisma.InputJsonValue,
      });
      const company = c.buyerCompany.name;
      const settlementAmount = data.settlementAmount ?? c.settlementAmount;
      const params: Params = {
        number: c.number, contract: c.contract.number, company, kind: c.kind, note: body.note ?? '', reason: body.reason ?? '',
        party: body.responsibleParty ?? c.responsibleParty ?? 'other', settlement: (body.settlement?.kind ?? c.settlementKind) ?? 'other',
        amount: settlementAmount ? money(settlementAmount.toString(), c.currency) : money(c.amountClaimed, c.currency), reference: body.settlementReference ?? '',
        dueAt: dueAt ? beijingTime(dueAt) : '—', files: body.evidenceIds.length, proposer: (await repo.findUserName(tx, actor.userId))?.name ?? '',
      };
      let notice = notices[body.action];
      // An offer above the threshold goes to the managers first; at or below it, to the buyer.
      if (body.action === 'OFFER_SETTLEMENT') notice = status === 'PENDING_APPROVAL' ? { kind: 'claims.approvalNeeded', to: 'MANAGERS' } : { kind: 'claims.settlementOffered', to: 'BUYER' };
      if (body.action === 'CLOSE' && actor.role === 'BUYER') notice = undefined;
      if (!notice) return;
      const handler = data.handlerId ?? c.handlerId;
      const recipients: Record<typeof notice.to, () => Promise<Person[]>> = {
        BUYER: () => repo.findBuyerRecipients(tx, c.buyerCompanyId),
        HANDLER: async () => (handler ? repo.findUserRecipients(tx, [handler as string]) : repo.findStaffRecipients(tx, HANDLERS)),
        MANAGERS: () => repo.findStaffRecipients(tx, ['MANAGER'], actor.userId),
        PROPOSER: () => repo.findUserRecipients(tx, [c.settlementProposedById]),
        FINANCE_AND_HANDLER: async () => [...(await repo.findStaffRecipients(tx, ['FINANCE'])), ...(handler ? await repo.findUserRecipients(tx, [handler as string]) : [])],
      };
      await tell(tx, await recipients[notice.to](), notice.kind, params, notice.to === 'BUYER' ? buyerLink(c.id) : staffLink(c.id), now);
    });
    return toView((await repo.findClaim(prisma, c.id))!, actor);
  }

  return {
    /** What the caller may claim on a shipment, with each kind's deadline (shown before filing). */
    async filingTerms(actor: Actor, shipmentId: string): Promise<ClaimFilingTerms> {
      return (await termsOf(actor, shipmentId)).terms;
    },

    /** A complaint ticket as a claim draft (staff): the buyer's words and files, the contract and shipment it names, and the shipment's filing terms. */
    /**
     * The shipments a complaint may concern, to choose from when it names none: those that have left,
     * of its contract, or of every contract of its company when it names no contract.
     */
    async draftShipments(actor: Actor, ticketId: string): Promise<ClaimDraftShipment[]> {
      if (!isStaff(actor.role)) throw new DomainError('FORBIDDEN', 'staff turn a complaint into a claim');
      const t = await repo.findComplaint(prisma, ticketId);
      if (!t) throw new DomainError('NOT_FOUND', 'ticket not found');
      const rows = await repo.findShippedShipmentsFor(prisma, t.contractId ? { contractId: t.contractId } : { buyerCompanyId: t.buyerCompanyId });
      return rows.map((r) => ({
        id: r.id, number: r.number, contractId: r.contract.id, contractNumber: r.contract.number,
        shippedOn: r.onBoardDate ? calendarDate(r.onBoardDate) : r.atd ? calendarDate(r.atd) : null,
        arrivedOn: r.ata ? calendarDate(r.ata) : null,
      }));
    },

    async draftFromTicket(actor: Actor, ticketId: string, shipmentId?: string): Promise<ClaimDraftView> {
      const { ticket, draft } = await draftOf(actor, ticketId, shipmentId);
      const { terms } = await termsOf(actor, draft.shipmentId).catch(() => {
        throw validationError([{ field: 'shipmentId', message: 'is not a shipment of the complaint’s contract' }]);
      });
      if (terms.contract.id !== draft.contractId) throw validationError([{ field: 'shipmentId', message: 'the complaint names a shipment of another contract' }]);
      const evidence = (await repo.findAttachmentInfos(prisma, draft.evidenceAttachmentIds)).map(toAttachmentInfo);
      return { sourceTicketId: ticket.id, ticketNumber: ticket.number, contractId: draft.contractId, shipmentId: draft.shipmentId, kind: draft.kind, description: draft.description, evidence, terms };
    },

    /**
     * Files a claim: a buyer of a company that may trade, on their own contract's shipment; staff only
     * from a complaint (its words and files taken over). The shipment must have shipped (and arrived,
     * but for delay and document claims), the claim be within the period of the contract's clause, the
     * lines be the shipment's within their shipped quantities, the amount within their value, the
     * evidence photos or PDF reports. Everything at fault is named at once; nothing is written then.
     */
    async file(actor: Actor, body: z.output<typeof FileClaimBody>, meta: Meta): Promise<ClaimView> {
      let buyerCompanyId = actor.companyId;
      let description = body.description;
      let evidenceIds = body.evidenceIds;
      let ticket: { id: string; number: string } | null = null;
      if (actor.role === 'BUYER') {
        assertCompanyMayTrade(actor);
        if (body.sourceTicketId) throw validationError([{ field: 'body.sourceTicketId', message: 'is for staff: a buyer files the claim directly' }]);
      } else {
        if (!body.sourceTicketId) throw validationError([{ field: 'body.sourceTicketId', message: 'is required: staff file a claim from the buyer’s complaint' }]);
        const { ticket: t, draft } = await draftOf(actor, body.sourceTicketId, body.shipmentId).catch(inBody);
        if (draft.contractId !== body.contractId) throw validationError([{ field: 'body.contractId', message: 'must be the contract the complaint names' }]);
        if (draft.shipmentId !== body.shipmentId) throw validationError([{ field: 'body.shipmentId', message: 'must be the shipment the complaint names' }]);
        buyerCompanyId = t.buyerCompanyId;
        evidenceIds = [...new Set([...draft.evidenceAttachmentIds, ...body.evidenceIds])];
        description = body.description || draft.description;
        ticket = { id: t.id, number: t.number };
      }
      const owner = await repo.findContractOwner(prisma, body.contractId);
      if (!owner || owner.buyerCompanyId !== buyerCompanyId) throw validationError([{ field: 'body.contractId', message: 'is not a contract of your company' }]);
      const s = await repo.findShipmentForClaim(prisma, body.shipmentId);
      if (!s || s.contract.buyerCompanyId !== buyerCompanyId) throw validationError([{ field: 'body.shipmentId', message: 'is not a shipment of your company' }]);
      if (s.contractId !== body.contractId) throw validationError([{ field: 'body.shipmentId', message: 'is not a shipment of this contract' }]);
      const { terms } = await termsOf({ ...actor, role: 'CLERK' }, s.id, 'body.shipmentId');
      const today = terms.today;
      const periods = claimPeriodsFromClause(s.contract.claimsClause);
      const errors: FieldError[] = claimFilingErrors(
        { kind: body.kind, currency: body.currency, amount: body.amount, lines: body.lines },
        { currency: s.contract.currency, periods },
        { shippedOn: terms.shipment.shippedOn, arrivedOn: terms.shipment.arrivedOn, lines: s.lines.map((l) => ({ contractLineId: l.contractLine.id, quantity: l.quantity.toFixed(), unitPrice: l.contractLine.unitPrice.toFixed() })) },
        today,
      ).map((e) => ({ field: `body.${e.field}`, message: e.message }));
      if (actor.role === 'BUYER') errors.push(...(await evidenceErrors(buyerCompanyId, evidenceIds, 'body.evidenceIds', 0)));
      else {
        const own = body.evidenceIds.length ? await evidenceErrors(buyerCompanyId, body.evidenceIds, 'body.evidenceIds', 0) : [];
        errors.push(...own);
      }
      if (errors.length > 0) throw validationError(errors);
      const now = clock.now();
      const timer = startTimer(now);
      const deadline = claimDeadline(body.kind, terms.shipment.arrivedOn, periods);
      const id = await prisma.$transaction(async (tx) => {
        const number = await nextDocumentNumber(tx, 'CLM', now);
        const { id } = await repo.createClaim(tx, {
          number, contractId: body.contractId, shipmentId: body.shipmentId, buyerCompanyId, kind: body.kind, status: 'FILED', description, amountClaimed: new Dec(body.amount).toFixed(2), currency: body.currency,
          periodEndsOn: deadline ? midnightUtc(deadline.deadline) : null, sourceTicketId: ticket?.id ?? null, responseTimer: storeTimer(timer) as Prisma.InputJsonValue,
          filedById: actor.userId, handlerId: actor.role === 'BUYER' ? null : actor.userId, filedAt: now, updatedAt: now,
        });
        await repo.createClaimLines(tx, body.lines.map((l) => ({ claimId: id, contractLineId: l.contractLineId, quantity: l.quantity, batchNo: l.batchNo ?? null })));
        if (evidenceIds.length > 0) await repo.createEvidence(tx, evidenceIds.map((attachmentId) => ({ claimId: id, attachmentId, addedById: actor.userId, addedAt: now })));
        const dueAt = claimResponseState(timer, DEFAULT_CLAIM_RESPONSE_HOURS, hours, now).dueAt!;
        await repo.createEvent(tx, {
          claimId: id, action: 'FILE', fromStatus: null, toStatus: 'FILED', note: ticket ? ticket.number : null, internal: false,
          data: { evidence: evidenceIds, responseDueAt: dueAt.toISOString() }, actorId: actor.userId, createdAt: now,
        });
        await recordAudit(tx, {
          actorId: actor.userId, companyId: buyerCompanyId, action: 'claim.file', entityType: 'Claim', entityId: id, requestId: meta.requestId,
          changes: { number, kind: body.kind, contractId: body.contractId, shipmentId: body.shipmentId, amount: money(body.amount, body.currency), lines: body.lines, evidenceIds, sourceTicketId: ticket?.id ?? null },
        });
        const company = (await repo.findCompanyName(tx, buyerCompanyId)).name;
        const params = { number, company, kind: body.kind, contract: s.contract.number, amount: money(body.amount, body.currency), dueAt: beijingTime(dueAt), ticket: ticket?.number ?? '' };
        await tell(tx, await repo.findStaffRecipients(tx, HANDLERS, actor.role === 'BUYER' ? undefined : actor.userId), 'claims.filed', params, staffLink(id), now);
        if (ticket) await tell(tx, await repo.findBuyerRecipients(tx, buyerCompanyId), 'claims.filedForYou', params, buyerLink(id), now);
        return id;
      });
      return toView((await repo.findClaim(prisma, id))!, actor);
    },

    /** Claims newest first: a buyer's own company's, all for staff; by status, open or finished, contract or shipment. */
    async list(actor: Actor, query: z.output<typeof ClaimListQuery>): Promise<ClaimSummary[]> {
      const finished: ClaimStatus[] = ['SETTLED', 'REJECTED', 'CLOSED'];
      const statuses = query.open === 'true' ? OPEN_CLAIM_STATUSES : query.open === 'false' ? finished : undefined;
      const now = clock.now();
      return (await repo.listClaims(prisma, { buyerCompanyId: companyScope(actor), status: query.status, statuses, contractId: query.contractId, shipmentId: query.shipmentId })).map((c) => toSummary(c, now));
    },

    /** One claim with its lines, evidence, timeline (internal notes for staff only) and the caller's possible steps. */
    async get(actor: Actor, id: string): Promise<ClaimView> {
      return toView(await load(actor, id), actor);
    },

    /** A step of the workflow (see act). */
    step: act,

    /** A staff-only note on the claim's timeline: never shown or sent to the buyer. */
    async note(actor: Actor, id: string, body: z.output<typeof ClaimNoteBody>, meta: Meta): Promise<ClaimView> {
      const c = await load(actor, id);
      if (c.status === 'CLOSED') throw new DomainError('CONFLICT', 'a closed claim takes no more notes');
      const now = clock.now();
      await prisma.$transaction(async (tx) => {
        const e = await repo.createEvent(tx, { claimId: c.id, action: 'NOTE', fromStatus: c.status, toStatus: c.status, note: body.body, internal: true, data: {}, actorId: actor.userId, createdAt: now });
        await tx.claim.update({ where: { id: c.id }, data: { updatedAt: now }, select: { id: true } });
        await recordAudit(tx, { actorId: actor.userId, companyId: c.buyerCompanyId, action: 'claim.note', entityType: 'Claim', entityId: c.id, requestId: meta.requestId, changes: { number: c.number, eventId: e.id } });
      });
      return toView((await repo.findClaim(prisma, c.id))!, actor);
    },

    /**
     * Finance deducts an open credit note from a later contract of the same customer: the note is no
     * longer open against them; the step is on the timeline, audited, and the buyer told.
     */
    async useCreditNote(actor: Actor, id: string, body: z.output<typeof UseCreditNoteBody>, meta: Meta): Promise<ClaimView> {
      const c = await load(actor, id);
      if (c.settlementKind !== 'CREDIT_NOTE' || !['SETTLED', 'CLOSED'].includes(c.status)) throw new DomainError('CONFLICT', 'only a recorded credit note is used against a later contract');
      if (c.creditNoteUsedAt) throw new DomainError('CONFLICT', 'this credit note has been used already');
      const target = await repo.findContractByNumber(prisma, body.contractNumber);
      if (!target || target.buyerCompanyId !== c.buyerCompanyId) throw validationError([{ field: 'body.contractNumber', message: `is not a contract of ${c.buyerCompany.name}` }]);
      if (target.id === c.contractId || target.status === 'CANCELLED') throw validationError([{ field: 'body.contractNumber', message: 'must be a later, live contract: not the claimed one, not cancelled' }]);
      const now = clock.now();
      await prisma.$transaction(async (tx) => {
        if (!(await repo.updateClaimIf(tx, c.id, c.status, { creditNoteUsedAt: now, updatedAt: now }))) throw new DomainError('CONFLICT', 'the claim changed meanwhile; reload it and try again');
        await repo.createEvent(tx, { claimId: c.id, action: 'USE_CREDIT_NOTE', fromStatus: c.status, toStatus: c.status, note: null, internal: false, data: { usedOn: target.number, contractId: target.id }, actorId: actor.userId, createdAt: now });
        await recordAudit(tx, {
          actorId: actor.userId, companyId: c.buyerCompanyId, action: 'claim.use_credit_note', entityType: 'Claim', entityId: c.id, requestId: meta.requestId,
          changes: { number: c.number, creditNote: c.settlementReference, amount: money(c.settlementAmount!, c.currency), contractId: target.id, contract: target.number },
        });
        await tell(tx, await repo.findBuyerRecipients(tx, c.buyerCompanyId), 'claims.creditNoteUsed', { number: c.number, reference: c.settlementReference ?? '', amount: money(c.settlementAmount!, c.currency), contract: target.number }, buyerLink(c.id), now);
      });
      return toView((await repo.findClaim(prisma, c.id))!, actor);
    },

    /** Claims' money per customer for finance: accepted settlements to pay, payouts made, credit notes open. */
    async financeFigures(): Promise<ClaimCustomerFigures[]> {
      const rows = await repo.listSettlementFacts(prisma);
      const names = new Map(rows.map((r) => [r.buyerCompanyId, r.buyerCompany]));
      const figures = claimFinanceFigures(
        rows.map((r) => ({
          buyerCompanyId: r.buyerCompanyId, status: r.status, currency: r.currency, settlementKind: r.settlementKind, settlementAmount: r.settlementAmount?.toFixed(2) ?? null,
          creditNoteUsed: r.creditNoteUsedAt !== null, paid: r.paidAt !== null,
        })),
      );
      return [...figures.entries()].map(([id, f]) => ({ buyerCompany: names.get(id)!, ...f })).sort((a, b) => a.buyerCompany.name.localeCompare(b.buyerCompany.name));
    },

    /** Finance's approval thresholds per currency. */
    async settings(): Promise<ClaimSettings> {
      return { approvalThresholds: await thresholds() };
    },

    /** Finance sets the approval thresholds (audited, before and after). */
    async updateSettings(actor: Actor, next: ClaimSettings, meta: Meta): Promise<ClaimSettings> {
      const before = await thresholds();
      const cleaned = Object.fromEntries(Object.entries(next.approvalThresholds).map(([cur, v]) => {
        if (new Dec(v).lt(0)) throw validationError([{ field: `body.approvalThresholds.${cur}`, message: 'must not be negative' }]);
        return [cur, new Dec(v).toFixed(currencyScale(cur))];
      }));
      await prisma.$transaction(async (tx) => {
        await writeSetting(tx, THRESHOLDS_KEY, cleaned);
        await recordAudit(tx, { actorId: actor.userId, action: 'claims.settings.update', entityType: 'Setting', entityId: THRESHOLDS_KEY, changes: { from: before, to: cleaned }, requestId: meta.requestId });
      });
      return { approvalThresholds: cleaned };
    },
  };
}

export type ClaimsService = ReturnType<typeof createClaimsService>;
