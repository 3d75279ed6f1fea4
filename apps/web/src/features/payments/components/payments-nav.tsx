import { NavLink } from 'react-router';
import { can, type Role } from '@portal/domain/access';
import { usePayText } from '../messages.ts';

/** The finance pages of payments, one tab each (statements only for those who may import). */
export function PaymentsNav({ role }: { role: Role }) {
  const { pt } = usePayText();
  const tabs = [
    { to: '/staff/payments', label: pt('pay.receivables'), end: true },
    ...(can(role, 'payments.manage') ? [{ to: '/staff/payments/statements', label: pt('pay.statements'), end: false }] : []),
    { to: '/staff/payments/ageing', label: pt('pay.ageing'), end: false },
    { to: '/staff/payments/customers', label: pt('pay.customers'), end: false },
  ];
  return (
    <nav aria-label={pt('pay.title')} style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginBottom: 16 }}>
      {tabs.map((t) => <NavLink key={t.to} to={t.to} end={t.end} className={({ isActive }) => `btn btn--small ${isActive ? 'btn--primary' : 'btn--secondary'}`}>{t.label}</NavLink>)}
    </nav>
  );
}
