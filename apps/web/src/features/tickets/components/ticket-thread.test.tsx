import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { TicketView } from '@portal/schemas';
import { renderWithProviders, serveApi } from '../../../test/render.tsx';
import { RatingForm } from './rating-form.tsx';
import { TicketThread } from './ticket-thread.tsx';

const timer = { targetMinutes: 240, elapsedMinutes: 30, remainingMinutes: 210, dueAt: '2026-11-30T05:00:00.000Z', paused: false, stopped: false, breached: false };
const ticket = (over: Partial<TicketView> = {}): TicketView => ({
  id: '0190a0e0-0000-7000-8000-0000000000a1', number: 'TKT-2026-000007', kind: 'COMPLAINT', subject: 'Cartons crushed', status: 'ASSIGNED', team: 'QUALITY', about: null,
  buyerCompany: { id: '0190a0e0-0000-7000-8000-0000000000c1', name: 'Northwind Imports Ltd' }, assignee: { id: '0190a0e0-0000-7000-8000-0000000000b1', name: 'Li Wei' },
  createdAt: '2026-11-30T01:00:00.000Z', updatedAt: '2026-11-30T01:30:00.000Z', resolvedAt: null, rating: null,
  sla: { response: timer, resolution: { ...timer, targetMinutes: 1620, remainingMinutes: 1590 }, breached: false, breachedAt: null, nextDueAt: timer.dueAt, urgency: null },
  messages: [{ id: '0190a0e0-0000-7000-8000-0000000000f1', side: 'CUSTOMER', author: 'Emma Clarke', body: 'Twelve cartons crushed.', internal: false, createdAt: '2026-11-30T01:00:00.000Z', attachments: [] }],
  ratingComment: null, ratedAt: null, actions: ['REASSIGN', 'REPLY', 'REQUEST_INFO', 'RESOLVE'], canRate: false, ...over,
});
const url = '/api/tickets/0190a0e0-0000-7000-8000-0000000000a1';

describe('TicketThread', () => {
  it('lets staff write an internal note and resolve with a message to the customer', async () => {
    const calls = serveApi({ [`POST ${url}/messages`]: () => ({ status: 201, body: ticket() }), [`POST ${url}/resolve`]: () => ({ status: 200, body: ticket({ status: 'RESOLVED' }) }) });
    const user = userEvent.setup();
    renderWithProviders(<TicketThread ticket={ticket()} staff />);
    await user.type(screen.getByLabelText('Message'), 'Forwarder to blame');
    await user.click(screen.getByLabelText('Internal note'));
    // An internal note cannot go out with a step to the customer.
    expect(screen.queryByRole('button', { name: 'Resolve' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Send' }));
    expect(calls[0]).toMatchObject({ method: 'POST', path: `${url}/messages`, body: { body: 'Forwarder to blame', internal: true, attachmentIds: [] } });
    await user.type(await screen.findByLabelText('Message'), 'Replacements ship next week.');
    await user.click(screen.getByRole('button', { name: 'Resolve' }));
    expect(calls[1]).toMatchObject({ method: 'POST', path: `${url}/resolve`, body: { body: 'Replacements ship next week.', attachmentIds: [] } });
  });

  it('gives the buyer a reply box without internal notes, and none on a closed ticket', () => {
    const { unmount } = renderWithProviders(<TicketThread ticket={ticket({ actions: ['CUSTOMER_REPLY'] })} staff={false} />);
    expect(screen.getByLabelText('Message')).toBeInTheDocument();
    expect(screen.queryByLabelText('Internal note')).toBeNull();
    unmount();
    renderWithProviders(<TicketThread ticket={ticket({ status: 'CLOSED', actions: [] })} staff={false} />);
    expect(screen.queryByLabelText('Message')).toBeNull();
  });
});

describe('RatingForm', () => {
  it('sends the chosen rating and shows the API’s refusal', async () => {
    const calls = serveApi({ [`POST ${url}/rating`]: () => ({ status: 409, body: { code: 'CONFLICT', detail: 'this resolution has been rated already' } }) });
    const user = userEvent.setup();
    renderWithProviders(<RatingForm ticket={ticket({ status: 'RESOLVED', canRate: true })} />);
    expect(screen.getByRole('button', { name: 'Send rating' })).toBeDisabled();
    await user.click(screen.getByLabelText('4 of 5'));
    await user.type(screen.getByLabelText('Comment'), 'Fair');
    await user.click(screen.getByRole('button', { name: 'Send rating' }));
    expect(await screen.findByText('this resolution has been rated already')).toBeInTheDocument();
    expect(calls[0]).toMatchObject({ body: { rating: 4, comment: 'Fair' } });
  });
});
