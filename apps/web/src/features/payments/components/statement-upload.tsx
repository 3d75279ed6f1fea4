import { useState } from 'react';
import { useNavigate } from 'react-router';
import { FormAlert } from '../../../components/form.tsx';
import { errorText } from './error-text.ts';
import { useImportStatement } from '../api/import-statement.ts';
import { usePayText } from '../messages.ts';

/** Uploads a camt.053 / camt.054 file (read as text in the browser) and opens its review. */
export function StatementUpload() {
  const { pt } = usePayText();
  const navigate = useNavigate();
  const upload = useImportStatement();
  const [file, setFile] = useState<File | null>(null);
  return (
    <form
      className="form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!file) return;
        void file.text().then((content) => upload.mutate({ fileName: file.name, content }, { onSuccess: (imp) => navigate(`/staff/payments/statements/${imp.id}`) }));
      }}
    >
      <p className="small muted">{pt('pay.importHelp')}</p>
      <label className="field">
        <span>{pt('pay.file')}</span>
        <input type="file" accept=".xml,application/xml,text/xml" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      </label>
      <FormAlert message={upload.error ? errorText(upload.error) : null} />
      <div className="form__actions"><button type="submit" className="btn btn--primary" disabled={!file || upload.isPending}>{pt('pay.import')}</button></div>
    </form>
  );
}
