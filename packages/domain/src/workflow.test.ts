import { describe, expect, it } from 'vitest';
import { DomainError } from './errors.ts';
import { type Workflow, availableSteps, takeStep } from './workflow.ts';

// A door: the smallest workflow that has a step keeping its status.
const door: Workflow<'SHUT' | 'OPEN', 'OPEN_IT' | 'SHUT_IT' | 'KNOCK'> = {
  record: 'door',
  steps: {
    OPEN_IT: { from: ['SHUT'], to: 'OPEN', roles: ['CLERK'] },
    SHUT_IT: { from: ['OPEN'], to: 'SHUT', roles: ['CLERK', 'MANAGER'] },
    KNOCK: { from: ['SHUT', 'OPEN'], to: null, roles: ['BUYER'] },
  },
};

describe('workflow', () => {
  it('leads each allowed step to its status, or keeps the status', () => {
    expect(takeStep(door, 'SHUT', 'OPEN_IT', 'CLERK')).toBe('OPEN');
    expect(takeStep(door, 'OPEN', 'KNOCK', 'BUYER')).toBe('OPEN');
  });

  it('checks the role before the status, and says why', () => {
    const forbidden = (() => { try { takeStep(door, 'OPEN', 'OPEN_IT', 'BUYER'); } catch (e) { return e as DomainError; } })();
    expect(forbidden).toMatchObject({ code: 'FORBIDDEN', message: 'a buyer may not open it a door' });
    const conflict = (() => { try { takeStep(door, 'OPEN', 'OPEN_IT', 'CLERK'); } catch (e) { return e as DomainError; } })();
    expect(conflict).toMatchObject({ code: 'CONFLICT', message: 'a door that is open cannot be taken to "open it"' });
  });

  it('lists the steps a role may take in a status', () => {
    expect(availableSteps(door, 'OPEN', 'MANAGER')).toEqual(['SHUT_IT']);
    expect(availableSteps(door, 'SHUT', 'BUYER')).toEqual(['KNOCK']);
    expect(availableSteps(door, 'SHUT', 'FINANCE')).toEqual([]);
  });
});
