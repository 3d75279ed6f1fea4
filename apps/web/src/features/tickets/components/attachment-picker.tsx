import { useTicketText } from '../messages.ts';
import { acceptedFiles, type useAttachments } from './use-attachments.ts';

/** The file button and the list of files picked so far. */
export function AttachmentPicker({ state }: { state: ReturnType<typeof useAttachments> }) {
  const tt = useTicketText();
  return (
    <div>
      <label className="btn btn--secondary btn--small file-button">
        {tt('attach')}
        <input type="file" multiple className="visually-hidden" aria-label={tt('attach')} accept={acceptedFiles} disabled={state.uploading || state.files.length >= 10} onChange={(e) => { void state.add(e.target.files); e.target.value = ''; }} />
      </label>
      {state.files.length > 0 && (
        <ul className="plain-list small">
          {state.files.map((f) => <li key={f.id}>{f.fileName} <button type="button" className="link-button" onClick={() => state.remove(f.id)}>{tt('remove')}</button></li>)}
        </ul>
      )}
      {state.error && <p className="field__error" role="alert">{state.error}</p>}
    </div>
  );
}
