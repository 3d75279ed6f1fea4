import { useState } from 'react';
import type { TicketView } from '@portal/schemas';
import { useAssignees } from '../api/list-assignees.ts';
import { useTicketStep } from '../api/ticket-steps.ts';
import { useTicketText } from '../messages.ts';

/** Staff take a ticket or give it to a colleague; resolved tickets can be closed. */
export function AssignForm({ ticket, meId }: { ticket: TicketView; meId: string }) {
  const tt = useTicketText();
  const assignees = useAssignees();
  const step = useTicketStep(ticket.id);
  const [to, setTo] = useState(ticket.assignee?.id ?? '');
  const canAssign = ticket.actions.includes('ASSIGN') || ticket.actions.includes('REASSIGN');
  return (
    <div className="stack">
      {ticket.status === 'OPEN' && ticket.actions.includes('ASSIGN') && (
        <button type="button" className="btn btn--primary" disabled={step.isPending} onClick={() => step.mutate({ step: 'assign', body: {} })}>{tt('take')}</button>
      )}
      {canAssign && (
        <form className="inline-form__row" onSubmit={(e) => { e.preventDefault(); if (to) step.mutate({ step: 'assign', body: { assigneeId: to } }); }}>
          <div className="field">
            <label htmlFor={`assign-${ticket.id}`}>{tt('assignTo')}</label>
            <select id={`assign-${ticket.id}`} value={to} onChange={(e) => setTo(e.target.value)}>
              <option value="">—</option>
              {(assignees.data ?? []).map((a) => <option key={a.id} value={a.id}>{a.name}{a.id === meId ? ' ✓' : ''}</option>)}
            </select>
          </div>
          <button type="submit" className="btn btn--secondary" disabled={!to || step.isPending}>{tt('assign')}</button>
        </form>
      )}
      {ticket.actions.includes('CLOSE') && <button type="button" className="btn btn--secondary" disabled={step.isPending} onClick={() => step.mutate({ step: 'close' })}>{tt('close')}</button>}
      {step.error && <p className="field__error" role="alert">{step.error.message}</p>}
    </div>
  );
}
