import { Navigate, useParams } from 'react-router';
import { useQuote } from '../../features/quotes/api/quotes.ts';
import { ErrorState, Loading } from '../../components/states.tsx';

/** A PI is worked on its inquiry's page. */
export default function StaffQuoteRoute() {
  const { quoteId = '' } = useParams();
  const { data, error } = useQuote(quoteId);
  if (error) return <ErrorState error={error} />;
  if (!data) return <Loading />;
  return <Navigate to={`/staff/inquiries/${data.inquiry.id}`} replace />;
}
