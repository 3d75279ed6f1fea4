import { useParams } from 'react-router';
import { ErrorState, Loading } from '../../components/states.tsx';
import { useSession } from '../../features/auth/api/get-session.ts';
import { collectionCustomersQueryOptions } from '../../features/payments/api/list-customers.ts';
import { statementImportQueryOptions, useStatementImport } from '../../features/payments/api/get-statement-import.ts';
import { PaymentsNav } from '../../features/payments/components/payments-nav.tsx';
import { StatementReview } from '../../features/payments/components/statement-review.tsx';
import { usePayText } from '../../features/payments/messages.ts';
import { settle, type PageLoader } from '../prefetch.ts';

export const clientLoader: PageLoader = (qc) => ({ params }) => settle(qc.ensureQueryData(statementImportQueryOptions(params.importId ?? '')), qc.ensureQueryData(collectionCustomersQueryOptions()));

/** The review of one statement import: proposed matches with their reasons, confirmed or corrected in one screen. */
export default function StaffPaymentStatementRoute() {
  const { pt } = usePayText();
  const { importId = '' } = useParams();
  const { data: user } = useSession();
  const { data, isPending, error, refetch } = useStatementImport(importId);
  return (
    <div className="page">
      <h1>{pt('pay.review')}</h1>
      <PaymentsNav role={user!.role} />
      {isPending ? <Loading /> : error ? <ErrorState error={error} onRetry={() => void refetch()} /> : <StatementReview imp={data} />}
    </div>
  );
}
