import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import type { InquiryDetail, NegotiationThread, QuoteView } from '@portal/schemas';
import { buyerSession, renderApp, serveApi } from '../test/render.tsx';

const approvedBuyer = { ...buyerSession, company: { ...buyerSession.company, status: 'APPROVED' } };
const inquiryId = '0190a0e0-0000-7000-8000-0000000000f1';
const quoteId = '0190a0e0-0000-7000-8000-0000000000e1';
const usd = (amount: string) => ({ amount, currency: 'USD' });

const inquiry: InquiryDetail = {
  id: inquiryId, number: 'INQ-2026-000042', status: 'QUOTED', buyerCompany: { id: buyerSession.company.id, name: 'Northwind Imports Ltd', country: 'GB' },
  createdBy: 'Emma Clarke', assignedTo: null, lineCount: 1, firstLine: 'Cotton tote bag', incoterm: 'FOB', namedPlace: 'Ningbo', currency: 'USD',
  submittedAt: '2026-11-20T08:00:00.000Z', firstResponseAt: '2026-11-20T09:00:00.000Z', responseDueAt: '2026-11-21T08:00:00.000Z', overdue: false, latestQuote: null,
  destinationCountry: 'GB', destinationPort: null, preferredPaymentMethod: null, preferredPaymentTerms: null, requiredShipmentDate: null, packingRequirements: null,
  certificationRequirements: null, message: null, attachments: [], quotes: [{ id: quoteId, number: 'PI-2026-000042' }],
  lines: [{ id: '0190a0e0-0000-7000-8000-0000000000a1', lineNo: 1, productId: null, sku: null, description: 'Cotton tote bag', quantity: '20000', unit: 'pc', moq: null, targetPrice: null }],
};
const quote: QuoteView = {
  id: quoteId, number: 'PI-2026-000042', status: 'OPEN', inquiry: { id: inquiryId, number: inquiry.number }, buyerCompany: { id: buyerSession.company.id, name: 'Northwind Imports Ltd' },
  revisions: [{
    id: '0190a0e0-0000-7000-8000-0000000000b1', revisionNo: 1, status: 'SENT', currency: 'USD', incoterm: 'FOB', namedPlace: 'Ningbo', portOfLoading: null, portOfDischarge: null,
    paymentTerms: [], paymentTermsText: 'T/T 100% before shipment', leadTimeDays: 30, shipmentDate: null, packing: null, specialTerms: null, shippingMarks: null, validUntil: '2026-12-20', notes: null, total: usd('8000.00'),
    lines: [{ id: '0190a0e0-0000-7000-8000-0000000000c1', lineNo: 1, inquiryLineId: null, productId: null, sku: null, description: 'Cotton tote bag', quantity: '20000', unit: 'pc', unitPrice: usd('0.4000'), amount: usd('8000.00'), notes: null, shipmentDate: null }],
    createdAt: '2026-11-20T09:00:00.000Z', sentAt: '2026-11-20T09:00:00.000Z', pdfUrl: null,
  }],
};
const thread: NegotiationThread = { inquiryId, inquiryNumber: inquiry.number, inquiryStatus: 'QUOTED', messages: [] };
const signedIn = { 'GET /api/auth/me': () => ({ status: 200, body: approvedBuyer }), 'GET /api/notifications': () => ({ status: 200, body: { items: [], unread: 0 } }) };

describe('page loaders', () => {
  it('fetch nothing of a page for a visitor the shell sends to sign in', async () => {
    const calls = serveApi({ 'GET /api/auth/me': () => ({ status: 401, body: { code: 'UNAUTHENTICATED', detail: 'sign in' } }), 'POST /api/auth/refresh': () => ({ status: 401, body: { code: 'UNAUTHENTICATED', detail: 'x' } }) });
    renderApp(`/portal/inquiries/${inquiryId}`);
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
    expect(calls.filter((c) => !c.path.startsWith('/api/auth/'))).toEqual([]);
  });

  it('fetch an inquiry, its PI and its thread before the page shows, so the PI is there with the first render', async () => {
    const calls = serveApi({
      ...signedIn,
      [`GET /api/inquiries/${inquiryId}`]: () => ({ status: 200, body: inquiry }),
      [`GET /api/quotes/${quoteId}`]: () => ({ status: 200, body: quote }),
      [`GET /api/inquiries/${inquiryId}/messages`]: () => ({ status: 200, body: thread }),
    });
    renderApp(`/portal/inquiries/${inquiryId}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'INQ-2026-000042' })).toBeInTheDocument();
    // No second look: the PI came with the page, not after it.
    expect(screen.getByRole('article', { name: 'PI-2026-000042 rev. 1' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Accept this quote' })).toBeInTheDocument();
    expect(calls.filter((c) => c.path === `/api/quotes/${quoteId}`)).toHaveLength(1);
  });

  it('leave an inquiry that is not there to the page, which says "not found" with a way back, and fetch nothing that hangs on it', async () => {
    const calls = serveApi({ ...signedIn, [`GET /api/inquiries/${inquiryId}`]: () => ({ status: 404, body: { code: 'NOT_FOUND', detail: 'the inquiry does not exist' } }) });
    renderApp(`/portal/inquiries/${inquiryId}`);
    expect(await screen.findByText('Not found: this record does not exist, or it is not yours to see.', {})).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '← Back to Inquiries' })).toHaveAttribute('href', '/portal/inquiries');
    // Trying again cannot make it appear.
    expect(screen.queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument();
    expect(screen.queryByText('the inquiry does not exist')).not.toBeInTheDocument();
    expect(calls.some((c) => c.path.endsWith('/messages') || c.path.startsWith('/api/quotes/'))).toBe(false);
  });

  it('read a broken link (a malformed id) as "not found", never as the API\'s validation text', async () => {
    serveApi({
      ...signedIn,
      'GET /api/contracts/123': () => ({ status: 400, body: { code: 'VALIDATION', detail: 'params.contractId Invalid UUID', errors: [{ field: 'params.contractId', message: 'Invalid UUID' }] } }),
    });
    renderApp('/portal/contracts/123');
    expect(await screen.findByText('Not found: this record does not exist, or it is not yours to see.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '← Back to Contracts' })).toHaveAttribute('href', '/portal/contracts');
    expect(document.body).not.toHaveTextContent('Invalid UUID');
    expect(screen.queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument();
  });

  it('offer "Try again" when the portal itself failed, and it helps', async () => {
    let fail = true;
    serveApi({
      ...signedIn,
      [`GET /api/contracts/${quoteId}`]: () => (fail ? { status: 500, body: { code: 'INTERNAL', detail: 'boom' } } : { status: 404, body: { code: 'NOT_FOUND', detail: 'x' } }),
    });
    renderApp(`/portal/contracts/${quoteId}`);
    const retry = await screen.findByRole('button', { name: 'Try again' });
    expect(screen.getByRole('alert')).toHaveTextContent('The portal ran into a problem on its side.');
    expect(screen.getByRole('alert')).not.toHaveTextContent('boom');
    fail = false;
    retry.click();
    expect(await screen.findByText('Not found: this record does not exist, or it is not yours to see.')).toBeInTheDocument();
  });

  it('show a page-not-found with the reader\'s navigation and a way home for an address with no page', async () => {
    serveApi(signedIn);
    renderApp('/portal/no-such-page');
    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: 'Main navigation' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to your home page' })).toHaveAttribute('href', '/portal');
  });
});
