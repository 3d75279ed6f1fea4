import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ClaimDraftShipment } from '@portal/schemas';
import { buyerSession, renderApp, serveApi } from '../../test/render.tsx';

const clerk = {
  ...buyerSession, id: '0190a0e0-0000-7000-8000-000000000003', email: 'clerk@demo.example', name: 'Li Na', role: 'CLERK', locale: 'en', isCompanyAdmin: false,
  company: { ...buyerSession.company, kind: 'EXPORTER', status: 'APPROVED', name: 'Ningbo Harbour Homeware Co., Ltd.' },
};
const ticketId = '0190a0e0-0000-7000-8000-0000000000d1';
const shipment: ClaimDraftShipment = {
  id: '0190a0e0-0000-7000-8000-0000000000d2', number: 'SHP-2026-000004', contractId: '0190a0e0-0000-7000-8000-0000000000d3', contractNumber: 'SC-2026-000001', shippedOn: '2026-10-03', arrivedOn: '2026-11-06',
};
const signedIn = { 'GET /api/auth/me': () => ({ status: 200, body: clerk }), 'GET /api/notifications': () => ({ status: 200, body: { items: [], unread: 0 } }) };
const namesNoContract = () => ({ status: 400, body: { code: 'VALIDATION', detail: 'the complaint names no contract', errors: [{ field: 'contractId', message: 'is required: a claim is made under a contract' }] } });

describe('a claim from a complaint that names no shipment', () => {
  it('offers the customer’s shipments that have left, and drafts the claim on the one chosen', async () => {
    const calls = serveApi({
      ...signedIn,
      [`GET /api/claims/drafts/${ticketId}`]: namesNoContract,
      [`GET /api/claims/drafts/${ticketId}/shipments`]: () => ({ status: 200, body: [shipment] }),
    });
    renderApp(`/staff/claims/new?ticket=${ticketId}`);
    expect(await screen.findByText(/This complaint names no shipment/)).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'A claim from a complaint' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '← Back to the complaint' })).toHaveAttribute('href', `/staff/tickets/${ticketId}`);
    // Not the raw validation text, not a generic error.
    expect(screen.queryByText(/is required/)).toBeNull();
    const choice = screen.getByRole('link', { name: 'Shipment SHP-2026-000004 of contract SC-2026-000001' });
    expect(screen.getByText(/shipped Oct 3, 2026 · arrived Nov 6, 2026/)).toBeInTheDocument();
    await userEvent.setup().click(choice);
    await screen.findByText(/This complaint names no shipment/);
    expect(calls.map((c) => c.path)).toContain(`/api/claims/drafts/${ticketId}?shipmentId=${shipment.id}`);
  });

  it('says so when the customer has no shipment that has left', async () => {
    serveApi({ ...signedIn, [`GET /api/claims/drafts/${ticketId}`]: namesNoContract, [`GET /api/claims/drafts/${ticketId}/shipments`]: () => ({ status: 200, body: [] }) });
    renderApp(`/staff/claims/new?ticket=${ticketId}`);
    expect(await screen.findByText(/No shipment of this customer has left yet/)).toBeInTheDocument();
  });
});
