import type { Role } from './access.ts';
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

/** The caller's standing as the session knows it: a role and, for buyers, their company's review status. */
export type Standing = { role: Role; companyStatus?: CompanyStatus };

const standingRefusals: Record<Exclude<CompanyStatus, 'APPROVED'>, string> = {
  PENDING: 'your company is not approved yet: you can trade once we have approved your registration',
  SUSPENDED: 'trading through the portal is suspended for your company; please contact us',
  REJECTED: 'your company’s registration was not approved, so it cannot trade through the portal',
};

/**
 * The one guard in front of every buyer action that changes business (inquiries, uploads, messages,
 * counter-offers, accepting, declining, confirming, letters of credit): only a buyer whose company
 * is approved may act. Staff act for the exporter and always pass. A buyer whose company status is
 * not known is refused (fail closed).
 */
export function assertCompanyMayTrade(caller: Standing): void {
  if (caller.role !== 'BUYER') return;
  const status = caller.companyStatus;
  if (status === 'APPROVED') return;
  throw new DomainError('FORBIDDEN', status ? standingRefusals[status] : 'your company’s standing is not known; sign in again');
}

const counterpartyRefusals: Record<Exclude<CompanyStatus, 'APPROVED'>, string> = {
  PENDING: 'is not approved yet: nothing is sent to it until a manager approves its registration',
  SUSPENDED: 'is suspended: nothing is sent to it until a manager reinstates it',
  REJECTED: 'was not approved: nothing is sent to it',
};

/**
 * The same rule from the exporter's side: staff open no new business with a buyer company that may
 * not trade. A quote may be drafted (work in hand), but it is not sent, nor approved to go out,
 * while the company is pending, suspended or rejected. Read the status inside the writing transaction.
 */
export function assertMayTradeWith(company: { name: string; status: CompanyStatus }): void {
  if (company.status === 'APPROVED') return;
  throw new DomainError('CONFLICT', `${company.name} ${counterpartyRefusals[company.status]}`);
}
