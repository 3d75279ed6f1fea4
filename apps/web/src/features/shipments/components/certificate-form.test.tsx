import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ContractExecutionView, ShipmentView } from '@portal/schemas';
import { MemoryRouter } from 'react-router';
import { renderWithProviders, serveApi } from '../../../test/render.tsx';
import { CertificateForm } from './certificate-form.tsx';

const contractId = '0190a0e0-0000-7000-8000-0000000000c1';
const productId = '0190a0e0-0000-7000-8000-0000000000b1';
const usd = (amount: string) => ({ amount, currency: 'USD' });
const shipment = {
  id: '0190a0e0-0000-7000-8000-0000000000d1', number: 'SHP-2026-000003', contractId, status: 'BOOKED', carrier: null, vessel: null, voyage: null, bookingNumber: null,
  portOfLoading: null, portOfDischarge: null, etd: null, eta: null, blNumber: null, blDate: null, onBoardDate: null, invoiceNumber: null, value: usd('40951.20'),
  lines: [
    { contractLineNo: 1, description: 'Stainless steel vacuum bottle 500 ml', quantity: '12000', unit: 'pc', cartons: 500, containerNumber: null, amount: usd('40951.20') },
    { contractLineNo: 2, description: 'Tooling: logo engraving plate', quantity: '1', unit: 'set', cartons: null, containerNumber: null, amount: usd('180.00') },
  ],
  containers: [], timeline: [], documents: [], punctuality: { status: 'ON_TIME', shipmentDate: null, expectedShipmentDate: null, daysLate: 0 }, nextMilestone: null,
  events: [{ id: '0190a0e0-0000-7000-8000-0000000000e1', milestone: 'INSPECTION_PASSED', classifier: 'ACT', date: '2026-11-26', batchNo: 'B-2611-07' }],
} as unknown as ShipmentView;
const execution = {
  contract: { id: contractId, number: 'SC-2026-000013' },
  lines: [
    { contractLineNo: 1, productId, description: 'Stainless steel vacuum bottle 500 ml', unit: 'pc' },
    { contractLineNo: 2, productId: null, description: 'Tooling: logo engraving plate', unit: 'set' },
  ],
  shipments: [shipment],
} as unknown as ContractExecutionView;

describe('the batch certificate form', () => {
  it('records the certificate of the inspected batch, with its results, for the catalog product of the shipment', async () => {
    const calls = serveApi({
      'POST /api/quality-certificates': () => ({ status: 201, body: { id: '0190a0e0-0000-7000-8000-0000000000f1', certificateNo: 'QC-2611-07' } }),
    });
    renderWithProviders(<MemoryRouter><CertificateForm execution={execution} shipment={shipment} today="2026-11-30" /></MemoryRouter>);
    const form = screen.getByRole('form', { name: 'Record a batch quality certificate' });
    // Only the line with a catalog product can carry a batch certificate; the inspected batch is proposed.
    expect(within(form).getByLabelText('Product of this shipment').querySelectorAll('option')).toHaveLength(1);
    expect(within(form).getByLabelText('Batch number')).toHaveValue('B-2611-07');
    expect(within(form).getByLabelText('Batch quantity (pc)')).toHaveValue('12000');

    fireEvent.change(within(form).getByLabelText('Produced'), { target: { value: '2026-11-20' } });
    fireEvent.change(within(form).getByLabelText('Certificate number'), { target: { value: 'QC-2611-07' } });
    fireEvent.change(within(form).getByLabelText('Issued by'), { target: { value: 'Ningbo QC laboratory' } });
    const first = within(form).getByRole('group', { name: 'Result 1' });
    fireEvent.change(within(first).getByLabelText('Test'), { target: { value: 'Drop test' } });
    fireEvent.change(within(first).getByLabelText('Result'), { target: { value: 'no damage' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Add a result' }));
    const second = within(form).getByRole('group', { name: 'Result 2' });
    fireEvent.change(within(second).getByLabelText('Test'), { target: { value: 'Capacity' } });
    fireEvent.change(within(second).getByLabelText('Standard'), { target: { value: 'Approved sample' } });
    fireEvent.change(within(second).getByLabelText('Result'), { target: { value: '498 ml' } });
    fireEvent.click(within(second).getByLabelText('Pass'));
    fireEvent.click(within(form).getByRole('button', { name: 'Record certificate' }));

    await waitFor(() => expect(calls.find((c) => c.method === 'POST')).toBeDefined());
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({
      productId, batchNo: 'B-2611-07', producedOn: '2026-11-20', quantity: '12000', certificateNo: 'QC-2611-07', issuedOn: '2026-11-30', issuer: 'Ningbo QC laboratory',
      contractId, shipmentId: shipment.id,
      results: [{ test: 'Drop test', result: 'no damage', pass: true }, { test: 'Capacity', standard: 'Approved sample', result: '498 ml', pass: false }],
    });
    expect(await screen.findByRole('status')).toHaveTextContent('Certificate QC-2611-07 recorded');
  });

  it('shows the API’s refusal beside the field it names', async () => {
    serveApi({
      'POST /api/quality-certificates': () => ({
        status: 400,
        body: { type: 'about:blank', title: 'Bad Request', status: 400, code: 'VALIDATION', detail: 'the certificate cannot be saved', errors: [{ field: 'body.results.0.test', message: 'must not be empty' }] },
      }),
    });
    renderWithProviders(<MemoryRouter><CertificateForm execution={execution} shipment={shipment} today="2026-11-30" /></MemoryRouter>);
    fireEvent.click(screen.getByRole('button', { name: 'Record certificate' }));
    const test = await screen.findByLabelText('Test');
    await waitFor(() => expect(test).toHaveAttribute('aria-invalid', 'true'));
    expect(test).toHaveAccessibleDescription('must not be empty');
    expect(screen.getByRole('alert')).toHaveTextContent('the certificate cannot be saved');
  });
});
