import type { QuoteView } from '@portal/schemas';
import { useI18n } from '../../../lib/i18n.tsx';
import { QuoteRevision } from './quote-revision.tsx';
import { RevisionDiff } from './revision-diff.tsx';

/** Under the latest revision: what changed since the one before, and the earlier revisions folded away. */
export function QuoteHistory({ quote }: { quote: QuoteView }) {
  const { t } = useI18n();
  const [latest, previous] = quote.revisions;
  if (!latest || !previous) return null;
  return (
    <>
      <RevisionDiff current={latest} previous={previous} />
      <details>
        <summary>{t('pi.earlier', { count: quote.revisions.length - 1 })}</summary>
        <div className="stack">{quote.revisions.slice(1).map((r) => <QuoteRevision key={r.id} quoteNumber={quote.number} revision={r} />)}</div>
      </details>
    </>
  );
}
