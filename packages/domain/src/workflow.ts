import type { Role } from './access.ts';
import { DomainError } from './errors.ts';

/*
 * A small table-driven state machine for records that several roles work on (claims, tickets): each
 * step names the statuses it starts from, the status it leads to (or none: the status stays), and
 * the roles that may take it. Checks run in the house order: who may, then whether the state allows.
 */

/** One step of a workflow: from which statuses, to which status (null: unchanged), by which roles. */
export type StepRule<S extends string> = { from: readonly S[]; to: S | null; roles: readonly Role[] };

/** A workflow: its record's name for messages, and its steps by action. */
export type Workflow<S extends string, A extends string> = { record: string; steps: Readonly<Record<A, StepRule<S>>> };

const words = (code: string) => code.toLowerCase().replaceAll('_', ' ');

/** The status a step leads to, after checking the role (FORBIDDEN) and the current status (CONFLICT), with messages that say why. */
export function takeStep<S extends string, A extends string>(workflow: Workflow<S, A>, status: S, action: A, role: Role): S {
  const rule = workflow.steps[action];
  if (!rule.roles.includes(role)) throw new DomainError('FORBIDDEN', `a ${words(role)} may not ${words(action)} a ${workflow.record}`);
  if (!rule.from.includes(status)) throw new DomainError('CONFLICT', `a ${workflow.record} that is ${words(status)} cannot be taken to "${words(action)}"`);
  return rule.to ?? status;
}

/** The actions a role may take on a record in a status (for the buttons a screen shows). */
export function availableSteps<S extends string, A extends string>(workflow: Workflow<S, A>, status: S, role: Role): A[] {
  return (Object.keys(workflow.steps) as A[]).filter((a) => workflow.steps[a].roles.includes(role) && workflow.steps[a].from.includes(status));
}
