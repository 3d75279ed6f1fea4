import type { ContractListQuery, ContractSummary, ProposeAmendmentBody, SalesContractView, z } from '@portal/schemas';
import {
  DomainError, assertCompanyMayTrade, MAX_PRESENTATION_DAYS, amendableTerms, amendmentChanges, assertAmendedShipmentDate, assertCanConfirmAmendment, assertCanConfirmContract, assertCanProposeAmendment,
  assertVisibleTo, calendarDate, companyScope, contractTermsFrom, currencyScale, midnightUtc, type Actor, type AmendmentChange, type Instalment,
} from '@portal/domain';
import type { Prisma, PrismaClient } from '@portal/db';
import type { MailAttachment } from '@portal/mail';
import { recordAudit } from '../../infra/audit.repository.ts';
import type { Clock } from '../../infra/clock.ts';
import { calendarDay } from '../../infra/messages.ts';
import { notifyAndMail } from '../../infra/notify.ts';
import { amendmentChangesIn, contractMessages } from './sales-contracts.messages.ts';
import { nextDocumentNumber } from '../../infra/numbering.ts';
import { findBuyerUsers, findHandlers } from '../../infra/recipients.repository.ts';
import type { Db } from '../../infra/tx.ts';
import { findExporter } from '../companies/companies.repository.ts';
import { contractDocument, renderContractPdf } from './sales-contract-pdf.ts';
import { toContractSummary, toContractView } from './sales-contract.mappers.ts';
import type { ScheduleService } from '../payments/schedule.service.ts';
import * as repo from './sales-contracts.repository.ts';

type Meta = { requestId?: string };

/** What issuing a contract takes from the accepted revision and its PI. */
export type AcceptedRevision = {
  id: string;
  revisionNo: number;
  currency: string;
  totalAmount: Prisma.Decimal;
  incoterm: Prisma.SalesContractUncheckedCreateInput['incoterm'];
  namedPlace: string;
  portOfLoadingCode: string | null;
  portOfDischargeCode: string | null;
  shipmentDate: Date | null;
  leadTimeDays: number;
  packing: string | null;
  shippingMarks: string | null;
  specialTerms: string | null;
  paymentMethod: Prisma.SalesContractUncheckedCreateInput['paymentMethod'];
  paymentTerms: unknown;
  paymentTermsText: string;
  lines: { lineNo: number; productId: string | null; description: string; quantity: Prisma.Decimal; unit: string; unitPrice: Prisma.Decimal; amount: Prisma.Decimal; notes: string | null; shipmentDate: Date | null }[];
  quote: { id: string; number: string; buyerCompanyId: string; buyerCompanyName: string; inquiryId: string; assignedClerkId: string | null };
};

/** The terms an amendment may change, as the contract holds them now. */
function amendableValues(c: repo.ContractRow): Record<string, unknown> {
  return {
    latestShipmentDate: calendarDate(c.latestShipmentDate), portOfLoadingCode: c.portOfLoadingCode, portOfDischargeCode: c.portOfDischargeCode,
    partialShipmentAllowed: c.partialShipmentAllowed, transhipmentAllowed: c.transhipmentAllowed, packing: c.packing, shippingMarks: c.shippingMarks,
    specialTerms: c.specialTerms, inspection: c.inspection, insurance: c.insurance, claimsClause: c.claimsClause,
  };
}

const pdfAttachment = (pdf: { fileName: string; content: Buffer }): MailAttachment => ({ filename: pdf.fileName, contentType: 'application/pdf', contentBase64: pdf.content.toString('base64') });

/** Sales contracts: issued from an accepted revision (by the negotiation), confirmed by the buyer, amended by numbered amendments. */
export function createSalesContractsService(deps: { prisma: PrismaClient; clock: Clock; publicUrl: string; schedule?: Pick<ScheduleService, 'refreshSchedule'> }) {
  const { prisma, clock, publicUrl } = deps;
  const today = () => calendarDate(clock.now());

  /** A contract the caller may see; another company's is not found. */
  async function load(actor: Actor, id: string): Promise<repo.ContractRow> {
    const c = await repo.findContract(prisma, id);
    if (!c) throw new DomainError('NOT_FOUND', 'contract not found');
    assertVisibleTo(actor, c.buyerCompanyId, 'contract');
    return c;
  }

  async function portsOf(codes: (string | null)[], db: Db = prisma) {
    return new Map((await repo.findPorts(db, codes.filter((c): c is string => Boolean(c)))).map((p) => [p.code, p]));
  }

  /** The contract as the API shows it; `db` is the open transaction when called inside one. */
  async function toView(c: repo.ContractRow, db: Db = prisma): Promise<SalesContractView> {
    return toContractView(c, await portsOf([c.portOfLoadingCode, c.portOfDischargeCode], db));
  }

  async function pdfOf(c: repo.ContractRow, db: Db = prisma): Promise<{ fileName: string; content: Buffer }> {
    const { fileName, document } = contractDocument(await toView(c, db));
    return { fileName, content: await renderContractPdf(document) };
  }

  /** The contract as it is now, read after a change. */
  const current = async (id: string) => toView((await repo.findContract(prisma, id))!);

  return {
    load,
    current,

    /**
     * Issues the sales contract of an accepted revision, inside the accepting transaction: numbered,
     * its terms from the revision, audited, and told to both sides (the buyer's users get its PDF).
     */
    async issue(tx: Db, actor: Actor, rev: AcceptedRevision, meta: Meta): Promise<{ id: string; number: string }> {
      const exporter = await findExporter(tx);
      if (!exporter) throw new DomainError('CONFLICT', 'the exporter company is not set up');
      const now = clock.now();
      const scale = currencyScale(rev.currency);
      const terms = contractTermsFrom({
        incoterm: rev.incoterm, shipmentDate: rev.shipmentDate ? calendarDate(rev.shipmentDate) : null, leadTimeDays: rev.leadTimeDays, packing: rev.packing,
        shippingMarks: rev.shippingMarks, specialTerms: rev.specialTerms, lineShipmentDates: rev.lines.map((l) => (l.shipmentDate ? calendarDate(l.shipmentDate) : null)),
      }, today());
      const instalments = rev.paymentTerms as Instalment[];
      const number = await nextDocumentNumber(tx, 'SC', now);
      const { id } = await repo.createContract(tx, {
        number, quoteRevisionId: rev.id, inquiryId: rev.quote.inquiryId, buyerCompanyId: rev.quote.buyerCompanyId, sellerCompanyId: exporter.id,
        status: 'ISSUED', currency: rev.currency, totalAmount: rev.totalAmount, incoterm: rev.incoterm, namedPlace: rev.namedPlace,
        portOfLoadingCode: rev.portOfLoadingCode, portOfDischargeCode: rev.portOfDischargeCode, latestShipmentDate: midnightUtc(terms.latestShipmentDate),
        partialShipmentAllowed: terms.partialShipmentAllowed, transhipmentAllowed: terms.transhipmentAllowed, packing: terms.packing,
        shippingMarks: terms.shippingMarks, specialTerms: terms.specialTerms, leadTimeDays: rev.leadTimeDays, inspection: terms.inspection, insurance: terms.insurance, claimsClause: terms.claimsClause,
        paymentMethod: rev.paymentMethod, paymentTermsText: rev.paymentTermsText,
        ...(instalments.some((i) => i.method === 'LC') ? { lcPresentationDays: MAX_PRESENTATION_DAYS } : {}),
        issuedAt: now,
        lines: {
          create: rev.lines.map((l) => ({
            lineNo: l.lineNo, productId: l.productId, description: l.description, quantity: l.quantity, unit: l.unit, unitPrice: l.unitPrice, amount: l.amount,
            notes: l.notes, shipmentDate: l.shipmentDate,
          })),
        },
        paymentTerms: { create: instalments.map((i, n) => ({ seq: n + 1, method: i.method, percent: i.percent, trigger: i.trigger, days: i.days ?? 0 })) },
      });
      const q = rev.quote;
      await recordAudit(tx, {
        actorId: actor.userId, companyId: q.buyerCompanyId, action: 'contract.issue', entityType: 'SalesContract', entityId: id, requestId: meta.requestId,
        changes: { number, quoteId: q.id, revisionNo: rev.revisionNo, total: rev.totalAmount.toFixed(scale), currency: rev.currency, latestShipmentDate: terms.latestShipmentDate },
      });
      // The PDF is rendered from what this transaction wrote, and mailed with it through the outbox.
      const pdf = await pdfOf((await repo.findContract(tx, id))!, tx);
      const total = { amount: rev.totalAmount.toFixed(scale), currency: rev.currency };
      const ctx = { publicUrl, now };
      const facts = { number, quoteNumber: q.number, revisionNo: rev.revisionNo, total, incoterm: rev.incoterm, namedPlace: rev.namedPlace };
      await notifyAndMail(tx, await findBuyerUsers(tx, q.buyerCompanyId), contractMessages, {
        kind: 'contract.issued', link: `/portal/contracts/${id}`,
        params: { ...facts, latestShipmentDate: calendarDay(terms.latestShipmentDate), paymentTerms: rev.paymentTermsText },
        attachments: [pdfAttachment(pdf)],
      }, ctx);
      await notifyAndMail(tx, await findHandlers(tx, q.assignedClerkId), contractMessages, {
        kind: 'contract.issued.staff', as: 'contract.issued', link: `/staff/contracts/${id}`, params: { ...facts, buyer: q.buyerCompanyName },
      }, ctx);
      return { id, number };
    },

    /** The contract issued from a revision, if any, as the caller may see it (another company's: not found). */
    async ofRevision(actor: Actor, revisionId: string): Promise<SalesContractView | null> {
      const existing = await repo.findContractOfRevision(prisma, revisionId);
      if (!existing) return null;
      assertVisibleTo(actor, existing.buyerCompanyId, 'revision');
      return toView(existing);
    },

    /** Contracts, newest first: a buyer's own company's; all for staff. */
    async list(actor: Actor, query: z.output<typeof ContractListQuery>): Promise<ContractSummary[]> {
      return (await repo.listContracts(prisma, { buyerCompanyId: companyScope(actor), status: query.status })).map(toContractSummary);
    },

    /** One contract with its lines, terms and amendments (buyers: their own company's). */
    async get(actor: Actor, id: string): Promise<SalesContractView> {
      return toView(await load(actor, id));
    },

    /** The sales confirmation as PDF. */
    async pdf(actor: Actor, id: string): Promise<{ fileName: string; content: Buffer }> {
      return pdfOf(await load(actor, id));
    },

    /** The buyer confirms an issued contract. */
    async confirm(actor: Actor, id: string, meta: Meta): Promise<SalesContractView> {
      assertCompanyMayTrade(actor);
      const c = await load(actor, id);
      assertCanConfirmContract(c.status);
      const now = clock.now();
      await prisma.$transaction(async (tx) => {
        if (!(await repo.confirmContract(tx, c.id, { confirmedById: actor.userId, confirmedAt: now }))) throw new DomainError('CONFLICT', 'the contract has already been confirmed');
        await recordAudit(tx, {
          actorId: actor.userId, companyId: c.buyerCompanyId, action: 'contract.confirm', entityType: 'SalesContract', entityId: c.id, requestId: meta.requestId,
          changes: { number: c.number, status: { from: 'ISSUED', to: 'CONFIRMED' }, at: now.toISOString() },
        });
        // The payment schedule becomes binding with the confirmation (the deposit falls due from today).
        await deps.schedule?.refreshSchedule(tx, c.id, actor.userId);
        await notifyAndMail(tx, await findHandlers(tx, c.inquiry.assignedClerkId), contractMessages, {
          kind: 'contract.confirmed', link: `/staff/contracts/${c.id}`, params: { buyer: c.buyerCompany.name, number: c.number },
        }, { publicUrl, now });
      });
      return current(c.id);
    },

    /** Staff propose a numbered amendment; it takes effect when the buyer confirms it. */
    async proposeAmendment(actor: Actor, id: string, body: z.output<typeof ProposeAmendmentBody>, meta: Meta): Promise<SalesContractView> {
      const c = await load(actor, id);
      assertCanProposeAmendment(c);
      const changes = amendmentChanges(amendableValues(c), body.changes);
      const codes = [body.changes.portOfLoadingCode, body.changes.portOfDischargeCode].filter((x): x is string => Boolean(x));
      const known = await portsOf(codes);
      const bad = codes.filter((code) => !known.has(code));
      if (bad.length) throw new DomainError('VALIDATION', 'unknown port', bad.map((code) => ({ field: body.changes.portOfLoadingCode === code ? 'body.changes.portOfLoadingCode' : 'body.changes.portOfDischargeCode', message: 'is not a known port' })));
      assertAmendedShipmentDate(body.changes, today());
      const now = clock.now();
      await prisma.$transaction(async (tx) => {
        const number = ((await repo.lastAmendmentNumber(tx, c.id))._max.number ?? 0) + 1;
        const a = await repo.createAmendment(tx, { contractId: c.id, number, reason: body.reason, changes: changes as Prisma.InputJsonValue, proposedById: actor.userId, proposedAt: now });
        await recordAudit(tx, {
          actorId: actor.userId, companyId: c.buyerCompanyId, action: 'contract.amendment.propose', entityType: 'ContractAmendment', entityId: a.id, requestId: meta.requestId,
          changes: { contractId: c.id, number: c.number, amendment: number, reason: body.reason, changes: changes as Prisma.InputJsonValue },
        });
        await notifyAndMail(tx, await findBuyerUsers(tx, c.buyerCompanyId), contractMessages, {
          kind: 'contract.amendment', link: `/portal/contracts/${c.id}`,
          params: { amendmentNo: number, number: c.number, reason: body.reason, changes: (lang) => amendmentChangesIn(changes, lang) },
        }, { publicUrl, now });
      });
      return current(c.id);
    },

    /** The buyer confirms a proposed amendment: its changes apply to the contract, whose amendment number rises. */
    async confirmAmendment(actor: Actor, id: string, number: number, meta: Meta): Promise<SalesContractView> {
      assertCompanyMayTrade(actor);
      const c = await load(actor, id);
      const a = c.amendments.find((x) => x.number === number);
      if (!a) throw new DomainError('NOT_FOUND', 'amendment not found');
      assertCanConfirmAmendment(a, c.status);
      const now = clock.now();
      const changes = a.changes as AmendmentChange[];
      const data: Record<string, unknown> = {};
      for (const ch of changes) {
        if (!(amendableTerms as readonly string[]).includes(ch.field)) continue;
        data[ch.field] = ch.field === 'latestShipmentDate' ? midnightUtc(String(ch.to)) : ch.to;
      }
      await prisma.$transaction(async (tx) => {
        if (!(await repo.confirmAmendment(tx, a.id, { confirmedById: actor.userId, respondedAt: now }))) throw new DomainError('CONFLICT', `amendment ${number} was answered meanwhile`);
        await repo.updateContract(tx, c.id, { ...data, amendmentNo: number });
        await deps.schedule?.refreshSchedule(tx, c.id, actor.userId);
        await recordAudit(tx, {
          actorId: actor.userId, companyId: c.buyerCompanyId, action: 'contract.amendment.confirm', entityType: 'SalesContract', entityId: c.id, requestId: meta.requestId,
          changes: { number: c.number, amendment: number, amendmentNo: { from: c.amendmentNo, to: number }, changes: changes as Prisma.InputJsonValue },
        });
        await notifyAndMail(tx, await findHandlers(tx, c.inquiry.assignedClerkId), contractMessages, {
          kind: 'contract.amendment.confirmed', link: `/staff/contracts/${c.id}`, params: { buyer: c.buyerCompany.name, amendmentNo: number, number: c.number, reason: a.reason },
        }, { publicUrl, now });
      });
      return current(c.id);
    },
  };
}

export type SalesContractsService = ReturnType<typeof createSalesContractsService>;
