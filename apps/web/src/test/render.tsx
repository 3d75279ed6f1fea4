import type { ReactElement } from 'react';
import { render } from '@testing-library/react';
import { http, HttpResponse } from 'msw/http';
import { QueryClientProvider } from '@tanstack/react-query';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { I18nProvider, type Locale } from '../lib/i18n.tsx';
import { createQueryClient } from '../app/query-client.ts';
import { createRoutes } from '../app/router.tsx';
import { server } from './server.ts';

type Answer = { status: number; body?: unknown };
type Call = { method: string; path: string; body: unknown };

/** A request's body as the app sent it: a file upload's FormData as such, JSON parsed. */
async function bodyOf(request: Request): Promise<unknown> {
  if ((request.headers.get('content-type') ?? '').startsWith('multipart/form-data')) return request.formData();
  const text = await request.text();
  return text ? JSON.parse(text) : undefined;
}

/** An answer as the API gives it: JSON, or problem+json (RFC 9457) for an error. */
function reply({ status, body }: Answer): Response {
  if (status === 204) return new Response(null, { status });
  if (status < 400) return HttpResponse.json(body as object, { status });
  const problem = { type: 'about:blank', title: 'Error', status, requestId: 'test', ...(body as object) };
  return HttpResponse.json(problem, { status, headers: { 'content-type': 'application/problem+json' } });
}

/**
 * Answers the SPA's API requests from a table of routes ("METHOD /api/path"), at once or when a
 * promise settles, recording every request it gets; any other /api request gets the API's 404.
 */
export function serveApi(table: Record<string, (body: unknown) => Answer | Promise<Answer>>): Call[] {
  const calls: Call[] = [];
  const record = async (request: Request) => {
    const url = new URL(request.url);
    const body = await bodyOf(request);
    calls.push({ method: request.method, path: url.pathname + url.search, body });
    return body;
  };
  server.use(
    ...Object.entries(table).map(([route, answer]) => {
      const [method = 'GET', path = '/'] = route.split(' ');
      return http[method.toLowerCase() as 'get'](path, async ({ request }) => reply(await answer(await record(request))));
    }),
    http.all('/api/*', async ({ request }) => {
      await record(request);
      return reply({ status: 404, body: { code: 'NOT_FOUND', detail: 'no route' } });
    }),
  );
  return calls;
}

/** Renders a component with the providers the app has. */
export function renderWithProviders(ui: ReactElement, locale: Locale = 'en') {
  const qc = createQueryClient({ retry: false });
  return render(
    <QueryClientProvider client={qc}>
      <I18nProvider locale={locale}>{ui}</I18nProvider>
    </QueryClientProvider>,
  );
}

/** Renders the whole app at a URL, with its real routes. */
export function renderApp(url: string, locale: Locale = 'en') {
  const qc = createQueryClient({ retry: false });
  const router = createMemoryRouter(createRoutes(qc), { initialEntries: [url] });
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
