import { useState } from 'react';
import type { TicketMessageView, TicketView } from '@portal/schemas';
import { FormAlert } from '../../../components/form.tsx';
import { ApiError } from '../../../lib/api.ts';
import { useI18n } from '../../../lib/i18n.tsx';
import { usePostTicketMessage } from '../api/post-ticket-message.ts';
import { useTicketStep } from '../api/ticket-steps.ts';
import { useTicketText } from '../messages.ts';
import { AttachmentPicker } from './attachment-picker.tsx';
import { useAttachments } from './use-attachments.ts';

const errorText = (err: unknown) => (err ? (err instanceof ApiError ? (err.fieldErrors[0]?.message ?? err.message) : String(err)) : null);

/**
 * The conversation of a ticket and the box to write in. The buyer replies (which brings a waiting or
 * resolved ticket back to staff); staff answer, write an internal note, or send the text with a step:
 * ask the customer for information, or resolve.
 */
export function TicketThread({ ticket, staff }: { ticket: TicketView; staff: boolean }) {
  const tt = useTicketText();
  const { dateTime } = useI18n();
  const post = usePostTicketMessage(ticket.id);
  const step = useTicketStep(ticket.id);
  const files = useAttachments();
  const [text, setText] = useState('');
  const [internal, setInternal] = useState(false);
  const closed = ticket.status === 'CLOSED';
  const canWrite = !closed && (staff || ticket.actions.includes('CUSTOMER_REPLY'));
  const busy = post.isPending || step.isPending || files.uploading;
  const done = () => { setText(''); setInternal(false); files.clear(); };
  const body = () => ({ body: text, attachmentIds: files.files.map((f) => f.id) });

  const bubble = (m: TicketMessageView) => (
    <li key={m.id} className={`msg msg--${m.internal ? 'internal' : (m.side === 'STAFF') === staff ? 'mine' : 'theirs'}`}>
      <div className="msg__meta">
        <strong>{m.author}</strong> · <time dateTime={m.createdAt}>{dateTime(m.createdAt)}</time>
        {m.internal && <span className="badge badge--warn">{tt('internal')}</span>}
      </div>
      <p className="prewrap">{m.body}</p>
      {m.attachments.length > 0 && <p className="small">{m.attachments.map((a) => <a key={a.id} href={`/api/attachments/${a.id}`}>{a.fileName} </a>)}</p>}
    </li>
  );

  // Staff steps that carry the text to the customer; an open ticket is taken on the way.
  const canAsk = staff && !internal && (ticket.status === 'OPEN' || ticket.status === 'ASSIGNED');
  const canResolve = staff && !internal && ['OPEN', 'ASSIGNED', 'WAITING_FOR_CUSTOMER'].includes(ticket.status);

  return (
    <section className="card" aria-labelledby={`thread-${ticket.id}`}>
      <h2 id={`thread-${ticket.id}`}>{tt('thread')}</h2>
      <ol className="thread__list">{ticket.messages.map(bubble)}</ol>
      {canWrite && (
        <form className="ticket-compose" onSubmit={(e) => { e.preventDefault(); if (text.trim()) post.mutate({ ...body(), internal }, { onSuccess: done }); }} noValidate>
          <label htmlFor={`reply-${ticket.id}`}>{tt('message')}</label>
          <textarea id={`reply-${ticket.id}`} rows={4} maxLength={4000} placeholder={tt('reply.placeholder')} value={text} onChange={(e) => setText(e.target.value)} />
          {staff && (
            <p className="small ticket-compose__internal">
              <input id={`internal-${ticket.id}`} type="checkbox" checked={internal} aria-describedby={`internal-hint-${ticket.id}`} onChange={(e) => setInternal(e.target.checked)} />{' '}
              <label htmlFor={`internal-${ticket.id}`}>{tt('internal')}</label> — <span id={`internal-hint-${ticket.id}`} className="muted">{tt('internal.hint')}</span>
            </p>
          )}
          <AttachmentPicker state={files} />
          <div className="ticket-steps">
            <button type="submit" className="btn btn--primary" disabled={busy || !text.trim()}>{tt('send')}</button>
            {canAsk && <button type="button" className="btn btn--secondary" disabled={busy || !text.trim()} onClick={() => step.mutate({ step: 'request-info', body: body() }, { onSuccess: done })}>{tt('askInfo')}</button>}
            {canResolve && <button type="button" className="btn btn--secondary" disabled={busy || !text.trim()} onClick={() => step.mutate({ step: 'resolve', body: body() }, { onSuccess: done })}>{tt('resolve')}</button>}
          </div>
          {(canAsk || canResolve) && <p className="field__hint">{tt('step.hint')}</p>}
        </form>
      )}
      <FormAlert message={errorText(post.error) ?? errorText(step.error)} />
    </section>
  );
}
