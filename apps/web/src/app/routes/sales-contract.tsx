import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useSession } from '../../features/auth/api/get-session.ts';
import { useConfirmAmendment, useConfirmContract, useContract, useProposeAmendment } from '../../features/contracts/api/contracts.ts';
import { ContractView } from '../../features/contracts/components/contract-view.tsx';
import { LetterOfCreditPanel } from '../../features/contracts/components/letter-of-credit-panel.tsx';
import { FormAlert } from '../../components/form.tsx';
import { ErrorState, Loading } from '../../components/states.tsx';
import { ApiError } from '../../lib/api.ts';
import { useI18n } from '../../lib/i18n.tsx';
import { isoDate } from '../../lib/time.ts';

export default function ContractRoute() {
  const { t, dateTime } = useI18n();
  const { contractId = '' } = useParams();
  const { data: user } = useSession();
  const { data: c, isPending, error, refetch } = useContract(contractId);
  const confirm = useConfirmContract(contractId);
  const confirmAmendment = useConfirmAmendment(contractId);
  const propose = useProposeAmendment(contractId);
  const [reason, setReason] = useState('');
  const [shipDate, setShipDate] = useState('');
  const [marks, setMarks] = useState('');
  if (isPending) return <Loading />;
  if (error) return <ErrorState error={error} onRetry={() => void refetch()} />;
  const buyer = user!.role === 'BUYER';
  const base = buyer ? '/portal' : '/staff';
  const proposeErrors = propose.error instanceof ApiError ? propose.error.byField() : {};
  return (
    <div className="page">
      <p><Link to={`${base}/contracts`}>← {t('nav.contracts')}</Link> · <Link to={`${base}/inquiries/${c.inquiry.id}`}>{c.inquiry.number}</Link></p>
      <div className="page__title">
        <h1>{t('sc.title')} {c.number}</h1>
        <span className={`badge badge--${c.status === 'ISSUED' ? 'warn' : 'ok'}`}>{t(`sc.${c.status}`)}</span>
        <a className="btn btn--secondary btn--small" href={c.pdfUrl} target="_blank" rel="noopener">PDF</a>
      </div>
      {buyer && c.status === 'ISSUED' && (
        <section className="card notice-card">
          <p>{t('sc.confirmHelp')}</p>
          <button type="button" className="btn btn--primary" disabled={confirm.isPending} onClick={() => confirm.mutate()}>{t('sc.confirm')}</button>
          <FormAlert message={confirm.error?.message} />
        </section>
      )}
      <section className="card"><ContractView contract={c} /></section>
      {c.lc && <LetterOfCreditPanel key={`${c.lc.status}-${c.lc.number}`} contract={c} side={buyer ? 'buyer' : user!.role === 'CLERK' || user!.role === 'MANAGER' ? 'reviewer' : 'reader'} />}
      <section className="card">
        <h2>{t('sc.amendments')}</h2>
        {c.amendments.length === 0 ? <p className="muted">{t('sc.noAmendments')}</p> : (
          <ul className="plain-list">
            {c.amendments.map((a) => (
              <li key={a.number} className="amendment">
                <strong>{t('sc.amendmentN', { n: a.number })}</strong> · <span className={`badge badge--${a.status === 'PROPOSED' ? 'warn' : a.status === 'CONFIRMED' ? 'ok' : 'muted'}`}>{t(`sc.am.${a.status}`)}</span> · {a.proposedBy}, {dateTime(a.proposedAt)}
                <p>{a.reason}</p>
                <ul className="small">{a.changes.map((ch) => <li key={ch.field}>{ch.field}: <span className="muted">{String(ch.from ?? '—')}</span> → <span className="changed">{String(ch.to ?? '—')}</span></li>)}</ul>
                {buyer && a.status === 'PROPOSED' && <button type="button" className="btn btn--primary btn--small" disabled={confirmAmendment.isPending} onClick={() => confirmAmendment.mutate(a.number)}>{t('sc.confirmAmendment')}</button>}
              </li>
            ))}
          </ul>
        )}
        <FormAlert message={confirmAmendment.error?.message} />
        {!buyer && user!.role !== 'FINANCE' && c.status !== 'CANCELLED' && c.status !== 'COMPLETED' && (
          <form className="form inline-form" noValidate onSubmit={(e) => {
            e.preventDefault();
            propose.mutate({ reason, changes: { ...(shipDate ? { latestShipmentDate: shipDate } : {}), ...(marks ? { shippingMarks: marks } : {}) } }, { onSuccess: () => { setReason(''); setShipDate(''); setMarks(''); } });
          }}>
            <h3>{t('sc.propose')}</h3>
            <div className="grid-3">
              <label className="field"><span>{t('sc.latestShipment')}</span><input type="date" min={isoDate(1)} value={shipDate} onChange={(e) => setShipDate(e.target.value)} /></label>
              <label className="field"><span>{t('sc.marks')}</span><input value={marks} onChange={(e) => setMarks(e.target.value)} /></label>
              <label className="field"><span>{t('sc.reason')}</span><input value={reason} onChange={(e) => setReason(e.target.value)} aria-invalid={Boolean(proposeErrors.reason)} />{proposeErrors.reason && <span className="field__error">{proposeErrors.reason}</span>}</label>
            </div>
            {proposeErrors.changes && <p className="field__error">{proposeErrors.changes}</p>}
            <FormAlert message={propose.error && !(propose.error instanceof ApiError && propose.error.fieldErrors.length) ? propose.error.message : null} />
            <button type="submit" className="btn btn--secondary" disabled={propose.isPending}>{t('sc.proposeSend')}</button>
          </form>
        )}
      </section>
    </div>
  );
}
