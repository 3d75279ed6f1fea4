import { addDays } from './calendar.ts';
import { DomainError } from './errors.ts';
import { Dec } from './money.ts';

/*
 * The sales contract (sales confirmation, 销售确认书) issued when the buyer accepts a revision:
 * its terms, its lifecycle and its numbered amendments. Dates are YYYY-MM-DD calendar dates.
 */

export const contractStatuses = ['ISSUED', 'CONFIRMED', 'IN_PRODUCTION', 'PARTIALLY_SHIPPED', 'SHIPPED', 'COMPLETED', 'CANCELLED'] as const;
export type ContractStatusCode = (typeof contractStatuses)[number];

export const amendmentStatuses = ['PROPOSED', 'CONFIRMED', 'REJECTED'] as const;
export type AmendmentStatus = (typeof amendmentStatuses)[number];

// ───────────────────────────── Contract terms ─────────────────────────────

export const DEFAULT_CLAIMS_CLAUSE =
  'Any claim by the Buyer regarding the quality of the goods shall be lodged in writing within 30 days after the arrival of the goods at the port of destination, ' +
  'and regarding quantity or weight within 15 days, supported by a survey report of a recognised independent surveyor. The Seller shall not be liable for ' +
  'discrepancies caused by the carrier, the insurer or force majeure.';
export const DEFAULT_INSPECTION = 'Inspection by the manufacturer before shipment; its quality certificate is final as to quality and quantity at loading.';
export const DEFAULT_SHIPPING_MARKS = 'At the Seller’s option unless the Buyer gives its marks before production starts.';

/** What the contract needs of the revision it is made from. */
export type ContractSource = {
  incoterm: string; shipmentDate: string | null; leadTimeDays: number; packing: string | null;
  shippingMarks?: string | null; specialTerms?: string | null;
  /** Shipment dates agreed for single lines: the contract's latest shipment date is the latest of them all. */
  lineShipmentDates?: readonly (string | null)[];
};

export type ContractTerms = {
  latestShipmentDate: string;
  partialShipmentAllowed: boolean;
  transhipmentAllowed: boolean;
  packing: string;
  shippingMarks: string;
  specialTerms: string | null;
  inspection: string;
  insurance: string;
  claimsClause: string;
};

/** The insurance clause by Incoterm: the seller insures under CIF (ICC C) and CIP (ICC A) at 110% of the invoice value. */
export function insuranceClause(incoterm: string): string {
  if (incoterm === 'CIF') return 'To be covered by the Seller for 110% of the invoice value against Institute Cargo Clauses (C), from warehouse to warehouse.';
  if (incoterm === 'CIP') return 'To be covered by the Seller for 110% of the invoice value against Institute Cargo Clauses (A), from warehouse to warehouse.';
  return `To be covered by the Buyer (${incoterm}, Incoterms® 2020).`;
}

/**
 * The contract terms that follow from an accepted revision: the latest shipment date is the
 * revision's shipment date, else today plus its lead time; insurance by the Incoterm; partial
 * shipment not allowed and transhipment allowed unless agreed otherwise; the default clauses.
 */
export function contractTermsFrom(source: ContractSource, today: string): ContractTerms {
  let latest = source.shipmentDate ?? addDays(today, source.leadTimeDays);
  for (const d of source.lineShipmentDates ?? []) if (d && d > latest) latest = d;
  return {
    latestShipmentDate: latest,
    partialShipmentAllowed: false,
    transhipmentAllowed: true,
    packing: source.packing ?? 'Standard export cartons, suitable for ocean transport.',
    shippingMarks: source.shippingMarks ?? DEFAULT_SHIPPING_MARKS,
    specialTerms: source.specialTerms ?? null,
    inspection: DEFAULT_INSPECTION,
    insurance: insuranceClause(source.incoterm),
    claimsClause: DEFAULT_CLAIMS_CLAUSE,
  };
}

/** Instalment amounts of a contract total: each its percentage, the last one takes the rounding rest. */
export function instalmentAmounts(total: string, percents: readonly string[], scale: number): string[] {
  const whole = new Dec(total);
  let rest = whole;
  return percents.map((p, i) => {
    const amount = i === percents.length - 1 ? rest : whole.times(p).div(100).toDecimalPlaces(scale, Dec.ROUND_HALF_UP);
    rest = rest.minus(amount);
    return amount.toFixed(scale);
  });
}

// ───────────────────────────── Contract lifecycle ─────────────────────────────

/** Only an issued contract can be confirmed by the buyer. */
export function assertCanConfirmContract(status: ContractStatusCode): void {
  if (status === 'ISSUED') return;
  if (status === 'CANCELLED') throw new DomainError('CONFLICT', 'the contract was cancelled; it cannot be confirmed');
  throw new DomainError('CONFLICT', 'the contract has already been confirmed');
}

/** Amendments apply to a live contract: not to a completed or cancelled one. */
export function assertCanAmend(status: ContractStatusCode): void {
  if (status === 'COMPLETED' || status === 'CANCELLED') throw new DomainError('CONFLICT', `the contract is ${status.toLowerCase()}; it cannot be amended`);
}

// ───────────────────────────── Amendments ─────────────────────────────

/** The contract terms an amendment may change. */
export const amendableTerms = [
  'latestShipmentDate', 'portOfLoadingCode', 'portOfDischargeCode', 'partialShipmentAllowed', 'transhipmentAllowed', 'packing', 'shippingMarks', 'specialTerms',
  'inspection', 'insurance', 'claimsClause',
] as const;
export type AmendableTerm = (typeof amendableTerms)[number];

export type AmendmentChange = { field: string; from: unknown; to: unknown };

/** The changes an amendment makes: only fields whose value actually differs; a VALIDATION error when none does. */
export function amendmentChanges(current: Record<string, unknown>, proposed: Record<string, unknown>): AmendmentChange[] {
  const changes = Object.entries(proposed)
    .filter(([, to]) => to !== undefined)
    .filter(([field, to]) => current[field] !== to)
    .map(([field, to]) => ({ field, from: current[field] ?? null, to }));
  if (changes.length === 0) throw new DomainError('VALIDATION', 'the amendment changes nothing', [{ field: 'body.changes', message: 'every proposed value equals the contract as it is' }]);
  return changes;
}

/** Whether staff may propose an amendment now: the contract is live and no other amendment waits for the buyer. */
export function assertCanProposeAmendment(contract: { status: ContractStatusCode; amendments: readonly { status: AmendmentStatus }[] }): void {
  assertCanAmend(contract.status);
  if (contract.amendments.some((a) => a.status === 'PROPOSED')) throw new DomainError('CONFLICT', 'an amendment of this contract already waits for the buyer’s confirmation');
}

/** An amended latest shipment date cannot be in the past. */
export function assertAmendedShipmentDate(changes: { latestShipmentDate?: string | undefined }, today: string): void {
  if (changes.latestShipmentDate && changes.latestShipmentDate < today) {
    throw new DomainError('VALIDATION', 'the shipment date is in the past', [{ field: 'body.changes.latestShipmentDate', message: `must not be before today (${today})` }]);
  }
}

/** The buyer confirms a proposed amendment of a live contract, once. */
export function assertCanConfirmAmendment(amendment: { number: number; status: AmendmentStatus }, contractStatus: ContractStatusCode): void {
  if (amendment.status !== 'PROPOSED') throw new DomainError('CONFLICT', `amendment ${amendment.number} has already been ${amendment.status.toLowerCase()}`);
  assertCanAmend(contractStatus);
}

/** The changes of an amendment as written in notifications and on the contract: "packing: a → b; …". */
export function amendmentChangesText(changes: readonly AmendmentChange[]): string {
  return changes.map((ch) => `${ch.field}: ${String(ch.from)} → ${String(ch.to)}`).join('; ');
}
