import type { CompanyStatus } from '@portal/schemas';

export type CompanyFilter = { status?: CompanyStatus; q?: string; page: number };

/** Query keys of buyer companies; `update` is the mutation that also changes the session's company. */
export const companyKeys = {
  all: ['companies'] as const,
  lists: () => [...companyKeys.all, 'list'] as const,
  list: (filter: CompanyFilter) => [...companyKeys.lists(), filter] as const,
  detail: (id: string) => [...companyKeys.all, 'detail', id] as const,
  update: () => [...companyKeys.all, 'update'] as const,
};
