import type { LetterOfCreditView } from '@portal/schemas';
import { MAX_PRESENTATION_DAYS, calendarDate, currencyScale, lcDiscrepancies, lcShare } from '@portal/domain';
import type { ContractRow } from '../sales-contracts/sales-contracts.repository.ts';

/** The credit as both sides see it, checked against the contract once the buyer has recorded it; `total` is the contract total at its scale. */
export function toLetterOfCreditView(c: ContractRow, total: string): LetterOfCreditView {
  const contract = { currency: c.currency, total, paymentTerms: c.paymentTerms.map((p) => ({ method: p.method, percent: p.percent.toFixed() })), latestShipmentDate: calendarDate(c.latestShipmentDate) };
  const recorded = c.lcAmount && c.lcCurrency && c.lcExpiryDate;
  const amount = c.lcAmount && c.lcCurrency ? { amount: c.lcAmount.toFixed(currencyScale(c.lcCurrency)), currency: c.lcCurrency } : null;
  const date = (d: Date | null) => (d ? calendarDate(d) : null);
  return {
    status: c.lcStatus, number: c.lcNumber, issuingBank: c.lcIssuingBank, issuingBankBic: c.lcIssuingBankBic,
    issueDate: date(c.lcIssueDate), expiryDate: date(c.lcExpiryDate), latestShipmentDate: date(c.lcLatestShipmentDate), presentationDays: c.lcPresentationDays,
    amount, requiredAmount: { amount: lcShare(contract), currency: c.currency },
    discrepancies: recorded
      ? lcDiscrepancies(contract, {
        amount: c.lcAmount!.toFixed(), currency: c.lcCurrency!, expiryDate: calendarDate(c.lcExpiryDate!), presentationDays: c.lcPresentationDays ?? MAX_PRESENTATION_DAYS,
        latestShipmentDate: date(c.lcLatestShipmentDate),
      })
      : [],
    reviewNote: c.lcReviewNote, reviewedAt: c.lcReviewedAt?.toISOString() ?? null, reviewedBy: c.lcReviewedBy?.name ?? null,
  };
}

/** The L/C clause of the sales confirmation: the credit as recorded, else what the buyer is to open. */
export function letterOfCreditClause(lc: LetterOfCreditView): string {
  const days = `documents to be presented within ${lc.presentationDays ?? MAX_PRESENTATION_DAYS} days after shipment`;
  if (!lc.status || !lc.number) return `Irrevocable documentary credit subject to UCP 600, to be opened by the Buyer for ${lc.requiredAmount.currency} ${lc.requiredAmount.amount}; ${days}.`;
  const bank = `${lc.issuingBank}${lc.issuingBankBic ? ` (BIC ${lc.issuingBankBic})` : ''}`;
  return `Irrevocable documentary credit No. ${lc.number}, issued by ${bank} on ${lc.issueDate}, for ${lc.amount?.currency} ${lc.amount?.amount}, expiring ${lc.expiryDate}, latest shipment ${lc.latestShipmentDate}, subject to UCP 600; ${days}.`;
}
