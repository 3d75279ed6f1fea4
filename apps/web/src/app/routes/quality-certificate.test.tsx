import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import type { QualityCertificateView } from '@portal/schemas';
import { buyerSession, renderApp, serveApi } from '../../test/render.tsx';

const approvedBuyer = { ...buyerSession, company: { ...buyerSession.company, status: 'APPROVED' } };
const certificate: QualityCertificateView = {
  id: '0190a0e0-0000-7000-8000-0000000000f1', certificateNo: 'QC-DEMO-0207', batchNo: 'B-2611-07', producedOn: '2026-11-20', quantity: '12000',
  product: { id: '0190a0e0-0000-7000-8000-0000000000b1', sku: 'BTL-500', name: 'Vacuum bottle 500 ml', unit: 'pc' }, issuedOn: '2026-11-26', issuer: 'Ningbo QC Lab',
  results: [{ test: 'Leak test', standard: 'GB/T 29606', result: 'No leak', pass: true }], contract: null, shipment: null, fileUrl: null,
};

describe('one batch certificate', () => {
  it('is titled by its number, not the list’s plural title, and names the product field as a record does', async () => {
    serveApi({
      'GET /api/auth/me': () => ({ status: 200, body: approvedBuyer }),
      'GET /api/notifications': () => ({ status: 200, body: { items: [], unread: 0 } }),
      [`GET /api/quality-certificates/${certificate.id}`]: () => ({ status: 200, body: certificate }),
    });
    renderApp(`/portal/certificates/${certificate.id}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Quality certificate QC-DEMO-0207' })).toBeInTheDocument();
    expect(screen.queryByText('Batch quality certificates')).not.toBeInTheDocument();
    expect(screen.getByRole('article', { name: 'Quality certificate QC-DEMO-0207' })).toBeInTheDocument();
    expect(screen.getByText('Product', { selector: 'dt' })).toBeInTheDocument();
    expect(screen.queryByText('Product (SKU or name)')).not.toBeInTheDocument();
  });

  it('the search form keeps its hint of what to type', async () => {
    serveApi({
      'GET /api/auth/me': () => ({ status: 200, body: approvedBuyer }),
      'GET /api/notifications': () => ({ status: 200, body: { items: [], unread: 0 } }),
      'GET /api/quality-certificates': () => ({ status: 200, body: [] }),
    });
    renderApp('/portal/certificates');
    expect(await screen.findByRole('heading', { level: 1, name: 'Batch quality certificates' })).toBeInTheDocument();
    expect(screen.getByLabelText('Product (SKU or name)')).toBeInTheDocument();
  });
});
