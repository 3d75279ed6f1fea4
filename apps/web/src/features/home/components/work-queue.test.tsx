import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import type { ActionItem, HomeView } from '@portal/schemas';
import { HomeView as HomeViewSchema } from '@portal/schemas';
import { buyerSession, renderApp, serveApi } from '../../../test/render.tsx';

const approvedBuyer = { ...buyerSession, company: { ...buyerSession.company, status: 'APPROVED' } };
const clerk = { ...buyerSession, id: '0190a0e0-0000-7000-8000-000000000003', email: 'clerk@demo.example', name: 'Li Na', role: 'CLERK', locale: 'zh-CN', isCompanyAdmin: false, company: { ...buyerSession.company, kind: 'EXPORTER', status: 'APPROVED', name: 'Ningbo Harbour Homeware Co., Ltd.' } };
const noNotifications = { items: [], unread: 0 };
const hours = (h: number) => new Date(Date.now() + h * 3_600_000 + (h < 0 ? -60_000 : 60_000)).toISOString();

const item = (over: Partial<ActionItem> & Pick<ActionItem, 'kind' | 'capability'>): ActionItem => ({
  id: `${over.kind}:1`, urgency: 'WAITING', params: {}, dueAt: null, since: hours(-1), link: '/portal', ...over,
});

/** A home view as the API sends it, checked against the shared contract so the test cannot drift from it. */
const home = (view: HomeView) => HomeViewSchema.parse(view);

const buyerHome = home({
  items: [
    item({ id: 'sales-contracts.confirm:1', kind: 'sales-contracts.confirm', capability: 'sales-contracts', urgency: 'OVERDUE', dueAt: hours(-3), params: { number: 'SC-2026-000007', amount: '110400.00', currency: 'USD' }, link: '/portal/contracts/0190a0e0-0000-7000-8000-0000000000d1' }),
    item({ id: 'quotes.answer:2', kind: 'quotes.answer', capability: 'quotes', urgency: 'DUE_SOON', dueAt: hours(5), params: { number: 'PI-2026-000042' }, link: '/portal/inquiries/0190a0e0-0000-7000-8000-0000000000f1' }),
    item({ id: 'claims.file:3', kind: 'claims.file', capability: 'claims', params: { number: 'CL-2026-000001' }, link: '/portal' }),
  ],
  totals: { 'sales-contracts.confirm': 1, 'quotes.answer': 4, 'claims.file': 1 },
  figures: [
    { key: 'sales-contracts.inExecution', count: 2, amounts: [{ amount: '110400.00', currency: 'USD' }, { amount: '52000.50', currency: 'EUR' }], link: '/portal/contracts' },
    { key: 'inquiries.open', count: 3, link: '/portal/inquiries' },
  ],
});

describe('the buyer home page', () => {
  it('lists what waits for the buyer, most urgent first, worded in their language with its timer and link', async () => {
    serveApi({ 'GET /api/auth/me': () => ({ status: 200, body: approvedBuyer }), 'GET /api/notifications': () => ({ status: 200, body: noNotifications }), 'GET /api/home': () => ({ status: 200, body: buyerHome }) });
    renderApp('/portal');
    const queue = await screen.findByRole('region', { name: 'Needs your action' });
    const items = within(queue).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual([
      'OverdueConfirm sales contract SC-2026-000007overdue by 3 h 1 min · $110,400.00',
      'Due soonReply to quote PI-2026-000042due in 5 h 1 min',
      // A kind this SPA does not know yet is worded from its capability, and still links.
      expect.stringMatching(/^WaitingClaims: CL-2026-000001waiting 1 h/),
    ]);
    expect(within(items[0]!).getByRole('link')).toHaveAttribute('href', '/portal/contracts/0190a0e0-0000-7000-8000-0000000000d1');
    expect(within(queue).getByText('6 items')).toBeInTheDocument();
    expect(within(queue).getByText('The 3 most urgent of 6 are shown.')).toBeInTheDocument();
  });

  it('shows the open business at a glance, amounts per currency, each figure linking to its list', async () => {
    serveApi({ 'GET /api/auth/me': () => ({ status: 200, body: approvedBuyer }), 'GET /api/notifications': () => ({ status: 200, body: noNotifications }), 'GET /api/home': () => ({ status: 200, body: buyerHome }) });
    renderApp('/portal');
    const figures = await screen.findByRole('region', { name: 'At a glance' });
    const contracts = within(figures).getByRole('link', { name: /Contracts in execution/ });
    expect(contracts).toHaveTextContent('2Contracts in execution$110,400.00€52,000.50');
    expect(contracts).toHaveAttribute('href', '/portal/contracts');
    expect(within(figures).getByRole('link', { name: /Open inquiries/ })).toHaveAttribute('href', '/portal/inquiries');
  });

  it('says plainly when nothing waits, and where to start', async () => {
    serveApi({ 'GET /api/auth/me': () => ({ status: 200, body: approvedBuyer }), 'GET /api/notifications': () => ({ status: 200, body: noNotifications }), 'GET /api/home': () => ({ status: 200, body: home({ items: [], totals: {}, figures: [] }) }) });
    renderApp('/portal');
    expect(await screen.findByText('Nothing waits for you right now.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Browse products' })).toHaveAttribute('href', '/catalog');
    expect(screen.queryByRole('region', { name: 'At a glance' })).not.toBeInTheDocument();
  });

  it('shows a clear error when the work queue cannot be loaded, offering to try again only where that can help', async () => {
    serveApi({ 'GET /api/auth/me': () => ({ status: 200, body: approvedBuyer }), 'GET /api/notifications': () => ({ status: 200, body: noNotifications }), 'GET /api/home': () => ({ status: 503, body: { code: 'UNAVAILABLE', detail: 'database down' } }) });
    renderApp('/portal');
    const queue = await screen.findByRole('region', { name: 'Needs your action' });
    expect(await within(queue).findByRole('alert')).toHaveTextContent('Your work queue could not be loaded just now.');
    expect(within(queue).getByRole('button', { name: 'Try again' })).toBeInTheDocument();
    expect(queue).not.toHaveTextContent('database down');
  });

  it('offers no "Try again" when the request itself was refused', async () => {
    serveApi({ 'GET /api/auth/me': () => ({ status: 200, body: approvedBuyer }), 'GET /api/notifications': () => ({ status: 200, body: noNotifications }) });
    renderApp('/portal');
    const queue = await screen.findByRole('region', { name: 'Needs your action' });
    expect(await within(queue).findByRole('alert')).toHaveTextContent('Your work queue could not be loaded just now.');
    expect(within(queue).queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument();
  });
});

describe('the clerk home page', () => {
  it('is a work queue in Chinese with overdue inquiries first', async () => {
    serveApi({
      'GET /api/auth/me': () => ({ status: 200, body: clerk }),
      'GET /api/notifications': () => ({ status: 200, body: noNotifications }),
      'GET /api/home': () => ({ status: 200, body: home({
        items: [
          item({ id: 'inquiries.respond:1', kind: 'inquiries.respond', capability: 'inquiries', urgency: 'OVERDUE', dueAt: hours(-26), params: { number: 'INQ-2026-000012', company: 'Northwind Imports Ltd' }, link: '/staff/inquiries/0190a0e0-0000-7000-8000-0000000000f2' }),
          item({ id: 'negotiation.answerCounter:2', kind: 'negotiation.answerCounter', capability: 'negotiation', params: { number: 'INQ-2026-000010', company: 'Rheinland Handel GmbH' }, link: '/staff/inquiries/0190a0e0-0000-7000-8000-0000000000f3' }),
        ],
        totals: { 'inquiries.respond': 1, 'negotiation.answerCounter': 1 },
        figures: [{ key: 'inquiries.open', count: 12, link: '/staff/inquiries' }],
      }) }),
    });
    renderApp('/staff', 'zh-CN');
    const queue = await screen.findByRole('region', { name: '待办事项' });
    const [first, second] = within(queue).getAllByRole('listitem');
    expect(first).toHaveTextContent('已超时答复 Northwind Imports Ltd 的询盘 INQ-2026-000012已超时 1 天 2 小时');
    expect(within(first!).getByRole('link')).toHaveAttribute('href', '/staff/inquiries/0190a0e0-0000-7000-8000-0000000000f2');
    expect(second).toHaveTextContent('Rheinland Handel GmbH 对 INQ-2026-000010 提出还盘已等待 1 小时');
    expect(screen.getByRole('link', { name: /进行中的询盘/ })).toHaveTextContent('12');
  });
});

/** An item's sentence as the English reader gets it, amounts as react-intl formats them. */
async function englishWording() {
  const { describeItem } = await import('./wording.ts');
  const { en } = await import('../../../lib/messages.ts');
  const { createIntl } = await import('react-intl');
  const intl = createIntl({ locale: 'en', messages: en });
  const t = (key: string, values?: Record<string, string | number>) => intl.formatMessage({ id: key }, values);
  const money = (amount: string, currency: string) => intl.formatNumber(Number(amount), { style: 'currency', currency });
  return (i: Pick<ActionItem, 'kind' | 'capability' | 'params'>) => describeItem(item(i), t as never, money);
}

describe('the wording of the items later capabilities send', () => {
  it('words payments and tickets from the facts their providers send', async () => {
    const say = await englishWording();
    expect(say({ kind: 'payments.pay', capability: 'payments', params: { contract: 'SC-2026-000002', amount: '15120.00', currency: 'USD', dueDate: '2026-11-30', reference: 'RF83 SC20 2600 0002 01', daysOverdue: 0 } }))
      .toBe('Pay $15,120.00 on contract SC-2026-000002, reference RF83 SC20 2600 0002 01');
    expect(say({ kind: 'payments.allocate', capability: 'payments', params: { source: 'statement', lines: 3, file: 'camt.053-demo.xml' } })).toBe('Confirm the matches of 3 credits in camt.053-demo.xml');
    expect(say({ kind: 'payments.allocate', capability: 'payments', params: { source: 'receipts', receipts: 1 } })).toBe('Allocate 1 receipt to open items');
    expect(say({ kind: 'payments.chase', capability: 'payments', params: { company: 'Rheinland Handel GmbH', amount: '7371.22', currency: 'USD', items: 2, daysOverdue: 40 } })).toBe('Chase Rheinland Handel GmbH: $7,371.22 overdue on 2 items');
    expect(say({ kind: 'tickets.respond', capability: 'tickets', params: { number: 'TKT-2026-000004', company: 'Northwind Imports Ltd', subject: 'Cartons wet on arrival', ticketKind: 'COMPLAINT', team: 'QUALITY' } }))
      .toBe('Answer ticket TKT-2026-000004 from Northwind Imports Ltd: Cartons wet on arrival');
    expect(say({ kind: 'tickets.rate', capability: 'tickets', params: { number: 'TKT-2026-000001', subject: 'Laser engraving?' } })).toBe('Rate the answer to ticket TKT-2026-000001: Laser engraving?');
  });
});

describe('the wording of shipment items', () => {
  it('names the milestone a shipment reached, and the one to record', async () => {
    const say = await englishWording();
    expect(say({ kind: 'shipments.track', capability: 'shipments', params: { contract: 'SC-2026-000001', shipment: 'SHP-2026-000004', milestone: 'DELIVERED', date: '2026-11-10' } }))
      .toBe('Shipment SHP-2026-000004 of contract SC-2026-000001: delivered');
    expect(say({ kind: 'shipments.record', capability: 'shipments', params: { contract: 'SC-2026-000003', company: 'Maple Leaf Home Goods Inc.', milestone: 'PRODUCTION_FINISHED', latestShipmentDate: '2026-11-20' } }))
      .toBe('Record production finished for contract SC-2026-000003 (Maple Leaf Home Goods Inc.)');
  });
});
