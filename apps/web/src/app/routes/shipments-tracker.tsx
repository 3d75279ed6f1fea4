import { useSession } from '../../features/auth/api/get-session.ts';
import { trackerQueryOptions, useTracker } from '../../features/shipments/api/get-tracker.ts';
import { TrackerTable } from '../../features/shipments/components/tracker-table.tsx';
import { useShipmentsText } from '../../features/shipments/messages.ts';
import { EmptyState, ErrorState, Loading } from '../../components/states.tsx';
import { settle, type PageLoader } from '../prefetch.ts';

export const clientLoader: PageLoader = (qc) => () => settle(qc.ensureQueryData(trackerQueryOptions()));

/** The order tracker's overview: every open contract with its next milestone and punctuality (buyers: their own; staff: all). */
export default function ShipmentsTrackerRoute() {
  const { s } = useShipmentsText();
  const { data: user } = useSession();
  const { data, isPending, error, refetch } = useTracker();
  const staff = user?.role !== 'BUYER';
  return (
    <div className="page">
      <div className="page__title"><h1>{s('tracker.title')}</h1></div>
      <p className="muted">{staff ? s('tracker.staffLead') : s('tracker.lead')}</p>
      {isPending ? <Loading /> : error ? <ErrorState error={error} onRetry={() => void refetch()} /> : data.length === 0 ? <EmptyState>{s('tracker.empty')}</EmptyState> : (
        <section className="card"><TrackerTable rows={data} staff={staff} linkFor={(id) => (staff ? `/staff/contracts/${id}/execution` : `/portal/contracts/${id}/tracking`)} /></section>
      )}
    </div>
  );
}
