import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import type { StaffProductPage } from '@portal/schemas';
import { renderWithProviders, serveApi } from '../../../test/render.tsx';
import { StaffProductList } from './staff-product-list.tsx';

const page: StaffProductPage = {
  items: [{
    id: '0190a0e0-0000-7000-8000-0000000000b1', sku: 'DW-BTL-750', nameEn: 'Sports bottle 750 ml', nameZh: '运动水壶 750毫升', category: { nameEn: 'Bottles & flasks', nameZh: '水瓶与保温壶' },
    status: 'ACTIVE', moq: '1000', unit: 'pc', priceFrom: null, updatedAt: '2026-11-20T08:00:00.000Z',
  }],
  total: 1, page: 1, pageSize: 20,
};

function renderList(locale: 'en' | 'zh-CN') {
  serveApi({ 'GET /api/products': () => ({ status: 200, body: page }) });
  renderWithProviders(<MemoryRouter><StaffProductList params={new URLSearchParams()} onParams={() => {}} /></MemoryRouter>, locale);
}

describe('StaffProductList', () => {
  it('names the category in Chinese for a Chinese reader', async () => {
    renderList('zh-CN');
    expect(await screen.findByRole('cell', { name: '水瓶与保温壶' })).toBeInTheDocument();
    expect(screen.queryByText('Bottles & flasks')).not.toBeInTheDocument();
  });

  it('and in English for an English one', async () => {
    renderList('en');
    expect(await screen.findByRole('cell', { name: 'Bottles & flasks' })).toBeInTheDocument();
  });
});
