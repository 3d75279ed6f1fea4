import { useState } from 'react';
import { OpenTicketBody, type TicketView } from '@portal/schemas';
import { FormAlert, SelectField, TextAreaField, TextField, fieldError, requestError, showServerErrors, useSchemaForm } from '../../../components/form.tsx';
import { ApiError } from '../../../lib/api.ts';
import { useOpenTicket } from '../api/open-ticket.ts';
import { useTicketSubjects } from '../api/list-subjects.ts';
import { useTicketText } from '../messages.ts';
import { AttachmentPicker } from './attachment-picker.tsx';
import { useAttachments } from './use-attachments.ts';

type Props = {
  /** A product the ticket starts about (from a product page link). */
  product?: { id: string; label: string } | undefined;
  onOpened: (ticket: TicketView) => void;
};

/** A buyer's new ticket: kind, headline, the record it is about, the message and files. */
export function TicketForm({ product, onOpened }: Props) {
  const tt = useTicketText();
  const open = useOpenTicket();
  const subjects = useTicketSubjects();
  const files = useAttachments();
  const [about, setAbout] = useState(product ? `PRODUCT:${product.id}` : '');
  const { register, handleSubmit, setError, formState: { errors } } = useSchemaForm(OpenTicketBody, { defaultValues: { kind: 'INQUIRY', subject: '', body: '' } });

  const submit = handleSubmit((body) => {
    const [type, id] = about.split(':') as ['PRODUCT' | 'CONTRACT', string];
    open.mutate(
      { ...body, about: about ? { type, id } : null, attachmentIds: files.files.map((f) => f.id) },
      { onSuccess: onOpened, onError: (err) => showServerErrors(setError, err) },
    );
  });
  const aboutError = open.error instanceof ApiError ? open.error.byField()['about.id'] : undefined;

  return (
    <form className="form card" onSubmit={submit} noValidate>
      <SelectField label={tt('kind')} error={fieldError(errors, 'kind')} {...register('kind')}>
        {(['INQUIRY', 'SUGGESTION', 'COMPLAINT'] as const).map((k) => <option key={k} value={k}>{tt(`kind.${k}`)}</option>)}
      </SelectField>
      <TextField label={tt('subject')} maxLength={200} error={fieldError(errors, 'subject')} {...register('subject')} />
      <SelectField label={tt('about')} optional value={about} error={aboutError} onChange={(e) => setAbout(e.target.value)}>
        <option value="">{tt('about.none')}</option>
        {product && <option value={`PRODUCT:${product.id}`}>{tt('about.product', { label: product.label })}</option>}
        {(subjects.data ?? []).map((s) => <option key={s.id} value={`${s.type}:${s.id}`}>{s.label}</option>)}
      </SelectField>
      <TextAreaField label={tt('message')} rows={6} maxLength={4000} error={fieldError(errors, 'body')} {...register('body')} />
      <AttachmentPicker state={files} />
      <FormAlert message={requestError(open.error)} />
      <div className="form__actions">
        <button type="submit" className="btn btn--primary" disabled={open.isPending || files.uploading}>{tt('submit')}</button>
      </div>
    </form>
  );
}
