import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RegisterCompanyBody, SessionUser } from '@portal/schemas';
import { api } from '../../../lib/api.ts';

export function registerCompany(body: RegisterCompanyBody) {
  return api<{ companyId: string; status: string; user: SessionUser }>('/api/auth/register', { method: 'POST', body });
}

export function useRegisterCompany() {
  const qc = useQueryClient();
  return useMutation({ mutationFn: registerCompany, onSuccess: (res) => qc.setQueryData(['session'], res.user) });
}
