import { Link } from 'react-router';
import type { CompanySummary } from '@portal/schemas';
import { StatusBadge } from '../../../components/states.tsx';
import { useI18n } from '../../../lib/i18n.tsx';

export function CompaniesTable({ items }: { items: CompanySummary[] }) {
  const { t, country, date } = useI18n();
  return (
    <div className="table-wrap">
      <table className="table table--dense">
        <thead>
          <tr>
            <th scope="col">{t('companies.name')}</th>
            <th scope="col">{t('companies.country')}</th>
            <th scope="col">{t('companies.city')}</th>
            <th scope="col">{t('companies.status')}</th>
            <th scope="col" className="num">{t('companies.users')}</th>
            <th scope="col">{t('companies.registered')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((c) => (
            <tr key={c.id}>
              <td><Link to={`/staff/companies/${c.id}`}>{c.name}</Link></td>
              <td>{country(c.country)}</td>
              <td>{c.city}</td>
              <td><StatusBadge status={c.status} /></td>
              <td className="num">{c.userCount}</td>
              <td>{date(c.createdAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
