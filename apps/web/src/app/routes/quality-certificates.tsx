import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useSession } from '../../features/auth/api/get-session.ts';
import { certificatesQueryOptions, useCertificates } from '../../features/shipments/api/search-certificates.ts';
import { useShipmentsText } from '../../features/shipments/messages.ts';
import { EmptyState, ErrorState, Loading } from '../../components/states.tsx';
import { settle, type PageLoader } from '../prefetch.ts';

const keys = ['batchNo', 'product', 'contract'] as const;
const queryOf = (params: URLSearchParams) => Object.fromEntries(keys.map((k) => [k, params.get(k) ?? ''])) as Record<string, string>;

export const clientLoader: PageLoader = (qc) => ({ request }) => settle(qc.ensureQueryData(certificatesQueryOptions(queryOf(new URL(request.url).searchParams))));

/** Batch quality certificates: the buyer looks up those of batches shipped to them by batch, product or contract. */
export default function QualityCertificatesRoute() {
  const { s, day } = useShipmentsText();
  const { data: user } = useSession();
  const [params, setParams] = useSearchParams();
  const query = queryOf(params);
  const [draft, setDraft] = useState(query);
  const { data, isPending, error, refetch } = useCertificates(query);
  const base = user?.role === 'BUYER' ? '/portal' : '/staff';
  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    setParams(Object.fromEntries(Object.entries(draft).filter(([, v]) => v.trim() !== '')));
  };
  return (
    <div className="page">
      <div className="page__title"><h1>{s('qc.title')}</h1></div>
      <p className="muted">{user?.role === 'BUYER' ? s('qc.lead') : s('qc.staffLead')}</p>
      <form className="card form" role="search" onSubmit={submit}>
        <div className="grid-3">
          {keys.map((k) => (
            <div className="field" key={k}>
              <label htmlFor={`q-${k}`}>{s(k === 'batchNo' ? 'qc.batch' : k === 'product' ? 'qc.productSearch' : 'qc.contract')}</label>
              <input id={`q-${k}`} value={draft[k]} onChange={(e) => setDraft({ ...draft, [k]: e.target.value })} />
            </div>
          ))}
        </div>
        <div className="form__actions"><button className="btn btn--primary" type="submit">{s('qc.search')}</button></div>
      </form>
      {isPending ? <Loading /> : error ? <ErrorState error={error} onRetry={() => void refetch()} /> : data.length === 0 ? <EmptyState>{s('qc.none')}</EmptyState> : (
        <section className="card">
          <div className="table-wrap">
            <table className="table table--dense">
              <thead><tr><th scope="col">{s('qc.number')}</th><th scope="col">{s('qc.batch')}</th><th scope="col">{s('qc.product')}</th><th scope="col">{s('qc.contract')}</th><th scope="col">{s('qc.issued')}</th><th scope="col">{s('qc.results')}</th></tr></thead>
              <tbody>
                {data.map((c) => (
                  <tr key={c.id}>
                    <td><Link to={`${base}/certificates/${c.id}`}>{c.certificateNo}</Link></td>
                    <td>{c.batchNo}</td>
                    <td>{c.product.name} <span className="muted small">{c.product.sku}</span></td>
                    <td>{c.contract?.number ?? '—'}</td>
                    <td>{day(c.issuedOn)}</td>
                    <td>{c.results.every((r) => r.pass) ? <span className="badge badge--ok">{s('qc.pass')}</span> : <span className="badge badge--bad">{s('qc.fail')}</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </div>
  );
}
