import type { ReactElement } from 'react';
import { render } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { I18nProvider, type Locale } from '../lib/i18n.tsx';
import { routes } from '../app/router.tsx';

type Answer = { status: number; body?: unknown };

/** Answers the SPA's fetches from a table of routes (at once, or when a promise settles), recording every request it gets. */
export function serveApi(table: Record<string, (body: unknown) => Answer | Promise<Answer>>) {
  const calls: { method: string; path: string; body: unknown }[] = [];
  const fetchImpl = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://localhost');
    const method = init?.method ?? 'GET';
    // A file upload's FormData is recorded as it was sent; JSON bodies are parsed.
    const body = init?.body instanceof FormData ? init.body : init?.body ? JSON.parse(String(init.body)) : undefined;
    calls.push({ method, path: url.pathname + url.search, body });
    const handler = table[`${method} ${url.pathname}`];
    const res = handler ? await handler(body) : { status: 404, body: { code: 'NOT_FOUND', detail: 'no route' } };
    const type = res.status >= 400 ? 'application/problem+json' : 'application/json';
    return new Response(res.status === 204 ? null : JSON.stringify(res.body), { status: res.status, headers: { 'content-type': type } });
  };
  globalThis.fetch = fetchImpl as typeof fetch;
  return calls;
}

/** Renders a component with the providers the app has. */
export function renderWithProviders(ui: ReactElement, locale: Locale = 'en') {
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={qc}>
      <I18nProvider locale={locale}>{ui}</I18nProvider>
    </QueryClientProvider>,
  );
}

/** Renders the whole app at a URL, with its real routes. */
export function renderApp(url: string, locale: Locale = 'en') {
  const router = createMemoryRouter(routes, { initialEntries: [url] });
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const view = render(
    <QueryClientProvider client={qc}>
      <I18nProvider locale={locale}>
        <RouterProvider router={router} />
      </I18nProvider>
    </QueryClientProvider>,
  );
  return { ...view, router };
}

export const buyerSession = {
  id: '0190a0e0-0000-7000-8000-000000000001',
  email: 'buyer@demo.example',
  name: 'Emma Clarke',
  role: 'BUYER',
  locale: 'en',
  isCompanyAdmin: true,
  company: { id: '0190a0e0-0000-7000-8000-0000000000c1', name: 'Northwind Imports Ltd', kind: 'BUYER', status: 'PENDING', country: 'GB', defaultCurrency: 'USD' },
};
