import type { ContractListQuery, ContractSummary, LetterOfCreditView, ProposeAmendmentBody, RecordLetterOfCreditBody, ReviewLetterOfCreditBody, SalesContractView, z } from '@portal/schemas';
import {
  DomainError, assertCompanyMayTrade, amendmentChanges, assertCanAccept, assertCanAmend, assertCanConfirmContract, assertVisibleTo, calendarDate, companyScope,
  assertLcDates, contractTermsFrom, currencyScale, instalmentAmounts, isSent, lcDiscrepancies, lcShare, type Actor, type AmendmentChange, type Instalment,
} from '@portal/domain';
import { Prisma, type PrismaClient } from '@portal/db';
import type { MailAttachment } from '@portal/mail';
import { recordAudit } from '../../infra/audit.repository.ts';
import type { Db } from '../../infra/tx.ts';
import type { Clock } from '../../infra/clock.ts';
import { nextDocumentNumber } from '../../infra/numbering.ts';
import { notifyAndMail } from '../negotiation/notify.ts';
import * as quotesRepo from '../quotes/quotes.repository.ts';
import { renderContractPdf, type ContractDocument } from './contract-pdf.ts';
import * as repo from './contracts.repository.ts';

type Meta = { requestId?: string };
type Party = repo.ContractRow['buyerCompany'];

const dateOnly = (d: Date) => d.toISOString().slice(0, 10);
const asDate = (d: string) => new Date(`${d}T00:00:00Z`);
const isUniqueViolation = (err: unknown) => err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002';
const methodNames: Record<string, string> = { TT: 'T/T', LC: 'L/C', DP: 'D/P', DA: 'D/A', OA: 'O/A' };

/** Paid (at least in part) by letter of credit: the main method, or any instalment. */
const paidByLc = (c: Pick<repo.ContractRow, 'paymentMethod' | 'paymentTerms'>) => c.paymentMethod === 'LC' || c.paymentTerms.some((p) => p.method === 'LC');

/** The credit as both sides see it, checked against the contract once the buyer has recorded it. */
function lcView(c: repo.ContractRow, total: string): LetterOfCreditView {
  const contract = { currency: c.currency, total, paymentTerms: c.paymentTerms.map((p) => ({ method: p.method, percent: p.percent.toFixed() })), latestShipmentDate: dateOnly(c.latestShipmentDate) };
  const recorded = c.lcAmount && c.lcCurrency && c.lcExpiryDate;
  const amount = c.lcAmount && c.lcCurrency ? { amount: c.lcAmount.toFixed(currencyScale(c.lcCurrency)), currency: c.lcCurrency } : null;
  return {
    status: c.lcStatus, number: c.lcNumber, issuingBank: c.lcIssuingBank, issuingBankBic: c.lcIssuingBankBic,
    issueDate: c.lcIssueDate ? dateOnly(c.lcIssueDate) : null, expiryDate: c.lcExpiryDate ? dateOnly(c.lcExpiryDate) : null,
    latestShipmentDate: c.lcLatestShipmentDate ? dateOnly(c.lcLatestShipmentDate) : null, presentationDays: c.lcPresentationDays,
    amount, requiredAmount: { amount: lcShare(contract), currency: c.currency },
    discrepancies: recorded
      ? lcDiscrepancies(contract, {
        amount: c.lcAmount!.toFixed(), currency: c.lcCurrency!, expiryDate: dateOnly(c.lcExpiryDate!), presentationDays: c.lcPresentationDays ?? 21,
        latestShipmentDate: c.lcLatestShipmentDate ? dateOnly(c.lcLatestShipmentDate) : null,
      })
      : [],
    reviewNote: c.lcReviewNote, reviewedAt: c.lcReviewedAt?.toISOString() ?? null, reviewedBy: c.lcReviewedBy?.name ?? null,
  };
}

/** Thrown inside the accept transaction when another accept moved the revision first: rolls back, then answered outside. */
class LostRace extends Error {}

/** The terms an amendment may change, and how each is read from and written to the contract. */
const amendable = ['latestShipmentDate', 'portOfLoadingCode', 'portOfDischargeCode', 'partialShipmentAllowed', 'transhipmentAllowed', 'packing', 'shippingMarks', 'inspection', 'insurance', 'claimsClause'] as const;
function amendableValues(c: repo.ContractRow): Record<string, unknown> {
  return {
    latestShipmentDate: dateOnly(c.latestShipmentDate), portOfLoadingCode: c.portOfLoadingCode, portOfDischargeCode: c.portOfDischargeCode,
    partialShipmentAllowed: c.partialShipmentAllowed, transhipmentAllowed: c.transhipmentAllowed, packing: c.packing, shippingMarks: c.shippingMarks,
    inspection: c.inspection, insurance: c.insurance, claimsClause: c.claimsClause,
  };
}

/** Sales contracts: made when a buyer accepts a revision (exactly once), confirmed by the buyer, amended by numbered amendments. */
export function createContractsService(deps: { prisma: PrismaClient; clock: Clock; publicUrl: string }) {
  const { prisma, clock, publicUrl } = deps;
  const today = () => calendarDate(clock.now());

  async function load(actor: Actor, id: string): Promise<repo.ContractRow> {
    const c = await repo.findContract(prisma, id);
    if (!c) throw new DomainError('NOT_FOUND', 'contract not found');
    assertVisibleTo(actor, c.buyerCompanyId, 'contract');
    return c;
  }

  async function portsOf(codes: (string | null)[], db: Db = prisma) {
    return new Map((await repo.findPorts(db, codes.filter((c): c is string => Boolean(c)))).map((p) => [p.code, p]));
  }

  const addressOf = (p: Party) => [p.addressLine1, p.addressLine2, [p.postalCode, p.city].filter(Boolean).join(' ')].filter((l): l is string => Boolean(l));
  const countryName = new Intl.DisplayNames(['en'], { type: 'region' });
  const partyView = (p: Party) => ({ id: p.id, name: p.name, addressLines: addressOf(p), country: countryName.of(p.country) ?? p.country, taxId: p.taxId, phone: p.phone });

  /** The contract as the API shows it; `db` is the open transaction when called inside one. */
  async function toView(c: repo.ContractRow, db: Db = prisma): Promise<SalesContractView> {
    const scale = currencyScale(c.currency);
    const ports = await portsOf([c.portOfLoadingCode, c.portOfDischargeCode], db);
    const port = (code: string | null) => (code ? { code, name: ports.get(code)?.name ?? code } : null);
    const total = c.totalAmount.toFixed(scale);
    const amounts = instalmentAmounts(total, c.paymentTerms.map((p) => p.percent.toFixed()), scale);
    const money = (amount: string) => ({ amount, currency: c.currency });
    return {
      id: c.id,
      number: c.number,
      status: c.status,
      quote: { id: c.quoteRevision.quote.id, number: c.quoteRevision.quote.number, revisionNo: c.quoteRevision.revisionNo },
      inquiry: { id: c.inquiry.id, number: c.inquiry.number },
      seller: partyView(c.sellerCompany),
      buyer: partyView(c.buyerCompany),
      currency: c.currency,
      total: money(total),
      lines: c.lines.map((l) => ({
        lineNo: l.lineNo, productId: l.productId, description: l.description, quantity: l.quantity.toFixed(), unit: l.unit,
        unitPrice: money(l.unitPrice.toFixed(4)), amount: money(l.amount.toFixed(scale)),
      })),
      incoterm: c.incoterm,
      namedPlace: c.namedPlace,
      portOfLoading: port(c.portOfLoadingCode),
      portOfDischarge: port(c.portOfDischargeCode),
      latestShipmentDate: dateOnly(c.latestShipmentDate),
      partialShipmentAllowed: c.partialShipmentAllowed,
      transhipmentAllowed: c.transhipmentAllowed,
      packing: c.packing,
      shippingMarks: c.shippingMarks,
      inspection: c.inspection,
      insurance: c.insurance,
      claimsClause: c.claimsClause,
      paymentMethod: c.paymentMethod,
      paymentTermsText: c.paymentTermsText,
      paymentTerms: c.paymentTerms.map((p, i) => ({ seq: p.seq, method: p.method, percent: p.percent.toFixed(), trigger: p.trigger, days: p.days, amount: money(amounts[i]!) })),
      lc: paidByLc(c) ? lcView(c, total) : null,
      amendmentNo: c.amendmentNo,
      amendments: c.amendments.map((a) => ({
        number: a.number, status: a.status, reason: a.reason, changes: a.changes as AmendmentChange[], proposedBy: a.proposedBy.name,
        proposedAt: a.proposedAt.toISOString(), confirmedBy: a.confirmedBy?.name ?? null, respondedAt: a.respondedAt?.toISOString() ?? null,
      })),
      issuedAt: c.issuedAt.toISOString(),
      confirmedAt: c.confirmedAt?.toISOString() ?? null,
      confirmedBy: c.confirmedBy?.name ?? null,
      pdfUrl: `/api/contracts/${c.id}/pdf`,
    };
  }

  /** The L/C clause of the PDF: the credit as recorded, else what the buyer is to open. */
  function lcClause(lc: LetterOfCreditView): string {
    const days = `documents to be presented within ${lc.presentationDays ?? 21} days after shipment`;
    if (!lc.status || !lc.number) return `Irrevocable documentary credit subject to UCP 600, to be opened by the Buyer for ${lc.requiredAmount.currency} ${lc.requiredAmount.amount}; ${days}.`;
    const bank = `${lc.issuingBank}${lc.issuingBankBic ? ` (BIC ${lc.issuingBankBic})` : ''}`;
    return `Irrevocable documentary credit No. ${lc.number}, issued by ${bank} on ${lc.issueDate}, for ${lc.amount?.currency} ${lc.amount?.amount}, expiring ${lc.expiryDate}, latest shipment ${lc.latestShipmentDate}, subject to UCP 600; ${days}.`;
  }

  async function pdfOf(c: repo.ContractRow, db: Db = prisma): Promise<{ fileName: string; content: Buffer }> {
    const v = await toView(c, db);
    const portText = (p: { code: string; name: string } | null) => (p ? `${p.name} (${p.code})` : 'any port at the Seller’s option');
    const terms: [string, string][] = [
      ['Price term', `${v.incoterm} ${v.namedPlace}, Incoterms® 2020, in ${v.currency}`],
      ['Port of loading', portText(v.portOfLoading)],
      ['Port of destination', portText(v.portOfDischarge)],
      ['Time of shipment', `Not later than ${v.latestShipmentDate}`],
      ['Partial shipment', v.partialShipmentAllowed ? 'Allowed' : 'Not allowed'],
      ['Transhipment', v.transhipmentAllowed ? 'Allowed' : 'Not allowed'],
      ['Packing', v.packing ?? 'Standard export cartons'],
      ['Shipping marks', v.shippingMarks ?? 'At the Seller’s option'],
      ['Inspection', v.inspection ?? 'By the manufacturer before shipment'],
      ['Insurance', v.insurance ?? 'To be covered by the Buyer'],
      ['Payment', `${v.paymentTermsText}. ${v.paymentTerms.map((p) => `${methodNames[p.method]} ${p.percent}%: ${v.currency} ${p.amount.amount}`).join('; ')}`],
      ...(v.lc ? [['Letter of credit', lcClause(v.lc)] as [string, string]] : []),
      ['Claims', v.claimsClause ?? ''],
      ['Force majeure', 'The Seller shall not be liable for failure or delay in delivery caused by force majeure; it shall inform the Buyer without delay and provide evidence.'],
      ['Arbitration', 'Disputes shall be settled amicably; failing that, by arbitration at the China International Economic and Trade Arbitration Commission (CIETAC), whose award is final and binding on both parties.'],
      ...(v.amendments.filter((a) => a.status === 'CONFIRMED').map((a) => [`Amendment ${a.number}`, `${a.reason} (${a.changes.map((ch) => `${ch.field}: ${String(ch.from)} → ${String(ch.to)}`).join('; ')})`] as [string, string])),
    ];
    const doc: ContractDocument = {
      number: v.number,
      amendmentNo: v.amendmentNo,
      date: dateOnly(c.issuedAt),
      quoteReference: `${v.quote.number} rev. ${v.quote.revisionNo}`,
      seller: { name: v.seller.name, addressLines: v.seller.addressLines, country: v.seller.country, taxId: v.seller.taxId, phone: v.seller.phone },
      buyer: { name: v.buyer.name, addressLines: v.buyer.addressLines, country: v.buyer.country, taxId: v.buyer.taxId, phone: v.buyer.phone },
      currency: v.currency,
      lines: v.lines.map((l) => ({ no: l.lineNo, description: l.description, quantity: l.quantity, unit: l.unit, unitPrice: l.unitPrice.amount, amount: l.amount.amount })),
      total: v.total.amount,
      terms,
      confirmed: v.confirmedAt && v.confirmedBy ? { by: v.confirmedBy, at: v.confirmedAt.slice(0, 10) } : null,
    };
    const suffix = v.amendmentNo > 0 ? `-A${v.amendmentNo}` : '';
    return { fileName: `${v.number}${suffix}.pdf`, content: await renderContractPdf(doc) };
  }

  const pdfAttachment = (pdf: { fileName: string; content: Buffer }): MailAttachment => ({ filename: pdf.fileName, contentType: 'application/pdf', contentBase64: pdf.content.toString('base64') });

  /** The answer to an accept that found the revision already accepted: the contract, if this company's; else why not. */
  async function existingOrConflict(actor: Actor, revisionId: string): Promise<SalesContractView> {
    const existing = await repo.findContractOfRevision(prisma, revisionId);
    if (existing) {
      assertVisibleTo(actor, existing.buyerCompanyId, 'revision');
      return toView(existing);
    }
    const rev = await quotesRepo.findRevision(prisma, revisionId);
    if (!rev) throw new DomainError('NOT_FOUND', 'revision not found');
    assertCanAccept({ revisionNo: rev.revisionNo, status: rev.status, validUntil: dateOnly(rev.validUntil) }, today());
    throw new DomainError('CONFLICT', `revision ${rev.revisionNo} was changed meanwhile; reload it`);
  }

  return {
    /**
     * A buyer accepts a sent revision: in one transaction the revision becomes ACCEPTED (only if it
     * is still SENT and valid), the sales contract is issued from it, the PI and the inquiry are
     * closed, and both sides are told. Repeating the accept answers the same contract (created: false).
     */
    async accept(actor: Actor, quoteId: string, revisionNo: number, meta: Meta): Promise<{ created: boolean; contract: SalesContractView }> {
      assertCompanyMayTrade(actor);
      const quote = await quotesRepo.findQuote(prisma, quoteId);
      if (!quote) throw new DomainError('NOT_FOUND', 'quote not found');
      assertVisibleTo(actor, quote.buyerCompanyId, 'quote');
      const rev = quote.revisions.find((r) => r.revisionNo === revisionNo);
      if (!rev || !isSent(rev.status)) throw new DomainError('NOT_FOUND', 'revision not found');
      if (rev.status === 'ACCEPTED') return { created: false, contract: await existingOrConflict(actor, rev.id) };
      const now = clock.now();
      const day = today();
      assertCanAccept({ revisionNo, status: rev.status, validUntil: dateOnly(rev.validUntil) }, day);

      const exporter = await repo.findExporterId(prisma);
      if (!exporter) throw new DomainError('CONFLICT', 'the exporter company is not set up');
      const scale = currencyScale(rev.currency);
      const terms = contractTermsFrom({ incoterm: rev.incoterm, shipmentDate: rev.shipmentDate ? dateOnly(rev.shipmentDate) : null, leadTimeDays: rev.leadTimeDays, packing: rev.packing }, day);
      const instalments = rev.paymentTerms as Instalment[];

      let contractId: string;
      try {
        contractId = await prisma.$transaction(async (tx) => {
          // The conditional update decides which of concurrent accepts wins; the others roll back.
          if (!(await repo.acceptRevision(tx, rev.id, asDate(day), { acceptedById: actor.userId, respondedAt: now }))) throw new LostRace();
          const number = await nextDocumentNumber(tx, 'SC', now);
          const { id } = await repo.createContract(tx, {
            number, quoteRevisionId: rev.id, inquiryId: quote.inquiry.id, buyerCompanyId: quote.buyerCompanyId, sellerCompanyId: exporter.id,
            status: 'ISSUED', currency: rev.currency, totalAmount: rev.totalAmount, incoterm: rev.incoterm, namedPlace: rev.namedPlace,
            portOfLoadingCode: rev.portOfLoadingCode, portOfDischargeCode: rev.portOfDischargeCode, latestShipmentDate: asDate(terms.latestShipmentDate),
            partialShipmentAllowed: terms.partialShipmentAllowed, transhipmentAllowed: terms.transhipmentAllowed, packing: terms.packing,
            shippingMarks: terms.shippingMarks, inspection: terms.inspection, insurance: terms.insurance, claimsClause: terms.claimsClause,
            paymentMethod: rev.paymentMethod, paymentTermsText: rev.paymentTermsText,
            ...(instalments.some((i) => i.method === 'LC') ? { lcPresentationDays: 21 } : {}),
            issuedAt: now,
            lines: { create: rev.lines.map((l) => ({ lineNo: l.lineNo, productId: l.productId, description: l.description, quantity: l.quantity, unit: l.unit, unitPrice: l.unitPrice, amount: l.amount })) },
            paymentTerms: { create: instalments.map((i, n) => ({ seq: n + 1, method: i.method, percent: i.percent, trigger: i.trigger, days: i.days ?? 0 })) },
          });
          const superseded = await repo.closeQuote(tx, quote.id, rev.id);
          await repo.acceptInquiry(tx, quote.inquiry.id, now);
          await repo.createSystemMessage(tx, {
            inquiryId: quote.inquiry.id, revisionId: rev.id, authorId: actor.userId, side: 'BUYER', createdAt: now,
            body: `Accepted ${quote.number} revision ${revisionNo}; sales contract ${number} issued.`,
          });
          await recordAudit(tx, {
            actorId: actor.userId, companyId: quote.buyerCompanyId, action: 'quote.accept', entityType: 'QuoteRevision', entityId: rev.id, requestId: meta.requestId,
            changes: { quoteId: quote.id, number: quote.number, revisionNo, status: { from: 'SENT', to: 'ACCEPTED' }, contractId: id, contractNumber: number, superseded: superseded.count },
          });
          await recordAudit(tx, {
            actorId: actor.userId, companyId: quote.buyerCompanyId, action: 'contract.issue', entityType: 'SalesContract', entityId: id, requestId: meta.requestId,
            changes: { number, quoteId: quote.id, revisionNo, total: rev.totalAmount.toFixed(scale), currency: rev.currency, latestShipmentDate: terms.latestShipmentDate },
          });
          // The PDF is rendered from what this transaction wrote, and mailed with it through the outbox.
          const pdf = await pdfOf((await repo.findContract(tx, id))!, tx);
          const total = `${rev.currency} ${rev.totalAmount.toFixed(scale)}`;
          await notifyAndMail(tx, await repo.findBuyerUsers(tx, quote.buyerCompanyId), {
            kind: 'contract.issued', title: `Sales contract ${number} issued: please confirm`, link: `/portal/contracts/${id}`,
            body: `${quote.number} revision ${revisionNo} accepted; ${total} ${rev.incoterm} ${rev.namedPlace}. Please review and confirm the sales contract.`,
            paragraphs: [
              `Thank you for accepting ${quote.number} revision ${revisionNo}. Attached is our sales confirmation ${number}: ${total} ${rev.incoterm} ${rev.namedPlace} (Incoterms® 2020), shipment not later than ${terms.latestShipmentDate}, payment ${rev.paymentTermsText}.`,
              'Please review it and confirm it in the portal.',
            ],
            attachments: [pdfAttachment(pdf)],
          }, { publicUrl, now });
          await notifyAndMail(tx, await repo.findHandlers(tx, (await repo.findInquiryClerk(tx, quote.inquiry.id))?.assignedClerkId ?? null), {
            kind: 'contract.issued', title: `${quote.buyerCompany.name} accepted ${quote.number} rev. ${revisionNo}: contract ${number}`, link: `/staff/contracts/${id}`,
            body: `${total} ${rev.incoterm} ${rev.namedPlace}; waiting for the buyer's confirmation.`,
          }, { publicUrl, now });
          return id;
        });
      } catch (err) {
        // Lost to a concurrent accept (or, as a last resort, to the unique revision of the contract).
        if (err instanceof LostRace || isUniqueViolation(err)) return { created: false, contract: await existingOrConflict(actor, rev.id) };
        throw err;
      }
      return { created: true, contract: await toView((await repo.findContract(prisma, contractId))!) };
    },

    /** Contracts, newest first: a buyer's own company's; all for staff. */
    async list(actor: Actor, query: z.output<typeof ContractListQuery>): Promise<ContractSummary[]> {
      const rows = await repo.listContracts(prisma, { buyerCompanyId: companyScope(actor), status: query.status });
      return rows.map((c) => ({
        id: c.id, number: c.number, status: c.status, buyerCompany: c.buyerCompany, total: { amount: c.totalAmount.toFixed(currencyScale(c.currency)), currency: c.currency },
        incoterm: c.incoterm, namedPlace: c.namedPlace, latestShipmentDate: dateOnly(c.latestShipmentDate), amendmentNo: c.amendmentNo,
        issuedAt: c.issuedAt.toISOString(), confirmedAt: c.confirmedAt?.toISOString() ?? null,
      }));
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
        await notifyAndMail(tx, await repo.findHandlers(tx, c.inquiry.assignedClerkId), {
          kind: 'contract.confirmed', title: `${c.buyerCompany.name} confirmed sales contract ${c.number}`, link: `/staff/contracts/${c.id}`,
          body: `The buyer confirmed ${c.number}; production can be planned.`,
        }, { publicUrl, now });
      });
      return toView((await repo.findContract(prisma, c.id))!);
    },

    /** Staff propose a numbered amendment; it takes effect when the buyer confirms it. */
    async proposeAmendment(actor: Actor, id: string, body: z.output<typeof ProposeAmendmentBody>, meta: Meta): Promise<SalesContractView> {
      const c = await load(actor, id);
      assertCanAmend(c.status);
      if (c.amendments.some((a) => a.status === 'PROPOSED')) throw new DomainError('CONFLICT', 'an amendment of this contract already waits for the buyer’s confirmation');
      const changes = amendmentChanges(amendableValues(c), body.changes);
      const codes = [body.changes.portOfLoadingCode, body.changes.portOfDischargeCode].filter((x): x is string => Boolean(x));
      const known = await portsOf(codes);
      const bad = codes.filter((code) => !known.has(code));
      if (bad.length) throw new DomainError('VALIDATION', 'unknown port', bad.map((code) => ({ field: body.changes.portOfLoadingCode === code ? 'body.changes.portOfLoadingCode' : 'body.changes.portOfDischargeCode', message: 'is not a known port' })));
      if (body.changes.latestShipmentDate && body.changes.latestShipmentDate < today()) {
        throw new DomainError('VALIDATION', 'the shipment date is in the past', [{ field: 'body.changes.latestShipmentDate', message: `must not be before today (${today()})` }]);
      }
      const now = clock.now();
      await prisma.$transaction(async (tx) => {
        const number = ((await repo.lastAmendmentNumber(tx, c.id))._max.number ?? 0) + 1;
        const a = await repo.createAmendment(tx, { contractId: c.id, number, reason: body.reason, changes: changes as Prisma.InputJsonValue, proposedById: actor.userId, proposedAt: now });
        await recordAudit(tx, {
          actorId: actor.userId, companyId: c.buyerCompanyId, action: 'contract.amendment.propose', entityType: 'ContractAmendment', entityId: a.id, requestId: meta.requestId,
          changes: { contractId: c.id, number: c.number, amendment: number, reason: body.reason, changes: changes as Prisma.InputJsonValue },
        });
        await notifyAndMail(tx, await repo.findBuyerUsers(tx, c.buyerCompanyId), {
          kind: 'contract.amendment', title: `Amendment ${number} to sales contract ${c.number}: please confirm`, link: `/portal/contracts/${c.id}`,
          body: `${body.reason} (${changes.map((ch) => `${ch.field}: ${String(ch.from)} → ${String(ch.to)}`).join('; ')})`,
        }, { publicUrl, now });
      });
      return toView((await repo.findContract(prisma, c.id))!);
    },

    /**
     * The buyer records the letter of credit their bank opened: only on an L/C contract that is
     * confirmed and still live; saving again (e.g. after an amendment request) sends it back to RECEIVED.
     * The staff who follow the contract are told, in the same transaction.
     */
    async recordLetterOfCredit(actor: Actor, id: string, body: z.output<typeof RecordLetterOfCreditBody>, meta: Meta): Promise<SalesContractView> {
      assertCompanyMayTrade(actor);
      const c = await load(actor, id);
      if (!paidByLc(c)) throw new DomainError('CONFLICT', `the contract is paid by ${methodNames[c.paymentMethod] ?? c.paymentMethod}, not by letter of credit`);
      if (c.status === 'ISSUED') throw new DomainError('CONFLICT', 'confirm the contract before recording its letter of credit');
      if (c.status === 'COMPLETED' || c.status === 'CANCELLED') throw new DomainError('CONFLICT', `the contract is ${c.status.toLowerCase()}; its letter of credit cannot change`);
      if (c.lcStatus === 'ACCEPTED') throw new DomainError('CONFLICT', 'the letter of credit has been accepted; changes now come as an amendment by the issuing bank');
      assertLcDates(body);
      const now = clock.now();
      const previous = c.lcStatus;
      await prisma.$transaction(async (tx) => {
        const saved = await repo.recordLetterOfCredit(tx, c.id, {
          lcNumber: body.number, lcIssuingBank: body.issuingBank, lcIssuingBankBic: body.issuingBankBic ?? null, lcIssueDate: asDate(body.issueDate),
          lcExpiryDate: asDate(body.expiryDate), lcLatestShipmentDate: asDate(body.latestShipmentDate), lcPresentationDays: body.presentationDays,
          lcAmount: body.amount, lcCurrency: body.currency,
        });
        if (!saved) throw new DomainError('CONFLICT', 'the contract or its letter of credit changed meanwhile; reload and try again');
        await recordAudit(tx, {
          actorId: actor.userId, companyId: c.buyerCompanyId, action: 'contract.lc.record', entityType: 'SalesContract', entityId: c.id, requestId: meta.requestId,
          changes: { number: c.number, lcStatus: { from: previous, to: 'RECEIVED' }, lc: { ...body, issuingBankBic: body.issuingBankBic ?? null } },
        });
        await notifyAndMail(tx, await repo.findHandlers(tx, c.inquiry.assignedClerkId), {
          kind: 'contract.lc.received', title: `${c.buyerCompany.name} recorded L/C ${body.number} for ${c.number}`, link: `/staff/contracts/${c.id}`,
          body: `${body.issuingBank}, ${body.currency} ${body.amount}, expiring ${body.expiryDate}: please check it against the contract.`,
        }, { publicUrl, now });
      });
      return toView((await repo.findContract(prisma, c.id))!);
    },

    /** Staff accept a received credit, or ask the buyer to have it amended (with a note); the buyer's users are told. */
    async reviewLetterOfCredit(actor: Actor, id: string, body: z.output<typeof ReviewLetterOfCreditBody>, meta: Meta): Promise<SalesContractView> {
      const c = await load(actor, id);
      if (!paidByLc(c)) throw new DomainError('CONFLICT', `the contract is paid by ${methodNames[c.paymentMethod] ?? c.paymentMethod}, not by letter of credit`);
      if (c.lcStatus !== 'RECEIVED') {
        throw new DomainError('CONFLICT', c.lcStatus ? `the letter of credit has already been reviewed (${c.lcStatus === 'ACCEPTED' ? 'accepted' : 'amendment requested'})` : 'the buyer has not recorded a letter of credit yet');
      }
      const now = clock.now();
      const status = body.decision === 'ACCEPT' ? 'ACCEPTED' as const : 'AMENDMENT_REQUESTED' as const;
      await prisma.$transaction(async (tx) => {
        if (!(await repo.reviewLetterOfCredit(tx, c.id, { lcStatus: status, lcReviewNote: body.note ?? null, lcReviewedAt: now, lcReviewedById: actor.userId }))) {
          throw new DomainError('CONFLICT', 'the letter of credit was reviewed or changed meanwhile');
        }
        await recordAudit(tx, {
          actorId: actor.userId, companyId: c.buyerCompanyId, action: 'contract.lc.review', entityType: 'SalesContract', entityId: c.id, requestId: meta.requestId,
          changes: { number: c.number, lcNumber: c.lcNumber, lcStatus: { from: 'RECEIVED', to: status }, note: body.note ?? null },
        });
        const accepted = status === 'ACCEPTED';
        await notifyAndMail(tx, await repo.findBuyerUsers(tx, c.buyerCompanyId), {
          kind: accepted ? 'contract.lc.accepted' : 'contract.lc.amendment',
          title: accepted ? `L/C ${c.lcNumber} for ${c.number} accepted` : `L/C ${c.lcNumber} for ${c.number}: amendment requested`,
          link: `/portal/contracts/${c.id}`,
          body: accepted ? 'The exporter checked the letter of credit against the contract and accepted it.' : `Please have your bank amend the credit: ${body.note}`,
        }, { publicUrl, now });
      });
      return toView((await repo.findContract(prisma, c.id))!);
    },

    /** The buyer confirms a proposed amendment: its changes apply to the contract, whose amendment number rises. */
    async confirmAmendment(actor: Actor, id: string, number: number, meta: Meta): Promise<SalesContractView> {
      assertCompanyMayTrade(actor);
      const c = await load(actor, id);
      const a = c.amendments.find((x) => x.number === number);
      if (!a) throw new DomainError('NOT_FOUND', 'amendment not found');
      if (a.status !== 'PROPOSED') throw new DomainError('CONFLICT', `amendment ${number} has already been ${a.status.toLowerCase()}`);
      assertCanAmend(c.status);
      const now = clock.now();
      const changes = a.changes as AmendmentChange[];
      const data: Record<string, unknown> = {};
      for (const ch of changes) {
        if (!(amendable as readonly string[]).includes(ch.field)) continue;
        data[ch.field] = ch.field === 'latestShipmentDate' ? asDate(String(ch.to)) : ch.to;
      }
      await prisma.$transaction(async (tx) => {
        if (!(await repo.confirmAmendment(tx, a.id, { confirmedById: actor.userId, respondedAt: now }))) throw new DomainError('CONFLICT', `amendment ${number} was answered meanwhile`);
        await repo.updateContract(tx, c.id, { ...data, amendmentNo: number });
        await recordAudit(tx, {
          actorId: actor.userId, companyId: c.buyerCompanyId, action: 'contract.amendment.confirm', entityType: 'SalesContract', entityId: c.id, requestId: meta.requestId,
          changes: { number: c.number, amendment: number, amendmentNo: { from: c.amendmentNo, to: number }, changes: changes as Prisma.InputJsonValue },
        });
        await notifyAndMail(tx, await repo.findHandlers(tx, c.inquiry.assignedClerkId), {
          kind: 'contract.amendment.confirmed', title: `${c.buyerCompany.name} confirmed amendment ${number} to ${c.number}`, link: `/staff/contracts/${c.id}`, body: a.reason,
        }, { publicUrl, now });
      });
      return toView((await repo.findContract(prisma, c.id))!);
    },
  };
}

export type ContractsService = ReturnType<typeof createContractsService>;
