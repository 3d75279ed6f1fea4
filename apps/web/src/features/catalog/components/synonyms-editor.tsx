import { useEffect, useState } from 'react';
import { FormAlert } from '../../../components/form.tsx';
import { ErrorState, Loading } from '../../../components/states.tsx';
import { useI18n } from '../../../lib/i18n.tsx';
import { useSynonyms } from '../api/get-synonyms.ts';
import { useSaveSynonyms } from '../api/save-synonyms.ts';

/** One group of words per line, separated by commas: each word finds the others. */
export function SynonymsEditor({ canEdit }: { canEdit: boolean }) {
  const { t } = useI18n();
  const { data, isPending, error } = useSynonyms();
  const save = useSaveSynonyms();
  const [text, setText] = useState('');
  useEffect(() => {
    if (data) setText(data.groups.map((g) => g.join(', ')).join('\n'));
  }, [data]);
  if (isPending) return <Loading />;
  if (error) return <ErrorState error={error} />;
  const groups = text.split('\n').map((l) => l.split(',').map((w) => w.trim()).filter(Boolean)).filter((g) => g.length > 0);
  return (
    <form className="form" onSubmit={(e) => { e.preventDefault(); save.mutate({ groups }); }}>
      <label htmlFor="synonyms">{t('products.synonymsHelp')}</label>
      <textarea id="synonyms" rows={6} value={text} onChange={(e) => setText(e.target.value)} readOnly={!canEdit} />
      <FormAlert message={save.error} />
      <FormAlert tone="success" message={save.isSuccess ? t('products.synonymsSaved') : null} />
      {canEdit && <button type="submit" className="btn btn--primary" disabled={save.isPending}>{t('common.save')}</button>}
    </form>
  );
}
