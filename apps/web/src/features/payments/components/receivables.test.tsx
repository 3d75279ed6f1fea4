import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ReceiptView, ScheduleItemView } from '@portal/schemas';
import { buyerSession, renderApp, renderWithProviders, serveApi } from '../../../test/render.tsx';
import { Receivables, ReceiptsList } from './receivables.tsx';

const customer = { id: '0190a0e0-0000-7000-8000-0000000000c1', name: 'Northwind Imports Ltd' };
const usd = (amount: string) => ({ amount, currency: 'USD' });
const entry = (id: string, kind: ReceiptView['entries'][number]['kind'], amount: string) => ({
  id, kind, itemId: '0190a0e0-0000-7000-8000-0000000000a1', itemReference: 'RF83 SC20 2600 0001 01', contractNumber: 'SC-2026-000001', amount: usd(amount),
  reversesId: null, reversed: false, note: null, createdAt: '2026-11-20T00:00:00.000Z',
});
const receipt = (over: Partial<ReceiptView>): ReceiptView => ({
  id: '0190a0e0-0000-7000-8000-0000000000r1', customer, contractId: null, valueDate: '2026-11-20', amount: usd('12250.36'), bankCharges: usd('35.00'),
  allocated: usd('12250.36'), unallocated: usd('0.00'), bankReference: 'BOC-1', payerName: null, note: null, fromStatement: false, createdAt: '2026-11-20T00:00:00.000Z',
  entries: [entry('0190a0e0-0000-7000-8000-0000000000e1', 'ALLOCATION', '12250.36'), entry('0190a0e0-0000-7000-8000-0000000000e2', 'BANK_CHARGES', '35.00')], ...over,
});
const credit = receipt({ id: '0190a0e0-0000-7000-8000-0000000000r2', amount: usd('800.00'), bankCharges: usd('0.00'), allocated: usd('0.00'), unallocated: usd('800.00'), bankReference: 'BOC-9', entries: [] });
const item = (id: string, seq: number, open: string): ScheduleItemView => ({
  id, contractId: '0190a0e0-0000-7000-8000-0000000000k1', contractNumber: 'SC-2026-000002', customer, seq, method: 'TT', trigger: 'CONTRACT_CONFIRMATION',
  description: `T/T ${seq}`, dueDate: '2026-12-10', presentBy: null, amount: usd(open), paid: usd('0.00'), bankCharges: usd('0.00'), writtenOff: usd('0.00'), open: usd(open),
  status: 'DUE', daysOverdue: 0, reference: `RF00 SC20 2600 0002 0${seq}`, dunningLevel: 0,
});
const first = item('0190a0e0-0000-7000-8000-0000000000i1', 1, '500.00');
const second = item('0190a0e0-0000-7000-8000-0000000000i2', 2, '1000.00');

describe('the receipts list', () => {
  it('names each ledger entry in the reader’s language, not by its code', async () => {
    renderWithProviders(<ReceiptsList receipts={[receipt({})]} />, 'zh-CN');
    const table = await screen.findByRole('table');
    expect(within(table).queryByText(/ALLOCATION|BANK_CHARGES/)).toBeNull();
    expect(within(table).getByText(/核销至/)).toBeInTheDocument();
    expect(within(table).getByText(/银行费用/)).toBeInTheDocument();
    expect(within(table).getByRole('columnheader', { name: '入账明细' })).toBeInTheDocument();
  });

  it('allocates what is left of a receipt to the customer’s open items, proposing no more than is left', async () => {
    const calls = serveApi({
      'GET /api/payments/receivables': () => ({ status: 200, body: [first, second] }),
      [`POST /api/payments/receipts/${credit.id}/allocate`]: () => ({ status: 200, body: { ...credit, unallocated: usd('0.00') } }),
    });
    renderWithProviders(<ReceiptsList receipts={[receipt({}), credit]} canAllocate />);
    // Only the receipt with money left offers allocation.
    expect(await screen.findAllByRole('button', { name: /^Allocate/ })).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: 'Allocate BOC-9' }));
    fireEvent.click(await screen.findByLabelText(`Allocate ${first.reference}`));
    expect(screen.getByLabelText(`Amount ${first.reference}`)).toHaveValue('500.00');
    fireEvent.click(screen.getByLabelText(`Allocate ${second.reference}`));
    expect(screen.getByLabelText(`Amount ${second.reference}`)).toHaveValue('300.00');
    expect(calls[0]!.path).toBe(`/api/payments/receivables?companyId=${customer.id}&currency=USD&status=OPEN`);
    fireEvent.click(screen.getByRole('button', { name: 'Allocate' }));
    await waitFor(() => expect(calls.find((c) => c.method === 'POST')).toBeDefined());
    // Part of an item is paid: no write-off unless finance ticks it.
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({ allocations: [{ itemId: first.id, amount: '500.00' }, { itemId: second.id, amount: '300.00' }], writeOffBankCharges: false });
  });

  it('says in words why a write-off above the tolerance is refused, not the API’s field path', async () => {
    serveApi({
      'GET /api/payments/receivables': () => ({ status: 200, body: [first] }),
      [`POST /api/payments/receipts/${credit.id}/allocate`]: () => ({
        status: 400, body: { code: 'VALIDATION', detail: 'short payment above the tolerance', errors: [{ field: 'body.allocations.0.amount', message: 'leaves USD 11710.24 open, more than the bank charge tolerance of USD 50.00' }] },
      }),
    });
    renderWithProviders(<ReceiptsList receipts={[credit]} canAllocate />);
    fireEvent.click(await screen.findByRole('button', { name: 'Allocate BOC-9' }));
    fireEvent.click(await screen.findByLabelText(`Allocate ${first.reference}`));
    expect(screen.getByRole('checkbox', { name: 'Write off a shortfall within the bank charge tolerance' })).not.toBeChecked();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Write off a shortfall within the bank charge tolerance' }));
    fireEvent.click(screen.getByRole('button', { name: 'Allocate' }));
    expect(await screen.findByText(/untick the write-off to pay part of an item/)).toBeInTheDocument();
    expect(screen.queryByText(/allocations\.0\.amount/)).toBeNull();
  });
});

describe('the receivables page', () => {
  const finance = { ...buyerSession, id: '0190a0e0-0000-7000-8000-000000000003', email: 'finance@demo.example', name: 'Li Na', role: 'FINANCE', locale: 'zh-CN', isCompanyAdmin: false, company: { ...buyerSession.company, kind: 'EXPORTER', status: 'APPROVED', name: 'Ningbo Harbour Homeware Co., Ltd.' } };

  it('is titled as its navigation entry, and the home page’s link to #receipts opens its receipts', async () => {
    serveApi({
      'GET /api/auth/me': () => ({ status: 200, body: finance }),
      'GET /api/notifications': () => ({ status: 200, body: { items: [], unread: 0 } }),
      'GET /api/payments/receivables': () => ({ status: 200, body: [] }),
      'GET /api/payments/receipts': () => ({ status: 200, body: [credit] }),
    });
    renderApp('/staff/payments#receipts', 'zh-CN');
    expect(await screen.findByRole('heading', { level: 1, name: '收款管理' })).toBeInTheDocument();
    const receipts = await screen.findByRole('region', { name: '收款记录' });
    expect(receipts.id).toBe('receipts');
    expect(await within(receipts).findByRole('button', { name: '核销 BOC-9' })).toBeInTheDocument();
  });
});

describe('finance’s tables on a phone', () => {
  it('stack: every cell of the receivables and the receipts carries its label (the amounts were past the right edge)', () => {
    const { container } = renderWithProviders(<><Receivables items={[first, second]} today="2026-11-30" canRecord /><ReceiptsList receipts={[receipt({})]} canAllocate /></>);
    const tables = [...container.querySelectorAll('table')];
    expect(tables).toHaveLength(2);
    for (const table of tables) {
      expect(table.classList.contains('table--stack')).toBe(true);
      for (const cell of table.querySelectorAll(':scope > tbody > tr > td')) expect(cell.hasAttribute('data-label') || cell.hasAttribute('colspan'), cell.outerHTML).toBe(true);
    }
  });
});
