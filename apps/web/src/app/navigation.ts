import type { Role } from '@portal/schemas';
import type { MessageKey } from '../lib/messages.ts';

export type NavItem = { to: string; label: MessageKey; end?: boolean };

/** Each role's own navigation; later capabilities add their entries here. */
export function navigationFor(role: Role): NavItem[] {
  if (role === 'BUYER') {
    return [
      { to: '/portal', label: 'nav.overview', end: true },
      { to: '/catalog', label: 'nav.catalog' },
      { to: '/portal/inquiries', label: 'nav.inquiries' },
      { to: '/portal/contracts', label: 'nav.contracts' },
      { to: '/portal/company', label: 'nav.company' },
      { to: '/portal/account', label: 'nav.account' },
    ];
  }
  const items: NavItem[] = [{ to: '/staff', label: 'nav.overview', end: true }];
  items.push({ to: '/staff/inquiries', label: 'nav.inquiries' });
  items.push({ to: '/staff/contracts', label: 'nav.contracts' });
  if (role === 'MANAGER' || role === 'ADMIN') items.push({ to: '/staff/approvals', label: 'nav.quoteApprovals' });
  if (role === 'MANAGER' || role === 'ADMIN') items.push({ to: '/staff/companies?status=PENDING', label: 'nav.approvals' });
  items.push({ to: '/staff/companies', label: 'nav.companies' });
  items.push({ to: '/staff/products', label: 'nav.products' });
  if (role === 'ADMIN') items.push({ to: '/staff/users', label: 'nav.staff' });
  if (role === 'MANAGER' || role === 'ADMIN') items.push({ to: '/staff/settings', label: 'nav.settings' });
  if (role === 'ADMIN') items.push({ to: '/staff/outbox', label: 'nav.outbox' });
  items.push({ to: '/staff/account', label: 'nav.account' });
  return items;
}

/** Where a user lands after signing in. */
export function homeFor(role: Role): string {
  return role === 'BUYER' ? '/portal' : '/staff';
}
