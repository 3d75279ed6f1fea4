import { describe, expect, it } from 'vitest';
import { assertCanManageCompanyUsers, assertVisibleTo, companyScope, type Actor } from './access.ts';

const buyer: Actor = { userId: 'u1', role: 'BUYER', companyId: 'c1', isCompanyAdmin: false };
const buyerAdmin: Actor = { ...buyer, isCompanyAdmin: true };
const clerk: Actor = { userId: 'u2', role: 'CLERK', companyId: 'exp', isCompanyAdmin: false };

describe('access', () => {
  it('scopes buyers to their company and staff to none', () => {
    expect(companyScope(buyer)).toBe('c1');
    expect(companyScope(clerk)).toBeUndefined();
  });
  it('hides other companies records from buyers as not found', () => {
    expect(() => assertVisibleTo(buyer, 'c2', 'inquiry')).toThrow(/inquiry not found/);
    expect(() => assertVisibleTo(buyer, 'c1', 'inquiry')).not.toThrow();
    expect(() => assertVisibleTo(clerk, 'c2', 'inquiry')).not.toThrow();
  });
  it('lets only company admins and portal admins manage buyer users', () => {
    expect(() => assertCanManageCompanyUsers(buyerAdmin, 'c1')).not.toThrow();
    expect(() => assertCanManageCompanyUsers(buyer, 'c1')).toThrow(/only a company admin/);
    expect(() => assertCanManageCompanyUsers(buyerAdmin, 'c2')).toThrow(/not found/);
    expect(() => assertCanManageCompanyUsers(clerk, 'c1')).toThrow(/only a company admin/);
    expect(() => assertCanManageCompanyUsers({ ...clerk, role: 'ADMIN' }, 'c1')).not.toThrow();
  });
});
