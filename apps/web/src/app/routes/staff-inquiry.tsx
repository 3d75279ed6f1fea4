import { Link, useParams } from 'react-router';
import { useQueries, useQuery } from '@tanstack/react-query';
import type { BusinessSettings, CostSheetView, CostingResult, ProductEditable } from '@portal/schemas';
import { useSession } from '../../features/auth/api/get-session.ts';
import { CostingWorkbench } from '../../features/costing/components/costing-workbench.tsx';
import { useInquiry } from '../../features/inquiries/api/inquiries.ts';
import { InquiryDetails } from '../../features/inquiries/components/inquiry-details.tsx';
import { useCreateQuote, useQuote, useSendRevision, useUpdateDraft } from '../../features/quotes/api/quotes.ts';
import { RevisionDiff } from '../../features/negotiation/components/revision-diff.tsx';
import { NegotiationThreadView } from '../../features/negotiation/components/thread.tsx';
import { ApprovalPanel } from '../../features/quotes/components/approval-panel.tsx';
import { QuoteEditor } from '../../features/quotes/components/quote-editor.tsx';
import { QuoteRevision } from '../../features/quotes/components/quote-revision.tsx';
import { FormAlert } from '../../components/form.tsx';
import { ErrorState, Loading } from '../../components/states.tsx';
import { api } from '../../lib/api.ts';
import { useI18n } from '../../lib/i18n.tsx';

/** One inquiry for the clerk: what was asked, the costing workbench per line, the PI and its sending. */
export default function StaffInquiryRoute() {
  const { t } = useI18n();
  const { inquiryId = '' } = useParams();
  const { data: user } = useSession();
  const inquiry = useInquiry(inquiryId);
  const quote = useQuote(inquiry.data?.quotes[0]?.id);
  const create = useCreateQuote(inquiryId);
  const latest = quote.data?.revisions[0];
  const update = useUpdateDraft(quote.data?.id ?? '', latest?.revisionNo ?? 0);
  const send = useSendRevision(quote.data?.id ?? '');
  const productIds = (inquiry.data?.lines ?? []).map((l) => l.productId).filter((x): x is string => Boolean(x));
  // Packing and lead times of the quoted products, for freight and the PI.
  const products = useQuery({
    queryKey: ['staff-products-by-id', productIds],
    queryFn: () => Promise.all(productIds.map((id) => api<ProductEditable>(`/api/products/${id}`))),
    enabled: productIds.length > 0,
  });
  // The latest cost sheet of each product (shared with the workbench's cache), for the live margin.
  const sheets = useQueries({
    queries: productIds.map((id) => ({ queryKey: ['cost-sheets', id], queryFn: ({ signal }: { signal: AbortSignal }) => api<CostSheetView[]>(`/api/cost-sheets?productId=${id}`, { signal }) })),
  });
  const settings = useQuery({ queryKey: ['settings'], queryFn: ({ signal }) => api<BusinessSettings>('/api/settings', { signal }) });
  if (inquiry.isPending || (inquiry.data?.quotes.length && quote.isPending)) return <Loading />;
  if (inquiry.error) return <ErrorState error={inquiry.error} onRetry={() => void inquiry.refetch()} />;
  const i = inquiry.data;
  const editors = user!.role === 'CLERK' || user!.role === 'MANAGER' || user!.role === 'ADMIN';
  const isDraft = latest?.status === 'DRAFT';
  const canCompose = editors && (!latest || isDraft || latest.status === 'SENT') && ['SUBMITTED', 'QUOTED', 'NEGOTIATING'].includes(i.status);
  const byId = new Map((products.data ?? []).map((p) => [p.id, p]));
  const sheetOf = new Map(productIds.map((id, n) => [id, sheets[n]?.data?.[0]]));
  /** A preview only (display floats): the server recomputes margins in decimals when the draft is saved. */
  const marginOf = (line: { productId?: string; unitPrice: string }, incoterm: string) => {
    const sheet = line.productId ? sheetOf.get(line.productId) : undefined;
    const price = Number(line.unitPrice);
    if (!sheet || !price) return null;
    const result = sheet.result as unknown as CostingResult;
    if (result.quoteCurrency !== i.currency) return null;
    const term = ['CIF', 'CIP'].includes(incoterm) ? 'CIF' : ['CFR', 'CPT', 'DAP', 'DPU', 'DDP'].includes(incoterm) ? 'CFR' : 'FOB';
    const p = result.prices[term];
    if (!p) return null;
    const cost = (Number(p.costBase) + Number(p.insurance)) / Number(result.exchangeRate);
    const product = byId.get(line.productId!);
    const floor = Number(product?.marginFloorRate ?? settings.data?.marginFloorRate ?? '0.08');
    return { rate: (price - cost) / price, floor };
  };
  const leadTime = Math.max(30, ...(products.data ?? []).map((p) => p.leadTimeDays));

  return (
    <div className="page">
      <p><Link to="/staff/inquiries">← {t('rfq.inbox')}</Link></p>
      <div className="page__title">
        <h1>{i.number} · {i.buyerCompany.name}</h1>
        <span className="badge badge--info">{t(`inq.${i.status}`)}</span>
        {i.overdue && <span className="badge badge--bad">{t('rfq.overdue')}</span>}
      </div>
      <section className="card">
        <h2>{t('rfq.request')}</h2>
        <InquiryDetails inquiry={i} />
      </section>
      {latest && (
        <section className="card" aria-labelledby="pi-title">
          <h2 id="pi-title">{t('pi.title')}</h2>
          <QuoteRevision quoteNumber={quote.data!.number} revision={latest} />
          {latest.status === 'PENDING_APPROVAL' && (user!.role === 'MANAGER' || user!.role === 'ADMIN') && <ApprovalPanel quoteId={quote.data!.id} revisionNo={latest.revisionNo} />}
          {latest.status === 'PENDING_APPROVAL' && user!.role === 'CLERK' && <p className="notice">{t('pi.waitingApproval')}</p>}
          {isDraft && editors && (
            <div className="form__actions">
              <button type="button" className="btn btn--primary" disabled={send.isPending} onClick={() => send.mutate(latest.revisionNo)}>
                {latest.staff?.belowMarginFloor ? t('pi.submitApproval') : t('pi.send')}
              </button>
              {latest.staff?.belowMarginFloor && <span className="notice">{t('pi.belowFloorNote')}</span>}
            </div>
          )}
          <FormAlert message={send.error?.message} />
          {i.status === 'ACCEPTED' && <p className="notice notice--info">{t('neg.acceptedStaff')} <Link to="/staff/contracts">{t('nav.contracts')}</Link></p>}
          {quote.data!.revisions[1] && <RevisionDiff current={latest} previous={quote.data!.revisions[1]} />}
          {quote.data!.revisions.length > 1 && (
            <details>
              <summary>{t('pi.earlier', { count: quote.data!.revisions.length - 1 })}</summary>
              <div className="stack">{quote.data!.revisions.slice(1).map((r) => <QuoteRevision key={r.id} quoteNumber={quote.data!.number} revision={r} />)}</div>
            </details>
          )}
        </section>
      )}
      <section className="card" aria-labelledby="thread-title">
        <h2 id="thread-title">{t('neg.title')}</h2>
        <NegotiationThreadView inquiryId={i.id} mySide="EXPORTER" canWrite={editors && ['SUBMITTED', 'QUOTED', 'NEGOTIATING'].includes(i.status)} currency={i.currency} />
      </section>
      {canCompose && (
        <section className="card" aria-labelledby="compose-title">
          <h2 id="compose-title">{isDraft ? t('pi.editDraft') : latest ? t('pi.newRevision') : t('pi.compose')}</h2>
          <QuoteEditor
            key={latest?.id ?? 'new'}
            inquiry={i}
            {...(isDraft ? { draft: latest } : {})}
            leadTimeDays={leadTime}
            {...(settings.data ? { validityDays: settings.data.quoteValidityDays } : {})}
            marginOf={marginOf}
            saving={create.isPending || update.isPending}
            error={isDraft ? update.error : create.error}
            onSave={(body) => (isDraft ? update.mutate(body) : create.mutate(body))}
            workbench={(line, usePrice) => {
              const p = line.productId ? byId.get(line.productId) : undefined;
              return (
                <CostingWorkbench
                  productId={line.productId ?? null}
                  hsCode={p?.hsCode ?? null}
                  name={`${p?.sku ?? line.description} · ${i.number}`}
                  quantity={line.quantity}
                  quoteCurrency={i.currency}
                  packing={p ? { unitsPerCarton: p.unitsPerCarton, cartonLengthCm: p.cartonLengthCm, cartonWidthCm: p.cartonWidthCm, cartonHeightCm: p.cartonHeightCm, cartonGrossWeightKg: p.cartonGrossWeightKg } : null}
                  onUsePrice={usePrice}
                />
              );
            }}
          />
        </section>
      )}
    </div>
  );
}
