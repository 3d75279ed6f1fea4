import { useSession } from '../../features/auth/api/get-session.ts';
import { salesContractsQueryOptions, useSalesContracts } from '../../features/sales-contracts/api/list-sales-contracts.ts';
import { ContractsTable } from '../../features/sales-contracts/components/contracts-table.tsx';
import { EmptyState, ErrorState, Loading } from '../../components/states.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { settle, type PageLoader } from '../prefetch.ts';

export const clientLoader: PageLoader = (qc) => () => settle(qc.ensureQueryData(salesContractsQueryOptions()));

/** Sales contracts: a buyer's own company's, or all for staff. */
export default function SalesContractsRoute() {
  const { t } = useI18n();
  const { data: user } = useSession();
  const { data, isPending, error, refetch } = useSalesContracts();
  const staff = user!.role !== 'BUYER';
  return (
    <div className="page">
      <h1>{t('nav.contracts')}</h1>
      {isPending ? <Loading /> : error ? <ErrorState error={error} onRetry={() => void refetch()} /> : data.length === 0 ? <EmptyState>{t('sc.none')}</EmptyState> : (
        <ContractsTable items={data} staff={staff} linkBase={staff ? '/staff/contracts' : '/portal/contracts'} />
      )}
    </div>
  );
}
