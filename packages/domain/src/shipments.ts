import { daysBetween, isCalendarDate } from './calendar.ts';
import { type ContainerType, containerSpecs } from './costing.ts';
import { DomainError } from './errors.ts';
import { Dec } from './money.ts';
import { amountInWords, quoteTotals } from './quotes.ts';

/*
 * Contract execution (外销合同执行): the milestones of a shipment as events, in the vocabulary of the
 * DCSA Track & Trace standard 2.2 where it has one, so that carrier events imported later land on
 * the same records. DCSA events are SHIPMENT events (document states: RECE received, CONF confirmed,
 * ISSU issued, RELS released…, each about a document type: CBR booking request, BKG booking, TRD
 * transport document, SRM shipment release message), TRANSPORT events (ARRI, DEPA of the vessel at a
 * port) and EQUIPMENT events (STUF stuffed, GTIN gated in, LOAD, DISC, GTOT gated out… of one
 * container), each classified PLN (planned), EST (estimated) or ACT (actual). Production and the
 * pre-shipment inspection happen before the carrier is involved: DCSA has no codes for them, so they
 * are PRODUCTION events of this portal. The state of a shipment is never stored apart from its
 * events: it is derived from them. An estimate is revised by a newer estimate; an actual is
 * corrected only by a new actual that supersedes it, with the reason, and both stay in the history.
 */

type DecimalLike = string | Dec;

function invalid(field: string, message: string, title = message): never {
  throw new DomainError('VALIDATION', title, [{ field, message }]);
}

// ───────────────────────────── Vocabulary ─────────────────────────────

export const eventTypes = ['SHIPMENT', 'TRANSPORT', 'EQUIPMENT', 'PRODUCTION'] as const;
/** DCSA's three event types, and PRODUCTION for the portal's own milestones before the carrier is involved. */
export type EventType = (typeof eventTypes)[number];

export const eventClassifiers = ['PLN', 'EST', 'ACT'] as const;
/** DCSA eventClassifierCode: planned, estimated, actual. */
export type EventClassifier = (typeof eventClassifiers)[number];

/** The milestones of a shipment, in lifecycle order. */
export const milestones = [
  'PRODUCTION_STARTED', 'PRODUCTION_FINISHED', 'INSPECTION_PASSED', 'BOOKING_REQUESTED', 'BOOKING_CONFIRMED', 'CONTAINER_STUFFED', 'GATED_IN', 'LOADED',
  'DEPARTED', 'BL_ISSUED', 'ARRIVED', 'DISCHARGED', 'RELEASED', 'DELIVERED',
] as const;
export type Milestone = (typeof milestones)[number];

/** Where a milestone stands in DCSA Track & Trace 2.2: event type, event type code, and for SHIPMENT events the document type. */
export type DcsaCode = { eventType: EventType; code: string; documentTypeCode: 'CBR' | 'BKG' | 'TRD' | 'SRM' | null; at: 'LOADING' | 'DISCHARGE' | null; perContainer: boolean };

/** Each milestone's DCSA code (PRODUCTION events use the milestone's name: DCSA has none). */
export const dcsaCodes: Record<Milestone, DcsaCode> = {
  PRODUCTION_STARTED: { eventType: 'PRODUCTION', code: 'PRODUCTION_STARTED', documentTypeCode: null, at: null, perContainer: false },
  PRODUCTION_FINISHED: { eventType: 'PRODUCTION', code: 'PRODUCTION_FINISHED', documentTypeCode: null, at: null, perContainer: false },
  INSPECTION_PASSED: { eventType: 'PRODUCTION', code: 'INSPECTION_PASSED', documentTypeCode: null, at: null, perContainer: false },
  BOOKING_REQUESTED: { eventType: 'SHIPMENT', code: 'RECE', documentTypeCode: 'CBR', at: null, perContainer: false },
  BOOKING_CONFIRMED: { eventType: 'SHIPMENT', code: 'CONF', documentTypeCode: 'BKG', at: null, perContainer: false },
  CONTAINER_STUFFED: { eventType: 'EQUIPMENT', code: 'STUF', documentTypeCode: null, at: 'LOADING', perContainer: true },
  GATED_IN: { eventType: 'EQUIPMENT', code: 'GTIN', documentTypeCode: null, at: 'LOADING', perContainer: true },
  LOADED: { eventType: 'EQUIPMENT', code: 'LOAD', documentTypeCode: null, at: 'LOADING', perContainer: true },
  DEPARTED: { eventType: 'TRANSPORT', code: 'DEPA', documentTypeCode: null, at: 'LOADING', perContainer: false },
  BL_ISSUED: { eventType: 'SHIPMENT', code: 'ISSU', documentTypeCode: 'TRD', at: null, perContainer: false },
  ARRIVED: { eventType: 'TRANSPORT', code: 'ARRI', documentTypeCode: null, at: 'DISCHARGE', perContainer: false },
  DISCHARGED: { eventType: 'EQUIPMENT', code: 'DISC', documentTypeCode: null, at: 'DISCHARGE', perContainer: true },
  RELEASED: { eventType: 'SHIPMENT', code: 'RELS', documentTypeCode: 'SRM', at: null, perContainer: false },
  DELIVERED: { eventType: 'EQUIPMENT', code: 'GTOT', documentTypeCode: null, at: 'DISCHARGE', perContainer: true },
};

/** A DCSA Track & Trace 2.2 event as a carrier sends it, reduced to what maps it; `at` is where the event location stands in this shipment's route. */
export type DcsaEvent = { eventType: 'SHIPMENT' | 'TRANSPORT' | 'EQUIPMENT'; eventTypeCode: string; documentTypeCode?: string | null; emptyIndicatorCode?: 'EMPTY' | 'LADEN' | null; at: 'LOADING' | 'DISCHARGE' | 'OTHER' };

/**
 * The milestone a carrier's DCSA event records, or null for events the tracker does not show (empty
 * container moves, calls at transhipment ports, document drafts and approvals).
 */
export function milestoneOfDcsaEvent(event: DcsaEvent): Milestone | null {
  if (event.eventType === 'EQUIPMENT' && event.emptyIndicatorCode === 'EMPTY') return null;
  for (const m of milestones) {
    const c = dcsaCodes[m];
    if (c.eventType !== event.eventType || c.code !== event.eventTypeCode) continue;
    if (c.documentTypeCode !== null && c.documentTypeCode !== event.documentTypeCode) continue;
    if (c.at !== null && c.at !== event.at) continue;
    return m;
  }
  return null;
}

// ───────────────────────────── Events and the lifecycle ─────────────────────────────

/** One recorded event of a shipment. An equipment milestone may name its container; an inspection its batch. */
export type ShipmentEventRecord = {
  id: string;
  milestone: Milestone;
  classifier: EventClassifier;
  /** The calendar date it happened, is planned or is expected (for BL_ISSUED: the B/L issue date). */
  date: string;
  /** When it was recorded (ISO instant): orders revisions. */
  recordedAt: string;
  containerNumber?: string | null;
  batchNo?: string | null;
  /** BL_ISSUED: the shipped-on-board date of the B/L's notation (UCP 600 art. 20a-ii). */
  onBoardDate?: string | null;
  /** An actual correcting an earlier actual names it and says why. */
  supersedesId?: string | null;
  reason?: string | null;
};

/** The scope an actual is unique in: the milestone, and its container or batch where it has one. */
function scopeOf(e: Pick<ShipmentEventRecord, 'milestone' | 'containerNumber' | 'batchNo'>): string {
  return `${e.milestone}|${e.containerNumber ?? ''}|${e.batchNo ?? ''}`;
}

/** The current actuals: per milestone and container or batch, the actual that no later actual supersedes. */
export function currentActuals(events: readonly ShipmentEventRecord[]): ShipmentEventRecord[] {
  const superseded = new Set(events.filter((e) => e.classifier === 'ACT' && e.supersedesId).map((e) => e.supersedesId!));
  const byScope = new Map<string, ShipmentEventRecord>();
  for (const e of events) {
    if (e.classifier !== 'ACT' || superseded.has(e.id)) continue;
    const seen = byScope.get(scopeOf(e));
    if (!seen || e.recordedAt > seen.recordedAt) byScope.set(scopeOf(e), e);
  }
  return [...byScope.values()];
}

/**
 * The lifecycle as pairs (earlier, later): when `later` has an actual, `earlier` must have one on or
 * before its date (`required`), or, if recorded, not after it (not required). `sameContainer`: the
 * pair is checked per container. These are the rules "no departure before booking, no arrival before
 * departure, no B/L before booking" and their neighbours.
 */
const lifecycle: readonly { earlier: Milestone; later: Milestone; required: boolean; sameContainer?: boolean }[] = [
  { earlier: 'PRODUCTION_STARTED', later: 'PRODUCTION_FINISHED', required: true },
  { earlier: 'PRODUCTION_STARTED', later: 'INSPECTION_PASSED', required: true },
  { earlier: 'BOOKING_REQUESTED', later: 'BOOKING_CONFIRMED', required: false },
  { earlier: 'BOOKING_CONFIRMED', later: 'CONTAINER_STUFFED', required: true },
  { earlier: 'CONTAINER_STUFFED', later: 'GATED_IN', required: true, sameContainer: true },
  { earlier: 'BOOKING_CONFIRMED', later: 'LOADED', required: true },
  { earlier: 'CONTAINER_STUFFED', later: 'LOADED', required: true, sameContainer: true },
  { earlier: 'GATED_IN', later: 'LOADED', required: false, sameContainer: true },
  { earlier: 'BOOKING_CONFIRMED', later: 'DEPARTED', required: true },
  { earlier: 'LOADED', later: 'DEPARTED', required: false },
  { earlier: 'BOOKING_CONFIRMED', later: 'BL_ISSUED', required: true },
  { earlier: 'DEPARTED', later: 'ARRIVED', required: true },
  { earlier: 'ARRIVED', later: 'DISCHARGED', required: true },
  { earlier: 'ARRIVED', later: 'RELEASED', required: true },
  { earlier: 'ARRIVED', later: 'DELIVERED', required: true },
  { earlier: 'DISCHARGED', later: 'DELIVERED', required: false, sameContainer: true },
];

const label: Record<Milestone, string> = {
  PRODUCTION_STARTED: 'the start of production', PRODUCTION_FINISHED: 'the end of production', INSPECTION_PASSED: 'the inspection', BOOKING_REQUESTED: 'the booking request',
  BOOKING_CONFIRMED: 'the booking', CONTAINER_STUFFED: 'the stuffing', GATED_IN: 'the gate-in', LOADED: 'the loading', DEPARTED: 'the departure', BL_ISSUED: 'the B/L',
  ARRIVED: 'the arrival', DISCHARGED: 'the discharge', RELEASED: 'the release', DELIVERED: 'the delivery',
};

/** The date an actual counts from in the lifecycle: a B/L by its on-board date when that is earlier than its issue date. */
function lifecycleDates(e: ShipmentEventRecord): { first: string; last: string } {
  const dates = [e.date, e.onBoardDate].filter((d): d is string => !!d).sort();
  return { first: dates[0]!, last: dates[dates.length - 1]! };
}

/**
 * Whether an event may be recorded on a shipment with this history, as of today: dates are
 * calendar dates; an actual (and a B/L's on-board date) is not in the future; a B/L carries its
 * on-board date; an actual where one is already recorded must supersede it with a reason (an
 * estimate or a plan is simply revised); and with the event the actuals still follow the lifecycle.
 * VALIDATION names the field (date, onBoardDate, reason, containerNumber); CONFLICT when the state
 * does not allow it (departure before booking, a correction of something not current).
 */
export function assertCanRecordEvent(history: readonly ShipmentEventRecord[], event: ShipmentEventRecord, today: string): void {
  if (!isCalendarDate(event.date)) invalid('date', 'must be a calendar date (YYYY-MM-DD)');
  if (event.onBoardDate && !isCalendarDate(event.onBoardDate)) invalid('onBoardDate', 'must be a calendar date (YYYY-MM-DD)');
  if (event.containerNumber != null && dcsaCodes[event.milestone].perContainer) assertContainerNumber(event.containerNumber, 'containerNumber');
  if (event.containerNumber != null && !dcsaCodes[event.milestone].perContainer) invalid('containerNumber', `is not recorded for ${label[event.milestone]}: it concerns the whole shipment`);

  if (event.classifier !== 'ACT') {
    if (event.supersedesId) invalid('supersedesId', 'only an actual supersedes an actual; a plan or an estimate is revised by recording a newer one');
    return;
  }
  if (event.date > today) invalid('date', `must not be after today (${today}): an actual event cannot be in the future`, 'an actual event in the future');
  if (event.milestone === 'BL_ISSUED') {
    if (!event.onBoardDate) invalid('onBoardDate', 'is required: the shipped-on-board date of the B/L');
    if (event.onBoardDate > today) invalid('onBoardDate', `must not be after today (${today})`);
  }
  const current = currentActuals(history).find((e) => scopeOf(e) === scopeOf(event));
  if (current && event.supersedesId !== current.id) {
    if (event.supersedesId) throw new DomainError('CONFLICT', `that is not the current record of ${label[event.milestone]}: correct the one of ${current.date}`);
    throw new DomainError('CONFLICT', `${label[event.milestone]} was recorded already (${current.date}); record a correction that supersedes it, with the reason`);
  }
  if (!current && event.supersedesId) {
    const target = history.find((e) => e.id === event.supersedesId);
    throw new DomainError('CONFLICT', target ? 'that event has been superseded already, or is not an actual of this milestone; correct the current one' : 'the event to supersede is not part of this shipment');
  }
  if (event.supersedesId && !event.reason?.trim()) invalid('reason', 'is required: say why the actual is corrected');

  const actuals = currentActuals([...history, event]);
  const find = (m: Milestone, container: string | null | undefined, same: boolean) =>
    actuals.filter((e) => e.milestone === m && (!same || (e.containerNumber ?? null) === (container ?? null)));
  for (const rule of lifecycle) {
    for (const later of actuals.filter((e) => e.milestone === rule.later)) {
      // Per-container rules bind container events only: an LCL shipment loads without a container of its own.
      if (rule.sameContainer && !later.containerNumber) continue;
      const earlier = find(rule.earlier, later.containerNumber, rule.sameContainer === true && dcsaCodes[rule.earlier].perContainer);
      const isNew = later.id === event.id || earlier.some((e) => e.id === event.id);
      if (!isNew) continue;
      if (earlier.length === 0) {
        if (rule.required && later.id === event.id) throw new DomainError('CONFLICT', `no ${label[rule.later].replace('the ', '')} before ${label[rule.earlier]}: record ${label[rule.earlier]} first`);
        continue;
      }
      const earliestLater = lifecycleDates(later).first;
      for (const e of earlier) {
        const latestEarlier = lifecycleDates(e).last;
        if (latestEarlier <= earliestLater) continue;
        if (later.id === event.id) invalid(event.milestone === 'BL_ISSUED' && event.onBoardDate === earliestLater ? 'onBoardDate' : 'date', `must not be before ${label[rule.earlier]} (${latestEarlier})`, `${label[rule.later]} before ${label[rule.earlier]}`);
        invalid('date', `must not be after ${label[rule.later]} (${earliestLater})`, `${label[rule.earlier]} after ${label[rule.later]}`);
      }
    }
  }
}

// ───────────────────────────── Derived state ─────────────────────────────

export const shipmentStatuses = ['PLANNED', 'BOOKED', 'DEPARTED', 'ARRIVED', 'DELIVERED', 'CANCELLED'] as const;
export type ShipmentStatus = (typeof shipmentStatuses)[number];

/** The shipment's status from its actuals: delivered, arrived (or discharged, released), departed (or loaded, B/L issued), booked, else planned. */
export function shipmentStatus(events: readonly ShipmentEventRecord[], cancelled = false): ShipmentStatus {
  if (cancelled) return 'CANCELLED';
  const has = new Set(currentActuals(events).map((e) => e.milestone));
  if (has.has('DELIVERED')) return 'DELIVERED';
  if (has.has('ARRIVED') || has.has('DISCHARGED') || has.has('RELEASED')) return 'ARRIVED';
  if (has.has('DEPARTED') || has.has('LOADED') || has.has('BL_ISSUED')) return 'DEPARTED';
  if (has.has('BOOKING_CONFIRMED') || has.has('CONTAINER_STUFFED') || has.has('GATED_IN')) return 'BOOKED';
  return 'PLANNED';
}

function latest(events: readonly ShipmentEventRecord[], milestone: Milestone, classifier: EventClassifier): ShipmentEventRecord | null {
  const list = classifier === 'ACT' ? currentActuals(events) : events;
  return list.filter((e) => e.milestone === milestone && e.classifier === classifier).reduce<ShipmentEventRecord | null>((best, e) => {
    if (!best) return e;
    if (classifier === 'ACT') return e.date > best.date ? e : best; // the last container to reach a milestone
    return e.recordedAt > best.recordedAt ? e : best;
  }, null);
}

/** One row of the tracker's timeline: planned, estimated and actual dates of a milestone, and whether it runs late. */
export type TimelineRow = {
  milestone: Milestone;
  planned: string | null;
  estimated: string | null;
  actual: string | null;
  /** The actual, else the estimate, else the plan. */
  expected: string | null;
  /** Expected minus planned, in days (positive: later than planned). */
  delayDays: number | null;
  /** Done later than planned, or not done and its expected date has passed. */
  late: boolean;
  /** For container milestones: how many of the shipment's containers have reached it. */
  containers: { done: number; of: number } | null;
};

/** The timeline of a shipment as of today: one row per milestone that has any event, in lifecycle order. */
export function shipmentTimeline(events: readonly ShipmentEventRecord[], today: string): TimelineRow[] {
  const containers = new Set(events.map((e) => e.containerNumber).filter((c): c is string => !!c));
  const actuals = currentActuals(events);
  return milestones
    .filter((m) => events.some((e) => e.milestone === m))
    .map((milestone) => {
      const planned = latest(events, milestone, 'PLN')?.date ?? null;
      const estimated = latest(events, milestone, 'EST')?.date ?? null;
      const actual = latest(events, milestone, 'ACT')?.date ?? null;
      const expected = actual ?? estimated ?? planned;
      const done = new Set(actuals.filter((e) => e.milestone === milestone && e.containerNumber).map((e) => e.containerNumber));
      return {
        milestone, planned, estimated, actual, expected,
        delayDays: expected && planned ? daysBetween(planned, expected) : null,
        late: actual ? planned !== null && actual > planned : expected !== null && expected < today,
        containers: dcsaCodes[milestone].perContainer && containers.size > 0 ? { done: done.size, of: containers.size } : null,
      };
    });
}

/** The date of shipment from the events: the B/L's on-board date, else its issue date (UCP 600 art. 20a-ii), else the vessel's actual departure; loading one container is not yet the shipment. */
export function actualShipmentDate(events: readonly ShipmentEventRecord[]): string | null {
  const bl = latest(events, 'BL_ISSUED', 'ACT');
  if (bl) return bl.onBoardDate ?? bl.date;
  return latest(events, 'DEPARTED', 'ACT')?.date ?? null;
}

/** Whether a shipment keeps the contract's latest shipment date: shipped on time or late, or not shipped yet and on time, at risk (expected after it) or late (the date has passed). */
export type Punctuality = { status: 'ON_TIME' | 'AT_RISK' | 'LATE'; shipmentDate: string | null; expectedShipmentDate: string | null; daysLate: number };

/** Punctuality against the latest shipment date (which never moves, UCP 600 art. 29c), as of today. */
export function shipmentPunctuality(events: readonly ShipmentEventRecord[], latestShipmentDate: string, today: string): Punctuality {
  const shipped = actualShipmentDate(events);
  if (shipped) return { status: shipped > latestShipmentDate ? 'LATE' : 'ON_TIME', shipmentDate: shipped, expectedShipmentDate: shipped, daysLate: Math.max(0, daysBetween(latestShipmentDate, shipped)) };
  const expected = latest(events, 'DEPARTED', 'EST')?.date ?? latest(events, 'DEPARTED', 'PLN')?.date ?? null;
  if (today > latestShipmentDate) return { status: 'LATE', shipmentDate: null, expectedShipmentDate: expected, daysLate: daysBetween(latestShipmentDate, today) };
  if (expected && expected > latestShipmentDate) return { status: 'AT_RISK', shipmentDate: null, expectedShipmentDate: expected, daysLate: daysBetween(latestShipmentDate, expected) };
  return { status: 'ON_TIME', shipmentDate: null, expectedShipmentDate: expected, daysLate: 0 };
}

/** The milestones the buyer's overview steps through (the others show on the timeline only). */
export const keyMilestones = ['PRODUCTION_STARTED', 'PRODUCTION_FINISHED', 'INSPECTION_PASSED', 'BOOKING_CONFIRMED', 'DEPARTED', 'ARRIVED', 'DELIVERED'] as const satisfies readonly Milestone[];

/** The next key milestone after the furthest one reached, with its expected date and whether that has passed; null once delivered. */
export function nextMilestone(events: readonly ShipmentEventRecord[], today: string): { milestone: Milestone; expected: string | null; overdue: boolean } | null {
  const reached = new Set(currentActuals(events).map((e) => e.milestone));
  let furthest = -1;
  keyMilestones.forEach((m, i) => {
    if (reached.has(m)) furthest = i;
  });
  const next = keyMilestones[furthest + 1];
  if (!next) return null;
  const expected = latest(events, next, 'EST')?.date ?? latest(events, next, 'PLN')?.date ?? null;
  return { milestone: next, expected, overdue: expected !== null && expected < today };
}

// ───────────────────────────── Quantities, tolerance, partial shipments ─────────────────────────────

/** Units that count goods as packing units or individual items (UCP 600 art. 30b: no ±5 % for them). An unknown unit counts as counted: no tolerance by default. */
const measuredUnits = new Set(['KG', 'KGS', 'G', 'MT', 'T', 'TON', 'TONS', 'TONNE', 'TONNES', 'LB', 'LBS', 'M', 'MTR', 'METER', 'METRE', 'METERS', 'METRES', 'M2', 'SQM', 'M3', 'CBM', 'L', 'LTR', 'LITER', 'LITRE', 'LITERS', 'LITRES', 'YD', 'YDS', 'YARD', 'YARDS', 'FT', 'FOOT', 'FEET']);

/** Whether a unit counts items or packing units (pc, set, carton, pair…) rather than measuring (kg, MT, m, m³, l…). */
export function isCountedUnit(unit: string): boolean {
  return !measuredUnits.has(unit.trim().toUpperCase().replace(/\.$/, ''));
}

export type ToleranceBasis = 'CONTRACT' | 'ABOUT' | 'UCP_30B' | 'NONE';

/** A contract line as the quantity rules need it; `about` when the contract says "about" or "approximately" for its quantity. */
export type ToleranceLine = { id: string; lineNo: number; quantity: DecimalLike; unit: string; about?: boolean };

/**
 * The more-or-less tolerance of a line: the contract's own clause; else ±10 % for a quantity said to
 * be "about" (UCP 600 art. 30a); else ±5 % for goods not counted in units (art. 30b); else none.
 */
export function quantityTolerance(line: Pick<ToleranceLine, 'unit' | 'about'>, moreOrLessPercent: string | null): { percent: string; basis: ToleranceBasis } {
  if (moreOrLessPercent !== null) return { percent: new Dec(moreOrLessPercent).toFixed(), basis: 'CONTRACT' };
  if (line.about) return { percent: '10', basis: 'ABOUT' };
  if (!isCountedUnit(line.unit)) return { percent: '5', basis: 'UCP_30B' };
  return { percent: '0', basis: 'NONE' };
}

/** The least and most a line may ship in all: its quantity ∓ its tolerance (3 decimals, as quantities are kept). */
export function quantityLimits(line: ToleranceLine, moreOrLessPercent: string | null): { min: string; max: string; percent: string; basis: ToleranceBasis } {
  const t = quantityTolerance(line, moreOrLessPercent);
  const q = new Dec(line.quantity);
  const delta = q.times(t.percent).div(100);
  return { min: q.minus(delta).toDecimalPlaces(3, Dec.ROUND_UP).toFixed(3), max: q.plus(delta).toDecimalPlaces(3, Dec.ROUND_DOWN).toFixed(3), percent: t.percent, basis: t.basis };
}

/** What the shipment rules need of the contract: partial shipment allowed, its more-or-less clause (percent, or null when it says nothing), its lines. */
export type QuantityContract = { partialShipmentAllowed: boolean; moreOrLessPercent: string | null; lines: readonly ToleranceLine[] };

/** A quantity of a contract line, shipped or proposed. */
export type LineQuantity = { contractLineId: string; quantity: DecimalLike };

/**
 * Per contract line: ordered; shipped (on shipments that have left); planned (on live shipments not
 * yet departed); the remaining quantity, on no shipment yet; how much more may still be put on a
 * shipment within the tolerance; and whether it is complete (shipped at least the least allowed).
 */
export type LineProgress = { contractLineId: string; lineNo: number; ordered: string; shipped: string; planned: string; remaining: string; mayStillShip: string; complete: boolean };

function shippedByLine(shipped: readonly LineQuantity[]): Map<string, Dec> {
  const m = new Map<string, Dec>();
  for (const s of shipped) m.set(s.contractLineId, (m.get(s.contractLineId) ?? new Dec(0)).plus(s.quantity));
  return m;
}

/**
 * The progress of each contract line from the quantities of its live (not cancelled) shipments:
 * `shipped`, those that have departed; `planned`, those not yet departed (planned or booked).
 */
export function lineProgress(contract: QuantityContract, shipped: readonly LineQuantity[], planned: readonly LineQuantity[] = []): LineProgress[] {
  const shippedOf = shippedByLine(shipped);
  const plannedOf = shippedByLine(planned);
  return contract.lines.map((l) => {
    const lim = quantityLimits(l, contract.moreOrLessPercent);
    const s = shippedOf.get(l.id) ?? new Dec(0);
    const p = plannedOf.get(l.id) ?? new Dec(0);
    const allotted = s.plus(p);
    return {
      contractLineId: l.id, lineNo: l.lineNo, ordered: new Dec(l.quantity).toFixed(3), shipped: s.toFixed(3), planned: p.toFixed(3),
      remaining: Dec.max(0, new Dec(l.quantity).minus(allotted)).toFixed(3), mayStillShip: Dec.max(0, new Dec(lim.max).minus(allotted)).toFixed(3), complete: s.gte(lim.min),
    };
  });
}

/**
 * Checks the quantities of a new shipment against the contract and what its other live shipments
 * carry: every line a line of the contract, once, above zero; never more in all than the contract
 * quantity plus its tolerance; and where partial shipment is not allowed, one shipment only, carrying
 * every line within its tolerance. Returns the fields at fault (`lines.N.quantity`…), empty when sound.
 */
export function shipmentQuantityErrors(contract: QuantityContract, otherShipments: readonly LineQuantity[], proposed: readonly LineQuantity[]): { field: string; message: string }[] {
  const errors: { field: string; message: string }[] = [];
  const lines = new Map(contract.lines.map((l) => [l.id, l]));
  const before = shippedByLine(otherShipments);
  const seen = new Set<string>();
  if (!contract.partialShipmentAllowed && otherShipments.some((s) => new Dec(s.quantity).gt(0))) {
    errors.push({ field: 'lines', message: 'partial shipment is not allowed by the contract, and it has a shipment already' });
  }
  proposed.forEach((p, i) => {
    const at = `lines.${i}`;
    const line = lines.get(p.contractLineId);
    if (!line) return errors.push({ field: `${at}.contractLineId`, message: 'is not a line of this contract' });
    if (seen.has(line.id)) return errors.push({ field: `${at}.contractLineId`, message: 'is named twice' });
    seen.add(line.id);
    const q = new Dec(p.quantity);
    if (!q.gt(0)) return errors.push({ field: `${at}.quantity`, message: 'must be greater than zero' });
    if (q.decimalPlaces() > 3) return errors.push({ field: `${at}.quantity`, message: 'has more than 3 decimal places' });
    const lim = quantityLimits(line, contract.moreOrLessPercent);
    const total = q.plus(before.get(line.id) ?? 0);
    const tol = lim.basis === 'NONE' ? 'no tolerance' : `${lim.percent} % tolerance${lim.basis === 'UCP_30B' ? ' (UCP 600 art. 30b)' : lim.basis === 'ABOUT' ? ' ("about", UCP 600 art. 30a)' : ''}`;
    if (total.gt(lim.max)) {
      const left = Dec.max(0, new Dec(lim.max).minus(before.get(line.id) ?? 0)).toFixed();
      errors.push({ field: `${at}.quantity`, message: `exceeds what line ${line.lineNo} may still ship: ${left} ${line.unit} (contract ${new Dec(line.quantity).toFixed()} ${line.unit}, ${tol})` });
    } else if (!contract.partialShipmentAllowed && total.lt(lim.min)) {
      errors.push({ field: `${at}.quantity`, message: `must be at least ${new Dec(lim.min).toFixed()} ${line.unit}: partial shipment is not allowed (contract ${new Dec(line.quantity).toFixed()} ${line.unit}, ${tol})` });
    }
  });
  if (!contract.partialShipmentAllowed) {
    contract.lines.forEach((l) => {
      if (!seen.has(l.id)) errors.push({ field: 'lines', message: `must include line ${l.lineNo}: partial shipment is not allowed, the shipment carries the whole contract` });
    });
  }
  return errors;
}

// ───────────────────────────── Containers (ISO 6346) ─────────────────────────────

/** ISO 6346 letter values: A = 10, skipping 11 and its multiples (B = 12 … Z = 38). */
function letterValue(ch: string): number {
  let v = 10;
  for (let c = 'A'.charCodeAt(0); c < ch.charCodeAt(0); c++) {
    v++;
    if (v % 11 === 0) v++;
  }
  return v;
}

/** The ISO 6346 check digit of an owner code, category and serial ("CSQU305438" → 3): Σ value × 2^position, mod 11, 10 → 0. */
export function containerCheckDigit(first10: string): number {
  const s = first10.toUpperCase();
  if (!/^[A-Z]{3}[UJZ]\d{6}$/.test(s)) throw new RangeError(`not an owner code, category and serial: ${first10}`);
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    const ch = s[i]!;
    sum += (ch >= 'A' ? letterValue(ch) : Number(ch)) * 2 ** i;
  }
  return (sum % 11) % 10;
}

/** A container number without spaces or dashes, in capitals ("csqu 305438-3" → "CSQU3054383"). */
export function compactContainerNumber(value: string): string {
  return value.replace(/[\s-]/g, '').toUpperCase();
}

/** Whether a container number is ISO 6346: three-letter owner code, category U, J or Z, six-digit serial, and the right check digit. */
export function isContainerNumber(value: string): boolean {
  const s = compactContainerNumber(value);
  return /^[A-Z]{3}[UJZ]\d{7}$/.test(s) && containerCheckDigit(s.slice(0, 10)) === Number(s[10]);
}

/** The container number in its compact form; VALIDATION naming the field when it is not ISO 6346 (with the check digit it should have). */
export function assertContainerNumber(value: string, field = 'containerNumber'): string {
  const s = compactContainerNumber(value);
  if (!/^[A-Z]{3}[UJZ]\d{7}$/.test(s)) invalid(field, 'must be an ISO 6346 container number: owner code (3 letters), U, J or Z, 6 digits and the check digit', 'not a container number');
  const check = containerCheckDigit(s.slice(0, 10));
  if (check !== Number(s[10])) invalid(field, `has a wrong check digit: ${s.slice(0, 10)} takes ${check} (ISO 6346)`, 'wrong container check digit');
  return s;
}

/** A container size/type as ISO 6346 codes it, with its everyday name and typical figures for sanity checks. */
export type ContainerSizeType = {
  code: string;
  name: string;
  lengthFt: 20 | 40 | 45;
  highCube: boolean;
  group: 'GENERAL' | 'REEFER' | 'OPEN_TOP' | 'FLAT_RACK';
  /** Typical internal volume (m³); null for flat racks. */
  internalCbm: string | null;
  /** Typical tare (kg). */
  tareKg: string;
  /** The costing module's container for freight, where the type is one it prices. */
  costingType: ContainerType | null;
};

// Typical figures of ISO series 1 boxes (volumes and tares vary a little by builder: sanity checks only).
const sizeTypes: readonly ContainerSizeType[] = [
  { code: '22G1', name: '20GP', lengthFt: 20, highCube: false, group: 'GENERAL', internalCbm: '33.2', tareKg: '2200', costingType: '20GP' },
  { code: '42G1', name: '40GP', lengthFt: 40, highCube: false, group: 'GENERAL', internalCbm: '67.7', tareKg: '3750', costingType: '40GP' },
  { code: '45G1', name: '40HC', lengthFt: 40, highCube: true, group: 'GENERAL', internalCbm: '76.3', tareKg: '3900', costingType: '40HQ' },
  { code: 'L5G1', name: '45HC', lengthFt: 45, highCube: true, group: 'GENERAL', internalCbm: '86.0', tareKg: '4800', costingType: null },
  { code: '22R1', name: '20RF', lengthFt: 20, highCube: false, group: 'REEFER', internalCbm: '28.3', tareKg: '3000', costingType: null },
  { code: '45R1', name: '40RH', lengthFt: 40, highCube: true, group: 'REEFER', internalCbm: '67.9', tareKg: '4600', costingType: null },
  { code: '22U1', name: '20OT', lengthFt: 20, highCube: false, group: 'OPEN_TOP', internalCbm: '32.5', tareKg: '2300', costingType: null },
  { code: '42U1', name: '40OT', lengthFt: 40, highCube: false, group: 'OPEN_TOP', internalCbm: '66.0', tareKg: '3850', costingType: null },
  { code: '22P1', name: '20FR', lengthFt: 20, highCube: false, group: 'FLAT_RACK', internalCbm: null, tareKg: '2900', costingType: null },
  { code: '42P1', name: '40FR', lengthFt: 40, highCube: false, group: 'FLAT_RACK', internalCbm: null, tareKg: '5000', costingType: null },
];
// Older or variant codes that name the same boxes (G0: openings at one or both ends).
const sizeTypeAliases: Readonly<Record<string, string>> = { '22G0': '22G1', '42G0': '42G1', '45G0': '45G1', L5G0: 'L5G1', '22R0': '22R1', '45R0': '45R1', '22U0': '22U1', '42U0': '42U1' };

/** The ISO 6346 size/type codes the portal knows (22G1 = 20GP, 42G1 = 40GP, 45G1 = 40HC, L5G1 = 45HC, reefers, open tops, flat racks). */
export const containerSizeTypeCodes = sizeTypes.map((t) => t.code);

/** A size/type from its ISO 6346 code or everyday name ("45G1" or "40HC"); VALIDATION naming the field when unknown. */
export function containerSizeType(codeOrName: string, field = 'sizeType'): ContainerSizeType {
  const key = codeOrName.trim().toUpperCase();
  const code = sizeTypeAliases[key] ?? key;
  const found = sizeTypes.find((t) => t.code === code || t.name === key || (key === '40HQ' && t.name === '40HC'));
  if (!found) invalid(field, `is not a known ISO 6346 size/type code: use one of ${containerSizeTypeCodes.join(', ')}`, 'unknown container size/type');
  return found;
}

/** A stuffed container's figures: cargo gross weight and volume, and the VGM declared for it (SOLAS VI/2); optionally the tare and maximum gross mass from its CSC plate. */
export type ContainerLoad = { sizeType: string; cargoGrossKg: DecimalLike; cbm: DecimalLike; vgmKg: DecimalLike | null; tareKg?: DecimalLike | null; maxGrossKg?: DecimalLike | null };

/** The ISO 668 rating of series 1 containers, when the CSC plate's maximum gross mass is not given. */
export const DEFAULT_MAX_GROSS_KG = '30480';

/**
 * Sanity of a stuffed container: positive weights and volume; the volume within the box's internal
 * volume; the VGM above the cargo (it includes the tare) and not above the maximum gross mass.
 * Warnings, not errors: volume beyond what is usable in practice (the costing capacities), a VGM
 * more than 5 % away from cargo + tare (SOLAS VGM method 2 adds them up).
 */
export function containerLoadCheck(load: ContainerLoad): { errors: { field: string; message: string }[]; warnings: { field: string; message: string }[] } {
  const errors: { field: string; message: string }[] = [];
  const warnings: { field: string; message: string }[] = [];
  const type = containerSizeType(load.sizeType);
  const gross = new Dec(load.cargoGrossKg);
  const cbm = new Dec(load.cbm);
  if (!gross.gt(0)) errors.push({ field: 'cargoGrossKg', message: 'must be greater than zero' });
  if (!cbm.gt(0)) errors.push({ field: 'cbm', message: 'must be greater than zero' });
  if (type.internalCbm && cbm.gt(type.internalCbm)) errors.push({ field: 'cbm', message: `${cbm.toFixed()} m³ does not fit a ${type.name} (about ${type.internalCbm} m³ inside)` });
  else if (type.costingType && cbm.gt(containerSpecs[type.costingType].capacityCbm)) warnings.push({ field: 'cbm', message: `${cbm.toFixed()} m³ is more than a ${type.name} usually takes (${containerSpecs[type.costingType].capacityCbm} m³)` });
  const maxGross = new Dec(load.maxGrossKg ?? DEFAULT_MAX_GROSS_KG);
  const tare = new Dec(load.tareKg ?? type.tareKg);
  if (gross.plus(tare).gt(maxGross)) errors.push({ field: 'cargoGrossKg', message: `${gross.toFixed()} kg with the tare of ${tare.toFixed()} kg exceeds the maximum gross mass of ${maxGross.toFixed()} kg` });
  if (load.vgmKg !== null) {
    const vgm = new Dec(load.vgmKg);
    if (!vgm.gt(gross)) errors.push({ field: 'vgmKg', message: `must be more than the cargo's ${gross.toFixed()} kg: the verified gross mass includes the container's tare` });
    else if (vgm.gt(maxGross)) errors.push({ field: 'vgmKg', message: `exceeds the maximum gross mass of ${maxGross.toFixed()} kg` });
    else if (vgm.minus(gross.plus(tare)).abs().gt(gross.plus(tare).times('0.05'))) {
      warnings.push({ field: 'vgmKg', message: `${vgm.toFixed()} kg differs by more than 5 % from cargo + tare (${gross.plus(tare).toFixed()} kg)` });
    }
  }
  return { errors, warnings };
}

// ───────────────────────────── Commercial invoice and packing list ─────────────────────────────

/** Cartons for a quantity at so many units per carton: whole cartons, the last one possibly part-filled. */
export function cartonsFor(quantity: DecimalLike, unitsPerCarton: number): number {
  if (!Number.isInteger(unitsPerCarton) || unitsPerCarton < 1) throw new RangeError(`units per carton must be a whole number ≥ 1, not ${unitsPerCarton}`);
  return new Dec(quantity).div(unitsPerCarton).ceil().toNumber();
}

/** A line of the packing list: the goods, the cartons, per-carton weights and volume, and the container it is stuffed in (null for LCL). */
export type PackingLine = { lineNo: number; quantity: DecimalLike; cartons: number; netKgPerCarton: DecimalLike | null; grossKgPerCarton: DecimalLike; cbmPerCarton: DecimalLike; containerNumber: string | null };

/** Totals of a packing list part: cartons, net and gross kg (2 decimals), m³ (3 decimals). */
export type PackingTotals = { cartons: number; netKg: string | null; grossKg: string; cbm: string };

/** Carton volume in m³ from outside dimensions in cm. */
export function cartonCbm(lengthCm: DecimalLike, widthCm: DecimalLike, heightCm: DecimalLike): Dec {
  return new Dec(lengthCm).times(widthCm).times(heightCm).div(1_000_000);
}

/**
 * The packing list's figures per line, per container and in all: each line rounded (kg to 2, m³ to
 * 3 decimals) and the totals added up from the rounded lines, so the printed columns add up. Net
 * weight stays unknown (null) where a line has none.
 */
export function packingTotals(lines: readonly PackingLine[]): { lines: (PackingTotals & { lineNo: number })[]; containers: (PackingTotals & { containerNumber: string | null })[]; total: PackingTotals } {
  const rows = lines.map((l, i) => {
    if (!Number.isInteger(l.cartons) || l.cartons < 0) throw new RangeError(`line ${l.lineNo}: cartons must be a whole number ≥ 0`);
    if (l.netKgPerCarton !== null && new Dec(l.netKgPerCarton).gt(l.grossKgPerCarton)) invalid(`lines.${i}.netKgPerCarton`, 'must not exceed the gross weight per carton');
    return {
      lineNo: l.lineNo,
      containerNumber: l.containerNumber,
      cartons: l.cartons,
      net: l.netKgPerCarton === null ? null : new Dec(l.netKgPerCarton).times(l.cartons).toDecimalPlaces(2, Dec.ROUND_HALF_UP),
      gross: new Dec(l.grossKgPerCarton).times(l.cartons).toDecimalPlaces(2, Dec.ROUND_HALF_UP),
      cbm: new Dec(l.cbmPerCarton).times(l.cartons).toDecimalPlaces(3, Dec.ROUND_HALF_UP),
    };
  });
  const add = (part: typeof rows): PackingTotals => ({
    cartons: part.reduce((s, r) => s + r.cartons, 0),
    netKg: part.some((r) => r.net === null) ? null : part.reduce((s, r) => s.plus(r.net!), new Dec(0)).toFixed(2),
    grossKg: part.reduce((s, r) => s.plus(r.gross), new Dec(0)).toFixed(2),
    cbm: part.reduce((s, r) => s.plus(r.cbm), new Dec(0)).toFixed(3),
  });
  const containers = [...new Set(rows.map((r) => r.containerNumber))].map((c) => ({ containerNumber: c, ...add(rows.filter((r) => r.containerNumber === c)) }));
  return { lines: rows.map((r) => ({ lineNo: r.lineNo, ...add([r]) })), containers, total: add(rows) };
}

/**
 * The commercial invoice's amounts: each line quantity × unit price rounded to the currency, the
 * total as the sum of the rounded lines (as on the PI), and the total in words ("SAY US DOLLARS …
 * ONLY", with cents).
 */
export function commercialInvoiceTotals(lines: readonly { quantity: DecimalLike; unitPrice: DecimalLike }[], currency: string): { amounts: string[]; total: string; inWords: string } {
  const { amounts, total } = quoteTotals(lines, currency);
  return { amounts, total, inWords: amountInWords(total, currency) };
}
