import { useState, type FormEvent } from 'react';
import { uploadedDocumentKinds } from '@portal/schemas';
import { ApiError } from '../../../lib/api.ts';
import { useAttachDocument } from '../api/attach-document.ts';
import { useShipmentsText } from '../messages.ts';

/** Staff upload a shipping document (B/L copy, certificate of origin, insurance …) as a PDF or image. */
export function UploadDocumentForm({ contractId, shipmentId }: { contractId: string; shipmentId: string }) {
  const { s } = useShipmentsText();
  const attach = useAttachDocument(contractId, shipmentId);
  const [error, setError] = useState<string | null>(null);
  const submit = (ev: FormEvent<HTMLFormElement>) => {
    ev.preventDefault();
    const form = ev.currentTarget;
    const f = new FormData(form);
    const file = f.get('file');
    if (!(file instanceof File) || file.size === 0) return setError(s('up.file'));
    const number = String(f.get('number') ?? '').trim();
    setError(null);
    attach.mutate(
      { file, kind: f.get('kind') as (typeof uploadedDocumentKinds)[number], ...(number ? { number } : {}) },
      { onError: (e) => setError(e instanceof ApiError ? [e.message, ...e.fieldErrors.map((x) => x.message)].join(': ') : String(e)), onSuccess: () => form.reset() },
    );
  };
  return (
    <form className="form card card--flat" onSubmit={submit} aria-labelledby={`up-${shipmentId}`}>
      <h3 id={`up-${shipmentId}`}>{s('up.title')}</h3>
      <div className="grid-3">
        <div className="field"><label htmlFor={`upk-${shipmentId}`}>{s('up.kind')}</label><select id={`upk-${shipmentId}`} name="kind">{uploadedDocumentKinds.map((k) => <option key={k} value={k}>{s(`doc.${k}`)}</option>)}</select></div>
        <div className="field"><label htmlFor={`upn-${shipmentId}`}>{s('up.number')}</label><input id={`upn-${shipmentId}`} name="number" /></div>
        <div className="field"><label htmlFor={`upf-${shipmentId}`}>{s('up.file')}</label><input id={`upf-${shipmentId}`} name="file" type="file" accept="application/pdf,image/png,image/jpeg,image/webp" /></div>
      </div>
      {error && <p className="alert alert--error" role="alert">{error}</p>}
      <div className="form__actions"><button className="btn btn--secondary" type="submit" disabled={attach.isPending}>{s('up.submit')}</button></div>
    </form>
  );
}
