import { useState } from 'react';
import { useWatch } from 'react-hook-form';
import { PostMessageBody, type AttachmentInfo, type NegotiationMessageView } from '@portal/schemas';
import { EmptyState, ErrorState, Loading } from '../../../components/states.tsx';
import { FormAlert, useSchemaForm } from '../../../components/form.tsx';
import { ApiError } from '../../../lib/api.ts';
import { errorText, fieldErrorText } from '../../../lib/errors.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { uploadAttachment } from '../../../lib/upload.ts';
import { useThread } from '../api/get-thread.ts';
import { usePostMessage } from '../api/post-message.ts';

/** The negotiation thread both sides see: messages, counter-offers, change requests, events. */
export function NegotiationThreadView({ inquiryId, mySide, canWrite, currency }: { inquiryId: string; mySide: 'BUYER' | 'EXPORTER'; canWrite: boolean; currency: string }) {
  const { t, dateTime, money, number, date } = useI18n();
  const thread = useThread(inquiryId);
  const post = usePostMessage(inquiryId);
  const { control, register, handleSubmit, reset } = useSchemaForm(PostMessageBody, { defaultValues: { body: '' } });
  const text = useWatch({ control, name: 'body' });
  const [files, setFiles] = useState<AttachmentInfo[]>([]);
  const [fileError, setFileError] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  if (thread.isPending) return <Loading />;
  if (thread.error) return <ErrorState error={thread.error} onRetry={() => void thread.refetch()} />;

  // An empty message is not sent (the button says so); the schema trims what is.
  const submit = handleSubmit((body) =>
    post.mutate({ ...body, attachmentIds: files.map((f) => f.id) }, { onSuccess: () => { reset(); setFiles([]); } }),
  );

  async function addFiles(list: FileList | null) {
    if (!list) return;
    setUploading(true);
    setFileError(null);
    for (const file of Array.from(list)) {
      try {
        const info = await uploadAttachment(file);
        setFiles((f) => [...f, info]);
      } catch (err) {
        setFileError(`${file.name}: ${err instanceof ApiError && err.fieldErrors[0] ? fieldErrorText(err.fieldErrors[0].message, undefined, t) : errorText(err, t)}`);
      }
    }
    setUploading(false);
  }

  // A rate for reading (4 places from the API), as a percentage with 2 decimals.
  const pct = (rate: string) => `${number(Number(rate) * 100, 2)} %`;
  const bubble = (m: NegotiationMessageView) => (
    <li key={m.id} className={`msg msg--${m.kind === 'SYSTEM' ? 'system' : m.side === mySide ? 'mine' : 'theirs'}`}>
      <div className="msg__meta">
        <strong>{m.author}</strong> · <time dateTime={m.createdAt}>{dateTime(m.createdAt)}</time>
        {m.kind !== 'MESSAGE' && <span className={`badge badge--${m.kind === 'COUNTER_OFFER' ? 'warn' : 'info'}`}>{t(`neg.${m.kind}`)}{m.revisionNo ? ` · r${m.revisionNo}` : ''}</span>}
      </div>
      {m.body && <p className="prewrap">{m.body}</p>}
      {m.counterOffer && (
        <ul className="msg__proposals">
          {m.counterOffer.lines.map((l) => (
            <li key={l.quoteLineId}>
              {l.lineNo}. {l.description}:{' '}
              {[
                l.proposedUnitPrice && t('neg.proposedPrice', { price: money(l.proposedUnitPrice, currency, 4) }),
                l.proposedQuantity && t('neg.proposedQty', { qty: number(l.proposedQuantity) }),
                l.proposedShipmentDate && t('neg.proposedDate', { date: new Date(`${l.proposedShipmentDate}T00:00:00Z`) }),
              ].filter(Boolean).join(' · ')}
              {l.staff && (
                <span className={`msg__costing badge badge--${l.staff.belowFloor ? 'bad' : 'ok'}`}>
                  {t('neg.counterCosting', {
                    margin: pct(l.staff.marginRate), floor: pct(l.staff.floorRate), profit: pct(l.staff.profitRate),
                    pl: money(l.staff.profitLoss.amount, l.staff.profitLoss.currency),
                  })}
                  {l.staff.belowFloor && ` · ${t('neg.counterBelowFloor')}`}
                </span>
              )}
            </li>
          ))}
          {m.counterOffer.paymentTermsText && <li>{t('rfq.paymentTerms')}: {m.counterOffer.paymentTermsText}</li>}
          {m.counterOffer.incoterm && <li>{t('rfq.incoterm')}: {m.counterOffer.incoterm}</li>}
        </ul>
      )}
      {m.attachments.length > 0 && <p className="small">{m.attachments.map((a) => <a key={a.id} href={`/api/attachments/${a.id}`}>{a.fileName} </a>)}</p>}
    </li>
  );

  return (
    <div className="thread">
      {thread.data.messages.length === 0 ? <EmptyState>{t('neg.empty')}</EmptyState> : <ol className="thread__list">{thread.data.messages.map(bubble)}</ol>}
      {canWrite && (
        <form className="thread__compose" onSubmit={submit} noValidate>
          <label htmlFor={`msg-${inquiryId}`} className="visually-hidden">{t('neg.write')}</label>
          <textarea id={`msg-${inquiryId}`} rows={2} maxLength={4000} placeholder={t('neg.write')} {...register('body')} />
          <div className="thread__tools">
            <label className="btn btn--secondary btn--small file-button">
              {t('neg.attach')}
              <input type="file" multiple className="visually-hidden" aria-label={t('neg.attach')} accept=".pdf,.png,.jpg,.jpeg,.webp,.gif,.docx,.xlsx,.dwg,.dxf,.txt,.csv" disabled={uploading || files.length >= 10} onChange={(e) => { void addFiles(e.target.files); e.target.value = ''; }} />
            </label>
            <button type="submit" className="btn btn--primary" disabled={post.isPending || uploading || !text?.trim()}>{t('neg.send')}</button>
          </div>
        </form>
      )}
      {files.length > 0 && (
        <ul className="plain-list small">
          {files.map((f) => <li key={f.id}>{f.fileName} <button type="button" className="link-button" onClick={() => setFiles(files.filter((x) => x.id !== f.id))}>{t('products.remove')}</button></li>)}
        </ul>
      )}
      {fileError && <p className="field__error" role="alert">{fileError}</p>}
      <FormAlert message={post.error instanceof ApiError && post.error.fieldErrors[0] ? fieldErrorText(post.error.fieldErrors[0].message, undefined, t) : post.error} />
    </div>
  );
}
