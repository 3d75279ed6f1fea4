import { describe, expect, it } from 'vitest';
import { DomainError } from './errors.ts';
import { assertCanRecordLetterOfCredit, assertLcDates, decideLetterOfCreditReview, isPaidByLc, lcDiscrepancies, lcShare, type LcContractState } from './letters-of-credit.ts';

const contract = { currency: 'USD', total: '40200.00', paymentTerms: [{ method: 'LC', percent: '100' }], latestShipmentDate: '2027-01-20' };
const good = { amount: '40200.00', currency: 'USD', expiryDate: '2027-02-10', presentationDays: 21, latestShipmentDate: '2027-01-20' };

describe('lcShare', () => {
  it('is the sum of the L/C instalments, rounded as the instalments are', () => {
    expect(lcShare({ currency: 'USD', total: '40200.00', paymentTerms: [{ method: 'TT', percent: '30' }, { method: 'LC', percent: '70' }] })).toBe('28140.00');
    expect(lcShare({ currency: 'USD', total: '100.00', paymentTerms: [{ method: 'LC', percent: '33.33' }, { method: 'TT', percent: '33.33' }, { method: 'LC', percent: '33.34' }] })).toBe('66.67');
  });
  it('is the whole total when no instalment names L/C', () => {
    expect(lcShare({ currency: 'JPY', total: '1000000', paymentTerms: [{ method: 'TT', percent: '100' }] })).toBe('1000000');
  });
});

describe('lcDiscrepancies', () => {
  it('finds none in a credit that fits the contract, expiring exactly on the last presentation day', () => {
    expect(lcDiscrepancies(contract, good)).toEqual([]);
  });
  it('flags another currency (and does not compare amounts across currencies)', () => {
    expect(lcDiscrepancies(contract, { ...good, currency: 'EUR', amount: '1.00' })).toEqual([{ field: 'currency', code: 'CURRENCY', params: { credit: 'EUR', contract: 'USD' }, message: 'the credit is in EUR, the contract in USD' }]);
  });
  it('flags an amount one cent below the L/C share', () => {
    const tt = { ...contract, paymentTerms: [{ method: 'TT', percent: '30' }, { method: 'LC', percent: '70' }] };
    expect(lcDiscrepancies(tt, { ...good, amount: '28140.00' })).toEqual([]);
    expect(lcDiscrepancies(tt, { ...good, amount: '28139.99' })).toEqual([{ field: 'amount', code: 'AMOUNT_SHORT', params: { amount: '28139.99', share: '28140.00', currency: 'USD' }, message: expect.stringContaining('below the L/C share of the contract, USD 28140.00') }]);
  });
  it('flags an expiry that leaves too few days to present the documents of the last shipment (art. 14c)', () => {
    expect(lcDiscrepancies(contract, { ...good, expiryDate: '2027-02-09' })).toEqual([{ field: 'expiryDate', code: 'EXPIRES_BEFORE_PRESENTATION', params: { expiry: '2027-02-09', shipment: '2027-01-20', lastPresentation: '2027-02-10' }, message: expect.stringContaining('could be presented until 2027-02-10 (UCP 600 art. 14c)') }]);
    expect(lcDiscrepancies(contract, { ...good, presentationDays: 10, expiryDate: '2027-01-30' })).toEqual([]);
  });
  it('flags an expiry before the contract’s latest shipment date', () => {
    expect(lcDiscrepancies(contract, { ...good, expiryDate: '2027-01-19', latestShipmentDate: '2027-01-10' })).toEqual([
      { field: 'expiryDate', code: 'EXPIRES_BEFORE_SHIPMENT', params: { expiry: '2027-01-19', shipment: '2027-01-20' }, message: expect.stringContaining("before the contract's latest shipment date 2027-01-20") },
      { field: 'latestShipmentDate', code: 'SHIPMENT_EARLIER', params: { credit: '2027-01-10', contract: '2027-01-20' }, message: expect.stringContaining('earlier than the contract') },
    ]);
  });
  it('flags more than 21 presentation days', () => {
    expect(lcDiscrepancies(contract, { ...good, presentationDays: 30, expiryDate: '2027-03-01' })).toEqual([{ field: 'presentationDays', code: 'PRESENTATION_DAYS', params: { days: 30, max: 21 }, message: expect.stringContaining('21 days') }]);
  });
  it('accepts a credit that leaves the shipment date to the contract, or allows later shipment', () => {
    expect(lcDiscrepancies(contract, { ...good, latestShipmentDate: null })).toEqual([]);
    expect(lcDiscrepancies(contract, { ...good, latestShipmentDate: '2027-01-25', expiryDate: '2027-02-15' })).toEqual([]);
  });
});

describe('assertLcDates', () => {
  it('refuses an expiry before the credit’s own latest shipment date, naming the field', () => {
    expect(() => assertLcDates({ expiryDate: '2027-01-19', latestShipmentDate: '2027-01-20' })).toThrow(DomainError);
    expect(() => assertLcDates({ expiryDate: '2027-01-19', latestShipmentDate: '2027-01-20' })).toThrow(expect.objectContaining({ fields: [{ field: 'body.expiryDate', message: expect.any(String) }] }));
    expect(() => assertLcDates({ expiryDate: '2027-01-20', latestShipmentDate: '2027-01-20' })).not.toThrow();
  });
});

describe('recording and reviewing the credit', () => {
  const lcContract: LcContractState = { status: 'CONFIRMED', paymentMethod: 'LC', paymentTerms: [{ method: 'LC' }], lcStatus: null };
  const dates = { expiryDate: '2027-02-10', latestShipmentDate: '2027-01-20' };
  const conflict = (message: string | RegExp) => expect.objectContaining({ code: 'CONFLICT', message: expect.stringMatching(message) });

  it('is for contracts paid at least in part by L/C', () => {
    expect(isPaidByLc(lcContract)).toBe(true);
    expect(isPaidByLc({ paymentMethod: 'TT', paymentTerms: [{ method: 'TT' }, { method: 'LC' }] })).toBe(true);
    expect(isPaidByLc({ paymentMethod: 'TT', paymentTerms: [{ method: 'TT' }] })).toBe(false);
    expect(() => assertCanRecordLetterOfCredit({ ...lcContract, paymentMethod: 'TT', paymentTerms: [{ method: 'TT' }] }, dates)).toThrow(conflict('the contract is paid by T/T, not by letter of credit'));
  });

  it('is recorded on a confirmed, live contract, again after an amendment request, not once accepted', () => {
    expect(() => assertCanRecordLetterOfCredit(lcContract, dates)).not.toThrow();
    expect(() => assertCanRecordLetterOfCredit({ ...lcContract, lcStatus: 'AMENDMENT_REQUESTED' }, dates)).not.toThrow();
    expect(() => assertCanRecordLetterOfCredit({ ...lcContract, status: 'ISSUED' }, dates)).toThrow(conflict('confirm the contract before recording its letter of credit'));
    expect(() => assertCanRecordLetterOfCredit({ ...lcContract, status: 'CANCELLED' }, dates)).toThrow(conflict('the contract is cancelled; its letter of credit cannot change'));
    expect(() => assertCanRecordLetterOfCredit({ ...lcContract, lcStatus: 'ACCEPTED' }, dates)).toThrow(conflict(/has been accepted/));
    expect(() => assertCanRecordLetterOfCredit(lcContract, { expiryDate: '2027-01-19', latestShipmentDate: '2027-01-20' })).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
  });

  it('is reviewed once, after the buyer recorded it', () => {
    expect(decideLetterOfCreditReview({ ...lcContract, lcStatus: 'RECEIVED' }, 'ACCEPT')).toBe('ACCEPTED');
    expect(decideLetterOfCreditReview({ ...lcContract, lcStatus: 'RECEIVED' }, 'REQUEST_AMENDMENT')).toBe('AMENDMENT_REQUESTED');
    expect(() => decideLetterOfCreditReview(lcContract, 'ACCEPT')).toThrow(conflict('the buyer has not recorded a letter of credit yet'));
    expect(() => decideLetterOfCreditReview({ ...lcContract, lcStatus: 'ACCEPTED' }, 'ACCEPT')).toThrow(conflict(/has already been reviewed \(accepted\)/));
    expect(() => decideLetterOfCreditReview({ ...lcContract, lcStatus: 'AMENDMENT_REQUESTED' }, 'ACCEPT')).toThrow(conflict(/amendment requested/));
  });
});
