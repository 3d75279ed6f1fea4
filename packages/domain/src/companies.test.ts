import { describe, expect, it } from 'vitest';
import { assertCompanyMayTrade, assertMayTradeWith, canTrade, decideCompanyStatus } from './companies.ts';
import { DomainError } from './errors.ts';

describe('buyer company review', () => {
  it('approves or rejects a pending company', () => {
    expect(decideCompanyStatus('PENDING', 'APPROVE')).toBe('APPROVED');
    expect(decideCompanyStatus('PENDING', 'REJECT')).toBe('REJECTED');
  });

  it('suspends and reinstates an approved company', () => {
    expect(decideCompanyStatus('APPROVED', 'SUSPEND')).toBe('SUSPENDED');
    expect(decideCompanyStatus('SUSPENDED', 'REINSTATE')).toBe('APPROVED');
  });

  it('refuses decisions that do not fit the status', () => {
    expect(() => decideCompanyStatus('APPROVED', 'APPROVE')).toThrow(DomainError);
    expect(() => decideCompanyStatus('REJECTED', 'SUSPEND')).toThrow(/rejected company cannot be suspended/);
  });

  it('lets only approved companies trade', () => {
    expect(canTrade('APPROVED')).toBe(true);
    expect(canTrade('PENDING')).toBe(false);
    expect(canTrade('SUSPENDED')).toBe(false);
  });
});

describe('assertCompanyMayTrade', () => {
  it('lets an approved company’s buyer and every staff role act', () => {
    expect(() => assertCompanyMayTrade({ role: 'BUYER', companyStatus: 'APPROVED' })).not.toThrow();
    for (const role of ['CLERK', 'FINANCE', 'MANAGER', 'ADMIN'] as const) expect(() => assertCompanyMayTrade({ role })).not.toThrow();
  });

  it('refuses a buyer of a suspended, pending or rejected company with 403 and the reason', () => {
    const refusal = (companyStatus: 'PENDING' | 'SUSPENDED' | 'REJECTED') => {
      try {
        assertCompanyMayTrade({ role: 'BUYER', companyStatus });
      } catch (err) {
        return err as DomainError;
      }
      throw new Error('not refused');
    };
    expect(refusal('SUSPENDED')).toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/suspended/) });
    expect(refusal('PENDING')).toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/not approved yet/) });
    expect(refusal('REJECTED')).toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/not approved/) });
  });

  it('refuses a buyer whose standing is unknown', () => {
    expect(() => assertCompanyMayTrade({ role: 'BUYER' })).toThrow(DomainError);
  });
});

describe('trading with a buyer company', () => {
  it('lets staff send only to an approved company, and says why not otherwise', () => {
    expect(() => assertMayTradeWith({ name: 'Rheinland Handel GmbH', status: 'APPROVED' })).not.toThrow();
    for (const [status, why] of [['SUSPENDED', /is suspended: nothing is sent to it until a manager reinstates it/], ['PENDING', /not approved yet/], ['REJECTED', /was not approved/]] as const) {
      expect(() => assertMayTradeWith({ name: 'Rheinland Handel GmbH', status })).toThrow(expect.objectContaining({ code: 'CONFLICT', message: expect.stringMatching(why) }));
    }
  });
});
