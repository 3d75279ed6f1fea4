import { describe, expect, it } from 'vitest';
import { conflict } from './testing.ts';
import {
  DEFAULT_CLAIMS_CLAUSE, amendmentChanges, amendmentChangesText, assertAmendedShipmentDate, assertCanAmend, assertCanConfirmAmendment, assertCanConfirmContract, assertCanProposeAmendment,
  contractTermsFrom, insuranceClause, instalmentAmounts,
} from './sales-contracts.ts';
import { addDays } from './calendar.ts';

const today = '2026-03-10';


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

describe('amendments', () => {
  const live = { status: 'CONFIRMED' as const, amendments: [{ status: 'CONFIRMED' as const }] };

  it('are proposed one at a time, on a live contract, never for a shipment in the past', () => {
    expect(() => assertCanProposeAmendment(live)).not.toThrow();
    expect(conflict(() => assertCanProposeAmendment({ ...live, amendments: [{ status: 'PROPOSED' }] }))).toMatch(/already waits for the buyer/);
    expect(conflict(() => assertCanProposeAmendment({ ...live, status: 'CANCELLED' }))).toMatch(/cannot be amended/);
    expect(() => assertAmendedShipmentDate({ latestShipmentDate: today }, today)).not.toThrow();
    expect(() => assertAmendedShipmentDate({}, today)).not.toThrow();
    expect(() => assertAmendedShipmentDate({ latestShipmentDate: '2026-03-09' }, today)).toThrow(
      expect.objectContaining({ code: 'VALIDATION', fields: [{ field: 'body.changes.latestShipmentDate', message: 'must not be before today (2026-03-10)' }] }),
    );
  });

  it('are confirmed once, while the contract is live', () => {
    expect(() => assertCanConfirmAmendment({ number: 1, status: 'PROPOSED' }, 'CONFIRMED')).not.toThrow();
    expect(conflict(() => assertCanConfirmAmendment({ number: 1, status: 'CONFIRMED' }, 'CONFIRMED'))).toBe('amendment 1 has already been confirmed');
    expect(conflict(() => assertCanConfirmAmendment({ number: 2, status: 'PROPOSED' }, 'COMPLETED'))).toMatch(/cannot be amended/);
  });

  it('are written as field: from → to', () => {
    expect(amendmentChangesText([{ field: 'packing', from: 'a', to: 'b' }, { field: 'transhipmentAllowed', from: true, to: false }])).toBe('packing: a → b; transhipmentAllowed: true → false');
  });
});

describe('agreed terms reach the contract', () => {
  it('special terms and shipping marks of the revision, the latest of the line shipment dates', () => {
    const terms = contractTermsFrom({
      incoterm: 'FOB', shipmentDate: '2026-05-01', leadTimeDays: 35, packing: null, shippingMarks: 'NORTHWIND / HAMBURG / C/NO. 1-UP',
      specialTerms: 'Laser engraving, 3 colours', lineShipmentDates: [null, '2026-05-20', '2026-05-10'],
    }, '2026-03-10');
    expect(terms).toMatchObject({ latestShipmentDate: '2026-05-20', shippingMarks: 'NORTHWIND / HAMBURG / C/NO. 1-UP', specialTerms: 'Laser engraving, 3 colours' });
    expect(contractTermsFrom({ incoterm: 'FOB', shipmentDate: null, leadTimeDays: 35, packing: null }, '2026-03-10').specialTerms).toBeNull();
  });
});
