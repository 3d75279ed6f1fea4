import { can, type Action, type Role } from '@portal/domain/access';
import type { MessageKey } from '../lib/messages.ts';

export type NavItem = { to: string; label: MessageKey; end?: boolean };

/** An entry of a navigation, shown to the roles the domain's access table allows its action (always, without one). */
type Entry = NavItem & { action?: Action };

const portal: Entry[] = [
  { to: '/portal', label: 'nav.overview', end: true },
  { to: '/catalog', label: 'nav.catalog' },
  { to: '/portal/inquiries', label: 'nav.inquiries', action: 'inquiries.read' },
  { to: '/portal/contracts', label: 'nav.contracts', action: 'salesContracts.read' },
  { to: '/portal/shipments', label: 'nav.shipments', action: 'shipments.read' },
  { to: '/portal/certificates', label: 'nav.certificates', action: 'qualityCertificates.read' },
  { to: '/portal/payments', label: 'nav.payments', action: 'payments.read' },
  { to: '/portal/claims', label: 'nav.claims', action: 'claims.file' },
  { to: '/portal/tickets', label: 'nav.tickets', action: 'tickets.open' },
  { to: '/portal/company', label: 'nav.company', action: 'companies.read' },
  { to: '/portal/account', label: 'nav.account' },
];

const staff: Entry[] = [
  { to: '/staff', label: 'nav.overview', end: true },
  { to: '/staff/inquiries', label: 'nav.inquiries', action: 'inquiries.read' },
  { to: '/staff/contracts', label: 'nav.contracts', action: 'salesContracts.read' },
  { to: '/staff/shipments', label: 'nav.shipments', action: 'shipments.read' },
  { to: '/staff/certificates', label: 'nav.certificates', action: 'qualityCertificates.read' },
  { to: '/staff/payments', label: 'nav.collections', action: 'payments.receivables' },
  { to: '/staff/claims', label: 'nav.claimQueue', action: 'claims.work' },
  { to: '/staff/tickets', label: 'nav.ticketQueue', action: 'tickets.work' },
  { to: '/staff/approvals', label: 'nav.quoteApprovals', action: 'quotes.approve' },
  { to: '/staff/companies?status=PENDING', label: 'nav.approvals', action: 'companies.review' },
  { to: '/staff/companies', label: 'nav.companies', action: 'companies.list' },
  { to: '/staff/products', label: 'nav.products', action: 'catalog.staffRead' },
  { to: '/staff/supplier', label: 'nav.supplier', action: 'catalog.supplierEdit' },
  { to: '/staff/users', label: 'nav.staff', action: 'staff.manage' },
  { to: '/staff/settings', label: 'nav.settings', action: 'settings.update' },
  { to: '/staff/outbox', label: 'nav.outbox', action: 'outbox.manage' },
  { to: '/staff/account', label: 'nav.account' },
];

/** Each role's own navigation: the entries whose action the role may do, by the same `can` the API's routes read. */
export function navigationFor(role: Role): NavItem[] {
  return (role === 'BUYER' ? portal : staff).filter((e) => !e.action || can(role, e.action)).map(({ action: _action, ...item }) => item);
}

/** Where a user lands after signing in. */
export function homeFor(role: Role): string {
  return role === 'BUYER' ? '/portal' : '/staff';
}
