import { Link, useParams } from 'react-router';
import { useQueries } from '@tanstack/react-query';
import type { InquiryDetail } from '@portal/schemas';
import { useSession } from '../../features/auth/api/get-session.ts';
import { editableProductQueryOptions, useEditableProduct } from '../../features/catalog/api/get-editable-product.ts';
import { ProductPicker } from '../../features/catalog/components/product-picker.tsx';
import { buyingRatesQueryOptions } from '../../features/costing/api/get-buying-rates.ts';
import { costSheetsQueryOptions, useCostSheets } from '../../features/costing/api/list-cost-sheets.ts';
import { CostingWorkbench } from '../../features/costing/components/costing-workbench.tsx';
import { inquiryQueryOptions, useInquiry } from '../../features/inquiries/api/get-inquiry.ts';
import { InquiryDetails } from '../../features/inquiries/components/inquiry-details.tsx';
import { threadQueryOptions, useThread } from '../../features/negotiation/api/get-thread.ts';
import { NegotiationThreadView } from '../../features/negotiation/components/thread.tsx';
import { useCreateQuote } from '../../features/quotes/api/create-quote.ts';
import { quoteQueryOptions, useQuote } from '../../features/quotes/api/get-quote.ts';
import { useUpdateQuoteDraft } from '../../features/quotes/api/update-quote-draft.ts';
import { MarginHint, QuoteEditor, type EditorLine } from '../../features/quotes/components/quote-editor.tsx';
import { RevisionBuilder, type CounterLine } from '../../features/quotes/components/revision-builder.tsx';
import { StaffQuotePanel } from '../../features/quotes/components/staff-quote-panel.tsx';
import { ExposurePanel } from '../../features/payments/components/exposure-panel.tsx';
import { liveMargin, sheetForLine } from '../../features/quotes/utils/live-margin.ts';
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

/**
 * The live margin under a line's price: its product's cost sheet (the one the API will choose) and
 * floor, costed by the domain's liveLineMargin as the API costs the saved draft. Any line, also one
 * just added from the catalog, loads its own product and sheets (shared with the workbench's cache).
 */
function LineMargin({ line, incoterm, currency, settingFloor }: { line: EditorLine; incoterm: string; currency: string; settingFloor: string | undefined }) {
  const sheets = useCostSheets(line.productId ?? null);
  const product = useEditableProduct(line.productId);
  const floor = product.data?.marginFloorRate || settingFloor;
  if (!line.productId || !floor) return null;
  return <MarginHint margin={liveMargin({ sheet: sheetForLine(sheets.data ?? [], line.costSheetId, currency), incoterm, currency, unitPrice: line.unitPrice, quantity: line.quantity, floor })} />;
}

/** The costing workbench under a line, with its product's packing and HS code. */
function LineWorkbench({ line, inquiry, usePrice }: { line: EditorLine; inquiry: InquiryDetail; usePrice: (price: string, costSheetId: string | undefined) => void }) {
  const { data: p } = useEditableProduct(line.productId);
  return (
    <CostingWorkbench
      productId={line.productId ?? null}
      hsCode={p?.hsCode ?? null}
      name={`${p?.sku ?? line.description} · ${inquiry.number}`}
      quantity={line.quantity}
      quoteCurrency={inquiry.currency}
      packing={p ? { unitsPerCarton: p.unitsPerCarton, cartonLengthCm: p.cartonLengthCm, cartonWidthCm: p.cartonWidthCm, cartonHeightCm: p.cartonHeightCm, cartonGrossWeightKg: p.cartonGrossWeightKg } : null}
      onUsePrice={usePrice}
    />
  );
}

/** One inquiry for the clerk: what was asked, the costing workbench per line, the PI and its sending, the next revision built from the buyer's counter. */
export default function StaffInquiryRoute() {
  const { t } = useI18n();
  const { inquiryId = '' } = useParams();
  const { data: user } = useSession();
  const inquiry = useInquiry(inquiryId);
  const quote = useQuote(inquiry.data?.quotes[0]?.id);
  const thread = useThread(inquiryId);
  const create = useCreateQuote(inquiryId);
  const latest = quote.data?.revisions[0];
  const update = useUpdateQuoteDraft(quote.data?.id ?? '', latest?.revisionNo ?? 0);
  const settings = useSettings();
  // The quoted products' lead times set the PI's default.
  const products = useQueries({ queries: productsOf(inquiry.data?.lines ?? []).map((id) => editableProductQueryOptions(id)) });
  if (inquiry.isPending || (inquiry.data?.quotes.length && quote.isPending)) return <Loading />;
  if (inquiry.error) return <ErrorState error={inquiry.error} onRetry={() => void inquiry.refetch()} back={{ to: '/staff/inquiries', label: t('nav.inquiries') }} />;
  const i = inquiry.data;
  const role = user!.role;
  const editors = role === 'CLERK' || role === 'MANAGER' || role === 'ADMIN';
  const isDraft = latest?.status === 'DRAFT';
  const open = openStatuses.includes(i.status);
  const canCompose = editors && (!latest || isDraft) && open;
  // A sent revision is answered with the next one, built from it and the buyer's latest counter-offer on it.
  const canBuild = editors && open && latest?.status === 'SENT' && quote.data?.status === 'OPEN';
  const counter: CounterLine[] =
    thread.data?.messages.filter((m) => m.kind === 'COUNTER_OFFER' && m.revisionNo === latest?.revisionNo && m.counterOffer).at(-1)?.counterOffer?.lines ?? [];
  const leadTime = Math.max(30, ...products.flatMap((p) => (p.data ? [p.data.leadTimeDays] : [])));

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
      {canBuild && quote.data && latest && (
        <section className="card" aria-labelledby="build-title">
          <RevisionBuilder quoteId={quote.data.id} lastSent={latest} counter={counter} />
        </section>
      )}
      {canCompose && (
        <section className="card" aria-labelledby="compose-title">
          <h2 id="compose-title">{isDraft ? t('pi.editDraft') : t('pi.compose')}</h2>
          <QuoteEditor
            key={latest?.id ?? 'new'}
            inquiry={i}
            {...(isDraft ? { draft: latest } : {})}
            leadTimeDays={leadTime}
            {...(settings.data ? { validityDays: settings.data.quoteValidityDays } : {})}
            renderMargin={(line, incoterm, currency) => <LineMargin line={line} incoterm={incoterm} currency={currency} settingFloor={settings.data?.marginFloorRate} />}
            saving={create.isPending || update.isPending}
            error={isDraft ? update.error : create.error}
            onSave={(body) => (isDraft ? update.mutate(body) : create.mutate(body))}
            workbench={(line, usePrice) => <LineWorkbench line={line} inquiry={i} usePrice={usePrice} />}
            productPicker={(onPick) => <ProductPicker onPick={onPick} />}
          />
          <ExposurePanel companyId={i.buyerCompany.id} amount={isDraft ? latest?.total.amount : undefined} currency={i.currency} />
        </section>
      )}
    </div>
  );
}
