import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ClaimView } from '@portal/schemas';
import { renderWithProviders, serveApi } from '../../../test/render.tsx';
import { ClaimActions } from './claim-actions.tsx';
import { ClaimTimeline } from './claim-view.tsx';

const id = '0190a0e0-0000-7000-8000-0000000000a1';
const response = { targetMinutes: 2700, remainingMinutes: 2000, dueAt: '2026-12-07T10:00:00.000Z', paused: false, stopped: false, breached: false };
const claim = (over: Partial<ClaimView> = {}): ClaimView => ({
  id, number: 'CLM-2026-000004', kind: 'DAMAGE', status: 'UNDER_INVESTIGATION',
  contract: { id: '0190a0e0-0000-7000-8000-0000000000c2', number: 'SC-2026-000008' }, shipment: { id: '0190a0e0-0000-7000-8000-0000000000c3', number: 'SHP-2026-000001' },
  buyerCompany: { id: '0190a0e0-0000-7000-8000-0000000000c1', name: 'Northwind Imports Ltd' }, amount: { amount: '2520.00', currency: 'USD' }, settlement: null,
  filedAt: '2026-11-30T01:00:00.000Z', updatedAt: '2026-11-30T02:00:00.000Z', response, description: '600 bottles dented.', lines: [], arrivedOn: '2026-11-28', periodEndsOn: '2026-12-28',
  responsibleParty: null, settlementDetail: null, evidence: [], sourceTicket: null, settledAt: null, paidAt: null, closedAt: null,
  timeline: [
    { id: '0190a0e0-0000-7000-8000-0000000000e1', action: 'FILE', fromStatus: null, toStatus: 'FILED', note: null, internal: false, side: 'BUYER', actor: 'Emma Clarke', at: '2026-11-30T01:00:00.000Z', evidence: ['x'] },
    { id: '0190a0e0-0000-7000-8000-0000000000e2', action: 'NOTE', fromStatus: 'UNDER_INVESTIGATION', toStatus: 'UNDER_INVESTIGATION', note: 'Wet cartons at discharge.', internal: true, side: 'STAFF', actor: 'Li Na', at: '2026-11-30T01:30:00.000Z' },
  ],
  actions: ['REQUEST_EVIDENCE', 'DETERMINE_RESPONSIBILITY', 'REJECT'], ...over,
});

describe('ClaimActions', () => {
  it('asks for the reason a step needs and sends the step with the party chosen', async () => {
    const calls = serveApi({ [`POST /api/claims/${id}/steps`]: () => ({ status: 200, body: claim({ status: 'RESPONSIBILITY_DETERMINED', actions: [] }) }) });
    const user = userEvent.setup();
    renderWithProviders(<ClaimActions claim={claim()} />);
    await user.click(screen.getByRole('button', { name: 'Request more evidence' }));
    expect(screen.getByLabelText('Reason')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Determine responsibility' }));
    expect(screen.queryByLabelText('Reason')).toBeNull();
    await user.selectOptions(screen.getByLabelText('Responsible'), 'CARRIER');
    const form = screen.getByRole('form', { name: 'Determine responsibility' });
    await user.click(form.querySelector('button[type="submit"]')!);
    expect(calls[0]).toMatchObject({ method: 'POST', path: `/api/claims/${id}/steps`, body: { action: 'DETERMINE_RESPONSIBILITY', responsibleParty: 'CARRIER', evidenceIds: [] } });
  });

  it('shows no step to a caller who has none', () => {
    const { container } = renderWithProviders(<ClaimActions claim={claim({ actions: [] })} />);
    expect(container).toBeEmptyDOMElement();
  });
});

describe('ClaimTimeline', () => {
  it('marks internal notes for staff and counts the files of a step', () => {
    renderWithProviders(<ClaimTimeline claim={claim()} staff />);
    expect(screen.getByText('Claim filed')).toBeInTheDocument();
    expect(screen.getByText('1 file')).toBeInTheDocument();
    expect(screen.getByText('Internal')).toBeInTheDocument();
    expect(screen.getByText('Wet cartons at discharge.')).toBeInTheDocument();
  });
});
