import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import type { CompanyUsers as CompanyUsersView, UserSummary } from '@portal/schemas';
import { renderWithProviders, serveApi } from '../../../test/render.tsx';
import { CompanyUsers } from './company-users.tsx';
import { StaffManager } from './staff-manager.tsx';

const companyId = '0190a0e0-0000-7000-8000-0000000000c1';
const user = (n: number, over: Partial<UserSummary> = {}): UserSummary => ({
  id: `0190a0e0-0000-7000-8000-00000000000${n}`, email: `person${n}@northwind.example`, name: `Person ${n}`, role: 'BUYER', isCompanyAdmin: false,
  status: 'ACTIVE', lastLoginAt: null, createdAt: '2026-11-01T08:00:00Z', ...over,
});

/** Every body cell of a table that stacks on a phone names its column, except the row's title. */
function unlabelledCells(table: HTMLElement) {
  return [...table.querySelectorAll('tbody td')].filter((td) => !td.classList.contains('cell--title') && !td.hasAttribute('data-label') && td.textContent!.trim() !== '' && !td.querySelector('button'));
}

describe('users tables on a phone', () => {
  it('a company’s users stack into labelled cards (the table pushed the page to 598 px at 390 px)', async () => {
    const body: CompanyUsersView = { users: [user(1, { isCompanyAdmin: true }), user(2, { lastLoginAt: '2026-11-29T10:00:00Z' })], invitations: [] };
    serveApi({ [`GET /api/companies/${companyId}/users`]: () => ({ status: 200, body }) });
    renderWithProviders(<CompanyUsers companyId={companyId} currentUserId={user(1).id} canManage />);
    const table = await screen.findByRole('table');
    expect(table).toHaveClass('table--stack');
    expect(unlabelledCells(table)).toEqual([]);
    expect(screen.getAllByRole('cell').find((td) => td.textContent === 'person2@northwind.example')).toHaveAttribute('data-label', 'Email');
    expect(screen.getByRole('columnheader', { name: 'Actions' })).toBeInTheDocument();
  });

  it('the staff accounts stack too, and the hidden actions column is named in the reader’s language', async () => {
    serveApi({ 'GET /api/staff': () => ({ status: 200, body: [user(1, { role: 'ADMIN' }), user(2, { role: 'CLERK' })] }) });
    renderWithProviders(<StaffManager currentUserId={user(1).id} />, 'zh-CN');
    const table = await screen.findByRole('table');
    expect(table).toHaveClass('table--stack');
    expect(unlabelledCells(table)).toEqual([]);
    expect(screen.getByRole('columnheader', { name: '操作' })).toBeInTheDocument();
  });
});
