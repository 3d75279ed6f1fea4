import { describe, expect, it } from 'vitest';
import { actions, assertCan, assertCanManageCompanyUsers, assertVisibleTo, can, canSeePrices, companyScope, roles, rolesFor, type Actor } from './access.ts';

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

describe('can', () => {
  it('answers from one table, for a user or a role', () => {
    expect(can(clerk, 'quotes.edit')).toBe(true);
    expect(can('CLERK', 'quotes.approve')).toBe(false);
    expect(can('MANAGER', 'quotes.approve')).toBe(true);
    expect(can(buyer, 'negotiation.answer')).toBe(true);
    expect(can('ADMIN', 'negotiation.answer')).toBe(false);
    expect(can('FINANCE', 'lettersOfCredit.review')).toBe(false);
    expect(can('ADMIN', 'lettersOfCredit.review')).toBe(false);
  });

  it('names at least one role for every action, and only known roles', () => {
    for (const action of actions) {
      expect(rolesFor(action).length, action).toBeGreaterThan(0);
      for (const role of rolesFor(action)) expect(roles).toContain(role);
      for (const role of roles) expect(can(role, action)).toBe(rolesFor(action).includes(role));
    }
  });

  it('refuses with FORBIDDEN, naming the roles that may', () => {
    expect(() => assertCan(buyer, 'settings.update')).toThrow(expect.objectContaining({ code: 'FORBIDDEN', message: 'this needs one of the roles: manager, admin' }));
    expect(() => assertCan({ role: 'ADMIN' }, 'settings.update')).not.toThrow();
  });

  it('shows prices to staff and to buyers of an approved company', () => {
    expect(canSeePrices(null)).toBe(false);
    expect(canSeePrices(clerk)).toBe(true);
    expect(canSeePrices({ ...buyer, companyStatus: 'APPROVED' })).toBe(true);
    expect(canSeePrices({ ...buyer, companyStatus: 'PENDING' })).toBe(false);
    expect(canSeePrices(buyer)).toBe(false);
  });
});
