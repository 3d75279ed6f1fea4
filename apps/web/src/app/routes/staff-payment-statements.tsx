import { Link } from 'react-router';
import { EmptyState, ErrorState, Loading } from '../../components/states.tsx';
import { useSession } from '../../features/auth/api/get-session.ts';
import { statementImportsQueryOptions, useStatementImports } from '../../features/payments/api/list-statement-imports.ts';
import { PaymentsNav } from '../../features/payments/components/payments-nav.tsx';
import { StatementUpload } from '../../features/payments/components/statement-upload.tsx';
import { usePayText } from '../../features/payments/messages.ts';
import { settle, type PageLoader } from '../prefetch.ts';

export const clientLoader: PageLoader = (qc) => () => settle(qc.ensureQueryData(statementImportsQueryOptions()));

/** Bank statements: upload a camt file; earlier imports with the lines still to decide. */
export default function StaffPaymentStatementsRoute() {
  const { pt, dateTime } = usePayText();
  const { data: user } = useSession();
  const { data, isPending, error, refetch } = useStatementImports();
  return (
    <div className="page">
      <h1>{pt('pay.statements')}</h1>
      <PaymentsNav role={user!.role} />
      <section className="card"><StatementUpload /></section>
      <section className="card">
        <h2>{pt('pay.imports')}</h2>
        {isPending ? <Loading /> : error ? <ErrorState error={error} onRetry={() => void refetch()} /> : data.length === 0 ? <EmptyState>—</EmptyState> : (
          <ul className="plain-list">
            {data.map((i) => (
              <li key={i.id}>
                <Link to={`/staff/payments/statements/${i.id}`}>{i.fileName}</Link> · {dateTime(i.createdAt)} · {pt('pay.credits', { n: i.credits, d: i.duplicates })}
                {i.open > 0 && <span className="badge badge--warn"> {pt('pay.waiting', { n: i.open })}</span>}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
