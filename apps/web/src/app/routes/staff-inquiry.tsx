import { Link, useParams } from 'react-router';
import { useQueries } from '@tanstack/react-query';
import type { CostSheetFigures } from '@portal/domain';
import { useSession } from '../../features/auth/api/get-session.ts';
import { editableProductQueryOptions } from '../../features/catalog/api/get-editable-product.ts';
import { buyingRatesQueryOptions } from '../../features/costing/api/get-buying-rates.ts';
import { costSheetsQueryOptions } from '../../features/costing/api/list-cost-sheets.ts';
import { CostingWorkbench } from '../../features/costing/components/costing-workbench.tsx';
import { inquiryQueryOptions, useInquiry } from '../../features/inquiries/api/get-inquiry.ts';
import { InquiryDetails } from '../../features/inquiries/components/inquiry-details.tsx';
import { threadQueryOptions } from '../../features/negotiation/api/get-thread.ts';
import { NegotiationThreadView } from '../../features/negotiation/components/thread.tsx';
import { useCreateQuote } from '../../features/quotes/api/create-quote.ts';
import { quoteQueryOptions, useQuote } from '../../features/quotes/api/get-quote.ts';
import { useUpdateQuoteDraft } from '../../features/quotes/api/update-quote-draft.ts';
import { QuoteEditor, type EditorLine } from '../../features/quotes/components/quote-editor.tsx';
import { StaffQuotePanel } from '../../features/quotes/components/staff-quote-panel.tsx';
import { ExposurePanel } from '../../features/payments/components/exposure-panel.tsx';
import { liveMargin } from '../../features/quotes/utils/live-margin.ts';
import { settingsQueryOptions, useSettings } from '../../features/settings/api/get-settings.ts';
import { ErrorState, Loading } from '../../components/states.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { settle, type PageLoader } from '../prefetch.ts';

const openStatuses = ['SUBMITTED', 'QUOTED', 'NEGOTIATING'];
const productsOf = (lines: { productId: string | null }[]) => [...new Set(lines.flatMap((l) => (l.productId ? [l.productId] : [])))];

/** What the clerk's page shows: the inquiry, then its PI, thread and the products' packing and cost sheets; the settings and rates. */
export const clientLoader: PageLoader = (qc) => ({ params }) => {
  const withInquiry = qc.ensureQueryData(inquiryQueryOptions(params.inquiryId ?? '')).then((i) =>
    Promise.allSettled([
      i.quotes[0] && qc.ensureQueryData(quoteQueryOptions(i.quotes[0].id)),
      qc.ensureQueryData(threadQueryOptions(i.id)),
      ...productsOf(i.lines).flatMap((id) => [qc.ensureQueryData(editableProductQueryOptions(id)), qc.ensureQueryData(costSheetsQueryOptions(id))]),
    ]),
  );
  return settle(withInquiry, qc.ensureQueryData(settingsQueryOptions()), qc.ensureQueryData(buyingRatesQueryOptions()));
};

/** One inquiry for the clerk: what was asked, the costing workbench per line, the PI and its sending. */
export default function StaffInquiryRoute() {
  const { t } = useI18n();
  const { inquiryId = '' } = useParams();
  const { data: user } = useSession();
  const inquiry = useInquiry(inquiryId);
  const quote = useQuote(inquiry.data?.quotes[0]?.id);
  const create = useCreateQuote(inquiryId);
  const latest = quote.data?.revisions[0];
  const update = useUpdateQuoteDraft(quote.data?.id ?? '', latest?.revisionNo ?? 0);
  const productIds = productsOf(inquiry.data?.lines ?? []);
  // Packing and lead times of the quoted products, for freight and the PI.
  const products = useQueries({ queries: productIds.map((id) => editableProductQueryOptions(id)) });
  // Each product's cost sheets (shared with the workbench's cache), for the live margin.
  const sheets = useQueries({ queries: productIds.map((id) => costSheetsQueryOptions(id)) });
  const settings = useSettings();
  if (inquiry.isPending || (inquiry.data?.quotes.length && quote.isPending)) return <Loading />;
  if (inquiry.error) return <ErrorState error={inquiry.error} onRetry={() => void inquiry.refetch()} back={{ to: '/staff/inquiries', label: t('nav.inquiries') }} />;
  const i = inquiry.data;
  const role = user!.role;
  const editors = role === 'CLERK' || role === 'MANAGER' || role === 'ADMIN';
  const isDraft = latest?.status === 'DRAFT';
  const open = openStatuses.includes(i.status);
  const canCompose = editors && (!latest || isDraft || latest.status === 'SENT') && open;
  const productOf = new Map(products.flatMap((p) => (p.data ? [[p.data.id, p.data] as const] : [])));
  const sheetsOf = new Map(productIds.map((id, n) => [id, sheets[n]?.data ?? []]));
  const leadTime = Math.max(30, ...[...productOf.values()].map((p) => p.leadTimeDays));

  /** The line's cost sheet as the API will choose it: the one it cites, else its product's latest. */
  const marginOf = (line: EditorLine, incoterm: string) => {
    const productSheets = (line.productId && sheetsOf.get(line.productId)) || [];
    const sheet = productSheets.find((s) => s.id === line.costSheetId) ?? productSheets[0];
    const floor = (line.productId && productOf.get(line.productId)?.marginFloorRate) || settings.data?.marginFloorRate;
    if (!floor) return null;
    return liveMargin({ sheet: sheet?.result as CostSheetFigures | undefined, incoterm, currency: i.currency, unitPrice: line.unitPrice, floor });
  };

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
      {quote.data && (
        <StaffQuotePanel quote={quote.data} canEdit={editors} canApprove={role === 'MANAGER' || role === 'ADMIN'}>
          {i.status === 'ACCEPTED' && <p className="notice notice--info">{t('neg.acceptedStaff')} <Link to="/staff/contracts">{t('nav.contracts')}</Link></p>}
          {open && quote.data.revisions[0] && <ExposurePanel companyId={i.buyerCompany.id} amount={quote.data.revisions[0].total.amount} currency={quote.data.revisions[0].total.currency} />}
        </StaffQuotePanel>
      )}
      <section className="card" aria-labelledby="thread-title">
        <h2 id="thread-title">{t('neg.title')}</h2>
        <NegotiationThreadView inquiryId={i.id} mySide="EXPORTER" canWrite={editors && open} currency={i.currency} />
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
              const p = line.productId ? productOf.get(line.productId) : undefined;
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
          <ExposurePanel companyId={i.buyerCompany.id} amount={isDraft ? latest?.total.amount : undefined} currency={i.currency} />
        </section>
      )}
    </div>
  );
}
