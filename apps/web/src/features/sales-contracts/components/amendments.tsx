import type { SalesContractView } from '@portal/schemas';
import { FormAlert } from '../../../components/form.tsx';
import { useI18n } from '../../../lib/i18n.tsx';
import { useConfirmAmendment } from '../api/confirm-amendment.ts';

const tone = { PROPOSED: 'warn', CONFIRMED: 'ok', REJECTED: 'muted' } as const;

/** The contract's numbered amendments; the buyer confirms a proposed one here. */
export function Amendments({ contract: c, buyer }: { contract: SalesContractView; buyer: boolean }) {
  const { t, dateTime } = useI18n();
  const confirm = useConfirmAmendment(c.id);
  return (
    <>
      {c.amendments.length === 0 ? <p className="muted">{t('sc.noAmendments')}</p> : (
        <ul className="plain-list">
          {c.amendments.map((a) => (
            <li key={a.number} className="amendment">
              <strong>{t('sc.amendmentN', { n: a.number })}</strong> · <span className={`badge badge--${tone[a.status]}`}>{t(`sc.am.${a.status}`)}</span> · {a.proposedBy}, {dateTime(a.proposedAt)}
              <p>{a.reason}</p>
              <ul className="small">{a.changes.map((ch) => <li key={ch.field}>{ch.field}: <span className="muted">{String(ch.from ?? '—')}</span> → <span className="changed">{String(ch.to ?? '—')}</span></li>)}</ul>
              {buyer && a.status === 'PROPOSED' && <button type="button" className="btn btn--primary btn--small" disabled={confirm.isPending} onClick={() => confirm.mutate(a.number)}>{t('sc.confirmAmendment')}</button>}
            </li>
          ))}
        </ul>
      )}
      <FormAlert message={confirm.error} />
    </>
  );
}
