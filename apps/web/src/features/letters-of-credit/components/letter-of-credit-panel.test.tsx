import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { SalesContractView } from '@portal/schemas';
import { renderWithProviders, serveApi } from '../../../test/render.tsx';
import { LetterOfCreditPanel } from './letter-of-credit-panel.tsx';

const party = { id: '0190a0e0-0000-7000-8000-0000000000c1', name: 'Northwind Imports Ltd', addressLines: [], country: 'United Kingdom', taxId: null, phone: null };
const pending: NonNullable<SalesContractView['lc']> = {
  status: null, number: null, issuingBank: null, issuingBankBic: null, issueDate: null, expiryDate: null, latestShipmentDate: null, presentationDays: null,
  amount: null, requiredAmount: { amount: '28665.84', currency: 'USD' }, discrepancies: [], reviewNote: null, reviewedAt: null, reviewedBy: null,
};
const contract = (lc = pending): SalesContractView => ({
  id: '0190a0e0-0000-7000-8000-0000000000d1', number: 'SC-2026-000042', status: 'CONFIRMED', quote: { id: '0190a0e0-0000-7000-8000-0000000000e1', number: 'PI-2026-000042', revisionNo: 1 },
  inquiry: { id: '0190a0e0-0000-7000-8000-0000000000f1', number: 'RFQ-2026-000042' }, seller: party, buyer: party, currency: 'USD', total: { amount: '40951.20', currency: 'USD' },
  lines: [], incoterm: 'CIF', namedPlace: 'Hamburg', portOfLoading: null, portOfDischarge: null, latestShipmentDate: '2027-01-20', partialShipmentAllowed: false,
  transhipmentAllowed: true, packing: null, shippingMarks: null, specialTerms: null, leadTimeDays: null, inspection: null, insurance: null, claimsClause: null, paymentMethod: 'LC', paymentTermsText: 'T/T 30%, L/C 70% at sight',
  paymentTerms: [], lc, amendmentNo: 0, amendments: [], issuedAt: '2026-11-20T08:00:00.000Z', confirmedAt: '2026-11-20T09:00:00.000Z', confirmedBy: 'Emma Clarke', pdfUrl: '/api/contracts/x/pdf',
});

describe('LetterOfCreditPanel', () => {
  it('lets the buyer record the credit and shows the API’s field errors beside the fields', async () => {
    const calls = serveApi({
      'PUT /api/contracts/0190a0e0-0000-7000-8000-0000000000d1/letter-of-credit': () => ({
        status: 400, body: { code: 'VALIDATION', detail: 'the credit expires before its latest shipment date', errors: [{ field: 'body.expiryDate', message: 'must not be before the latest shipment date (2027-01-20)' }] },
      }),
    });
    const user = userEvent.setup();
    renderWithProviders(<LetterOfCreditPanel contract={contract()} side="buyer" />);
    expect(screen.getByText('Not recorded yet')).toBeInTheDocument();
    await user.type(screen.getByLabelText('L/C number'), 'LC/DE/2026/00417');
    await user.type(screen.getByLabelText('Issuing bank'), 'Hamburger Handelsbank AG');
    await user.type(screen.getByLabelText(/Issuing bank BIC/), 'HHBK');
    await user.click(screen.getByRole('button', { name: 'Save the letter of credit' }));
    // Checked in the browser first, with the API's own schema.
    expect(await screen.findByText(/must be a SWIFT BIC of 8 or 11 characters/)).toBeInTheDocument();
    expect(calls).toHaveLength(0);
    await user.clear(screen.getByLabelText(/Issuing bank BIC/));
    await user.type(screen.getByLabelText(/Issuing bank BIC/), 'HHBKDEHH');
    await user.type(screen.getByLabelText('Issue date'), '2026-11-25');
    await user.type(screen.getByLabelText('Expiry date'), '2027-01-19');
    await user.click(screen.getByRole('button', { name: 'Save the letter of credit' }));
    expect(await screen.findByText('must not be before the latest shipment date (2027-01-20)')).toBeInTheDocument();
    expect(screen.getByLabelText('Expiry date')).toHaveAttribute('aria-invalid', 'true');
    expect(calls[0]).toMatchObject({ method: 'PUT', body: { number: 'LC/DE/2026/00417', issuingBankBic: 'HHBKDEHH', presentationDays: 21, amount: '28665.84', currency: 'USD', latestShipmentDate: '2027-01-20' } });
  });

  it('shows staff the discrepancies and needs a note to request an amendment', async () => {
    const received = {
      ...pending, status: 'RECEIVED' as const, number: 'LC/DE/2026/00417', issuingBank: 'Hamburger Handelsbank AG', issueDate: '2026-11-25', expiryDate: '2027-02-03',
      latestShipmentDate: '2027-01-20', presentationDays: 21, amount: { amount: '28000.00', currency: 'USD' },
      discrepancies: [{ field: 'amount', code: 'AMOUNT_SHORT' as const, params: { amount: '28000.00', share: '28665.84', currency: 'USD' }, message: 'USD 28000.00 is below the L/C share of the contract, USD 28665.84' }],
    };
    const calls = serveApi({ 'POST /api/contracts/0190a0e0-0000-7000-8000-0000000000d1/letter-of-credit/review': (body) => ({ status: 200, body: contract({ ...received, status: 'AMENDMENT_REQUESTED', reviewNote: (body as { note: string }).note }) }) });
    const user = userEvent.setup();
    renderWithProviders(<LetterOfCreditPanel contract={contract(received)} side="reviewer" />);
    expect(within(screen.getByRole('region', { name: 'Discrepancies with the contract' })).getByText(/28,000\.00 is below the L\/C share of the contract, \S*28,665\.84/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Request amendment' }));
    expect(screen.getByText('Say what the credit must change')).toBeInTheDocument();
    expect(calls).toHaveLength(0);
    await user.type(screen.getByLabelText(/Note/), 'Amount must be USD 28,665.84');
    await user.click(screen.getByRole('button', { name: 'Request amendment' }));
    expect(calls[0]).toMatchObject({ method: 'POST', body: { decision: 'REQUEST_AMENDMENT', note: 'Amount must be USD 28,665.84' } });
    expect(screen.queryByRole('button', { name: 'Save the letter of credit' })).toBeNull();
  });
});
