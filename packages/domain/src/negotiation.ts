import { DomainError, type FieldError } from './errors.ts';
import { checkMoq } from './inquiries.ts';
import { Dec } from './money.ts';
import type { RevisionStatus } from './quotes.ts';

/*
 * Negotiation after a PI: the buyer accepts a sent revision (which issues the sales contract, see
 * sales-contracts.ts), declines it or counters it. Dates are YYYY-MM-DD calendar-date strings.
 */

/** What answering needs to know of a revision. */
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

/** A revision number given in the body must be the one in the path. */
export function assertSameRevision(given: number | undefined, inPath: number): void {
  if (given !== undefined && given !== inPath) {
    throw new DomainError('VALIDATION', 'the revision numbers differ', [{ field: 'body.revisionNo', message: `must be ${inPath}, the revision in the path` }]);
  }
}

/** The last word in a negotiation thread (system notes aside): who wrote it, what, and on which revision. */
export type LastWord = { side: 'BUYER' | 'EXPORTER'; kind: 'MESSAGE' | 'COUNTER_OFFER' | 'CHANGE_REQUEST' | 'SYSTEM'; revisionId: string | null };

/**
 * Whose turn it is on a sent revision: after the buyer's counter-offer or request for changes on it,
 * the exporter's (the clerk answers; the buyer may still accept the revision meanwhile, but is not
 * waited on); otherwise the buyer's. A newer revision sent since is the buyer's to answer again.
 */
export function waitsOnExporter(last: LastWord | undefined, revisionId: string): boolean {
  return last?.side === 'BUYER' && (last.kind === 'COUNTER_OFFER' || last.kind === 'CHANGE_REQUEST') && last.revisionId === revisionId;
}

// ───────────────────────────── Counter-offers ─────────────────────────────

export type CounterOfferLineProposal = { quoteLineId: string; proposedUnitPrice?: string; proposedQuantity?: string; proposedShipmentDate?: string };
export type RevisionLineFacts = { id: string; moq: string | null; unit: string };

/**
 * Checks a counter-offer against the revision it answers: every line must be a line of that
 * revision (once), a price must be above zero, a quantity at least the MOQ, a shipment date not in
 * the past. Returns the fields at fault (empty when the offer is sound), named body.lines.N.field.
 */
export function counterOfferErrors(proposals: readonly CounterOfferLineProposal[], revisionLines: readonly RevisionLineFacts[], today: string): FieldError[] {
  const errors: FieldError[] = [];
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

/** The counter-offer in one line of words: "line 1: price 3.2000, quantity 15000; payment: …; Incoterm: FOB". */
export function counterOfferSummary(
  lines: readonly (CounterOfferLineProposal & { lineNo: number | undefined })[],
  terms: { paymentTermsText?: string; incoterm?: string },
): string {
  return [
    ...lines.map((l) => `line ${l.lineNo}: ${[
      l.proposedUnitPrice ? `price ${l.proposedUnitPrice}` : null,
      l.proposedQuantity ? `quantity ${l.proposedQuantity}` : null,
      l.proposedShipmentDate ? `shipment by ${l.proposedShipmentDate}` : null,
    ].filter(Boolean).join(', ')}`),
    ...(terms.paymentTermsText ? [`payment: ${terms.paymentTermsText}`] : []),
    ...(terms.incoterm ? [`Incoterm: ${terms.incoterm}`] : []),
  ].join('; ');
}
