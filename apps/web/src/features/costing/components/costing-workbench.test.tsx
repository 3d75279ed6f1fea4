import { describe, expect, it } from 'vitest';
import { fireEvent, screen, within } from '@testing-library/react';
import type { CostingResult } from '@portal/schemas';
import { renderWithProviders, serveApi } from '../../../test/render.tsx';
import { CostingWorkbench } from './costing-workbench.tsx';

const price = (unitPrice: string, amount: string, profit: string) => ({ unitPrice, amount, profit });
const result = {
  costCurrency: 'CNY', quoteCurrency: 'USD', exchangeRate: '7.1050', quantity: '10000', profitBasis: 'SHARE_OF_PRICE', profitRate: '0.10',
  costs: { purchaseCostInclVat: '10.0000', purchaseCostExclVat: '8.8496', rebateIncome: '1.1504', actualCost: '8.8496', domesticExpensesPerUnit: '0.3000', freightPerUnit: null, totalCostPerUnit: '9.1496' },
  freight: null,
  prices: { FOB: price('1.5361', '15361.00', '0.1536'), FCA: price('1.5361', '15361.00', '0.1536'), CFR: price('1.7255', '17255.00', '0.1725'), CPT: null, CIF: price('1.7300', '17300.00', '0.1730'), CIP: null },
  indicators: { basis: 'FOB', totalCost: '91496.00', netFxIncomePerUnit: '1.5300', netFxIncome: '15300.00', fxCostOfExport: '5.9801', profitLoss: '17210.00', profitLossRate: '0.1881' },
  notes: [],
} as unknown as CostingResult;

describe('the costing workbench', () => {
  it('labels every figure of the FOB/CFR/CIF prices, so they stay labelled when the table stacks on a phone', async () => {
    serveApi({
      'GET /api/reference/exchange-rates': () => ({ status: 200, body: [] }),
      'POST /api/costing/calculate': () => ({ status: 200, body: result }),
    });
    renderWithProviders(<CostingWorkbench productId={null} name="Vacuum bottle" quantity="10000" quoteCurrency="USD" packing={null} onUsePrice={() => {}} />);
    fireEvent.change(screen.getAllByRole('textbox')[0]!, { target: { value: '10' } });
    const caption = await screen.findByText(/USD/, { selector: 'caption' }, { timeout: 3000 });
    const table = caption.closest('table')!;
    expect(table).toHaveClass('table--stack');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.querySelector('td.cell--title')?.textContent)).toEqual(['FOB', 'CFR', 'CIF']);
    const fob = rows[0]!.querySelectorAll('td');
    expect([...fob].slice(1, 4).map((td) => [td.getAttribute('data-label'), td.textContent])).toEqual([
      ['Unit price', '$1.5361'],
      ['Amount', '$15,361.00'],
      ['Profit/unit (CNY)', '0.1536'],
    ]);
  });
});
