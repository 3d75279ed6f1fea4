import { describe, expect, it } from 'vitest';
import { canTrade, decideCompanyStatus } from './companies.ts';
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
