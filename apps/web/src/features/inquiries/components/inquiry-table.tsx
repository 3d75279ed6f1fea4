import { Link } from 'react-router';
import type { InquirySummary } from '@portal/schemas';
import { useI18n } from '../../../lib/i18n.tsx';
import { formatDuration } from '../../../lib/time.ts';

/**
 * Inquiries with their status and the time since they were sent. For staff, the response timer:
 * time left to the response target, or how long past it (highlighted).
 */
export function InquiryTable({ items, staff, now, linkBase }: { items: InquirySummary[]; staff: boolean; now: number; linkBase: string }) {
  const { t, dateTime, money } = useI18n();
  const units = { d: t('time.d'), h: t('time.h'), min: t('time.min') };
  return (
    <div className="table-wrap">
      <table className="table table--dense table--stack">
        <thead>
          <tr>
            <th scope="col">{t('rfq.number')}</th>
            {staff && <th scope="col">{t('rfq.buyer')}</th>}
            <th scope="col">{t('rfq.product')}</th>
            <th scope="col">{t('rfq.incoterm')}</th>
            <th scope="col">{t('rfq.sent')}</th>
            {staff && <th scope="col">{t('rfq.timer')}</th>}
            <th scope="col">{t('companies.status')}</th>
            <th scope="col" className="num">{t('rfq.latestQuote')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((i) => {
            const unanswered = !i.firstResponseAt && i.status === 'SUBMITTED';
            const due = Date.parse(i.responseDueAt);
            return (
              <tr key={i.id} className={staff && i.overdue ? 'row--alert' : undefined}>
                <td className="cell--title"><Link to={`${linkBase}/${i.id}`}>{i.number}</Link></td>
                {staff && <td data-label={t('rfq.buyer')}>{i.buyerCompany.name}</td>}
                <td data-label={t('rfq.product')}>{i.firstLine}{i.lineCount > 1 && <span className="muted"> +{i.lineCount - 1}</span>}</td>
                <td data-label={t('rfq.incoterm')}>{i.incoterm} {i.namedPlace}</td>
                <td data-label={t('rfq.sent')}><time dateTime={i.submittedAt} title={dateTime(i.submittedAt)}>{t('rfq.ago', { time: formatDuration(now - Date.parse(i.submittedAt), units) })}</time></td>
                {staff && (
                  <td data-label={t('rfq.timer')}>
                    {unanswered ? (
                      i.overdue ? <span className="badge badge--bad">{t('rfq.overdueBy', { time: formatDuration(now - due, units) })}</span> : <span className="badge badge--warn">{t('rfq.dueIn', { time: formatDuration(due - now, units) })}</span>
                    ) : (
                      <span className="muted">{t('rfq.answered')}</span>
                    )}
                  </td>
                )}
                <td data-label={t('companies.status')}><span className={`badge badge--${i.status === 'SUBMITTED' ? 'warn' : i.status === 'ACCEPTED' ? 'ok' : ['DECLINED', 'EXPIRED', 'WITHDRAWN'].includes(i.status) ? 'muted' : 'info'}`}>{t(`inq.${i.status}`)}</span></td>
                <td data-label={t('rfq.latestQuote')} className="num">{i.latestQuote ? <>{i.latestQuote.number} r{i.latestQuote.revisionNo}<br /><strong>{money(i.latestQuote.total.amount, i.latestQuote.total.currency)}</strong></> : '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
