import { Navigate, useParams } from 'react-router';
import { quoteQueryOptions, useQuote } from '../../features/quotes/api/get-quote.ts';
import { ErrorState, Loading } from '../../components/states.tsx';
import { useI18n } from '../../lib/i18n.tsx';
import { settle, type PageLoader } from '../prefetch.ts';

export const clientLoader: PageLoader = (qc) => ({ params }) => settle(qc.ensureQueryData(quoteQueryOptions(params.quoteId ?? '')));

/** A PI is worked on its inquiry's page. */
export default function StaffQuoteRoute() {
  const { t } = useI18n();
  const { quoteId = '' } = useParams();
  const { data, error } = useQuote(quoteId);
  if (error) return <ErrorState error={error} back={{ to: '/staff/inquiries', label: t('nav.inquiries') }} />;
  if (!data) return <Loading />;
  return <Navigate to={`/staff/inquiries/${data.inquiry.id}`} replace />;
}
