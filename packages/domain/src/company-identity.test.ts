import { describe, expect, it } from 'vitest';
import { assertIdentityChangePending, identityChangeNeedsReview, identityChanges } from './company-identity.ts';

const current = { name: 'Northwind Imports Ltd', country: 'GB', taxId: 'GB123' };

describe('identityChanges', () => {
  it('keeps only the identity fields given with another value', () => {
    expect(identityChanges(current, { name: 'Northwind Imports Ltd', country: 'IE', taxId: undefined })).toEqual({ country: 'IE' });
    expect(identityChanges(current, { name: 'Northwind Trading Ltd', taxId: 'GB999' })).toEqual({ name: 'Northwind Trading Ltd', taxId: 'GB999' });
    expect(identityChanges(current, {})).toEqual({});
  });

  it('sees a tax id given to a company that had none', () => {
    expect(identityChanges({ ...current, taxId: null }, { taxId: 'IE1' })).toEqual({ taxId: 'IE1' });
  });
});

describe('identityChangeNeedsReview', () => {
  it('holds a buyer’s change of an approved or suspended company for a manager', () => {
    expect(identityChangeNeedsReview('BUYER', 'APPROVED')).toBe(true);
    expect(identityChangeNeedsReview('BUYER', 'SUSPENDED')).toBe(true);
  });

  it('lets a company still under review and the exporter’s admins change it directly', () => {
    expect(identityChangeNeedsReview('BUYER', 'PENDING')).toBe(false);
    expect(identityChangeNeedsReview('BUYER', 'REJECTED')).toBe(false);
    expect(identityChangeNeedsReview('ADMIN', 'APPROVED')).toBe(false);
  });
});

describe('assertIdentityChangePending', () => {
  it('refuses a decision when nothing waits', () => {
    expect(() => assertIdentityChangePending(null)).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    expect(() => assertIdentityChangePending({ id: 'x' })).not.toThrow();
  });
});
