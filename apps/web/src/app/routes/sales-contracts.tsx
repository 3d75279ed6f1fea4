import { useSession } from '../../features/auth/api/get-session.ts';
import { useContracts } from '../../features/contracts/api/contracts.ts';
import { ContractsTable } from '../../features/contracts/components/contracts-table.tsx';
import { EmptyState, ErrorState, Loading } from '../../components/states.tsx';
import { useI18n } from '../../lib/i18n.tsx';

/** Sales contracts: a buyer's own company's, or all for staff. */
export default function ContractsRoute() {
  const { t } = useI18n();
  const { data: user } = useSession();
  const { items, isPending, error, refetch } = useContracts();
  const staff = user!.role !== 'BUYER';
  return (
    <div className="page">
      <h1>{t('nav.contracts')}</h1>
      {isPending ? <Loading /> : error ? <ErrorState error={error} onRetry={() => void refetch()} /> : items.length === 0 ? <EmptyState>{t('sc.none')}</EmptyState> : (
        <ContractsTable items={items} staff={staff} linkBase={staff ? '/staff/contracts' : '/portal/contracts'} />
      )}
    </div>
  );
}
