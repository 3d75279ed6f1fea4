import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import type { ContractExecutionView } from '@portal/schemas';
import { renderWithProviders } from '../../../test/render.tsx';
import { LineProgress } from './line-progress.tsx';

const execution = {
  contract: { id: '0190a0e0-0000-7000-8000-0000000000c1', number: 'SC-2026-000003', partialShipmentAllowed: false },
  lines: [
    { contractLineNo: 1, productId: null, description: 'Bamboo cutting board set', unit: 'set', ordered: '8000.000', shipped: '0.000', planned: '8000.000', remaining: '0.000', mayStillShip: '0.000', tolerancePercent: '0', complete: false },
  ],
  shipments: [],
} as unknown as ContractExecutionView;

describe('the quantities of a contract', () => {
  it('shows a shipment not yet departed as planned, not shipped', () => {
    renderWithProviders(<LineProgress execution={execution} />);
    const table = screen.getByRole('table');
    const headers = within(table).getAllByRole('columnheader').map((h) => h.textContent);
    const cells = within(table).getAllByRole('cell').map((c) => c.textContent);
    expect(cells[headers.indexOf('Shipped')]).toBe('0');
    expect(cells[headers.indexOf('Planned')]).toBe('8,000');
    expect(cells[headers.indexOf('Remaining')]).toBe('0');
  });
});
