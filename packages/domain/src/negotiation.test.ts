import { describe, expect, it } from 'vitest';
import { conflict } from './testing.ts';
import { assertCanAccept, assertOpenRevision, assertSameRevision, counterOfferErrors, counterOfferSummary, waitsOnExporter } from './negotiation.ts';

const today = '2026-03-10';


describe('assertCanAccept', () => {
  it('accepts a sent revision up to and including its validity date', () => {
    expect(() => assertCanAccept({ revisionNo: 2, status: 'SENT', validUntil: '2026-03-10' }, today)).not.toThrow();
    expect(() => assertCanAccept({ revisionNo: 2, status: 'SENT', validUntil: '2026-04-01' }, today)).not.toThrow();
  });

  it('explains why a revision cannot be accepted', () => {
    expect(conflict(() => assertCanAccept({ revisionNo: 1, status: 'SENT', validUntil: '2026-03-09' }, today))).toBe(
      'revision 1 expired: it was valid until 2026-03-09; it cannot be accepted any more, ask for a new revision',
    );
    expect(conflict(() => assertCanAccept({ revisionNo: 1, status: 'EXPIRED', validUntil: '2026-03-01' }, today))).toMatch(/expired: it was valid until 2026-03-01/);
    expect(conflict(() => assertCanAccept({ revisionNo: 1, status: 'SUPERSEDED', validUntil: '2026-04-01' }, today))).toMatch(/superseded by a newer revision/);
    expect(conflict(() => assertCanAccept({ revisionNo: 3, status: 'ACCEPTED', validUntil: '2026-04-01' }, today))).toBe('revision 3 has already been accepted; it cannot be accepted again');
    expect(conflict(() => assertCanAccept({ revisionNo: 1, status: 'DECLINED', validUntil: '2026-04-01' }, today))).toMatch(/was declined/);
    for (const status of ['DRAFT', 'PENDING_APPROVAL', 'APPROVED'] as const) {
      expect(conflict(() => assertCanAccept({ revisionNo: 1, status, validUntil: '2026-04-01' }, today))).toMatch(/has not been sent/);
    }
  });

  it('words the same guard for other answers', () => {
    expect(conflict(() => assertOpenRevision({ revisionNo: 1, status: 'SUPERSEDED', validUntil: '2026-04-01' }, today, 'declined'))).toMatch(/cannot be declined any more/);
  });
});

describe('counterOfferErrors', () => {
  const lines = [{ id: 'l1', moq: '1000', unit: 'pc' }, { id: 'l2', moq: null, unit: 'set' }];

  it('passes a sound offer', () => {
    expect(counterOfferErrors([{ quoteLineId: 'l1', proposedUnitPrice: '3.10', proposedQuantity: '1000', proposedShipmentDate: today }, { quoteLineId: 'l2', proposedQuantity: '1' }], lines, today)).toEqual([]);
  });

  it('names each field at fault', () => {
    expect(
      counterOfferErrors(
        [
          { quoteLineId: 'nope', proposedUnitPrice: '1' },
          { quoteLineId: 'l1', proposedUnitPrice: '0', proposedQuantity: '999' },
          { quoteLineId: 'l1', proposedUnitPrice: '-1', proposedShipmentDate: '2026-03-09' },
        ],
        lines,
        today,
      ),
    ).toEqual([
      { field: 'body.lines.0.quoteLineId', message: 'is not a line of this revision' },
      { field: 'body.lines.1.proposedUnitPrice', message: 'must be greater than zero' },
      { field: 'body.lines.1.proposedQuantity', message: 'is below the minimum order quantity of 1000 pc' },
      { field: 'body.lines.2.quoteLineId', message: 'is proposed twice' },
      { field: 'body.lines.2.proposedUnitPrice', message: 'must be greater than zero' },
      { field: 'body.lines.2.proposedShipmentDate', message: 'must not be before today (2026-03-10)' },
    ]);
  });
});

describe('the revision a buyer answers', () => {
  it('must be the one in the path when the body names it too', () => {
    expect(() => assertSameRevision(undefined, 2)).not.toThrow();
    expect(() => assertSameRevision(2, 2)).not.toThrow();
    expect(() => assertSameRevision(1, 2)).toThrow(expect.objectContaining({ code: 'VALIDATION', fields: [{ field: 'body.revisionNo', message: 'must be 2, the revision in the path' }] }));
  });
});

describe('counterOfferSummary', () => {
  it('puts a counter-offer in one line of words', () => {
    expect(counterOfferSummary([{ quoteLineId: 'a', lineNo: 1, proposedUnitPrice: '3.2000', proposedQuantity: '15000' }, { quoteLineId: 'b', lineNo: 2, proposedShipmentDate: '2026-05-01' }], { paymentTermsText: 'T/T 100% before shipment', incoterm: 'FOB' }))
      .toBe('line 1: price 3.2000, quantity 15000; line 2: shipment by 2026-05-01; payment: T/T 100% before shipment; Incoterm: FOB');
    expect(counterOfferSummary([], { incoterm: 'CFR' })).toBe('Incoterm: CFR');
  });
});

describe('waitsOnExporter', () => {
  it("is the exporter's turn after the buyer's counter-offer or change request on the revision, the buyer's otherwise", () => {
    expect(waitsOnExporter({ side: 'BUYER', kind: 'COUNTER_OFFER', revisionId: 'r1' }, 'r1')).toBe(true);
    expect(waitsOnExporter({ side: 'BUYER', kind: 'CHANGE_REQUEST', revisionId: 'r1' }, 'r1')).toBe(true);
    expect(waitsOnExporter({ side: 'BUYER', kind: 'MESSAGE', revisionId: null }, 'r1')).toBe(false);
    expect(waitsOnExporter({ side: 'EXPORTER', kind: 'MESSAGE', revisionId: null }, 'r1')).toBe(false);
    expect(waitsOnExporter(undefined, 'r1')).toBe(false);
    // The exporter answered with a new revision: the buyer's turn again.
    expect(waitsOnExporter({ side: 'BUYER', kind: 'COUNTER_OFFER', revisionId: 'r1' }, 'r2')).toBe(false);
  });
});
