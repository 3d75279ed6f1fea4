import { Link } from 'react-router';
import type { ClaimDraftShipment } from '@portal/schemas';
import { ErrorState, Loading } from '../../../components/states.tsx';
import { useI18n } from '../../../lib/i18n.tsx';
import { useClaimDraftShipments } from '../api/get-filing-terms.ts';

/**
 * For a complaint that names no shipment: the shipments it may concern (those that have left, of
 * its contract or of its company), each a link to the claim draft on that shipment.
 */
export function DraftShipmentChoice({ ticketId, back }: { ticketId: string; back: string }) {
  const { t, date } = useI18n();
  const shipments = useClaimDraftShipments(ticketId, true);
  if (shipments.error) return <ErrorState error={shipments.error} back={{ to: back, label: t('claims.title.queue') }} />;
  if (!shipments.data) return <Loading />;
  if (shipments.data.length === 0) return <p className="muted">{t('claims.new.noShipment')}</p>;
  const when = (s: ClaimDraftShipment) =>
    [s.shippedOn && t('claims.new.shippedOn', { date: date(s.shippedOn) }), s.arrivedOn ? t('claims.new.arrivedOn', { date: date(s.arrivedOn) }) : t('claims.new.notArrived')].filter(Boolean).join(' · ');
  return (
    <section className="card" aria-labelledby="choose-shipment">
      <p id="choose-shipment">{t('claims.new.chooseShipment')}</p>
      <ul className="plain-list">
        {shipments.data.map((s) => (
          <li key={s.id}>
            <Link to={`?ticket=${encodeURIComponent(ticketId)}&shipment=${encodeURIComponent(s.id)}`}>{t('claims.new.shipmentChoice', { shipment: s.number, contract: s.contractNumber })}</Link>
            <span className="muted small"> · {when(s)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
