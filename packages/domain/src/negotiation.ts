import { DomainError } from './errors.ts';
import { checkMoq } from './inquiry.ts';
import { Dec } from './money.ts';
import type { RevisionStatus } from './quote.ts';

/*
 * Negotiation after a PI: the buyer accepts a sent revision, declines it or counters it, and an
 * accepted revision becomes the sales contract (sales confirmation, 销售确认书). Dates are
 * YYYY-MM-DD calendar-date strings, compared as such.
 */

/** What accepting needs to know of a revision. */
export type AcceptableRevision = { revisionNo: number; status: RevisionStatus; validUntil: string };

/**
 * Whether the buyer may accept this revision today; a CONFLICT that says why not: superseded by a
 * newer revision, past its validity date, already accepted or declined, or not sent at all.
 */
export function assertCanAccept(revision: AcceptableRevision, today: string): void {
  assertOpenRevision(revision, today, 'accepted');
}

/** The same guard for any answer of the buyer to a revision (declining, countering, asking for changes). */
export function assertOpenRevision(revision: AcceptableRevision, today: string, verb: 'accepted' | 'declined' | 'countered' | 'answered'): void {
  const rev = `revision ${revision.revisionNo}`;
  switch (revision.status) {
    case 'SENT':
      if (revision.validUntil < today) throw new DomainError('CONFLICT', `${rev} expired: it was valid until ${revision.validUntil}; it cannot be ${verb} any more, ask for a new revision`);
      return;
    case 'SUPERSEDED':
      throw new DomainError('CONFLICT', `${rev} was superseded by a newer revision; it cannot be ${verb} any more, answer the latest revision instead`);
    case 'EXPIRED':
      throw new DomainError('CONFLICT', `${rev} expired: it was valid until ${revision.validUntil}; it cannot be ${verb} any more, ask for a new revision`);
    case 'ACCEPTED':
      throw new DomainError('CONFLICT', `${rev} has already been accepted; it cannot be ${verb} again`);
    case 'DECLINED':
      throw new DomainError('CONFLICT', `${rev} was declined; it cannot be ${verb} any more`);
    default:
      throw new DomainError('CONFLICT', `${rev} has not been sent; only a sent revision can be ${verb}`);
  }
}

// ───────────────────────────── Counter-offers ─────────────────────────────

export type CounterOfferLineProposal = { quoteLineId: string; proposedUnitPrice?: string; proposedQuantity?: string; proposedShipmentDate?: string };
export type RevisionLineFacts = { id: string; moq: string | null; unit: string };

/**
 * Checks a counter-offer against the revision it answers: every line must be a line of that
 * revision (once), a price must be above zero, a quantity at least the MOQ, a shipment date not in
 * the past. Returns the fields at fault (empty when the offer is sound), named body.lines.N.field.
 */
export function counterOfferErrors(proposals: readonly CounterOfferLineProposal[], revisionLines: readonly RevisionLineFacts[], today: string): { field: string; message: string }[] {
  const errors: { field: string; message: string }[] = [];
  const byId = new Map(revisionLines.map((l) => [l.id, l]));
  const seen = new Set<string>();
  proposals.forEach((p, i) => {
    const at = `body.lines.${i}`;
    const line = byId.get(p.quoteLineId);
    if (!line) {
      errors.push({ field: `${at}.quoteLineId`, message: 'is not a line of this revision' });
      return;
    }
    if (seen.has(p.quoteLineId)) errors.push({ field: `${at}.quoteLineId`, message: 'is proposed twice' });
    seen.add(p.quoteLineId);
    if (p.proposedUnitPrice !== undefined && !new Dec(p.proposedUnitPrice).gt(0)) errors.push({ field: `${at}.proposedUnitPrice`, message: 'must be greater than zero' });
    if (p.proposedQuantity !== undefined) {
      if (!new Dec(p.proposedQuantity).gt(0)) errors.push({ field: `${at}.proposedQuantity`, message: 'must be greater than zero' });
      else {
        const short = checkMoq(p.proposedQuantity, line.moq, line.unit);
        if (short) errors.push({ field: `${at}.proposedQuantity`, message: short });
      }
    }
    if (p.proposedShipmentDate !== undefined && p.proposedShipmentDate < today) errors.push({ field: `${at}.proposedShipmentDate`, message: `must not be before today (${today})` });
  });
  return errors;
}

// ───────────────────────────── Contract terms ─────────────────────────────

export const DEFAULT_CLAIMS_CLAUSE =
  'Any claim by the Buyer regarding the quality of the goods shall be lodged in writing within 30 days after the arrival of the goods at the port of destination, ' +
  'and regarding quantity or weight within 15 days, supported by a survey report of a recognised independent surveyor. The Seller shall not be liable for ' +
  'discrepancies caused by the carrier, the insurer or force majeure.';
export const DEFAULT_INSPECTION = 'Inspection by the manufacturer before shipment; its quality certificate is final as to quality and quantity at loading.';
export const DEFAULT_SHIPPING_MARKS = 'At the Seller’s option unless the Buyer gives its marks before production starts.';

/** What the contract needs of the revision it is made from. */
export type ContractSource = { incoterm: string; shipmentDate: string | null; leadTimeDays: number; packing: string | null };

export type ContractTerms = {
  latestShipmentDate: string;
  partialShipmentAllowed: boolean;
  transhipmentAllowed: boolean;
  packing: string;
  shippingMarks: string;
  inspection: string;
  insurance: string;
  claimsClause: string;
};

/** A calendar date plus a number of days. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

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
  return {
    latestShipmentDate: source.shipmentDate ?? addDays(today, source.leadTimeDays),
    partialShipmentAllowed: false,
    transhipmentAllowed: true,
    packing: source.packing ?? 'Standard export cartons, suitable for ocean transport.',
    shippingMarks: DEFAULT_SHIPPING_MARKS,
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

export type ContractStatusCode = 'ISSUED' | 'CONFIRMED' | 'IN_PRODUCTION' | 'PARTIALLY_SHIPPED' | 'SHIPPED' | 'COMPLETED' | 'CANCELLED';

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

export type AmendmentChange = { field: string; from: unknown; to: unknown };

/** The changes an amendment makes: only fields whose value actually differs; a CONFLICT when none does. */
export function amendmentChanges(current: Record<string, unknown>, proposed: Record<string, unknown>): AmendmentChange[] {
  const changes = Object.entries(proposed)
    .filter(([, to]) => to !== undefined)
    .filter(([field, to]) => current[field] !== to)
    .map(([field, to]) => ({ field, from: current[field] ?? null, to }));
  if (changes.length === 0) throw new DomainError('VALIDATION', 'the amendment changes nothing', [{ field: 'body.changes', message: 'every proposed value equals the contract as it is' }]);
  return changes;
}
