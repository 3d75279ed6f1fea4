import { addDays } from './calendar.ts';
import { DomainError } from './errors.ts';
import { Dec, currencyScale } from './money.ts';
import { paymentMethodNames, type PaymentMethodCode } from './reference.ts';
import { instalmentAmounts, type ContractStatusCode } from './sales-contracts.ts';

/*
 * The documentary credit (L/C) of a sales contract paid by letter of credit: the buyer records the
 * credit their bank opened, the exporter checks it against the contract (UCP 600) and accepts it
 * or asks for an amendment.
 */

/** RECEIVED: recorded by the buyer, waiting for the exporter's check. */
export const lcStatuses = ['RECEIVED', 'ACCEPTED', 'AMENDMENT_REQUESTED'] as const;
export type LcStatus = (typeof lcStatuses)[number];

/** The exporter's answer to a recorded credit. */
export const lcReviewDecisions = ['ACCEPT', 'REQUEST_AMENDMENT'] as const;

export const lcDiscrepancyCodes = ['CURRENCY', 'AMOUNT_SHORT', 'EXPIRES_BEFORE_SHIPMENT', 'EXPIRES_BEFORE_PRESENTATION', 'PRESENTATION_DAYS', 'SHIPMENT_EARLIER'] as const;

/** A finding of the exporter's check of a credit against the contract: the credit's field at fault and why. */
export type LcDiscrepancy = {
  field: 'currency' | 'amount' | 'expiryDate' | 'presentationDays' | 'latestShipmentDate';
  /** What is wrong, for a client to say in its own language with `params`; `message` says it in English. */
  code: (typeof lcDiscrepancyCodes)[number];
  /** Dates as YYYY-MM-DD, amounts as decimal strings with their currency. */
  params: Record<string, string | number>;
  message: string;
};

/** What the check needs of the contract: its currency, total, instalments and latest shipment date (calendar dates as YYYY-MM-DD). */
export type LcContractFacts = { currency: string; total: string; paymentTerms: readonly { method: string; percent: string }[]; latestShipmentDate: string };

/** The credit as opened by the buyer's bank; the latest shipment date is optional (a credit may leave it to the contract). */
export type LcFacts = { amount: string; currency: string; expiryDate: string; presentationDays: number; latestShipmentDate?: string | null };

/** UCP 600 art. 14c: documents are presented not later than 21 calendar days after shipment. */
export const MAX_PRESENTATION_DAYS = 21;

/** The part of the contract total payable by L/C: the sum of the L/C instalments, or the whole total when no instalment names L/C. */
export function lcShare(contract: Pick<LcContractFacts, 'currency' | 'total' | 'paymentTerms'>): string {
  const scale = currencyScale(contract.currency);
  const amounts = instalmentAmounts(contract.total, contract.paymentTerms.map((p) => p.percent), scale);
  const lc = contract.paymentTerms.map((p, i) => (p.method === 'LC' ? amounts[i]! : null)).filter((a): a is string => a !== null);
  if (lc.length === 0) return new Dec(contract.total).toFixed(scale);
  return lc.reduce((sum, a) => sum.plus(a), new Dec(0)).toFixed(scale);
}

/** Refuses a credit that cannot be right: one expiring before its own latest shipment date. */
export function assertLcDates(lc: Pick<LcFacts, 'expiryDate' | 'latestShipmentDate'>): void {
  if (lc.latestShipmentDate && lc.expiryDate < lc.latestShipmentDate) {
    throw new DomainError('VALIDATION', 'the credit expires before its latest shipment date', [
      { field: 'body.expiryDate', message: `must not be before the latest shipment date (${lc.latestShipmentDate})` },
    ]);
  }
}

/**
 * Checks a credit against its contract, the way the exporter's documents clerk would before
 * shipping: same currency, enough amount for the L/C share, an expiry that leaves time to present
 * the documents of the last allowed shipment (UCP 600 art. 14c), at most 21 presentation days and
 * no earlier latest shipment date than the contract's. An empty list: the credit fits the contract.
 */
export function lcDiscrepancies(contract: LcContractFacts, lc: LcFacts): LcDiscrepancy[] {
  const found: LcDiscrepancy[] = [];
  if (lc.currency !== contract.currency) {
    found.push({ field: 'currency', code: 'CURRENCY', params: { credit: lc.currency, contract: contract.currency }, message: `the credit is in ${lc.currency}, the contract in ${contract.currency}` });
  }
  const share = lcShare(contract);
  if (lc.currency === contract.currency && new Dec(lc.amount).lt(share)) {
    const amount = new Dec(lc.amount).toFixed(currencyScale(lc.currency));
    found.push({ field: 'amount', code: 'AMOUNT_SHORT', params: { amount, share, currency: lc.currency }, message: `${lc.currency} ${amount} is below the L/C share of the contract, ${contract.currency} ${share}` });
  }
  const lastPresentation = addDays(contract.latestShipmentDate, lc.presentationDays);
  if (lc.expiryDate < contract.latestShipmentDate) {
    found.push({ field: 'expiryDate', code: 'EXPIRES_BEFORE_SHIPMENT', params: { expiry: lc.expiryDate, shipment: contract.latestShipmentDate }, message: `the credit expires on ${lc.expiryDate}, before the contract's latest shipment date ${contract.latestShipmentDate}` });
  } else if (lc.expiryDate < lastPresentation) {
    found.push({
      field: 'expiryDate',
      code: 'EXPIRES_BEFORE_PRESENTATION',
      params: { expiry: lc.expiryDate, shipment: contract.latestShipmentDate, lastPresentation },
      message: `the credit expires on ${lc.expiryDate}: documents of a shipment on ${contract.latestShipmentDate} could be presented until ${lastPresentation} (UCP 600 art. 14c)`,
    });
  }
  if (lc.presentationDays > MAX_PRESENTATION_DAYS) {
    found.push({ field: 'presentationDays', code: 'PRESENTATION_DAYS', params: { days: lc.presentationDays, max: MAX_PRESENTATION_DAYS }, message: `${lc.presentationDays} days exceed the ${MAX_PRESENTATION_DAYS} days of UCP 600 art. 14c` });
  }
  if (lc.latestShipmentDate && lc.latestShipmentDate < contract.latestShipmentDate) {
    found.push({ field: 'latestShipmentDate', code: 'SHIPMENT_EARLIER', params: { credit: lc.latestShipmentDate, contract: contract.latestShipmentDate }, message: `the credit requires shipment by ${lc.latestShipmentDate}, earlier than the contract's ${contract.latestShipmentDate}` });
  }
  return found;
}

// ───────────────────────────── Who may do what, when ─────────────────────────────

/** What the guards need of the contract. */
export type LcContractState = {
  status: ContractStatusCode;
  paymentMethod: PaymentMethodCode;
  paymentTerms: readonly { method: PaymentMethodCode }[];
  lcStatus: LcStatus | null;
};

/** Paid (at least in part) by letter of credit: the main method, or any instalment. */
export function isPaidByLc(contract: Pick<LcContractState, 'paymentMethod' | 'paymentTerms'>): boolean {
  return contract.paymentMethod === 'LC' || contract.paymentTerms.some((p) => p.method === 'LC');
}

function assertPaidByLc(contract: Pick<LcContractState, 'paymentMethod' | 'paymentTerms'>): void {
  if (!isPaidByLc(contract)) throw new DomainError('CONFLICT', `the contract is paid by ${paymentMethodNames[contract.paymentMethod] ?? contract.paymentMethod}, not by letter of credit`);
}

/**
 * The buyer records (or records again, after an amendment request) the credit: only on an L/C
 * contract that is confirmed and still live, and not once the exporter has accepted the credit.
 */
export function assertCanRecordLetterOfCredit(contract: LcContractState, lc: Pick<LcFacts, 'expiryDate' | 'latestShipmentDate'>): void {
  assertPaidByLc(contract);
  if (contract.status === 'ISSUED') throw new DomainError('CONFLICT', 'confirm the contract before recording its letter of credit');
  if (contract.status === 'COMPLETED' || contract.status === 'CANCELLED') throw new DomainError('CONFLICT', `the contract is ${contract.status.toLowerCase()}; its letter of credit cannot change`);
  if (contract.lcStatus === 'ACCEPTED') throw new DomainError('CONFLICT', 'the letter of credit has been accepted; changes now come as an amendment by the issuing bank');
  assertLcDates(lc);
}

/** The exporter reviews a credit once the buyer has recorded it, and once only; the decision gives its new status. */
export function decideLetterOfCreditReview(contract: LcContractState, decision: (typeof lcReviewDecisions)[number]): 'ACCEPTED' | 'AMENDMENT_REQUESTED' {
  assertPaidByLc(contract);
  if (contract.lcStatus !== 'RECEIVED') {
    throw new DomainError('CONFLICT', contract.lcStatus ? `the letter of credit has already been reviewed (${contract.lcStatus === 'ACCEPTED' ? 'accepted' : 'amendment requested'})` : 'the buyer has not recorded a letter of credit yet');
  }
  return decision === 'ACCEPT' ? 'ACCEPTED' : 'AMENDMENT_REQUESTED';
}
