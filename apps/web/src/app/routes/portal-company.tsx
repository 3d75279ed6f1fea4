import { useSession } from '../../features/auth/api/get-session.ts';
import { companyQueryOptions, useCompany } from '../../features/companies/api/get-company.ts';
import { CompanyDetails } from '../../features/companies/components/company-details.tsx';
import { companyUsersQueryOptions } from '../../features/users/api/get-company-users.ts';
import { CompanyUsers } from '../../features/users/components/company-users.tsx';
import { ErrorState, Loading } from '../../components/states.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { settle, type PageLoader } from '../prefetch.ts';

export const clientLoader: PageLoader = (qc) => (_args, user) =>
  settle(user && qc.ensureQueryData(companyQueryOptions(user.company.id)), user && qc.ensureQueryData(companyUsersQueryOptions(user.company.id)));

export default function PortalCompanyRoute() {
  const { t } = useI18n();
  const { data: user } = useSession();
  const company = useCompany(user!.company.id);
  if (company.isPending) return <Loading />;
  if (company.error) return <ErrorState error={company.error} onRetry={() => void company.refetch()} />;
  return (
    <div className="page">
      <h1>{company.data.name}</h1>
      <section className="card">
        <h2>{t('company.details')}</h2>
        <CompanyDetails company={company.data} canEdit={user!.isCompanyAdmin} ownCompany />
      </section>
      <section className="card">
        <h2>{t('company.users')}</h2>
        <CompanyUsers companyId={company.data.id} currentUserId={user!.id} canManage={user!.isCompanyAdmin} />
      </section>
    </div>
  );
}
