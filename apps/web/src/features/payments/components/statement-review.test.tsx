import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { StatementImportView } from '@portal/schemas';
import { renderWithProviders, serveApi } from '../../../test/render.tsx';
import { StatementReview } from './statement-review.tsx';

const customer = { id: '0190a0e0-0000-7000-8000-0000000000c1', name: 'Northwind Imports Ltd' };
const itemId = '0190a0e0-0000-7000-8000-0000000000a1';
const imp: StatementImportView = {
  id: '0190a0e0-0000-7000-8000-0000000000f1', fileName: 'boc.xml', message: 'camt.053.001.08', messageId: 'M1', account: '358000000000123456', credits: 2, duplicates: 0,
  createdAt: '2026-11-30T00:00:00.000Z',
  lines: [
    {
      id: '0190a0e0-0000-7000-8000-0000000000e1', status: 'PROPOSED', amount: { amount: '12250.36', currency: 'USD' }, valueDate: '2026-11-30', debtorName: 'NORTHWIND IMPORTS LTD',
      creditorReference: 'RF83SC202600000101', remittance: null, bankReference: 'BOC-1', reason: 'STRUCTURED_REFERENCE', detail: 'structured reference RF83 SC20 2600 0001 01', alternatives: 0,
      customer, allocations: [{ itemId, amount: '12250.36', reference: 'RF83 SC20 2600 0001 01', contractNumber: 'SC-2026-000001', open: '12285.36' }],
      bankChargeWriteOffs: [{ itemId, amount: '35.00' }], unallocated: '0.00', receiptId: null,
    },
    {
      id: '0190a0e0-0000-7000-8000-0000000000e2', status: 'PROPOSED', amount: { amount: '777.00', currency: 'USD' }, valueDate: '2026-11-30', debtorName: 'Unknown Trading',
      creditorReference: null, remittance: 'refund', bankReference: 'BOC-2', reason: 'UNMATCHED', detail: 'no match', alternatives: 0, customer: null, allocations: [], bankChargeWriteOffs: [], unallocated: '777.00', receiptId: null,
    },
  ],
};

describe('the statement review', () => {
  it('shows each line’s reason and proposal, and confirms it with the amounts finance corrected', async () => {
    const calls = serveApi({
      'GET /api/payments/customers': () => ({ status: 200, body: [] }),
      [`POST /api/payments/statement-lines/${imp.lines[0]!.id}/confirm`]: () => ({ status: 200, body: { ...imp, lines: [{ ...imp.lines[0]!, status: 'CONFIRMED' }, imp.lines[1]] } }),
    });
    renderWithProviders(<StatementReview imp={imp} />);
    const [matched, stranger] = screen.getAllByTestId('statement-line');
    expect(within(matched!).getByText('Structured reference')).toBeInTheDocument();
    expect(within(matched!).getByText(/35\.00 written off as bank charges/)).toBeInTheDocument();
    expect(within(stranger!).getByText('No match')).toBeInTheDocument();
    // An unmatched line cannot be confirmed until finance says whose money it is.
    expect(within(stranger!).getByRole('button', { name: 'Confirm' })).toBeDisabled();

    fireEvent.change(within(matched!).getByLabelText('Allocate RF83 SC20 2600 0001 01'), { target: { value: '12000.00' } });
    fireEvent.click(within(matched!).getByRole('button', { name: 'Confirm' }));
    await waitFor(() => expect(calls.find((c) => c.method === 'POST')).toBeDefined());
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({ companyId: customer.id, allocations: [{ itemId, amount: '12000.00' }], writeOffBankCharges: true });
  });
});
