import { Link, useParams } from 'react-router';
import { useSession } from '../../features/auth/api/get-session.ts';
import { certificateQueryOptions, useCertificate } from '../../features/shipments/api/get-certificate.ts';
import { CertificateView } from '../../features/shipments/components/certificate-view.tsx';
import { useShipmentsText } from '../../features/shipments/messages.ts';
import { ErrorState, Loading } from '../../components/states.tsx';
import { settle, type PageLoader } from '../prefetch.ts';

export const clientLoader: PageLoader = (qc) => ({ params }) => settle(qc.ensureQueryData(certificateQueryOptions(params.certificateId ?? '')));

/** One batch certificate, with a print button (the page prints without the portal's frame). */
export default function QualityCertificateRoute() {
  const { s } = useShipmentsText();
  const { certificateId = '' } = useParams();
  const { data: user } = useSession();
  const { data, isPending, error, refetch } = useCertificate(certificateId);
  if (isPending) return <Loading />;
  if (error) return <ErrorState error={error} onRetry={() => void refetch()} />;
  const base = user?.role === 'BUYER' ? '/portal' : '/staff';
  return (
    <div className="page">
      <p className="no-print"><Link to={`${base}/certificates`}>← {s('qc.back')}</Link></p>
      <div className="page__title">
        <h1 id="certificate-title">{s('qc.heading', { number: data.certificateNo })}</h1>
        <button type="button" className="btn btn--secondary btn--small no-print" onClick={() => window.print()}>{s('qc.print')}</button>
      </div>
      <CertificateView certificate={data} labelledBy="certificate-title" />
    </div>
  );
}
