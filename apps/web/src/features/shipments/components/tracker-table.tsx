import { Link } from 'react-router';
import type { TrackerRow } from '@portal/schemas';
import { useShipmentsText } from '../messages.ts';

const tone = { ON_TIME: 'ok', AT_RISK: 'warn', LATE: 'bad' } as const;

/** Whether a contract keeps its latest shipment date: late says by how much in the badge itself. */
function Punctuality({ punctuality: p }: { punctuality: TrackerRow['punctuality'] }) {
  const { s } = useShipmentsText();
  if (p.status === 'LATE' && p.daysLate > 0) return <span className="badge badge--bad">{s('tracker.daysLate', { n: p.daysLate })}</span>;
  return (
    <>
      <span className={`badge badge--${tone[p.status]}`}>{s(`p.${p.status}`)}</span>
      {p.status === 'AT_RISK' && p.daysLate > 0 && <span className="muted small"> {s('tracker.daysLateExpected', { n: p.daysLate })}</span>}
    </>
  );
}

/** The tracker overview: each open contract with its shipment state, next milestone and punctuality. */
export function TrackerTable({ rows, staff, linkFor }: { rows: TrackerRow[]; staff: boolean; linkFor: (contractId: string) => string }) {
  const { s, day, money } = useShipmentsText();
  return (
    <div className="table-wrap">
      <table className="table table--dense table--stack">
        <thead>
          <tr>
            <th scope="col">{s('tracker.contract')}</th>
            {staff && <th scope="col">{s('tracker.buyer')}</th>}
            <th scope="col">{s('tracker.status')}</th>
            <th scope="col">{s('tracker.next')}</th>
            <th scope="col">{s('tracker.vessel')}</th>
            <th scope="col">{s('tracker.latest')}</th>
            <th scope="col">{s('tracker.onTime')}</th>
            <th scope="col" className="num">{s('ex.value')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.contractId} className={r.punctuality.status === 'LATE' ? 'row--alert' : undefined}>
              <td className="cell--title"><Link to={linkFor(r.contractId)}>{r.number}</Link></td>
              {staff && <td data-label={s('tracker.buyer')}>{r.buyerCompany.name}</td>}
              <td data-label={s('tracker.status')}>{r.shipmentStatus ? <span className="badge badge--info">{s(`st.${r.shipmentStatus}`)}</span> : <span className="muted">{s('tracker.noShipment')}</span>}{r.shipments > 1 && <span className="muted small"> ×{r.shipments}</span>}</td>
              <td data-label={s('tracker.next')}>
                {r.nextMilestone ? (
                  <>
                    {s(`m.${r.nextMilestone.milestone}`)}
                    {r.nextMilestone.expected && <span className={r.nextMilestone.overdue ? 'text-bad small' : 'muted small'}> · {r.nextMilestone.overdue ? s('tracker.overdue') : s('tracker.expected', { date: day(r.nextMilestone.expected) })}</span>}
                  </>
                ) : s('tracker.done')}
              </td>
              <td data-label={s('tracker.vessel')}>{r.vessel ?? '—'}</td>
              <td data-label={s('tracker.latest')}>{day(r.latestShipmentDate)}</td>
              <td data-label={s('tracker.onTime')}>
                <Punctuality punctuality={r.punctuality} />
              </td>
              <td className="num" data-label={s('ex.value')}>{money(r.total.amount, r.total.currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
