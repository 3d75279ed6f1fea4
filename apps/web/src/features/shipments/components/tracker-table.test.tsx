import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import type { TrackerRow } from '@portal/schemas';
import { renderWithProviders } from '../../../test/render.tsx';
import { TrackerTable } from './tracker-table.tsx';

const row = (n: number, punctuality: TrackerRow['punctuality']): TrackerRow => ({
  contractId: `0190a0e0-0000-7000-8000-00000000001${n}`, number: `SC-2026-00000${n}`, status: 'IN_PRODUCTION', buyerCompany: { id: '0190a0e0-0000-7000-8000-0000000000c1', name: 'Northwind' },
  latestShipmentDate: '2026-11-09', total: { amount: '1000.00', currency: 'USD' }, shipments: 1, shipmentStatus: 'BOOKED', vessel: null,
  nextMilestone: null, punctuality, lastEvent: null,
} as TrackerRow);
const rows = [
  row(1, { status: 'LATE', shipmentDate: null, expectedShipmentDate: null, daysLate: 21 }),
  row(2, { status: 'AT_RISK', shipmentDate: null, expectedShipmentDate: '2026-11-12', daysLate: 3 }),
  row(3, { status: 'ON_TIME', shipmentDate: null, expectedShipmentDate: '2026-11-01', daysLate: 0 }),
];
const punctualityCell = (number: string) => screen.getByRole('link', { name: number }).closest('tr')!.querySelectorAll('td')[6]!.textContent!.trim();

describe('the shipments tracker', () => {
  it('says a late contract is late once, with the days, in English', () => {
    renderWithProviders(<MemoryRouter><TrackerTable rows={rows} staff linkFor={(id) => `/staff/contracts/${id}`} /></MemoryRouter>);
    expect(punctualityCell('SC-2026-000001')).toBe('21 days late');
    expect(punctualityCell('SC-2026-000002')).toBe('At risk 3 days late expected');
    expect(punctualityCell('SC-2026-000003')).toBe('On time');
  });

  it('and in Chinese ("延误 延误 21 天" before)', async () => {
    renderWithProviders(<MemoryRouter><TrackerTable rows={rows} staff linkFor={(id) => `/staff/contracts/${id}`} /></MemoryRouter>, 'zh-CN');
    await screen.findByText('延误 21 天');
    expect(punctualityCell('SC-2026-000001')).toBe('延误 21 天');
    expect(punctualityCell('SC-2026-000002')).toBe('有延误风险 预计延误 3 天');
  });
});

describe('the shipments tracker on a phone', () => {
  it('stacks: every cell but the contract carries its label, so the lateness and the value stay on screen', () => {
    const { container } = renderWithProviders(<MemoryRouter><TrackerTable rows={rows} staff={false} linkFor={(id) => `/portal/contracts/${id}`} /></MemoryRouter>);
    const table = container.querySelector('table')!;
    expect(table.classList.contains('table--stack')).toBe(true);
    for (const cell of table.querySelectorAll('tbody td')) expect(cell.classList.contains('cell--title') || cell.hasAttribute('data-label'), cell.outerHTML).toBe(true);
  });
});
