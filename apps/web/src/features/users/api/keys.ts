/** Query keys of user accounts: a buyer company's users and invitations, and the exporter's staff. */
export const userKeys = {
  all: ['users'] as const,
  ofCompany: (companyId: string) => [...userKeys.all, 'company', companyId] as const,
  staff: () => [...userKeys.all, 'staff'] as const,
};
