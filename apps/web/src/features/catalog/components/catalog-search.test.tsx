import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ProductSearchResult, type ProductCard } from '@portal/schemas';
import { renderApp, serveApi } from '../../../test/render.tsx';

const visitor = { 'GET /api/auth/me': () => ({ status: 401, body: { code: 'UNAUTHENTICATED', detail: 'x' } }), 'POST /api/auth/refresh': () => ({ status: 401, body: { code: 'UNAUTHENTICATED', detail: 'x' } }) };

const card = (n: number): ProductCard => ({
  id: `0190a0e0-0000-7000-8000-${String(n).padStart(12, '0')}`, sku: `HH-${n}`, nameEn: `Storage basket ${n}`, nameZh: `收纳篮 ${n}`, highlight: { nameEn: `Storage basket ${n}`, nameZh: `收纳篮 ${n}` },
  category: { slug: 'storage', nameEn: 'Storage', nameZh: '收纳' }, origin: 'CN', material: 'Seagrass', moq: '500', unit: 'pc', leadTimeDays: 35, certifications: [], incoterms: ['FOB'], imageUrl: null, priceFrom: null,
});

/** What the search API answers for a page of a 17-product result (24 per page: one page; a page past the last answers the last). */
function result(asked: number): ProductSearchResult {
  const all = Array.from({ length: 17 }, (_, i) => card(i + 1));
  const page = Math.min(asked, 1);
  return ProductSearchResult.parse({
    items: all.slice((page - 1) * 24, page * 24), total: 17, page, pageCount: 1, pageSize: 24,
    facets: { category: [{ value: 'storage', count: 17, nameEn: 'Storage', nameZh: '收纳', parent: null }], origin: [{ value: 'CN', count: 17 }], material: [{ value: 'Seagrass', count: 9 }, { value: 'Cotton', count: 8 }], cert: [], incoterm: [{ value: 'FOB', count: 17 }] },
    ranges: { price: null, moq: null, leadTime: null }, pricesVisible: false, degraded: false,
  });
}

describe('catalog paging', () => {
  it('takes ?page=2 of a 17-product result to the last page, never saying "17 products" and "No product matches" at once', async () => {
    const calls = serveApi({ ...visitor, 'GET /api/catalog/search': () => ({ status: 200, body: result(calls.at(-1)?.path.includes('page=2') ? 2 : 1) }) });
    const { router } = renderApp('/catalog?q=basket&page=2');
    expect(await screen.findByRole('link', { name: /Storage basket 17/ })).toBeInTheDocument();
    await waitFor(() => expect(router.state.location.search).toBe('?q=basket'));
    expect(screen.getByText('17 products')).toBeInTheDocument();
    expect(screen.queryByText(/No product matches/)).not.toBeInTheDocument();
  });
});

describe('catalog filters on a phone', () => {
  it('keeps the facets behind a "Filters" button that counts the filters in force, and closes the drawer on "Show"', async () => {
    serveApi({ ...visitor, 'GET /api/catalog/search': () => ({ status: 200, body: result(1) }) });
    const user = userEvent.setup();
    renderApp('/catalog?material=Seagrass&origin=CN');
    const toggle = await screen.findByRole('button', { name: 'Filters (2)' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await user.click(toggle);
    const drawer = screen.getByRole('dialog', { name: 'Filters' });
    expect(within(drawer).getByRole('checkbox', { name: /Seagrass/ })).toBeChecked();
    await user.click(within(drawer).getByRole('button', { name: 'Show 17 products' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Filters (2)' })).toHaveAttribute('aria-expanded', 'false');
  });
});
