import { describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithProviders, serveApi } from '../../../test/render.tsx';
import { MemoryRouter } from 'react-router';
import { RegisterForm } from './register-form.tsx';

async function fillValid(user: ReturnType<typeof userEvent.setup>) {
  await user.type(screen.getByLabelText('Company name'), 'Northwind Imports Ltd');
  await user.selectOptions(screen.getByLabelText('Country'), 'GB');
  await user.type(screen.getByLabelText('Address'), '14 Dock Road');
  await user.type(screen.getByLabelText('City'), 'Felixstowe');
  await user.type(screen.getByLabelText('Your name'), 'Emma Clarke');
  await user.type(screen.getByLabelText('Work email'), 'Emma@Northwind.example');
  await user.type(screen.getByLabelText('Password'), 'Northwind-2026');
}

describe('RegisterForm', () => {
  it('names each missing field with the contract’s rules and sends nothing', async () => {
    const calls = serveApi({});
    const user = userEvent.setup();
    renderWithProviders(<MemoryRouter><RegisterForm onRegistered={() => {}} /></MemoryRouter>);
    await user.click(screen.getByRole('button', { name: 'Register company' }));
    expect(screen.getByLabelText('Company name')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Country')).toHaveAccessibleDescription('Choose a country');
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription('must be at least 10 characters');
    expect(screen.getByText('Please correct the highlighted fields.')).toBeInTheDocument();
    expect(calls).toHaveLength(0);
  });

  it('sends the registration with a normalised email and reports where the link went', async () => {
    const calls = serveApi({ 'POST /api/auth/register': () => ({ status: 202, body: { status: 'VERIFICATION_SENT', email: 'emma@northwind.example' } }) });
    const onRegistered = vi.fn();
    const user = userEvent.setup();
    renderWithProviders(<MemoryRouter><RegisterForm onRegistered={onRegistered} /></MemoryRouter>);
    await fillValid(user);
    await user.click(screen.getByRole('button', { name: 'Register company' }));
    await vi.waitFor(() => expect(onRegistered).toHaveBeenCalledWith('emma@northwind.example'));
    expect(calls[0]).toMatchObject({ method: 'POST', path: '/api/auth/register' });
    expect(calls[0]!.body).toMatchObject({ company: { name: 'Northwind Imports Ltd', country: 'GB', defaultCurrency: 'USD' }, user: { email: 'emma@northwind.example', locale: 'en' } });
  });

  it('shows the server’s field error next to the field', async () => {
    serveApi({
      'POST /api/auth/register': () => ({
        status: 409,
        body: { code: 'ALREADY_EXISTS', detail: 'an account with this email already exists; sign in instead', errors: [{ field: 'body.user.email', message: 'is already registered' }] },
      }),
    });
    const user = userEvent.setup();
    renderWithProviders(<MemoryRouter><RegisterForm onRegistered={() => {}} /></MemoryRouter>);
    await fillValid(user);
    await user.click(screen.getByRole('button', { name: 'Register company' }));
    expect(await screen.findByText('is already registered')).toBeInTheDocument();
    expect(screen.getByLabelText('Work email')).toHaveAttribute('aria-invalid', 'true');
  });
});
