import { DomainError } from './errors.ts';

export const companyStatuses = ['PENDING', 'APPROVED', 'REJECTED', 'SUSPENDED'] as const;
export type CompanyStatus = (typeof companyStatuses)[number];
export const companyDecisions = ['APPROVE', 'REJECT', 'SUSPEND', 'REINSTATE'] as const;
export type CompanyDecision = (typeof companyDecisions)[number];

const transitions: Record<CompanyDecision, { from: CompanyStatus[]; to: CompanyStatus }> = {
  APPROVE: { from: ['PENDING', 'REJECTED'], to: 'APPROVED' },
  REJECT: { from: ['PENDING'], to: 'REJECTED' },
  SUSPEND: { from: ['APPROVED'], to: 'SUSPENDED' },
  REINSTATE: { from: ['SUSPENDED'], to: 'APPROVED' },
};

/** The status a buyer company moves to on a manager's decision, or a CONFLICT if it cannot. */
export function decideCompanyStatus(current: CompanyStatus, decision: CompanyDecision): CompanyStatus {
  const rule = transitions[decision];
  if (!rule.from.includes(current)) {
    throw new DomainError('CONFLICT', `a ${current.toLowerCase()} company cannot be ${pastTense[decision]}`);
  }
  return rule.to;
}

const pastTense: Record<CompanyDecision, string> = {
  APPROVE: 'approved',
  REJECT: 'rejected',
  SUSPEND: 'suspended',
  REINSTATE: 'reinstated',
};

/** Only an approved buyer company may send inquiries, see prices and act on quotes. */
export function canTrade(status: CompanyStatus): boolean {
  return status === 'APPROVED';
}
