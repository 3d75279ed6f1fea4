import { describe, expect, it } from 'vitest';
import { DomainError } from './errors.ts';
import {
  DEFAULT_CLAIMS_CLAUSE, addDays, amendmentChanges, assertCanAccept, assertCanAmend, assertCanConfirmContract, assertOpenRevision, contractTermsFrom,
  counterOfferErrors, insuranceClause, instalmentAmounts,
} from './negotiation.ts';

const today = '2026-03-10';

function conflict(run: () => void): string {
  try {
    run();
  } catch (err) {
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).code).toBe('CONFLICT');
    return (err as DomainError).message;
  }
  throw new Error('expected a CONFLICT');
}

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

describe('contract terms from a revision', () => {
  it('takes the revision’s shipment date, or today plus the lead time', () => {
    expect(contractTermsFrom({ incoterm: 'FOB', shipmentDate: '2026-05-01', leadTimeDays: 35, packing: null }, today).latestShipmentDate).toBe('2026-05-01');
    expect(contractTermsFrom({ incoterm: 'FOB', shipmentDate: null, leadTimeDays: 35, packing: null }, today).latestShipmentDate).toBe('2026-04-14');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });

  it('insures at 110% under CIF (ICC C) and CIP (ICC A); the buyer insures otherwise', () => {
    expect(insuranceClause('CIF')).toContain('110% of the invoice value against Institute Cargo Clauses (C)');
    expect(insuranceClause('CIP')).toContain('110% of the invoice value against Institute Cargo Clauses (A)');
    expect(insuranceClause('FOB')).toBe('To be covered by the Buyer (FOB, Incoterms® 2020).');
  });

  it('has default clauses and shipment options', () => {
    const terms = contractTermsFrom({ incoterm: 'CIF', shipmentDate: null, leadTimeDays: 10, packing: '24 pcs per carton' }, today);
    expect(terms).toMatchObject({ partialShipmentAllowed: false, transhipmentAllowed: true, packing: '24 pcs per carton', claimsClause: DEFAULT_CLAIMS_CLAUSE });
    expect(terms.inspection).toBeTruthy();
    expect(terms.shippingMarks).toBeTruthy();
  });

  it('splits the total into instalments, the last taking the rounding rest', () => {
    expect(instalmentAmounts('40951.20', ['30', '70'], 2)).toEqual(['12285.36', '28665.84']);
    expect(instalmentAmounts('100.00', ['33.33', '33.33', '33.34'], 2)).toEqual(['33.33', '33.33', '33.34']);
    expect(instalmentAmounts('10.01', ['50', '50'], 2)).toEqual(['5.01', '5.00']);
  });
});

describe('contract lifecycle', () => {
  it('is confirmed once, from issued', () => {
    expect(() => assertCanConfirmContract('ISSUED')).not.toThrow();
    expect(conflict(() => assertCanConfirmContract('CONFIRMED'))).toBe('the contract has already been confirmed');
    expect(conflict(() => assertCanConfirmContract('CANCELLED'))).toMatch(/cancelled/);
    expect(conflict(() => assertCanAmend('COMPLETED'))).toMatch(/cannot be amended/);
    expect(() => assertCanAmend('CONFIRMED')).not.toThrow();
  });

  it('lists only what an amendment really changes', () => {
    expect(amendmentChanges({ packing: 'a', latestShipmentDate: '2026-05-01' }, { packing: 'a', latestShipmentDate: '2026-05-15' })).toEqual([
      { field: 'latestShipmentDate', from: '2026-05-01', to: '2026-05-15' },
    ]);
    expect(() => amendmentChanges({ packing: 'a' }, { packing: 'a' })).toThrow(/changes nothing/);
  });
});
