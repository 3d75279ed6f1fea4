import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import type { ProductDetail } from '@portal/schemas';
import { buyerSession, renderWithProviders, serveApi } from '../../../test/render.tsx';
import { ProductPage } from './product-page.tsx';

const id = '0190a0e0-0000-7000-8000-0000000000b1';
const product = {
  id, sku: 'KT-MUG-350', nameEn: 'Enamel camping mug, 350 ml', nameZh: '搪瓷露营杯 350毫升', category: { slug: 'kitchen', nameEn: 'Kitchen tools', nameZh: '厨房用品' },
  origin: 'CN', material: null, moq: '1000', unit: 'pc', leadTimeDays: 35, certifications: [], incoterms: ['FOB'], imageUrl: null, priceFrom: null,
  descriptionEn: 'Enamelled steel mug.', descriptionZh: null,
  specifications: [{ name: 'Capacity', value: '350 ml', nameZh: '容量', valueZh: '350 毫升' }, { name: 'Rim', value: 'Stainless steel', nameZh: null, valueZh: null }],
  images: [], packing: { unitsPerCarton: 48, cartonLengthCm: '52.00', cartonWidthCm: '36.00', cartonHeightCm: '30.00', cartonGrossWeightKg: '14.200', cartonNetWeightKg: null, cartonCbm: '0.0562' },
  hsCode: '7323940000', portOfLoading: null, priceTiers: null, status: 'ACTIVE', supplier: { id, name: 'Ningbo Harbour Homeware Co., Ltd.', country: 'CN', headline: null },
  related: [], updatedAt: '2026-11-20T08:00:00.000Z',
  localized: { lang: 'en', name: 'Enamel camping mug, 350 ml', description: 'Enamelled steel mug.', categoryName: 'Kitchen tools', specifications: [] },
} satisfies ProductDetail;

function renderPage(locale: 'en' | 'zh-CN', session: object | null = null) {
  serveApi({
    [`GET /api/catalog/products/${id}`]: () => ({ status: 200, body: product }),
    'GET /api/auth/me': () => (session ? { status: 200, body: session } : { status: 401, body: { code: 'UNAUTHENTICATED', detail: 'sign in' } }),
    'POST /api/auth/refresh': () => ({ status: 401, body: { code: 'UNAUTHENTICATED', detail: 'sign in' } }),
  });
  renderWithProviders(<MemoryRouter><ProductPage productId={id} request={() => null} /></MemoryRouter>, locale);
}

describe('ProductPage in the reader’s language', () => {
  it('shows an English reader the English name and specifications, never the Chinese', async () => {
    renderPage('en');
    expect(await screen.findByRole('heading', { level: 1, name: 'Enamel camping mug, 350 ml' })).toBeInTheDocument();
    expect(screen.queryByText('搪瓷露营杯 350毫升')).not.toBeInTheDocument();
    expect(screen.getByRole('rowheader', { name: 'Capacity' })).toBeInTheDocument();
    expect(screen.queryByText('容量')).not.toBeInTheDocument();
  });

  it('shows a Chinese reader the Chinese, with the English where staff gave no Chinese', async () => {
    renderPage('zh-CN');
    expect(await screen.findByRole('heading', { level: 1, name: '搪瓷露营杯 350毫升' })).toBeInTheDocument();
    expect(screen.getByRole('rowheader', { name: '容量' })).toBeInTheDocument();
    expect(screen.getByText('350 毫升')).toBeInTheDocument();
    expect(screen.getByRole('rowheader', { name: 'Rim' })).toBeInTheDocument();
    expect(screen.getByText('Enamelled steel mug.')).toBeInTheDocument();
  });
});

describe('ProductPage without prices', () => {
  it('asks a visitor to sign in or register', async () => {
    renderPage('en');
    expect(await screen.findByText('Prices are shown to approved buyers. Sign in or register your company to see them.')).toBeInTheDocument();
  });

  it('tells a signed-in buyer whose company awaits approval that it is being reviewed, not to sign in', async () => {
    renderPage('en', buyerSession);
    expect(await screen.findByText('Prices are shown once your company is approved: its registration is being reviewed.')).toBeInTheDocument();
    expect(screen.queryByText(/Sign in or register/)).not.toBeInTheDocument();
  });

  it('tells a buyer of a suspended company that it may not trade', async () => {
    renderPage('en', { ...buyerSession, company: { ...buyerSession.company, status: 'SUSPENDED' } });
    expect(await screen.findByText('Prices are not shown while your company is not approved for trading.')).toBeInTheDocument();
  });
});
