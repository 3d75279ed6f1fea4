import { Link, useParams } from 'react-router';
import { useSession } from '../../features/auth/api/get-session.ts';
import { companyQueryOptions, useCompany } from '../../features/companies/api/get-company.ts';
import { CompanyDetails } from '../../features/companies/components/company-details.tsx';
import { ReviewPanel } from '../../features/companies/components/review-panel.tsx';
import { companyUsersQueryOptions } from '../../features/users/api/get-company-users.ts';
import { IdentityChangeReview } from '../../features/companies/components/identity-change.tsx';
import { CompanyUsers } from '../../features/users/components/company-users.tsx';
import { ErrorState, Loading, StatusBadge } from '../../components/states.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { settle, type PageLoader } from '../prefetch.ts';

export const clientLoader: PageLoader = (qc) => ({ params }) =>
  settle(qc.ensureQueryData(companyQueryOptions(params.companyId ?? '')), qc.ensureQueryData(companyUsersQueryOptions(params.companyId ?? '')));

export default function StaffCompanyRoute() {
  const { t } = useI18n();
  const { companyId = '' } = useParams();
  const { data: user } = useSession();
  const company = useCompany(companyId);
  if (company.isPending) return <Loading />;
  if (company.error) return <ErrorState error={company.error} onRetry={() => void company.refetch()} back={{ to: '/staff/companies', label: t('nav.companies') }} />;
  const reviewer = user!.role === 'MANAGER' || user!.role === 'ADMIN';
  const c = company.data;
  return (
    <div className="page">
      <p><Link to="/staff/companies">← {t('companies.title')}</Link></p>
      <div className="page__title">
        <h1>{c.name}</h1>
        <StatusBadge status={c.status} />
      </div>
      <div className="grid-main-side">
        <section className="card">
          <h2>{t('company.details')}</h2>
          <CompanyDetails company={c} canEdit={user!.role === 'ADMIN'} />
        </section>
        {reviewer && (
          <section className="card" aria-labelledby="review-title">
            <h2 id="review-title">{t('review.title')}</h2>
            <ReviewPanel company={c} />
          </section>
        )}
        {reviewer && c.pendingIdentityChange && (
          <section className="card" aria-labelledby="identity-title">
            <h2 id="identity-title">{t('identity.title')}</h2>
            <IdentityChangeReview company={c} />
          </section>
        )}
      </div>
      <section className="card">
        <h2>{t('company.users')}</h2>
        <CompanyUsers companyId={c.id} currentUserId={user!.id} canManage={user!.role === 'ADMIN'} />
      </section>
    </div>
  );
}
