import type { ReactNode } from 'react';
import type { ShipmentView } from '@portal/schemas';
import { useDownloads } from '../api/get-downloads.ts';
import { useShipmentsText } from '../messages.ts';

const tone = { ON_TIME: 'ok', AT_RISK: 'warn', LATE: 'bad' } as const;

/** One shipment as buyer and staff see it: vessel, route, B/L, the timeline (planned, estimated, actual), containers, documents and the event history. */
export function ShipmentCard({ shipment: sh, staff, children }: { shipment: ShipmentView; staff: boolean; children?: ReactNode }) {
  const { s, day, money, number, dateTime } = useShipmentsText();
  const downloads = useDownloads(sh.id, staff);
  return (
    <section className="card shipment" aria-labelledby={`sh-${sh.id}`}>
      <div className="page__title">
        <h2 id={`sh-${sh.id}`}>{s('ex.shipment', { number: sh.number })}</h2>
        <span className="badge badge--info">{s(`st.${sh.status}`)}</span>
        <span className={`badge badge--${tone[sh.punctuality.status]}`} title={s('ex.punctuality')}>{s(`p.${sh.punctuality.status}`)}</span>
        {sh.nextMilestone && <span className={sh.nextMilestone.overdue ? 'text-bad small' : 'muted small'}>{s('ex.next', { milestone: s(`m.${sh.nextMilestone.milestone}`) })}{sh.nextMilestone.expected ? ` · ${day(sh.nextMilestone.expected)}` : ''}</span>}
      </div>
      <dl className="details details--compact">
        <dt>{s('ex.vessel')}</dt><dd>{sh.vessel ? `${sh.vessel} ${sh.voyage ?? ''}` : '—'}{sh.carrier && <span className="muted small"> · {sh.carrier}</span>}</dd>
        <dt>{s('ex.route')}</dt><dd>{sh.portOfLoading?.name ?? '—'} → {sh.portOfDischarge?.name ?? '—'}</dd>
        <dt>{s('ex.etd')} / {s('ex.eta')}</dt><dd>{day(sh.etd)} / {day(sh.eta)}</dd>
        {sh.bookingNumber && <><dt>{s('ex.booking')}</dt><dd>{sh.bookingNumber}</dd></>}
        <dt>{s('ex.bl')}</dt><dd>{sh.blNumber ? <>{sh.blNumber} · {day(sh.blDate)}{sh.onBoardDate && <span className="muted small"> ({s('ex.onBoard', { date: day(sh.onBoardDate) })})</span>}</> : '—'}</dd>
        <dt>{s('ex.lines.shipment')}</dt><dd>{sh.lines.map((l) => `${number(l.quantity)} ${l.unit} · ${l.description}`).join('; ')}</dd>
        <dt>{s('ex.value')}</dt><dd>{money(sh.value.amount, sh.value.currency)}</dd>
        {staff && sh.note && <><dt>{s('ex.internal')}</dt><dd>{sh.note}</dd></>}
      </dl>

      <h3>{s('ex.timeline')}</h3>
      <ol className="milestones" aria-label={s('ex.timeline')}>
        {sh.timeline.map((r) => (
          <li key={r.milestone} className={`milestones__row${r.actual ? ' milestones__row--done' : ''}${r.late ? ' milestones__row--late' : ''}`}>
            <span className="milestones__dot" aria-hidden="true" />
            <strong>{s(`m.${r.milestone}`)}</strong>
            {r.containers && <span className="muted small"> {r.containers.done}/{r.containers.of}</span>}
            <span className="milestones__dates">
              {r.planned && <span>{s('ex.planned')} {day(r.planned)}</span>}
              {r.estimated && <span>{s('ex.estimated')} {day(r.estimated)}</span>}
              {r.actual && <span className="milestones__actual">{s('ex.actual')} {day(r.actual)}</span>}
              {r.late && <span className="badge badge--bad">{r.delayDays && r.delayDays > 0 ? s('ex.lateBy', { n: r.delayDays }) : s('ex.late')}</span>}
            </span>
          </li>
        ))}
      </ol>

      {sh.containers.length > 0 && (
        <>
          <h3>{s('ex.containers')}</h3>
          <div className="table-wrap">
            <table className="table table--dense">
              <thead><tr><th scope="col">{s('ex.container')}</th><th scope="col">{s('ex.size')}</th><th scope="col">{s('ex.seal')}</th><th scope="col" className="num">{s('ex.cartons')}</th><th scope="col" className="num">{s('ex.gross')}</th><th scope="col" className="num">{s('ex.cbm')}</th><th scope="col" className="num">{s('ex.vgm')}</th></tr></thead>
              <tbody>
                {sh.containers.map((k) => (
                  <tr key={k.containerNumber}><td>{k.containerNumber}</td><td>{k.sizeName}</td><td>{k.sealNumber ?? '—'}</td><td className="num">{k.cartons}</td><td className="num">{number(k.cargoGrossKg)}</td><td className="num">{k.cbm}</td><td className="num">{k.vgmKg ? number(k.vgmKg) : '—'}</td></tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}

      <h3>{s('ex.documents')}</h3>
      <ul className="plain-list">
        {sh.documents.map((d) => (
          <li key={d.id}>
            <a href={d.url} download={d.fileName}>{s(`doc.${d.kind}`)}{d.number ? ` ${d.number}` : ''}</a>
            <span className="muted small"> · {d.fileName}{d.generated ? ` · ${s('ex.generated')}` : ''}</span>
          </li>
        ))}
      </ul>

      {staff && downloads.data && (
        <details>
          <summary>{s('ex.downloads')} ({downloads.data.length})</summary>
          {downloads.data.length === 0 ? <p className="muted">{s('ex.noDownloads')}</p> : (
            <ul className="plain-list small">
              {downloads.data.map((d, i) => <li key={i}>{s(`doc.${d.kind}`)} · {d.user} ({d.email}) · {dateTime(d.downloadedAt)}</li>)}
            </ul>
          )}
        </details>
      )}

      <details>
        <summary>{s('ex.history')} ({sh.events.length})</summary>
        <ol className="timeline">
          {sh.events.map((e) => (
            <li key={e.id}>
              <time dateTime={e.date}>{day(e.date)}</time>
              <div>
                <strong>{s(`m.${e.milestone}`)}</strong> <span className="badge badge--muted">{s(`c.${e.classifier}`)}</span> <span className="muted small">DCSA {e.eventType}/{e.eventCode}{e.documentTypeCode ? `/${e.documentTypeCode}` : ''}</span>
                {e.supersededById && <span className="badge badge--warn"> {s('ex.supersededBy')}</span>}
                <p>
                  {[e.containerNumber, e.batchNo, e.location].filter(Boolean).join(' · ')}
                  {e.reason && <> {s('ex.corrects', { reason: e.reason })}</>}
                  {staff && e.note && <> · <em>{e.note}</em></>}
                </p>
                <p className="muted small">{s('ex.recordedBy', { who: e.recordedBy, when: dateTime(e.recordedAt) })}</p>
              </div>
            </li>
          ))}
        </ol>
      </details>
      {children}
    </section>
  );
}
