import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import type { PaymentPageView, ScheduleItemView } from '@portal/schemas';
import { renderWithProviders } from '../../../test/render.tsx';
import { PaymentPage } from './payment-page.tsx';

const customer = { id: '0190a0e0-0000-7000-8000-0000000000c1', name: 'Maple Leaf Housewares Inc.' };
const usd = (amount: string) => ({ amount, currency: 'USD' });
const item = (seq: number, method: string, trigger: string): ScheduleItemView => ({
  id: `0190a0e0-0000-7000-8000-0000000000a${seq}`, contractId: '0190a0e0-0000-7000-8000-0000000000k1', contractNumber: 'SC-2026-000003', customer, seq, method, trigger,
  description: `${method} item`, dueDate: null, presentBy: method === 'LC' ? '2026-12-21' : null, amount: usd('1000.00'), paid: usd('0.00'), bankCharges: usd('0.00'),
  writtenOff: usd('0.00'), open: usd('1000.00'), status: 'SCHEDULED', daysOverdue: 0, reference: `RF00 SC20 2600 0003 0${seq}`, dunningLevel: 0,
});
const page = (items: ScheduleItemView[]): PaymentPageView => ({
  company: customer, contract: { id: '0190a0e0-0000-7000-8000-0000000000k1', number: 'SC-2026-000003', paymentTerms: 'L/C at sight 100%' },
  summaries: [], items, received: [], credit: [], bankDetails: 'Bank of China, Ningbo Branch\nAccount 358000000000123456', asOf: '2026-11-30',
});

describe('how to pay', () => {
  it('gives no transfer instructions for a contract paid wholly by L/C, and says how an L/C item is paid', async () => {
    renderWithProviders(<PaymentPage page={page([item(1, 'LC', 'SIGHT')])} contractLink={(id) => id} />);
    expect(await screen.findByText(/the bank pays them under the credit when we present the shipping documents/)).toBeInTheDocument();
    expect(screen.queryByText(/Transfer to the account below/i)).toBeNull();
    expect(screen.queryByText(/Account 358000000000123456/)).toBeNull();
  });

  it('gives the account for what is paid by transfer, beside the L/C note, on a mixed contract', async () => {
    renderWithProviders(<PaymentPage page={page([item(1, 'TT', 'CONTRACT_CONFIRMATION'), item(2, 'LC', 'SIGHT')])} contractLink={(id) => id} />, 'zh-CN');
    expect(await screen.findByText(/信用证项下的款项无需您汇款/)).toBeInTheDocument();
    expect(screen.getByText(/以汇款方式（T\/T、O\/A）支付的款项/)).toBeInTheDocument();
    expect(screen.getByText(/Account 358000000000123456/)).toBeInTheDocument();
  });

  it('keeps the transfer instructions for a contract paid by T/T', async () => {
    renderWithProviders(<PaymentPage page={page([item(1, 'TT', 'CONTRACT_CONFIRMATION')])} contractLink={(id) => id} />);
    expect(await screen.findByText(/Transfer to the account below/)).toBeInTheDocument();
    expect(screen.queryByText(/letter of credit/)).toBeNull();
  });
});

describe('on a phone', () => {
  it('stacks the summary and the schedule: every figure carries its label, so none is cut off at the right', async () => {
    const summaries = [{ currency: 'USD', scheduled: '40951.20', due: '0.00', paid: '12250.36', overdue: '0.00', open: '28700.84', nextDueDate: null, nextDueAmount: null }];
    const { container } = renderWithProviders(<PaymentPage page={{ ...page([item(1, 'TT', 'CONTRACT_CONFIRMATION')]), summaries } as PaymentPageView} contractLink={(id) => id} />);
    await screen.findByText('TT item');
    const tables = [...container.querySelectorAll('table')];
    expect(tables.length).toBeGreaterThanOrEqual(2);
    for (const table of tables) {
      expect(table.classList.contains('table--stack')).toBe(true);
      for (const cell of table.querySelectorAll('tbody td')) expect(cell.classList.contains('cell--title') || cell.hasAttribute('data-label'), cell.outerHTML).toBe(true);
    }
  });
});
