import { MutationCache, QueryClient, matchMutation, type Mutation, type MutationKey } from '@tanstack/react-query';
import type { QuoteView, SalesContractView, SessionUser } from '@portal/schemas';
import { ApiError } from '../lib/api.ts';
import { accountKeys } from '../features/account/api/keys.ts';
import { authKeys } from '../features/auth/api/keys.ts';
import { companyKeys } from '../features/companies/api/keys.ts';
import { inquiryKeys } from '../features/inquiries/api/keys.ts';
import { letterOfCreditKeys } from '../features/letters-of-credit/api/keys.ts';
import { negotiationKeys } from '../features/negotiation/api/keys.ts';
import { quoteKeys } from '../features/quotes/api/keys.ts';
import { salesContractKeys } from '../features/sales-contracts/api/keys.ts';

type Effect = { after: MutationKey; refresh: (qc: QueryClient, data: unknown) => void };

/**
 * What a change in one capability means for the data another one shows. Each feature refreshes its
 * own queries; the effects across features are composed here, so that no feature imports another.
 */
const effects: Effect[] = [
  // A message, counter-offer, change request, acceptance or decline moves the inquiry and its quote.
  {
    after: negotiationKeys.change(),
    refresh: (qc) => {
      void qc.invalidateQueries({ queryKey: inquiryKeys.all });
      void qc.invalidateQueries({ queryKey: quoteKeys.all });
    },
  },
  // Accepting a quote issues a sales contract.
  { after: negotiationKeys.accept(), refresh: (qc) => void qc.invalidateQueries({ queryKey: salesContractKeys.list() }) },
  // A new, changed, sent or approved revision shows on its inquiry and in the inbox.
  {
    after: quoteKeys.change(),
    refresh: (qc, data) => {
      void qc.invalidateQueries({ queryKey: inquiryKeys.detail((data as QuoteView).inquiry.id) });
      void qc.invalidateQueries({ queryKey: inquiryKeys.lists() });
    },
  },
  // The letter of credit is read as part of its contract, which the API answers whole.
  {
    after: letterOfCreditKeys.change(),
    refresh: (qc, data) => {
      qc.setQueryData(salesContractKeys.detail((data as SalesContractView).id), data);
      void qc.invalidateQueries({ queryKey: salesContractKeys.list() });
    },
  },
  // The session carries the user's name and language, and their company's name.
  { after: accountKeys.profile(), refresh: (qc, data) => qc.setQueryData(authKeys.session(), data as SessionUser) },
  { after: companyKeys.update(), refresh: (qc) => void qc.invalidateQueries({ queryKey: authKeys.session() }) },
];

function refreshAcross(qc: QueryClient, data: unknown, mutation: Mutation<unknown, unknown, unknown>) {
  for (const { after, refresh } of effects) if (matchMutation({ mutationKey: after }, mutation)) refresh(qc, data);
}

/** The app's query client: its defaults, and the effects of each capability's changes on the others. */
export function createQueryClient({ retry = true }: { retry?: boolean } = {}): QueryClient {
  const qc: QueryClient = new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // Client errors (404, 403) will not change on retry.
        retry: retry && ((count, err) => !(err instanceof ApiError && err.status >= 400 && err.status < 500) && count < 2),
      },
    },
    mutationCache: new MutationCache({ onSuccess: (data, _variables, _context, mutation) => refreshAcross(qc, data, mutation) }),
  });
  return qc;
}
