import { describe, expect, it } from 'vitest';
import { DomainError } from './errors.ts';
import {
  assertInquiryTransition, canTransitionInquiry, checkMoq, inquiryStatuses, isOpenInquiry, isOverdue, isUnanswered, responseDueAt, type InquiryStatus,
} from './inquiries.ts';
import { Dec } from './money.ts';

describe('responseDueAt', () => {
  it('adds the response target in hours to the submission instant', () => {
    const submitted = new Date('2026-03-02T09:15:00.000Z');
    expect(responseDueAt(submitted, 24).toISOString()).toBe('2026-03-03T09:15:00.000Z');
    expect(responseDueAt(submitted, 4).toISOString()).toBe('2026-03-02T13:15:00.000Z');
    expect(responseDueAt(submitted, 0.5).toISOString()).toBe('2026-03-02T09:45:00.000Z');
  });

  it('counts elapsed hours across a month end (instants are UTC)', () => {
    expect(responseDueAt(new Date('2026-02-28T20:00:00Z'), 24).toISOString()).toBe('2026-03-01T20:00:00.000Z');
  });

  it('refuses a target that is not a positive number of hours', () => {
    expect(() => responseDueAt(new Date(), 0)).toThrow(RangeError);
    expect(() => responseDueAt(new Date(), -1)).toThrow(RangeError);
    expect(() => responseDueAt(new Date(), Number.NaN)).toThrow(RangeError);
  });
});

describe('isOverdue', () => {
  const submittedAt = new Date('2026-03-02T09:00:00Z');
  const at = (iso: string) => new Date(iso);
  const open = { status: 'SUBMITTED' as const, submittedAt, firstResponseAt: null };

  it('is false up to and including the due instant, true after it', () => {
    expect(isOverdue(open, at('2026-03-03T08:59:59Z'), 24)).toBe(false);
    expect(isOverdue(open, at('2026-03-03T09:00:00Z'), 24)).toBe(false);
    expect(isOverdue(open, at('2026-03-03T09:00:01Z'), 24)).toBe(true);
  });

  it('follows the configured target', () => {
    expect(isOverdue(open, at('2026-03-02T13:00:01Z'), 4)).toBe(true);
    expect(isOverdue(open, at('2026-03-02T13:00:01Z'), 48)).toBe(false);
  });

  it('is never overdue once answered or no longer waiting for a first answer', () => {
    const late = at('2026-03-10T00:00:00Z');
    expect(isOverdue({ ...open, firstResponseAt: at('2026-03-02T10:00:00Z') }, late, 24)).toBe(false);
    for (const status of inquiryStatuses.filter((s) => s !== 'SUBMITTED')) {
      expect(isOverdue({ ...open, status }, late, 24), status).toBe(false);
    }
  });
});

describe('isUnanswered', () => {
  it('means submitted without a first response', () => {
    expect(isUnanswered({ status: 'SUBMITTED', firstResponseAt: null })).toBe(true);
    expect(isUnanswered({ status: 'SUBMITTED', firstResponseAt: new Date() })).toBe(false);
    expect(isUnanswered({ status: 'QUOTED', firstResponseAt: null })).toBe(false);
  });
});

describe('inquiry transitions', () => {
  const allowed: [InquiryStatus, InquiryStatus][] = [
    ['SUBMITTED', 'QUOTED'], ['SUBMITTED', 'WITHDRAWN'],
    ['QUOTED', 'NEGOTIATING'], ['NEGOTIATING', 'QUOTED'],
    ['QUOTED', 'ACCEPTED'], ['QUOTED', 'DECLINED'], ['QUOTED', 'EXPIRED'], ['QUOTED', 'WITHDRAWN'],
    ['NEGOTIATING', 'ACCEPTED'], ['NEGOTIATING', 'DECLINED'], ['NEGOTIATING', 'EXPIRED'], ['NEGOTIATING', 'WITHDRAWN'],
  ];

  it.each(allowed)('%s → %s is allowed', (from, to) => {
    expect(canTransitionInquiry(from, to)).toBe(true);
    expect(() => assertInquiryTransition(from, to)).not.toThrow();
  });

  it('allows nothing else', () => {
    for (const from of inquiryStatuses) {
      for (const to of inquiryStatuses) {
        const expected = allowed.some(([f, t]) => f === from && t === to);
        expect(canTransitionInquiry(from, to), `${from} → ${to}`).toBe(expected);
      }
    }
  });

  it('refuses with a CONFLICT that says why', () => {
    const attempt = () => assertInquiryTransition('ACCEPTED', 'WITHDRAWN');
    expect(attempt).toThrow(DomainError);
    expect(attempt).toThrow('an inquiry that is accepted cannot be withdrawn');
    expect(attempt).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    expect(() => assertInquiryTransition('SUBMITTED', 'ACCEPTED')).toThrow('an inquiry that is submitted cannot be accepted');
  });

  it('treats accepted, declined, expired and withdrawn as final', () => {
    expect(inquiryStatuses.filter(isOpenInquiry)).toEqual(['SUBMITTED', 'QUOTED', 'NEGOTIATING']);
    for (const final of ['ACCEPTED', 'DECLINED', 'EXPIRED', 'WITHDRAWN'] as const) {
      expect(inquiryStatuses.some((to) => canTransitionInquiry(final, to))).toBe(false);
    }
  });
});

describe('checkMoq', () => {
  it('accepts the MOQ itself and more', () => {
    expect(checkMoq('1000', '1000', 'pc')).toBeNull();
    expect(checkMoq('1000.001', '1000.000', 'pc')).toBeNull();
    expect(checkMoq(new Dec('5000'), new Dec('1000'))).toBeNull();
  });

  it('names the MOQ and the unit when below', () => {
    expect(checkMoq('999', '1000.000', 'pc')).toBe('is below the minimum order quantity of 1000 pc');
    expect(checkMoq('499.5', '500', 'set')).toBe('is below the minimum order quantity of 500 set');
    expect(checkMoq('0.5', '1.5')).toBe('is below the minimum order quantity of 1.5');
  });

  it('compares decimals exactly, not as text or floats', () => {
    expect(checkMoq('10', '9')).toBeNull();
    expect(checkMoq('0.3', '0.30000000000000004')).not.toBeNull();
  });

  it('has nothing to check without an MOQ (a non-catalog line)', () => {
    expect(checkMoq('1', null)).toBeNull();
    expect(checkMoq('1', undefined)).toBeNull();
  });
});

describe('the inquiry list', () => {
  it('takes an active product while there is room; one already listed only changes its quantity', async () => {
    const { assertListable, INQUIRY_LIST_LIMIT } = await import('./inquiries.ts');
    expect(() => assertListable({ status: 'ACTIVE' }, { size: 0, has: false })).not.toThrow();
    expect(() => assertListable({ status: 'ACTIVE' }, { size: INQUIRY_LIST_LIMIT, has: true })).not.toThrow();
    expect(() => assertListable({ status: 'ACTIVE' }, { size: INQUIRY_LIST_LIMIT, has: false })).toThrow(expect.objectContaining({ code: 'CONFLICT', message: expect.stringContaining(`at most ${INQUIRY_LIST_LIMIT} products`) }));
    expect(() => assertListable({ status: 'ARCHIVED' }, { size: 0, has: false })).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    expect(() => assertListable(null, { size: 0, has: false })).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });
});
