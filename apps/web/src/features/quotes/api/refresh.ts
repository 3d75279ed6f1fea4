import type { QueryClient } from '@tanstack/react-query';
import type { QuoteView } from '@portal/schemas';
import { quoteKeys } from './keys.ts';

/** After a change to a quote: the PI as the API answered it, and the managers' approval list. */
export function refreshAfterQuoteChange(qc: QueryClient, quote: QuoteView) {
  qc.setQueryData(quoteKeys.detail(quote.id), quote);
  void qc.invalidateQueries({ queryKey: quoteKeys.approvals() });
}
