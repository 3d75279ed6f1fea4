import { Dec, addDays, type Actor } from '@portal/domain';
import { ClaimStepBody, FileClaimBody } from '@portal/schemas';
import type { AttachmentsService } from '../attachments/attachments.service.ts';
import type { ClaimsService } from './claims.service.ts';

/*
 * The claims' demo records, made through the claims service at their historic instants (the runner's
 * clock is moved to each), on a shipment that has arrived (the shipments demo's delivered one):
 *   - a quality claim filed the day after arrival and settled with a credit note: acknowledged,
 *     investigated, evidence asked and added, the factory found responsible, a settlement above the
 *     approval threshold proposed by the clerk and approved by the manager, accepted by the buyer and
 *     recorded by finance (the credit note stays open against the customer);
 *   - a damage claim filed three days ago, under investigation with a staff note.
 */

export type ClaimsDemoContext = {
  /** An arrived shipment of the buyer's contract (its arrival at least a week before today). */
  shipmentId: string;
  buyer: Actor;
  clerk: Actor;
  manager: Actor;
  finance: Actor;
  /** The demo's today (YYYY-MM-DD). */
  today: string;
  /** Moves the app clock the services read to an instant. */
  at: (instant: Date) => void;
  /** A photo (PNG or JPEG bytes) uploaded as evidence, when the attachments service is given. */
  photo?: Buffer;
};

const meta = { requestId: 'demo-seed' };
/** hh:mm Beijing time on a date, as a UTC instant. */
const beijing = (date: string, hh: number, mm = 0) => new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)), hh - 8, mm));

/** Seeds a settled claim (credit note) and one under investigation; returns their ids. */
export async function seedClaimsDemo(services: { claims: ClaimsService; attachments?: Pick<AttachmentsService, 'upload'> }, ctx: ClaimsDemoContext): Promise<{ settled: string; investigating: string }> {
  const { claims, attachments } = services;
  const { buyer, clerk, manager, finance } = ctx;
  const terms = await claims.filingTerms(buyer, ctx.shipmentId);
  const arrived = terms.shipment.arrivedOn;
  if (!arrived || arrived > addDays(ctx.today, -7)) throw new Error('the claims demo needs a shipment that arrived at least a week ago');
  const line = terms.lines[0]!;
  const currency = terms.contract.currency;
  const valueOf = (qty: string) => new Dec(qty).times(line.unitPrice.amount).toFixed(2);
  const photo = async (name: string) => (attachments && ctx.photo ? [(await attachments.upload(buyer, { fileName: name, data: ctx.photo }, meta)).id] : []);
  const step = (actor: Actor, id: string, body: ClaimStepBody) => claims.step(actor, id, ClaimStepBody.parse(body), meta);
  const file = (body: FileClaimBody) => claims.file(buyer, FileClaimBody.parse(body), meta);

  // 1. Settled: a quality claim the day after arrival, worked over a week, settled with a credit note.
  const d1 = addDays(arrived, 1);
  ctx.at(beijing(d1, 10));
  const qty = new Dec(line.shippedQuantity).times('0.06').toDecimalPlaces(0).toFixed();
  const settled = await file({
    contractId: terms.contract.id, shipmentId: ctx.shipmentId, kind: 'QUALITY', currency, amount: valueOf(qty),
    description: `About ${qty} pieces leak at the lid seal; found at our incoming inspection on sampling 200 pieces per batch.`,
    lines: [{ contractLineId: line.contractLineId, quantity: qty, batchNo: 'B-DEMO-0207' }], evidenceIds: await photo('leaking-lids.png'),
  });
  ctx.at(beijing(d1, 14, 30));
  await step(clerk, settled.id, { action: 'ACKNOWLEDGE', note: 'Received; our quality team is on it.'});
  ctx.at(beijing(addDays(d1, 1), 9, 30));
  await step(clerk, settled.id, { action: 'START_INVESTIGATION'});
  await step(clerk, settled.id, { action: 'REQUEST_EVIDENCE', reason: 'Please send the inspection report with the batch numbers of the leaking pieces.'});
  ctx.at(beijing(addDays(d1, 3), 11));
  await step(buyer, settled.id, { action: 'ADD_EVIDENCE', note: 'Inspection report attached.', evidenceIds: await photo('inspection-report.png') });
  ctx.at(beijing(addDays(d1, 4), 15));
  await claims.note(clerk, settled.id, { body: 'Factory confirms a batch of seals from a new supplier; retained samples leak too.' }, meta);
  await step(clerk, settled.id, { action: 'DETERMINE_RESPONSIBILITY', responsibleParty: 'FACTORY', note: 'A faulty batch of lid seals at our factory.'});
  const offer = new Dec(valueOf(qty)).times('0.9').toDecimalPlaces(2).toFixed(2);
  await step(clerk, settled.id, { action: 'OFFER_SETTLEMENT', settlement: { kind: 'CREDIT_NOTE', amount: offer }, note: 'A credit note against your next contract.'});
  ctx.at(beijing(addDays(d1, 5), 10));
  const view = await claims.get(manager, settled.id);
  if (view.status === 'PENDING_APPROVAL') await step(manager, settled.id, { action: 'APPROVE_SETTLEMENT'});
  ctx.at(beijing(addDays(d1, 6), 16));
  await step(buyer, settled.id, { action: 'ACCEPT', note: 'Agreed, thank you.'});
  ctx.at(beijing(addDays(d1, 7), 11));
  await step(finance, settled.id, { action: 'RECORD_SETTLEMENT', settlementReference: `CN-${d1.slice(0, 4)}-0001`});

  // 2. Under investigation: a damage claim three days ago.
  const d2 = addDays(ctx.today, -3);
  ctx.at(beijing(d2, 9, 20));
  const dented = '48';
  const investigating = await file({
    contractId: terms.contract.id, shipmentId: ctx.shipmentId, kind: 'DAMAGE', currency, amount: valueOf(dented),
    description: 'Two cartons crushed at the bottom of the container; 48 bottles dented. Photos attached.',
    lines: [{ contractLineId: line.contractLineId, quantity: dented }], evidenceIds: await photo('crushed-cartons.png'),
  });
  ctx.at(beijing(d2, 13));
  await step(clerk, investigating.id, { action: 'ACKNOWLEDGE'});
  ctx.at(beijing(addDays(d2, 1), 10));
  await step(clerk, investigating.id, { action: 'START_INVESTIGATION', note: 'We are checking the stuffing photos and the carrier’s tally.'});
  await claims.note(clerk, investigating.id, { body: 'Stuffing photos show the cartons intact at loading: likely the carrier; ask the insurer’s surveyor.' }, meta);
  return { settled: settled.id, investigating: investigating.id };
}
