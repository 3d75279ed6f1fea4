import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { QuoteRevisionView, QuoteView } from '@portal/schemas';
import { renderWithProviders, serveApi } from '../../../test/render.tsx';
import { RevisionBuilder } from './revision-builder.tsx';
import { RevisionDiff } from './revision-diff.tsx';

const id = (n: number) => `0190a0e0-0000-7000-8000-${String(n).padStart(12, '0')}`;
const usd = (amount: string) => ({ amount, currency: 'USD' });
const line = (n: number, over: Partial<QuoteRevisionView['lines'][number]> = {}): QuoteRevisionView['lines'][number] => ({
  id: id(100 + n), lineNo: n, inquiryLineId: id(200 + n), productId: id(300 + n), sku: `SKU-${n}`, description: `Product ${n}`, quantity: '20000', unit: 'pc',
  unitPrice: usd('0.5000'), amount: usd('10000.00'), notes: null, shipmentDate: null, ...over,
});
const revision = (no: number, lines: QuoteRevisionView['lines']): QuoteRevisionView => ({
  id: id(no), revisionNo: no, status: 'SENT', currency: 'USD', incoterm: 'FOB', namedPlace: 'Ningbo', portOfLoading: null, portOfDischarge: null, paymentTerms: [],
  paymentTermsText: 'T/T 30% on contract confirmation, T/T 70% against copy of B/L', leadTimeDays: 35, shipmentDate: null, packing: null, specialTerms: null, shippingMarks: null,
  validUntil: '2027-01-20', notes: null, total: usd('20000.00'), lines, createdAt: '2026-11-20T08:00:00.000Z', sentAt: '2026-11-20T09:00:00.000Z', pdfUrl: null,
});
const quoteId = id(1);

describe('RevisionBuilder', () => {
  it('shows the counter beside what was sent with its costing, and builds the next revision taking only what was ticked', async () => {
    const sent = revision(1, [line(1), line(2)]);
    const calls = serveApi({ [`POST /api/quotes/${quoteId}/revisions`]: () => ({ status: 201, body: { id: quoteId, revisions: [] } as unknown as QuoteView }) });
    const user = userEvent.setup();
    renderWithProviders(
      <RevisionBuilder
        quoteId={quoteId}
        lastSent={sent}
        counter={[{ quoteLineId: id(101), lineNo: 1, description: 'Product 1', proposedUnitPrice: '0.4800', proposedQuantity: '30000', staff: { marginRate: '0.0930', profitRate: '0.0910', profitLoss: usd('900.00'), floorRate: '0.0800', belowFloor: false } }]}
      />,
    );
    const form = screen.getByRole('form', { name: 'Build revision 2 from revision 1' });
    expect(within(form).getByText(/margin 9\.30 % \(floor 8\.00 %\), profit rate 9\.10 %/)).toBeInTheDocument();
    // Line 2 has no proposal: nothing to take there; line 1 no date proposed: no date box.
    expect(within(form).queryByLabelText('Take the buyer’s shipment date on line 1')).toBeNull();
    expect(within(form).queryByLabelText(/on line 2/)).toBeNull();
    await user.click(within(form).getByLabelText('Take the buyer’s quantity on line 1'));
    await user.click(within(form).getByRole('button', { name: 'Build revision 2' }));
    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]!.body).toEqual({ take: [{ quoteLineId: id(101), quantity: true }] });
  });
});

describe('RevisionDiff', () => {
  it('marks lines added and removed (domain compareRevisionLines) and highlights what changed', () => {
    const before = revision(1, [line(1), line(2)]);
    const after = revision(2, [line(1, { id: id(111), unitPrice: usd('0.4800'), quantity: '30000' }), line(3, { id: id(113), inquiryLineId: null, productId: null, description: 'Engraving tooling', quantity: '1', unitPrice: usd('150.0000') })]);
    renderWithProviders(<RevisionDiff previous={before} current={after} />);
    const rows = screen.getAllByRole('row');
    const row = (text: string) => rows.find((r) => r.textContent?.includes(text))!;
    expect(row('Product 1').querySelector('.changed')?.textContent).toBe('$0.4800');
    expect(row('Engraving tooling')).toHaveClass('row--added');
    expect(within(row('Engraving tooling')).getByText('added')).toBeInTheDocument();
    expect(row('Product 2')).toHaveClass('row--removed');
    expect(within(row('Product 2')).getByText('removed')).toBeInTheDocument();
  });
});
