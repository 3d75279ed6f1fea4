import type { ClaimView } from '@portal/schemas';
import type { MessageKey } from '../../../lib/messages.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { ClaimStatusBadge, ResponseText } from './claim-status.tsx';

/** The claim's facts: contract, shipment, arrival and period, lines, amount, responsibility, settlement, evidence. */
export function ClaimFacts({ claim: c, staff }: { claim: ClaimView; staff: boolean }) {
  const { t, money, number, date } = useI18n();
  return (
    <>
      <dl className="details details--compact">
        <dt>{t('claims.status')}</dt><dd><ClaimStatusBadge status={c.status} /></dd>
        <dt>{t('claims.kind')}</dt><dd>{t(`claims.kind.${c.kind}` as MessageKey)}</dd>
        {staff && <><dt>{t('claims.company')}</dt><dd>{c.buyerCompany.name}</dd></>}
        <dt>{t('claims.contract')}</dt><dd>{c.contract.number}</dd>
        <dt>{t('claims.shipment')}</dt><dd>{c.shipment.number}</dd>
        <dt>{t('claims.arrived')}</dt><dd>{c.arrivedOn ? date(c.arrivedOn) : '—'}</dd>
        <dt>{t('claims.periodEnds')}</dt><dd>{c.periodEndsOn ? date(c.periodEndsOn) : '—'}</dd>
        <dt>{t('claims.amount')}</dt><dd>{money(c.amount.amount, c.amount.currency)}</dd>
        <dt>{t('claims.response')}</dt><dd><ResponseText response={c.response} /></dd>
        {c.responsibleParty && <><dt>{t('claims.party')}</dt><dd>{t(`claims.party.${c.responsibleParty}` as MessageKey)}</dd></>}
        {c.settlement && (
          <>
            <dt>{t('claims.settlement')}</dt>
            <dd>
              {t(`claims.settlement.${c.settlement.kind}` as MessageKey)}: <strong>{money(c.settlement.amount.amount, c.settlement.amount.currency)}</strong>
              {c.settlementDetail?.approvedBy && <div className="muted small">{t('claims.settlement.approvedBy', { name: c.settlementDetail.approvedBy })}</div>}
              {c.settlementDetail?.reference && <div className="muted small">{t('claims.timeline.reference', { reference: c.settlementDetail.reference })}</div>}
              {c.settlementDetail?.creditNoteOpen && <div><span className="badge badge--info">{t('claims.settlement.creditOpen')}</span></div>}
            </dd>
          </>
        )}
        {c.sourceTicket && <><dt>{t('claims.source', { ticket: '' }).trim()}</dt><dd>{c.sourceTicket.number}</dd></>}
      </dl>
      <h3>{t('claims.lines')}</h3>
      <ul className="plain-list small">
        {c.lines.map((l) => (
          <li key={l.contractLineId}>
            {l.lineNo}. {l.description}: {number(l.quantity)} / {number(l.shippedQuantity)} {l.unit}{l.batchNo && <span className="muted"> · {t('claims.line.batch')} {l.batchNo}</span>}
          </li>
        ))}
      </ul>
      <h3>{t('claims.evidence')}</h3>
      {c.evidence.length === 0 ? <p className="muted small">{t('claims.evidence.none')}</p> : (
        <ul className="plain-list small">
          {c.evidence.map((f) => <li key={f.id}><a href={`/api/attachments/${f.id}`} target="_blank" rel="noreferrer">{f.fileName}</a> <span className="muted">· {date(f.addedAt)}</span></li>)}
        </ul>
      )}
    </>
  );
}

/** Every step and its date (internal notes and the approval round for staff only); the buyer reads the approval as the offer. */
export function ClaimTimeline({ claim: c, staff }: { claim: ClaimView; staff: boolean }) {
  const { t, money, dateTime } = useI18n();
  return (
    <section className="card" aria-labelledby="claim-timeline">
      <h2 id="claim-timeline">{t('claims.timeline')}</h2>
      <ol className="claim-timeline">
        {c.timeline.map((e) => (
          <li key={e.id} className={`claim-timeline__step${e.internal ? ' claim-timeline__step--internal' : ''}`}>
            <div className="claim-timeline__head">
              <strong>{t(`claims.step.${e.action}` as MessageKey)}</strong>
              {e.internal && <span className="badge badge--warn">{t('claims.internal')}</span>}
              <time dateTime={e.at} className="muted small">{dateTime(e.at)}</time>
              <span className="muted small">{e.actor}</span>
            </div>
            {e.responsibleParty && <p className="claim-timeline__note">{t('claims.party')}: {t(`claims.party.${e.responsibleParty}` as MessageKey)}</p>}
            {e.settlement && <p className="claim-timeline__note">{t(`claims.settlement.${e.settlement.kind}` as MessageKey)}: {money(e.settlement.amount.amount, e.settlement.amount.currency)}</p>}
            {e.settlementReference && <p className="claim-timeline__note">{t('claims.timeline.reference', { reference: e.settlementReference })}</p>}
            {e.responseDueAt && staff && <p className="claim-timeline__note muted small">{t('claims.timeline.responseDue', { when: dateTime(e.responseDueAt) })}</p>}
            {e.responseDueAt && !staff && e.action === 'ACKNOWLEDGE' && <p className="claim-timeline__note muted small">{t('claims.timeline.responseDue', { when: dateTime(e.responseDueAt) })}</p>}
            {e.usedOn && <p className="claim-timeline__note">{t('claims.timeline.usedOn', { contract: e.usedOn })}</p>}
            {e.evidence && e.evidence.length > 0 && <p className="claim-timeline__note muted small">{t('claims.timeline.files', { count: e.evidence.length })}</p>}
            {e.note && e.action !== 'FILE' && <p className="claim-timeline__note">{e.note}</p>}
          </li>
        ))}
      </ol>
    </section>
  );
}
