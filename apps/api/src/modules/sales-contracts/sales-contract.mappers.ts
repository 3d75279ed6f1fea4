import type { ContractSummary, SalesContractView } from '@portal/schemas';
import { calendarDate, currencyScale, instalmentAmounts, isPaidByLc, type AmendmentChange } from '@portal/domain';
import { addressLines, countryNameOf } from '../companies/company.mappers.ts';
import { toLetterOfCreditView } from '../letters-of-credit/letter-of-credit.mappers.ts';
import type { ContractListRow, ContractRow } from './sales-contracts.repository.ts';

type Party = ContractRow['buyerCompany'];
type Port = { code: string; name: string };

const partyView = (p: Party) => ({ id: p.id, name: p.name, addressLines: addressLines(p), country: countryNameOf(p.country), taxId: p.taxId, phone: p.phone });

/** The contract as the API shows it; `ports` names the ports it refers to. */
export function toContractView(c: ContractRow, ports: ReadonlyMap<string, Port>): SalesContractView {
  const scale = currencyScale(c.currency);
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
      notes: l.notes, shipmentDate: l.shipmentDate ? calendarDate(l.shipmentDate) : null,
    })),
    incoterm: c.incoterm,
    namedPlace: c.namedPlace,
    portOfLoading: port(c.portOfLoadingCode),
    portOfDischarge: port(c.portOfDischargeCode),
    latestShipmentDate: calendarDate(c.latestShipmentDate),
    partialShipmentAllowed: c.partialShipmentAllowed,
    transhipmentAllowed: c.transhipmentAllowed,
    packing: c.packing,
    shippingMarks: c.shippingMarks,
    specialTerms: c.specialTerms,
    leadTimeDays: c.leadTimeDays,
    inspection: c.inspection,
    insurance: c.insurance,
    claimsClause: c.claimsClause,
    paymentMethod: c.paymentMethod,
    paymentTermsText: c.paymentTermsText,
    paymentTerms: c.paymentTerms.map((p, i) => ({ seq: p.seq, method: p.method, percent: p.percent.toFixed(), trigger: p.trigger, days: p.days, amount: money(amounts[i]!) })),
    lc: isPaidByLc(c) ? toLetterOfCreditView(c, total) : null,
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

/** A line of the contract list. */
export function toContractSummary(c: ContractListRow): ContractSummary {
  return {
    id: c.id, number: c.number, status: c.status, buyerCompany: c.buyerCompany, total: { amount: c.totalAmount.toFixed(currencyScale(c.currency)), currency: c.currency },
    incoterm: c.incoterm, namedPlace: c.namedPlace, latestShipmentDate: calendarDate(c.latestShipmentDate), amendmentNo: c.amendmentNo,
    issuedAt: c.issuedAt.toISOString(), confirmedAt: c.confirmedAt?.toISOString() ?? null,
  };
}
