import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RegisterCompanyBody, SessionUser } from '@portal/schemas';
import { api } from '../../../lib/api.ts';
import { authKeys } from './keys.ts';

/** Registers a buyer company and its first user, who is signed in at once (the company waits for approval). */
export function registerCompany(body: RegisterCompanyBody) {
  return api<{ companyId: string; status: string; user: SessionUser }>('/api/auth/register', { method: 'POST', body });
}

export function useRegisterCompany() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: registerCompany, onSuccess: (res) => qc.setQueryData(authKeys.session(), res.user) });
}
