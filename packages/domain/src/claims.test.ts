import { describe, expect, it } from 'vitest';
import type { Actor } from './access.ts';
import {
  type ClaimFacts, DEFAULT_CLAIM_PERIODS, DEFAULT_CLAIM_RESPONSE_HOURS, claimActionsFor, claimDaysLeft, claimDeadline, claimFilingErrors, claimResponseState,
  decideClaimStep, claimPeriodsFromClause, claimEvidenceErrors, MAX_CLAIM_EVIDENCE_BYTES, approvalThresholdFor, DEFAULT_CLAIM_APPROVAL_THRESHOLDS, claimFinanceFigures,
} from './claims.ts';
import { DEFAULT_CLAIMS_CLAUSE } from './sales-contracts.ts';
import { actors, beijing as at, ningboOffice as ningbo, refusal } from './testing.ts';
import { applyTimerEffect, startTimer } from './working-time.ts';

const { buyer, otherBuyer, clerk, manager, manager2, finance } = actors;

const claim = (over: Partial<ClaimFacts> = {}): ClaimFacts => ({ buyerCompanyId: 'nw', status: 'FILED', currency: 'USD', amountClaimed: '4800.00', responsibleParty: null, settlement: null, ...over });

describe('the claim state machine', () => {
  it('walks a damage claim from filing to closing, each step by its role', () => {
    const path: [ClaimFacts['status'], Parameters<typeof decideClaimStep>[1], Actor, Parameters<typeof decideClaimStep>[3]?][] = [
      ['FILED', 'ACKNOWLEDGE', clerk],
      ['ACKNOWLEDGED', 'START_INVESTIGATION', clerk],
      ['UNDER_INVESTIGATION', 'REQUEST_EVIDENCE', clerk, { reason: 'the surveyor\'s report and photos of the cartons' }],
      ['WAITING_FOR_EVIDENCE', 'ADD_EVIDENCE', buyer],
      ['UNDER_INVESTIGATION', 'DETERMINE_RESPONSIBILITY', clerk, { responsibleParty: 'FACTORY' }],
      ['RESPONSIBILITY_DETERMINED', 'OFFER_SETTLEMENT', clerk, { settlement: { kind: 'CREDIT_NOTE', amount: '4500.00' }, approvalThreshold: '2000.00' }],
      ['PENDING_APPROVAL', 'APPROVE_SETTLEMENT', manager],
      ['SETTLEMENT_OFFERED', 'ACCEPT', buyer],
      ['ACCEPTED', 'RECORD_SETTLEMENT', finance, { settlementReference: 'CN-2025-000007' }],
      ['SETTLED', 'CLOSE', clerk],
    ];
    const outcome = path.map(([status, action, actor, input]) => {
      const step = decideClaimStep(claim({ status, responsibleParty: 'FACTORY', settlement: { kind: 'CREDIT_NOTE', amount: '4500.00', proposedById: 'c1' } }), action, actor, input);
      return [step.status, step.timer, step.visibleToBuyer];
    });
    expect(outcome).toEqual([
      ['ACKNOWLEDGED', null, true],
      ['UNDER_INVESTIGATION', null, true],
      ['WAITING_FOR_EVIDENCE', 'PAUSE', true],
      ['UNDER_INVESTIGATION', 'RESUME', true],
      ['RESPONSIBILITY_DETERMINED', null, true],
      ['PENDING_APPROVAL', null, false],
      ['SETTLEMENT_OFFERED', 'STOP', true],
      ['ACCEPTED', null, true],
      ['SETTLED', null, true],
      ['CLOSED', null, true],
    ]);
  });

  it('offers straight to the buyer at or below finance\'s threshold, and stops the response timer', () => {
    const step = decideClaimStep(claim({ status: 'RESPONSIBILITY_DETERMINED', responsibleParty: 'EXPORTER' }), 'OFFER_SETTLEMENT', clerk, { settlement: { kind: 'REFUND', amount: '2000.00' }, approvalThreshold: '2000.00' });
    expect(step).toEqual({ status: 'SETTLEMENT_OFFERED', timer: 'STOP', visibleToBuyer: true });
  });

  it('lets only the roles of each step act: buyers on buyer steps, managers approve, finance records', () => {
    expect(refusal(() => decideClaimStep(claim(), 'ACKNOWLEDGE', buyer)).code).toBe('FORBIDDEN');
    expect(refusal(() => decideClaimStep(claim({ status: 'SETTLEMENT_OFFERED' }), 'ACCEPT', clerk)).code).toBe('FORBIDDEN');
    expect(refusal(() => decideClaimStep(claim({ status: 'PENDING_APPROVAL' }), 'APPROVE_SETTLEMENT', clerk)).code).toBe('FORBIDDEN');
    expect(refusal(() => decideClaimStep(claim({ status: 'ACCEPTED' }), 'RECORD_SETTLEMENT', manager, { settlementReference: 'x' })).code).toBe('FORBIDDEN');
    expect(refusal(() => decideClaimStep(claim({ status: 'UNDER_INVESTIGATION' }), 'REJECT', clerk, { reason: 'x' })).code).toBe('FORBIDDEN');
  });

  it('hides another company\'s claim from a buyer as not found', () => {
    expect(refusal(() => decideClaimStep(claim({ status: 'SETTLEMENT_OFFERED' }), 'ACCEPT', otherBuyer)).code).toBe('NOT_FOUND');
    expect(claimActionsFor(claim({ status: 'SETTLEMENT_OFFERED' }), otherBuyer)).toEqual([]);
  });

  it('refuses steps the status does not allow', () => {
    expect(refusal(() => decideClaimStep(claim(), 'OFFER_SETTLEMENT', clerk)).message).toBe('a claim that is filed cannot be taken to "offer settlement"');
    expect(refusal(() => decideClaimStep(claim({ status: 'CLOSED' }), 'ADD_EVIDENCE', buyer)).code).toBe('CONFLICT');
    expect(refusal(() => decideClaimStep(claim({ status: 'ACCEPTED' }), 'WITHDRAW', buyer)).code).toBe('CONFLICT');
  });

  it('needs a second manager to approve what a manager proposed (four eyes)', () => {
    const pending = claim({ status: 'PENDING_APPROVAL', settlement: { kind: 'REFUND', amount: '4500.00', proposedById: 'm1' } });
    expect(refusal(() => decideClaimStep(pending, 'APPROVE_SETTLEMENT', manager)).code).toBe('FORBIDDEN');
    expect(decideClaimStep(pending, 'APPROVE_SETTLEMENT', manager2).status).toBe('SETTLEMENT_OFFERED');
    expect(decideClaimStep(pending, 'RETURN_SETTLEMENT', manager2, { reason: 'offer a replacement instead' })).toEqual({ status: 'RESPONSIBILITY_DETERMINED', timer: null, visibleToBuyer: false });
  });

  it('checks each step\'s input, naming the field', () => {
    const determined = claim({ status: 'RESPONSIBILITY_DETERMINED', responsibleParty: 'CARRIER' });
    expect(refusal(() => decideClaimStep(determined, 'OFFER_SETTLEMENT', clerk, { settlement: { kind: 'REFUND', amount: '4800.01' }, approvalThreshold: '9000' })).fields).toEqual([
      { field: 'settlement.amount', message: 'must not exceed the amount claimed (USD 4800.00)' },
    ]);
    expect(refusal(() => decideClaimStep(determined, 'OFFER_SETTLEMENT', clerk, { settlement: { kind: 'REFUND', amount: '0' }, approvalThreshold: '9000' })).fields?.[0]?.field).toBe('settlement.amount');
    expect(refusal(() => decideClaimStep(determined, 'OFFER_SETTLEMENT', clerk, {})).fields?.[0]?.field).toBe('settlement.kind');
    expect(refusal(() => decideClaimStep(claim({ status: 'UNDER_INVESTIGATION' }), 'DETERMINE_RESPONSIBILITY', clerk, {})).fields?.[0]?.field).toBe('responsibleParty');
    expect(refusal(() => decideClaimStep(claim({ status: 'UNDER_INVESTIGATION' }), 'REJECT', manager, { reason: ' ' })).fields?.[0]?.field).toBe('reason');
    expect(refusal(() => decideClaimStep(claim({ status: 'SETTLEMENT_OFFERED' }), 'DISPUTE', buyer)).fields?.[0]?.field).toBe('reason');
    expect(refusal(() => decideClaimStep(claim({ status: 'ACCEPTED' }), 'RECORD_SETTLEMENT', finance)).fields?.[0]?.field).toBe('settlementReference');
  });

  it('offers nothing when the buyer is responsible: the claim is rejected instead', () => {
    const own = claim({ status: 'RESPONSIBILITY_DETERMINED', responsibleParty: 'BUYER' });
    expect(refusal(() => decideClaimStep(own, 'OFFER_SETTLEMENT', clerk, { settlement: { kind: 'REFUND', amount: '1' }, approvalThreshold: '9000' })).code).toBe('CONFLICT');
    expect(decideClaimStep(own, 'REJECT', manager, { reason: 'damage caused by the buyer\'s own unloading' })).toEqual({ status: 'REJECTED', timer: 'STOP', visibleToBuyer: true });
  });

  it('lets a disputed claim be offered again or investigated again, and the buyer withdraw an open claim', () => {
    const disputed = claim({ status: 'DISPUTED', responsibleParty: 'EXPORTER' });
    expect(decideClaimStep(disputed, 'OFFER_SETTLEMENT', clerk, { settlement: { kind: 'PRICE_DISCOUNT', amount: '1200' }, approvalThreshold: '2000' }).status).toBe('SETTLEMENT_OFFERED');
    expect(decideClaimStep(disputed, 'REOPEN', clerk).status).toBe('UNDER_INVESTIGATION');
    expect(decideClaimStep(claim({ status: 'WAITING_FOR_EVIDENCE' }), 'WITHDRAW', buyer)).toEqual({ status: 'CLOSED', timer: 'STOP', visibleToBuyer: true });
    expect(decideClaimStep(claim({ status: 'ACKNOWLEDGED' }), 'ADD_EVIDENCE', buyer)).toEqual({ status: 'ACKNOWLEDGED', timer: null, visibleToBuyer: true });
  });

  it('lists the steps a role may take now', () => {
    expect(claimActionsFor(claim({ status: 'UNDER_INVESTIGATION' }), clerk)).toEqual(['REQUEST_EVIDENCE', 'DETERMINE_RESPONSIBILITY']);
    expect(claimActionsFor(claim({ status: 'UNDER_INVESTIGATION' }), manager)).toEqual(['REQUEST_EVIDENCE', 'DETERMINE_RESPONSIBILITY', 'REJECT']);
    expect(claimActionsFor(claim({ status: 'SETTLEMENT_OFFERED' }), buyer)).toEqual(['ADD_EVIDENCE', 'ACCEPT', 'DISPUTE', 'WITHDRAW']);
  });
});

describe('the response timer', () => {

  it('falls due after five working days and stops while the buyer is asked for evidence', () => {
    let timer = startTimer(at('2025-03-03T09:00:00'));
    expect(claimResponseState(timer, DEFAULT_CLAIM_RESPONSE_HOURS, ningbo, at('2025-03-03T09:00:00')).dueAt).toEqual(at('2025-03-07T18:00:00'));
    timer = applyTimerEffect(timer, 'PAUSE', at('2025-03-04T11:00:00'));
    expect(claimResponseState(timer, DEFAULT_CLAIM_RESPONSE_HOURS, ningbo, at('2025-03-08T10:00:00'))).toMatchObject({ dueAt: null, paused: true, breached: false, elapsedMs: 11 * 3_600_000 });
    timer = applyTimerEffect(timer, 'RESUME', at('2025-03-10T09:00:00'));
    // 11 h used; 34 h more from Monday 10 March: 9 + 9 + 9 + 7 → Thursday 13 March 16:00.
    expect(claimResponseState(timer, DEFAULT_CLAIM_RESPONSE_HOURS, ningbo, at('2025-03-10T09:00:00')).dueAt).toEqual(at('2025-03-13T16:00:00'));
    const answered = applyTimerEffect(timer, 'STOP', at('2025-03-13T15:00:00'));
    expect(claimResponseState(answered, DEFAULT_CLAIM_RESPONSE_HOURS, ningbo, at('2025-04-01T09:00:00'))).toMatchObject({ stopped: true, breached: false });
    expect(applyTimerEffect(timer, null, at('2025-03-13T15:00:00'))).toBe(timer);
  });
});

describe('filing a claim', () => {
  const shipment = { shippedOn: '2025-04-09', arrivedOn: '2025-05-15', lines: [{ contractLineId: 'a', quantity: '6000', unitPrice: '3.2500' }, { contractLineId: 'b', quantity: '5000', unitPrice: '2.4575' }] };
  const contract = { currency: 'USD' };

  it('counts the claim period of the default clause from arrival: quality 30 days, quantity 15', () => {
    expect(DEFAULT_CLAIMS_CLAUSE).toMatch(/quality of the goods shall be lodged in writing within 30 days after the arrival/);
    expect(DEFAULT_CLAIMS_CLAUSE).toMatch(/quantity or weight within 15 days/);
    expect(claimDeadline('QUALITY', '2025-05-15')).toEqual({ deadline: '2025-06-14', days: 30, arrivedOn: '2025-05-15' });
    expect(claimDeadline('QUANTITY', '2025-05-15')?.deadline).toBe('2025-05-30');
    expect(claimDeadline('QUALITY', null)).toBeNull();
    expect(claimDaysLeft('QUALITY', '2025-05-15', '2025-06-10')).toBe(4);
    expect(claimDaysLeft('QUANTITY', '2025-05-15', '2025-06-10')).toBe(-11);
    expect(claimDeadline('QUALITY', '2025-05-15', { ...DEFAULT_CLAIM_PERIODS, QUALITY: 60 })?.deadline).toBe('2025-07-14');
  });

  it('accepts a claim within its period, quantity and value', () => {
    expect(claimFilingErrors({ kind: 'QUALITY', currency: 'USD', amount: '4800.00', lines: [{ contractLineId: 'a', quantity: '1200' }, { contractLineId: 'b', quantity: '300' }] }, contract, shipment, '2025-06-14')).toEqual([]);
  });

  it('refuses a claim after its period, naming the deadline', () => {
    expect(claimFilingErrors({ kind: 'QUALITY', currency: 'USD', amount: '100', lines: [{ contractLineId: 'a', quantity: '10' }] }, contract, shipment, '2025-06-15')).toEqual([
      { field: 'kind', message: 'the claim period for quality claims ended on 2025-06-14 (30 days after the arrival on 2025-05-15)' },
    ]);
    expect(claimFilingErrors({ kind: 'QUANTITY', currency: 'USD', amount: '100', lines: [{ contractLineId: 'a', quantity: '10' }] }, contract, shipment, '2025-05-31')[0]?.message).toMatch(/ended on 2025-05-30/);
  });

  it('refuses claims on goods not shipped, or not arrived unless about delay or documents', () => {
    const notShipped = { ...shipment, shippedOn: null, arrivedOn: null };
    expect(claimFilingErrors({ kind: 'DELAY', currency: 'USD', amount: '100', lines: [{ contractLineId: 'a', quantity: '0' }] }, contract, notShipped, '2025-04-01')[0]).toEqual({
      field: 'shipmentId', message: 'has not shipped yet: a claim is filed against goods shipped',
    });
    const atSea = { ...shipment, arrivedOn: null };
    expect(claimFilingErrors({ kind: 'QUALITY', currency: 'USD', amount: '100', lines: [{ contractLineId: 'a', quantity: '1' }] }, contract, atSea, '2025-05-01')[0]?.message).toBe('has not arrived yet: a quality claim is filed after the goods arrive');
    expect(claimFilingErrors({ kind: 'DELAY', currency: 'USD', amount: '100', lines: [{ contractLineId: 'a', quantity: '0' }] }, contract, atSea, '2025-05-01')).toEqual([]);
  });

  it('never lets the claimed quantity pass the quantity shipped, nor the amount the value of the named lines', () => {
    expect(claimFilingErrors({ kind: 'QUANTITY', currency: 'USD', amount: '19500.01', lines: [{ contractLineId: 'a', quantity: '6001' }] }, contract, shipment, '2025-05-20')).toEqual([
      { field: 'lines.0.quantity', message: 'must not exceed the quantity shipped on this line (6000)' },
      { field: 'amount', message: 'must not exceed the value of the named lines (USD 19500.00)' },
    ]);
    expect(claimFilingErrors({ kind: 'QUALITY', currency: 'USD', amount: '31787.50', lines: [{ contractLineId: 'a', quantity: '1' }, { contractLineId: 'b', quantity: '1' }] }, contract, shipment, '2025-05-20')).toEqual([]);
  });

  it('names unknown and repeated lines, a zero quantity, another currency, and a missing line', () => {
    expect(claimFilingErrors({ kind: 'QUALITY', currency: 'EUR', amount: '0', lines: [{ contractLineId: 'x', quantity: '1' }, { contractLineId: 'a', quantity: '0' }, { contractLineId: 'a', quantity: '1' }] }, contract, shipment, '2025-05-20')).toEqual([
      { field: 'currency', message: 'must be the contract currency, USD' },
      { field: 'lines.0.contractLineId', message: 'is not a line of this shipment' },
      { field: 'lines.1.quantity', message: 'must be greater than zero' },
      { field: 'lines.2.contractLineId', message: 'is named twice' },
      { field: 'amount', message: 'must be greater than zero with at most 2 decimal places' },
    ]);
    expect(claimFilingErrors({ kind: 'QUALITY', currency: 'USD', amount: '1', lines: [] }, contract, shipment, '2025-05-20')).toEqual([{ field: 'lines', message: 'must name at least one line of the shipment' }]);
  });
});

describe('the contract\'s clause, evidence, approval and finance figures', () => {
  it('reads the claim periods from the contract\'s claims clause, the default clause giving the default periods', () => {
    expect(claimPeriodsFromClause(DEFAULT_CLAIMS_CLAUSE)).toEqual(DEFAULT_CLAIM_PERIODS);
    expect(claimPeriodsFromClause(null)).toEqual(DEFAULT_CLAIM_PERIODS);
    const own = claimPeriodsFromClause('Claims regarding quality shall be lodged within 45 days after arrival; regarding weight within 10 days.');
    expect(own).toMatchObject({ QUALITY: 45, DAMAGE: 45, DELAY: 45, QUANTITY: 10 });
    expect(claimPeriodsFromClause('Claims on quality within 7 days after arrival.')).toMatchObject({ QUALITY: 7, QUANTITY: 7 });
    expect(claimDeadline('DAMAGE', '2025-05-15', own)?.deadline).toBe('2025-06-29');
  });

  it('takes photos and PDF reports within the size, naming each other file', () => {
    expect(claimEvidenceErrors([{ contentType: 'image/jpeg', sizeBytes: 3_000_000 }, { contentType: 'application/pdf', sizeBytes: MAX_CLAIM_EVIDENCE_BYTES }], 'body.evidenceIds')).toEqual([]);
    expect(claimEvidenceErrors([{ contentType: 'image/png', sizeBytes: 10 }, { contentType: 'text/plain', sizeBytes: 10 }, { contentType: 'image/png', sizeBytes: MAX_CLAIM_EVIDENCE_BYTES + 1 }], 'body.evidenceIds')).toEqual([
      { field: 'body.evidenceIds.1', message: 'must be a photo (JPEG, PNG, WebP) or a PDF report, not text/plain' },
      { field: 'body.evidenceIds.2', message: 'must be at most 10 MB' },
    ]);
    expect(claimEvidenceErrors([{ contentType: 'image/png', sizeBytes: 10 }], 'body.evidenceIds', 20)[0]?.field).toBe('body.evidenceIds');
  });

  it('needs approval for every settlement in a currency finance set no threshold for', () => {
    expect(approvalThresholdFor(DEFAULT_CLAIM_APPROVAL_THRESHOLDS, 'USD')).toBe('2000.00');
    const step = decideClaimStep(claim({ status: 'RESPONSIBILITY_DETERMINED', currency: 'JPY', amountClaimed: '50000', responsibleParty: 'EXPORTER' }), 'OFFER_SETTLEMENT', clerk, {
      settlement: { kind: 'REFUND', amount: '1' }, approvalThreshold: approvalThresholdFor(DEFAULT_CLAIM_APPROVAL_THRESHOLDS, 'JPY'),
    });
    expect(step.status).toBe('PENDING_APPROVAL');
  });

  it('sums per customer and currency: settlements to pay, payouts made, credit notes still open', () => {
    const base = { buyerCompanyId: 'nw', currency: 'USD', creditNoteUsed: false, paid: false } as const;
    const figures = claimFinanceFigures([
      { ...base, status: 'ACCEPTED', settlementKind: 'REFUND', settlementAmount: '100.10' },
      { ...base, status: 'ACCEPTED', settlementKind: 'CREDIT_NOTE', settlementAmount: '0.20', currency: 'EUR' },
      { ...base, status: 'CLOSED', settlementKind: 'REFUND', settlementAmount: '250.00', paid: true },
      { ...base, status: 'SETTLED', settlementKind: 'PRICE_DISCOUNT', settlementAmount: '0.05', paid: true },
      { ...base, status: 'CLOSED', settlementKind: 'CREDIT_NOTE', settlementAmount: '4500.00' },
      { ...base, status: 'CLOSED', settlementKind: 'CREDIT_NOTE', settlementAmount: '99.00', creditNoteUsed: true },
      { ...base, status: 'CLOSED', settlementKind: 'REPLACEMENT', settlementAmount: '800.00' },
      { ...base, status: 'UNDER_INVESTIGATION', settlementKind: null, settlementAmount: null },
      { ...base, buyerCompanyId: 'rh', status: 'CLOSED', settlementKind: 'CREDIT_NOTE', settlementAmount: '1.00' },
    ]);
    expect(figures.get('nw')).toEqual({
      toPay: [{ amount: '0.20', currency: 'EUR' }, { amount: '100.10', currency: 'USD' }],
      paidOut: [{ amount: '250.05', currency: 'USD' }],
      openCreditNotes: [{ amount: '4500.00', currency: 'USD' }],
      toPayCount: 2, openCreditNoteCount: 1,
    });
    expect(figures.get('rh')?.openCreditNotes).toEqual([{ amount: '1.00', currency: 'USD' }]);
  });
});
