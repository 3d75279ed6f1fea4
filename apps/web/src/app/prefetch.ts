import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import type { SessionUser } from '@portal/schemas';

/**
 * A page's loader, given the app's query client: it fetches into the cache what the page shows, so
 * the page renders with its data. It runs only for users the page's shell lets in.
 */
export type PageLoader = (queryClient: QueryClient) => (args: LoaderFunctionArgs, user: SessionUser | null) => Promise<null>;

/**
 * Waits for a page's fetches (a falsy entry is a fetch the page does not need). A failure is left to the page, which shows it as it always does (its
 * error state, "not found"), rather than to the router's error boundary.
 */
export async function settle(...fetches: unknown[]): Promise<null> {
  await Promise.allSettled(fetches);
  return null;
}
