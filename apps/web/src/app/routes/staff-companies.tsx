import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { CompanyStatus } from '@portal/schemas';
import type { CompanyFilter } from '../../features/companies/api/keys.ts';
import { companiesQueryOptions, useCompanies } from '../../features/companies/api/list-companies.ts';
import { CompaniesTable } from '../../features/companies/components/companies-table.tsx';
import { Pagination } from '../../components/pagination.tsx';
import { EmptyState, ErrorState, Loading } from '../../components/states.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { settle, type PageLoader } from '../prefetch.ts';

const statuses: CompanyStatus[] = ['PENDING', 'APPROVED', 'REJECTED', 'SUSPENDED'];

/** The directory's filter as the URL has it. */
function filterOf(params: URLSearchParams): CompanyFilter {
  const status = params.get('status') as CompanyStatus;
  const q = params.get('q');
  return { ...(statuses.includes(status) ? { status } : {}), ...(q ? { q } : {}), page: Math.max(1, Number(params.get('page')) || 1) };
}

export const clientLoader: PageLoader = (qc) => ({ request }) => settle(qc.ensureQueryData(companiesQueryOptions(filterOf(new URL(request.url).searchParams))));

/** The buyer directory; its filters live in the URL so a link reproduces the view. */
export default function StaffCompaniesRoute() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const filter = filterOf(params);
  const { status } = filter;
  const q = filter.q ?? '';
  const [search, setSearch] = useState(q);
  useEffect(() => setSearch(q), [q]);

  const { data, isPending, error, refetch } = useCompanies(filter);

  function update(next: Record<string, string | undefined>) {
    const merged = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) v ? merged.set(k, v) : merged.delete(k);
    if (!('page' in next)) merged.delete('page');
    setParams(merged);
  }

  return (
    <div className="page">
      <h1>{status === 'PENDING' ? t('companies.approvals') : t('companies.title')}</h1>
      <div className="toolbar">
        <div className="segmented" role="group" aria-label={t('companies.status')}>
          <button type="button" aria-pressed={!status} onClick={() => update({ status: undefined })}>{t('companies.all')}</button>
          {statuses.map((s) => (
            <button key={s} type="button" aria-pressed={status === s} onClick={() => update({ status: s })}>{t(`status.${s}`)}</button>
          ))}
        </div>
        <form role="search" onSubmit={(e) => { e.preventDefault(); update({ q: search.trim() || undefined }); }}>
          <label className="visually-hidden" htmlFor="company-search">{t('companies.search')}</label>
          <input id="company-search" type="search" placeholder={t('companies.search')} value={search} onChange={(e) => setSearch(e.target.value)} maxLength={100} />
        </form>
      </div>
      {isPending ? (
        <Loading />
      ) : error ? (
        <ErrorState error={error} onRetry={() => void refetch()} />
      ) : data.items.length === 0 ? (
        <EmptyState>{status === 'PENDING' && !q ? t('companies.emptyPending') : t('companies.empty')}</EmptyState>
      ) : (
        <>
          <CompaniesTable items={data.items} />
          <Pagination page={data.page} pageSize={data.pageSize} total={data.total} onPage={(p) => update({ page: String(p) })} />
        </>
      )}
    </div>
  );
}
