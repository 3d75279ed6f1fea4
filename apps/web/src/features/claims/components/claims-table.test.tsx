import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import type { ClaimSummary } from '@portal/schemas';
import { renderWithProviders } from '../../../test/render.tsx';
import { ClaimsTable } from './claims-table.tsx';

const claim = {
  id: '0190a0e0-0000-7000-8000-0000000000a1', number: 'CLM-2026-000002', kind: 'DAMAGE', status: 'UNDER_INVESTIGATION',
  contract: { id: '0190a0e0-0000-7000-8000-0000000000a2', number: 'SC-2026-000001' }, shipment: { id: '0190a0e0-0000-7000-8000-0000000000a3', number: 'SHP-2026-000004' },
  buyerCompany: { id: '0190a0e0-0000-7000-8000-0000000000c1', name: 'Northwind' }, amount: { amount: '156.67', currency: 'USD' },
  settlement: { kind: 'REFUND', amount: { amount: '100.00', currency: 'USD' } }, filedAt: '2026-11-27T08:00:00Z', updatedAt: '2026-11-27T08:00:00Z',
  response: { targetMinutes: 2880, remainingMinutes: 100, dueAt: '2026-11-29T08:00:00Z', paused: false, stopped: false, breached: false },
} as ClaimSummary;

describe('the claims list on a phone', () => {
  it('each stacked cell holds one block beside its label (a number and its second line were spread across the card)', () => {
    renderWithProviders(<MemoryRouter><ClaimsTable items={[claim]} staff={false} /></MemoryRouter>);
    const cells = [...screen.getByRole('table').querySelectorAll('tbody td[data-label]')];
    expect(cells.length).toBeGreaterThan(4);
    const spread = cells.filter((td) => td.childNodes.length > 1).map((td) => td.getAttribute('data-label'));
    expect(spread).toEqual([]);
  });
});
