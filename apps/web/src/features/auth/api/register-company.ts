import { useMutation } from '@tanstack/react-query';
import type { RegisterCompanyBody, RegisterCompanyResponse } from '@portal/schemas';
import { api } from '../../../lib/api.ts';

/** Registers a company; nobody is signed in until the address is confirmed by the mailed link. */
export function registerCompany(body: RegisterCompanyBody) {
  return api<RegisterCompanyResponse>('/api/auth/register', { method: 'POST', body });
}

export function useRegisterCompany() {
  return useMutation({ mutationFn: registerCompany });
}
