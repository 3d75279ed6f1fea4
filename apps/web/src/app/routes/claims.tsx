import { Link, useSearchParams } from 'react-router';
import { can } from '@portal/domain/access';
import { ClaimStatus } from '@portal/schemas';
import { useSession } from '../../features/auth/api/get-session.ts';
import { claimFinanceQueryOptions, useClaimFinance } from '../../features/claims/api/get-finance.ts';
import { claimsQueryOptions, useClaims } from '../../features/claims/api/list-claims.ts';
import { ClaimsTable } from '../../features/claims/components/claims-table.tsx';
import { FinanceFigures } from '../../features/claims/components/finance-figures.tsx';
import '../../features/claims/claims.css';
import { EmptyState, ErrorState, Loading } from '../../components/states.tsx';
import type { MessageKey } from '../../lib/messages.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { settle, type PageLoader } from '../prefetch.ts';

/** The list's filter from the address: open claims by default, or a status, or all/finished. */
const filterOf = (params: URLSearchParams): Record<string, string> => {
  const status = params.get('status') ?? '';
  if (status) return { status };
  const open = params.get('open') ?? 'true';
  return open === 'all' ? {} : { open };
};

export const clientLoader: PageLoader = (qc) => ({ request }, user) =>
  settle(qc.ensureQueryData(claimsQueryOptions(filterOf(new URL(request.url).searchParams))), user && can(user.role, 'claims.finance') && qc.ensureQueryData(claimFinanceQueryOptions()));

/** Claims: a buyer's own company's; the staff queue with the finance figures per customer for finance and managers. */
export default function ClaimsRoute() {
  const { t } = useI18n();
  const { data: user } = useSession();
  const staff = user!.role !== 'BUYER';
  const [params, setParams] = useSearchParams();
  const filter = filterOf(params);
  const { data, isPending, error, refetch } = useClaims(filter);
  const finance = useClaimFinance(can(user!.role, 'claims.finance'));
  const value = params.get('status') ?? (params.get('open') === 'all' ? 'all' : params.get('open') === 'false' ? 'false' : 'true');
  return (
    <div className="page">
      <h1>{t(staff ? 'claims.title.queue' : 'claims.title.buyer')}</h1>
      {!staff && <p className="muted">{t('claims.intro.buyer')} <Link to="/portal/contracts">{t('nav.contracts')}</Link></p>}
      {finance.data && <FinanceFigures rows={finance.data} />}
      <div className="queue-filter">
        <div className="field">
          <label htmlFor="claims-filter">{t('claims.status')}</label>
          <select id="claims-filter" value={value} onChange={(e) => {
            const v = e.target.value;
            setParams(v === 'true' || v === 'false' || v === 'all' ? { open: v } : { status: v });
          }}>
            <option value="true">{t('claims.filter.open')}</option>
            <option value="false">{t('claims.filter.finished')}</option>
            <option value="all">{t('claims.filter.all')}</option>
            {ClaimStatus.options.map((s) => <option key={s} value={s}>{t(`claims.status.${s}` as MessageKey)}</option>)}
          </select>
        </div>
      </div>
      {isPending ? <Loading /> : error ? <ErrorState error={error} onRetry={() => void refetch()} /> : data.length === 0 ? <EmptyState>{t('claims.none')}</EmptyState> : <ClaimsTable items={data} staff={staff} />}
    </div>
  );
}
