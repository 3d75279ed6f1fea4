import { useI18n } from '../../../lib/i18n.tsx';
import { usePendingUploads } from '../../../lib/use-pending-uploads.ts';

/** Photos and PDF reports uploaded for a claim, not yet sent with it. */
export const useEvidence = usePendingUploads;

/** The file button (photos and PDFs), the files picked so far, and the server's word on them. */
export function EvidencePicker({ state, error, id = 'claim-evidence' }: { state: ReturnType<typeof useEvidence>; error?: string | undefined; id?: string }) {
  const { t } = useI18n();
  return (
    <div className="field">
      <strong id={`${id}-label`}>{t('claims.evidence')}</strong>
      <p className="field__hint" id={`${id}-hint`}>{t('claims.evidence.hint')}</p>
      <label className="btn btn--secondary btn--small file-button">
        {t('claims.evidence.add')}
        <input id={id} type="file" multiple className="visually-hidden" aria-describedby={`${id}-hint`} accept=".jpg,.jpeg,.png,.webp,.pdf,image/jpeg,image/png,image/webp,application/pdf" disabled={state.uploading}
          onChange={(e) => { void state.add(e.target.files); e.target.value = ''; }} />
      </label>
      {state.files.length > 0 && (
        <ul className="plain-list small">
          {state.files.map((f) => <li key={f.id}>{f.fileName} <button type="button" className="link-button" onClick={() => state.remove(f.id)}>{t('claims.remove')}</button></li>)}
        </ul>
      )}
      {(state.error ?? error) && <p className="field__error" role="alert">{state.error ?? error}</p>}
    </div>
  );
}
