import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { buyerSession, renderApp, serveApi } from '../test/render.tsx';
import { navigationFor } from './navigation.ts';

const staffSession = { ...buyerSession, id: '0190a0e0-0000-7000-8000-000000000002', email: 'manager@demo.example', name: 'Zhang Wei', role: 'MANAGER', locale: 'zh-CN', isCompanyAdmin: false, company: { ...buyerSession.company, kind: 'EXPORTER', status: 'APPROVED', name: 'Ningbo Harbour Homeware Co., Ltd.' } };
const noNotifications = { items: [], unread: 0 };

describe('navigation by role', () => {
  it('gives each role its own entries', () => {
    expect(navigationFor('BUYER').map((i) => i.to)).toEqual(['/portal', '/catalog', '/portal/inquiries', '/portal/contracts', '/portal/shipments', '/portal/certificates', '/portal/payments', '/portal/claims', '/portal/tickets', '/portal/company', '/portal/account']);
    expect(navigationFor('CLERK').map((i) => i.label)).not.toContain('nav.approvals');
    expect(navigationFor('MANAGER').map((i) => i.label)).toContain('nav.approvals');
    expect(navigationFor('ADMIN').map((i) => i.to)).toContain('/staff/users');
    expect(navigationFor('ADMIN').map((i) => i.to)).toContain('/staff/outbox');
    expect(navigationFor('MANAGER').map((i) => i.to)).not.toContain('/staff/outbox');
    expect(navigationFor('FINANCE').map((i) => i.to)).toContain('/staff/tickets');
    expect(navigationFor('ADMIN').map((i) => i.to)).not.toContain('/staff/tickets');
    expect(navigationFor('FINANCE').map((i) => i.to)).toContain('/staff/payments');
    expect(navigationFor('CLERK').map((i) => i.to)).not.toContain('/staff/payments');
  });
});

describe('app shell', () => {
  it('sends a visitor without a session to sign in, keeping where they wanted to go', async () => {
    serveApi({ 'GET /api/auth/me': () => ({ status: 401, body: { code: 'UNAUTHENTICATED', detail: 'sign in' } }), 'POST /api/auth/refresh': () => ({ status: 401, body: { code: 'UNAUTHENTICATED', detail: 'x' } }) });
    const { router } = renderApp('/portal/company');
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
    expect(router.state.location.search).toBe('?next=%2Fportal%2Fcompany');
  });

  it('shows a pending buyer their company status and the buyer navigation', async () => {
    serveApi({
      'GET /api/auth/me': () => ({ status: 200, body: buyerSession }),
      'GET /api/notifications': () => ({ status: 200, body: noNotifications }),
      [`GET /api/companies/${buyerSession.company.id}`]: () => ({ status: 404, body: { code: 'NOT_FOUND', detail: 'x' } }),
    });
    renderApp('/portal');
    expect(await screen.findByRole('heading', { name: 'Welcome, Emma Clarke' })).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Main navigation' });
    expect(within(nav).getAllByRole('link').map((a) => a.textContent)).toEqual(['Overview', 'Products', 'Inquiries', 'Contracts', 'Shipments', 'Quality certificates', 'Payments', 'Claims', 'Service centre', 'Company', 'My account']);
    expect(screen.getByText(/awaiting approval by our sales manager/)).toBeInTheDocument();
  });

  it('keeps a buyer out of the staff workspace', async () => {
    serveApi({ 'GET /api/auth/me': () => ({ status: 200, body: buyerSession }), 'GET /api/notifications': () => ({ status: 200, body: noNotifications }) });
    const { router } = renderApp('/staff/companies');
    await screen.findByRole('heading', { name: 'Welcome, Emma Clarke' });
    expect(router.state.location.pathname).toBe('/portal');
  });

  it('speaks Chinese to staff and shows the manager the approvals entry and an empty work queue', async () => {
    serveApi({
      'GET /api/auth/me': () => ({ status: 200, body: staffSession }),
      'GET /api/notifications': () => ({ status: 200, body: noNotifications }),
      'GET /api/home': () => ({ status: 200, body: { items: [], totals: {}, figures: [] } }),
    });
    renderApp('/staff');
    expect(await screen.findByRole('heading', { name: '欢迎，Zhang Wei' })).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: '主导航' });
    expect(within(nav).getAllByRole('link').map((a) => a.textContent)).toEqual(['概览', '询盘', '合同', '货运跟踪', '批次质检单', '收款管理', '索赔处理', '服务工单队列', '报价审批', '采购商审批', '采购商公司', '产品维护', '供应商简介', '设置', '我的账户']);
    expect(await screen.findByText('目前没有需要您处理的事项。')).toBeInTheDocument();
  });

  it('folds the navigation into a menu (for phones) that reaches Company and My account and closes on a choice', async () => {
    serveApi({
      'GET /api/auth/me': () => ({ status: 200, body: buyerSession }),
      'GET /api/notifications': () => ({ status: 200, body: noNotifications }),
      'GET /api/home': () => ({ status: 200, body: { items: [], totals: {}, figures: [] } }),
      [`GET /api/companies/${buyerSession.company.id}`]: () => ({ status: 404, body: { code: 'NOT_FOUND', detail: 'x' } }),
      [`GET /api/companies/${buyerSession.company.id}/users`]: () => ({ status: 200, body: { users: [], invitations: [] } }),
    });
    const user = userEvent.setup();
    const { router } = renderApp('/portal');
    const menu = await screen.findByRole('button', { name: 'Menu' });
    expect(menu).toHaveAttribute('aria-expanded', 'false');
    await user.click(menu);
    expect(menu).toHaveAttribute('aria-expanded', 'true');
    const nav = screen.getByRole('navigation', { name: 'Main navigation' });
    expect(within(nav).getByRole('link', { name: 'My account' })).toHaveAttribute('href', '/portal/account');
    await user.click(within(nav).getByRole('link', { name: 'Company' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/portal/company'));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Menu' })).toHaveAttribute('aria-expanded', 'false'));
  });
});
