import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { buyerSession, renderApp, serveApi } from '../../../test/render.tsx';

const finance = { ...buyerSession, id: '0190a0e0-0000-7000-8000-000000000003', email: 'finance@demo.example', name: 'Li Na', role: 'FINANCE', locale: 'zh-CN', isCompanyAdmin: false, company: { ...buyerSession.company, kind: 'EXPORTER', status: 'APPROVED', name: 'Ningbo Harbour Homeware Co., Ltd.' } };
const buckets = { NOT_DUE: '0.00', DAYS_1_30: '55998.00', DAYS_31_60: '0.00', DAYS_61_90: '0.00', OVER_90: '0.00' };
const report = {
  asOf: '2026-11-30',
  rows: [{ customer: { id: buyerSession.company.id, name: 'Northwind Imports Ltd' }, currency: 'USD', buckets, total: '55998.00', items: 1 }],
  totals: [{ currency: 'USD', buckets, total: '55998.00', items: 1 }],
};

describe('the ageing page', () => {
  it('writes the as-of day in the reader’s language and labels each bucket cell, so a phone shows each customer as a card of buckets', async () => {
    serveApi({
      'GET /api/auth/me': () => ({ status: 200, body: finance }),
      'GET /api/notifications': () => ({ status: 200, body: { items: [], unread: 0 } }),
      'GET /api/payments/ageing': () => ({ status: 200, body: report }),
    });
    renderApp('/staff/payments/ageing', 'zh-CN');
    expect(await screen.findByText('金额截至 2026年11月30日')).toBeInTheDocument();
    const asOf = screen.getByLabelText('截至');
    expect(asOf).toHaveAttribute('lang', 'zh-CN');
    expect(asOf).toHaveValue('2026-11-30');
    const table = screen.getByRole('table');
    expect(table).toHaveClass('table--stack');
    const row = within(table).getByRole('row', { name: /Northwind Imports Ltd/ });
    expect(within(row).getByRole('rowheader')).toHaveClass('cell--title');
    const overdue = within(row).getAllByRole('button', { name: /55,998\.00/ })[0]!.closest('td')!;
    expect(overdue).toHaveAttribute('data-label', '1–30 天');
  });
});
