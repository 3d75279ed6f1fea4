import { describe, expect, it } from 'vitest';
import {
  type QuantityContract, type ShipmentEventRecord, actualShipmentDate, assertCanRecordEvent, assertContainerNumber, cartonCbm, cartonsFor, commercialInvoiceTotals,
  containerCheckDigit, containerLoadCheck, containerSizeType, currentActuals, dcsaCodes, isContainerNumber, isCountedUnit, lineProgress, milestoneOfDcsaEvent,
  nextMilestone, packingTotals, quantityLimits, quantityTolerance, shipmentPunctuality, shipmentQuantityErrors, shipmentStatus, shipmentTimeline,
} from './shipments.ts';
import { refusal } from './testing.ts';

let seq = 0;
const ev = (milestone: ShipmentEventRecord['milestone'], classifier: ShipmentEventRecord['classifier'], date: string, over: Partial<ShipmentEventRecord> = {}): ShipmentEventRecord => ({
  id: `e${++seq}`, milestone, classifier, date, recordedAt: `2025-01-01T00:00:${String(seq % 60).padStart(2, '0')}.${String(seq).padStart(3, '0')}Z`, ...over,
});

describe('DCSA Track & Trace 2.2 vocabulary', () => {
  it('uses the DCSA codes where DCSA has them, and PRODUCTION events where it has none', () => {
    expect(dcsaCodes.BOOKING_CONFIRMED).toMatchObject({ eventType: 'SHIPMENT', code: 'CONF', documentTypeCode: 'BKG' });
    expect(dcsaCodes.BOOKING_REQUESTED).toMatchObject({ eventType: 'SHIPMENT', code: 'RECE', documentTypeCode: 'CBR' });
    expect(dcsaCodes.CONTAINER_STUFFED).toMatchObject({ eventType: 'EQUIPMENT', code: 'STUF', perContainer: true });
    expect(dcsaCodes.DEPARTED).toMatchObject({ eventType: 'TRANSPORT', code: 'DEPA' });
    expect(dcsaCodes.BL_ISSUED).toMatchObject({ eventType: 'SHIPMENT', code: 'ISSU', documentTypeCode: 'TRD' });
    expect(dcsaCodes.INSPECTION_PASSED.eventType).toBe('PRODUCTION');
  });

  it('maps a carrier\'s events onto milestones, and leaves out empty moves, transhipment calls and document drafts', () => {
    expect(milestoneOfDcsaEvent({ eventType: 'SHIPMENT', eventTypeCode: 'CONF', documentTypeCode: 'BKG', at: 'OTHER' })).toBe('BOOKING_CONFIRMED');
    expect(milestoneOfDcsaEvent({ eventType: 'EQUIPMENT', eventTypeCode: 'STUF', emptyIndicatorCode: 'LADEN', at: 'LOADING' })).toBe('CONTAINER_STUFFED');
    expect(milestoneOfDcsaEvent({ eventType: 'EQUIPMENT', eventTypeCode: 'LOAD', emptyIndicatorCode: 'LADEN', at: 'LOADING' })).toBe('LOADED');
    expect(milestoneOfDcsaEvent({ eventType: 'TRANSPORT', eventTypeCode: 'DEPA', at: 'LOADING' })).toBe('DEPARTED');
    expect(milestoneOfDcsaEvent({ eventType: 'SHIPMENT', eventTypeCode: 'ISSU', documentTypeCode: 'TRD', at: 'OTHER' })).toBe('BL_ISSUED');
    expect(milestoneOfDcsaEvent({ eventType: 'TRANSPORT', eventTypeCode: 'ARRI', at: 'DISCHARGE' })).toBe('ARRIVED');
    expect(milestoneOfDcsaEvent({ eventType: 'EQUIPMENT', eventTypeCode: 'DISC', emptyIndicatorCode: 'LADEN', at: 'DISCHARGE' })).toBe('DISCHARGED');
    expect(milestoneOfDcsaEvent({ eventType: 'SHIPMENT', eventTypeCode: 'RELS', documentTypeCode: 'SRM', at: 'OTHER' })).toBe('RELEASED');
    expect(milestoneOfDcsaEvent({ eventType: 'EQUIPMENT', eventTypeCode: 'GTOT', emptyIndicatorCode: 'LADEN', at: 'DISCHARGE' })).toBe('DELIVERED');
    // Not on the tracker: the empty box leaving the depot, a call at a transhipment port, a drafted shipping instruction.
    expect(milestoneOfDcsaEvent({ eventType: 'EQUIPMENT', eventTypeCode: 'GTOT', emptyIndicatorCode: 'EMPTY', at: 'LOADING' })).toBeNull();
    expect(milestoneOfDcsaEvent({ eventType: 'TRANSPORT', eventTypeCode: 'ARRI', at: 'OTHER' })).toBeNull();
    expect(milestoneOfDcsaEvent({ eventType: 'SHIPMENT', eventTypeCode: 'DRFT', documentTypeCode: 'SHI', at: 'OTHER' })).toBeNull();
  });
});

describe('the shipment lifecycle', () => {
  const today = '2025-04-20';
  const box = 'CSQU3054383';
  const booked = [ev('PRODUCTION_STARTED', 'ACT', '2025-03-01'), ev('BOOKING_CONFIRMED', 'ACT', '2025-03-20'), ev('DEPARTED', 'PLN', '2025-04-05')];

  it('refuses a departure before the booking, and an arrival before the departure', () => {
    expect(refusal(() => assertCanRecordEvent([], ev('DEPARTED', 'ACT', '2025-04-05'), today)).message).toBe('no departure before the booking: record the booking first');
    expect(refusal(() => assertCanRecordEvent(booked, ev('ARRIVED', 'ACT', '2025-04-15'), today)).message).toBe('no arrival before the departure: record the departure first');
    const departed = [...booked, ev('DEPARTED', 'ACT', '2025-04-06')];
    expect(refusal(() => assertCanRecordEvent(departed, ev('ARRIVED', 'ACT', '2025-04-05'), today)).fields).toEqual([{ field: 'date', message: 'must not be before the departure (2025-04-06)' }]);
    expect(() => assertCanRecordEvent(departed, ev('ARRIVED', 'ACT', '2025-04-18'), today)).not.toThrow();
    expect(refusal(() => assertCanRecordEvent(booked, ev('DEPARTED', 'ACT', '2025-03-19'), today)).fields?.[0]).toEqual({ field: 'date', message: 'must not be before the booking (2025-03-20)' });
  });

  it('refuses a B/L dated in the future or before the booking, and one without its on-board date', () => {
    expect(refusal(() => assertCanRecordEvent(booked, ev('BL_ISSUED', 'ACT', '2025-04-21', { onBoardDate: '2025-04-06' }), today)).fields?.[0]?.field).toBe('date');
    expect(refusal(() => assertCanRecordEvent(booked, ev('BL_ISSUED', 'ACT', '2025-04-06', { onBoardDate: '2025-03-19' }), today)).fields).toEqual([{ field: 'onBoardDate', message: 'must not be before the booking (2025-03-20)' }]);
    expect(refusal(() => assertCanRecordEvent(booked, ev('BL_ISSUED', 'ACT', '2025-03-19', { onBoardDate: '2025-03-19' }), today)).fields?.[0]?.message).toBe('must not be before the booking (2025-03-20)');
    expect(refusal(() => assertCanRecordEvent(booked, ev('BL_ISSUED', 'ACT', '2025-04-06'), today)).fields?.[0]?.field).toBe('onBoardDate');
    expect(() => assertCanRecordEvent(booked, ev('BL_ISSUED', 'ACT', '2025-04-07', { onBoardDate: '2025-04-06' }), today)).not.toThrow();
  });

  it('accepts plans and estimates in the future, and revises them without ceremony', () => {
    expect(() => assertCanRecordEvent(booked, ev('ARRIVED', 'EST', '2025-05-20'), today)).not.toThrow();
    expect(() => assertCanRecordEvent(booked, ev('DEPARTED', 'EST', '2025-04-09'), today)).not.toThrow();
    expect(refusal(() => assertCanRecordEvent(booked, ev('DEPARTED', 'EST', '2025-04-09', { supersedesId: booked[2]!.id }), today)).fields?.[0]?.field).toBe('supersedesId');
  });

  it('corrects an actual only by a new actual that supersedes it, with the reason; both stay in the history', () => {
    const departed = ev('DEPARTED', 'ACT', '2025-04-06');
    const history = [...booked, departed];
    expect(refusal(() => assertCanRecordEvent(history, ev('DEPARTED', 'ACT', '2025-04-07'), today)).message).toMatch(/recorded already \(2025-04-06\); record a correction that supersedes it/);
    expect(refusal(() => assertCanRecordEvent(history, ev('DEPARTED', 'ACT', '2025-04-07', { supersedesId: departed.id }), today)).fields?.[0]?.field).toBe('reason');
    const fix = ev('DEPARTED', 'ACT', '2025-04-07', { supersedesId: departed.id, reason: 'vessel sailed after midnight; carrier corrected the ATD' });
    expect(() => assertCanRecordEvent(history, fix, today)).not.toThrow();
    const after = [...history, fix];
    expect(currentActuals(after).find((e) => e.milestone === 'DEPARTED')?.date).toBe('2025-04-07');
    expect(after).toContain(departed);
    expect(refusal(() => assertCanRecordEvent(after, ev('DEPARTED', 'ACT', '2025-04-08', { supersedesId: departed.id, reason: 'again' }), today)).message).toBe('that is not the current record of the departure: correct the one of 2025-04-07');
    expect(refusal(() => assertCanRecordEvent(booked, ev('ARRIVED', 'ACT', '2025-04-08', { supersedesId: 'nope', reason: 'x' }), today)).message).toBe('the event to supersede is not part of this shipment');
  });

  it('refuses a correction that breaks the order with later milestones', () => {
    const history = [...booked, ev('DEPARTED', 'ACT', '2025-04-06')];
    const booking = history[1]!;
    expect(refusal(() => assertCanRecordEvent(history, ev('BOOKING_CONFIRMED', 'ACT', '2025-04-10', { supersedesId: booking.id, reason: 'typo' }), today)).fields).toEqual([
      { field: 'date', message: 'must not be after the departure (2025-04-06)' },
    ]);
  });

  it('keeps container milestones per container: each box stuffed before it is loaded, with a valid ISO 6346 number', () => {
    expect(refusal(() => assertCanRecordEvent(booked, ev('LOADED', 'ACT', '2025-04-05', { containerNumber: box }), today)).message).toBe('no loading before the stuffing: record the stuffing first');
    const stuffed = [...booked, ev('CONTAINER_STUFFED', 'ACT', '2025-04-02', { containerNumber: box })];
    expect(() => assertCanRecordEvent(stuffed, ev('LOADED', 'ACT', '2025-04-05', { containerNumber: box }), today)).not.toThrow();
    expect(() => assertCanRecordEvent(stuffed, ev('CONTAINER_STUFFED', 'ACT', '2025-04-03', { containerNumber: 'APZU4812090' }), today)).not.toThrow();
    expect(refusal(() => assertCanRecordEvent(stuffed, ev('CONTAINER_STUFFED', 'ACT', '2025-04-03', { containerNumber: 'CSQU3054384' }), today)).fields?.[0]?.field).toBe('containerNumber');
    expect(refusal(() => assertCanRecordEvent(stuffed, ev('DEPARTED', 'ACT', '2025-04-06', { containerNumber: box }), today)).fields?.[0]?.field).toBe('containerNumber');
    // An LCL shipment is loaded without a container of the exporter's.
    expect(() => assertCanRecordEvent(booked, ev('LOADED', 'ACT', '2025-04-05'), today)).not.toThrow();
  });
});

describe('derived state, timeline and punctuality', () => {
  const box1 = 'CSQU3054383';
  const box2 = 'MEDU8707688';
  const events = [
    ev('PRODUCTION_STARTED', 'ACT', '2025-02-20'),
    ev('PRODUCTION_FINISHED', 'PLN', '2025-03-20'),
    ev('PRODUCTION_FINISHED', 'ACT', '2025-03-24'),
    ev('BOOKING_CONFIRMED', 'ACT', '2025-03-25'),
    ev('CONTAINER_STUFFED', 'ACT', '2025-04-01', { containerNumber: box1 }),
    ev('CONTAINER_STUFFED', 'ACT', '2025-04-02', { containerNumber: box2 }),
    ev('LOADED', 'ACT', '2025-04-05', { containerNumber: box1 }),
    ev('DEPARTED', 'PLN', '2025-04-05'),
    ev('DEPARTED', 'EST', '2025-04-07'),
    ev('DEPARTED', 'EST', '2025-04-09'),
    ev('ARRIVED', 'PLN', '2025-05-10'),
  ];

  it('derives the status from the actuals', () => {
    expect(shipmentStatus([])).toBe('PLANNED');
    expect(shipmentStatus(events.slice(0, 4))).toBe('BOOKED');
    expect(shipmentStatus(events)).toBe('DEPARTED');
    expect(shipmentStatus([...events, ev('ARRIVED', 'ACT', '2025-05-12')])).toBe('ARRIVED');
    expect(shipmentStatus([...events, ev('DELIVERED', 'ACT', '2025-05-15')])).toBe('DELIVERED');
    expect(shipmentStatus(events, true)).toBe('CANCELLED');
  });

  it('shows planned, estimated and actual per milestone, the latest estimate winning, and what runs late', () => {
    const rows = shipmentTimeline(events, '2025-04-08');
    const row = (m: string) => rows.find((r) => r.milestone === m)!;
    expect(rows.map((r) => r.milestone)).toEqual(['PRODUCTION_STARTED', 'PRODUCTION_FINISHED', 'BOOKING_CONFIRMED', 'CONTAINER_STUFFED', 'LOADED', 'DEPARTED', 'ARRIVED']);
    expect(row('PRODUCTION_FINISHED')).toMatchObject({ planned: '2025-03-20', actual: '2025-03-24', delayDays: 4, late: true });
    expect(row('DEPARTED')).toMatchObject({ planned: '2025-04-05', estimated: '2025-04-09', actual: null, expected: '2025-04-09', delayDays: 4, late: false });
    expect(row('LOADED').containers).toEqual({ done: 1, of: 2 });
    expect(row('CONTAINER_STUFFED')).toMatchObject({ actual: '2025-04-02', containers: { done: 2, of: 2 } });
    expect(shipmentTimeline(events, '2025-04-10').find((r) => r.milestone === 'DEPARTED')!.late).toBe(true);
  });

  it('measures punctuality against the latest shipment date, which does not move', () => {
    expect(shipmentPunctuality(events, '2025-04-10', '2025-04-08')).toEqual({ status: 'ON_TIME', shipmentDate: null, expectedShipmentDate: '2025-04-09', daysLate: 0 });
    expect(shipmentPunctuality(events, '2025-04-08', '2025-04-08')).toEqual({ status: 'AT_RISK', shipmentDate: null, expectedShipmentDate: '2025-04-09', daysLate: 1 });
    expect(shipmentPunctuality(events, '2025-04-08', '2025-04-12')).toMatchObject({ status: 'LATE', daysLate: 4 });
    expect(actualShipmentDate(events)).toBeNull(); // one container loaded is not yet the shipment
    expect(actualShipmentDate([...events, ev('DEPARTED', 'ACT', '2025-04-08')])).toBe('2025-04-08');
    const shipped = [...events, ev('BL_ISSUED', 'ACT', '2025-04-10', { onBoardDate: '2025-04-09' })];
    expect(actualShipmentDate(shipped)).toBe('2025-04-09');
    expect(shipmentPunctuality(shipped, '2025-04-08', '2025-04-20')).toEqual({ status: 'LATE', shipmentDate: '2025-04-09', expectedShipmentDate: '2025-04-09', daysLate: 1 });
    expect(shipmentPunctuality(shipped, '2025-04-30', '2025-04-20').status).toBe('ON_TIME');
  });

  it('names the next key milestone after the furthest reached', () => {
    expect(nextMilestone(events, '2025-04-08')).toEqual({ milestone: 'DEPARTED', expected: '2025-04-09', overdue: false });
    expect(nextMilestone([ev('BOOKING_CONFIRMED', 'ACT', '2025-03-25')], '2025-04-08')).toMatchObject({ milestone: 'DEPARTED', expected: null });
    expect(nextMilestone([], '2025-04-08')?.milestone).toBe('PRODUCTION_STARTED');
    expect(nextMilestone([ev('DELIVERED', 'ACT', '2025-05-15')], '2025-06-01')).toBeNull();
  });
});

describe('quantity tolerance and partial shipments', () => {
  it('takes the contract\'s clause, else ±10 % for "about" (UCP 600 art. 30a), else ±5 % for goods not counted in units (art. 30b)', () => {
    expect(quantityTolerance({ unit: 'pc' }, '3')).toEqual({ percent: '3', basis: 'CONTRACT' });
    expect(quantityTolerance({ unit: 'pc', about: true }, null)).toEqual({ percent: '10', basis: 'ABOUT' });
    expect(quantityTolerance({ unit: 'MT' }, null)).toEqual({ percent: '5', basis: 'UCP_30B' });
    expect(quantityTolerance({ unit: 'set' }, null)).toEqual({ percent: '0', basis: 'NONE' });
    expect(isCountedUnit('pcs')).toBe(true);
    expect(isCountedUnit('cartons')).toBe(true);
    expect(isCountedUnit('kgs.')).toBe(false);
    expect(isCountedUnit('m3')).toBe(false);
  });

  it('allows 1,900–2,100 MT on a credit for 2,000 MT without a more-or-less clause (UCP 600 art. 30b exam example)', () => {
    expect(quantityLimits({ id: 'l', lineNo: 1, quantity: '2000', unit: 'MT' }, null)).toEqual({ min: '1900.000', max: '2100.000', percent: '5', basis: 'UCP_30B' });
    expect(quantityLimits({ id: 'l', lineNo: 1, quantity: '1000', unit: 'pc', about: true }, null)).toMatchObject({ min: '900.000', max: '1100.000' });
    expect(quantityLimits({ id: 'l', lineNo: 1, quantity: '12000', unit: 'pc' }, '3')).toMatchObject({ min: '11640.000', max: '12360.000' });
    expect(quantityLimits({ id: 'l', lineNo: 1, quantity: '5000', unit: 'pc' }, null)).toMatchObject({ min: '5000.000', max: '5000.000' });
  });

  const partial: QuantityContract = {
    partialShipmentAllowed: true,
    moreOrLessPercent: null,
    lines: [{ id: 'a', lineNo: 1, quantity: '6000', unit: 'pc' }, { id: 'b', lineNo: 2, quantity: '20.5', unit: 'MT' }],
  };

  it('lets partial shipments add up to the contract quantity plus tolerance, and no more', () => {
    const first = [{ contractLineId: 'a', quantity: '2400' }, { contractLineId: 'b', quantity: '10' }];
    expect(shipmentQuantityErrors(partial, [], first)).toEqual([]);
    expect(shipmentQuantityErrors(partial, first, [{ contractLineId: 'a', quantity: '3600' }, { contractLineId: 'b', quantity: '11.525' }])).toEqual([]);
    expect(shipmentQuantityErrors(partial, first, [{ contractLineId: 'a', quantity: '3601' }, { contractLineId: 'b', quantity: '11.526' }])).toEqual([
      { field: 'lines.0.quantity', message: 'exceeds what line 1 may still ship: 3600 pc (contract 6000 pc, no tolerance)' },
      { field: 'lines.1.quantity', message: 'exceeds what line 2 may still ship: 11.525 MT (contract 20.5 MT, 5 % tolerance (UCP 600 art. 30b))' },
    ]);
  });

  it('names unknown or repeated lines and quantities of zero', () => {
    expect(shipmentQuantityErrors(partial, [], [{ contractLineId: 'x', quantity: '1' }, { contractLineId: 'a', quantity: '0' }, { contractLineId: 'b', quantity: '1' }, { contractLineId: 'b', quantity: '1' }])).toEqual([
      { field: 'lines.0.contractLineId', message: 'is not a line of this contract' },
      { field: 'lines.1.quantity', message: 'must be greater than zero' },
      { field: 'lines.3.contractLineId', message: 'is named twice' },
    ]);
  });

  it('where partial shipment is not allowed: one shipment with every line within its tolerance', () => {
    const whole: QuantityContract = { ...partial, partialShipmentAllowed: false };
    expect(shipmentQuantityErrors(whole, [], [{ contractLineId: 'a', quantity: '6000' }, { contractLineId: 'b', quantity: '19.475' }])).toEqual([]);
    expect(shipmentQuantityErrors(whole, [], [{ contractLineId: 'a', quantity: '6000' }])).toEqual([{ field: 'lines', message: 'must include line 2: partial shipment is not allowed, the shipment carries the whole contract' }]);
    expect(shipmentQuantityErrors(whole, [], [{ contractLineId: 'a', quantity: '5999' }, { contractLineId: 'b', quantity: '20.5' }])[0]).toEqual({
      field: 'lines.0.quantity', message: 'must be at least 6000 pc: partial shipment is not allowed (contract 6000 pc, no tolerance)',
    });
    expect(shipmentQuantityErrors(whole, [{ contractLineId: 'a', quantity: '6000' }], [{ contractLineId: 'b', quantity: '20.5' }])[0]).toEqual({
      field: 'lines', message: 'partial shipment is not allowed by the contract, and it has a shipment already',
    });
  });

  it('shows the remaining quantity per line and whether it is complete within tolerance', () => {
    expect(lineProgress(partial, [{ contractLineId: 'a', quantity: '2400' }, { contractLineId: 'b', quantity: '19.5' }])).toEqual([
      { contractLineId: 'a', lineNo: 1, ordered: '6000.000', shipped: '2400.000', planned: '0.000', remaining: '3600.000', mayStillShip: '3600.000', complete: false },
      { contractLineId: 'b', lineNo: 2, ordered: '20.500', shipped: '19.500', planned: '0.000', remaining: '1.000', mayStillShip: '2.025', complete: true },
    ]);
  });

  it('counts a shipment not yet departed as planned, not shipped: nothing remains to plan, yet the line is not complete', () => {
    expect(lineProgress(partial, [{ contractLineId: 'a', quantity: '2400' }], [{ contractLineId: 'a', quantity: '3600' }])[0]).toEqual(
      { contractLineId: 'a', lineNo: 1, ordered: '6000.000', shipped: '2400.000', planned: '3600.000', remaining: '0.000', mayStillShip: '0.000', complete: false },
    );
  });
});

describe('containers (ISO 6346)', () => {
  it('computes the check digit: CSQU305438 → 3 (ISO 6346 worked example, Σ = 6185, mod 11 = 3)', () => {
    expect(containerCheckDigit('CSQU305438')).toBe(3);
    expect(isContainerNumber('CSQU3054383')).toBe(true);
    expect(isContainerNumber('csqu 305438-3')).toBe(true);
    expect(isContainerNumber('CSQU3054384')).toBe(false);
    // DCSA T&T 2.2's equipmentReference example, and a number from a published C# validator.
    expect(isContainerNumber('APZU4812090')).toBe(true);
    expect(isContainerNumber('MEDU8707688')).toBe(true);
    expect(isContainerNumber('CSQX3054383')).toBe(false);
  });

  it('says which check digit a mistyped number should have', () => {
    expect(refusal(() => assertContainerNumber('CSQU3054384', 'containers.0.number')).fields).toEqual([{ field: 'containers.0.number', message: 'has a wrong check digit: CSQU305438 takes 3 (ISO 6346)' }]);
    expect(refusal(() => assertContainerNumber('CSQU305438')).fields?.[0]?.field).toBe('containerNumber');
    expect(assertContainerNumber(' csqu3054383 ')).toBe('CSQU3054383');
  });

  it('knows size/type codes by code or everyday name: 22G1 = 20GP, 42G1 = 40GP, 45G1 = 40HC', () => {
    expect(containerSizeType('22G1')).toMatchObject({ name: '20GP', lengthFt: 20, highCube: false, costingType: '20GP' });
    expect(containerSizeType('45G1')).toMatchObject({ name: '40HC', lengthFt: 40, highCube: true, costingType: '40HQ' });
    expect(containerSizeType('40HQ').code).toBe('45G1');
    expect(containerSizeType('42G0').code).toBe('42G1');
    expect(containerSizeType('L5G1').name).toBe('45HC');
    expect(refusal(() => containerSizeType('99X9')).fields?.[0]?.field).toBe('sizeType');
  });

  it('checks a stuffed container\'s volume, weights and VGM (SOLAS VI/2)', () => {
    expect(containerLoadCheck({ sizeType: '45G1', cargoGrossKg: '8000', cbm: '66.5', vgmKg: '11950' })).toEqual({ errors: [], warnings: [] });
    expect(containerLoadCheck({ sizeType: '45G1', cargoGrossKg: '8000', cbm: '70', vgmKg: '11900' }).warnings).toEqual([{ field: 'cbm', message: '70 m³ is more than a 40HC usually takes (68 m³)' }]);
    expect(containerLoadCheck({ sizeType: '22G1', cargoGrossKg: '8000', cbm: '35', vgmKg: '7900' }).errors).toEqual([
      { field: 'cbm', message: '35 m³ does not fit a 20GP (about 33.2 m³ inside)' },
      { field: 'vgmKg', message: "must be more than the cargo's 8000 kg: the verified gross mass includes the container's tare" },
    ]);
    expect(containerLoadCheck({ sizeType: '22G1', cargoGrossKg: '29000', cbm: '30', vgmKg: '31200' }).errors.map((e) => e.field)).toEqual(['cargoGrossKg', 'vgmKg']);
    expect(containerLoadCheck({ sizeType: '22G1', cargoGrossKg: '29000', cbm: '24', vgmKg: '31200', tareKg: '2150', maxGrossKg: '32500' })).toEqual({ errors: [], warnings: [] });
    expect(containerLoadCheck({ sizeType: '22G1', cargoGrossKg: '10000', cbm: '20', vgmKg: '13500' }).warnings[0]?.field).toBe('vgmKg');
  });
});

describe('commercial invoice and packing list', () => {
  it('counts cartons, the last one part-filled, and carton volume from its dimensions', () => {
    expect(cartonsFor('6000', 24)).toBe(250);
    expect(cartonsFor('5000', 48)).toBe(105);
    expect(cartonCbm('60', '40', '35').toFixed()).toBe('0.084');
  });

  it('adds up cartons, net and gross weight and CBM per line, per container and in all, from the rounded lines', () => {
    const totals = packingTotals([
      { lineNo: 1, quantity: '6000', cartons: 250, netKgPerCarton: '11.0', grossKgPerCarton: '12.5', cbmPerCarton: '0.084', containerNumber: 'CSQU3054383' },
      { lineNo: 2, quantity: '5000', cartons: 105, netKgPerCarton: '8.6', grossKgPerCarton: '9.8', cbmPerCarton: cartonCbm('50', '35', '30').toFixed(), containerNumber: 'CSQU3054383' },
      { lineNo: 3, quantity: '1200', cartons: 50, netKgPerCarton: null, grossKgPerCarton: '7.25', cbmPerCarton: '0.0333', containerNumber: 'MEDU8707688' },
    ]);
    expect(totals.lines).toEqual([
      { lineNo: 1, cartons: 250, netKg: '2750.00', grossKg: '3125.00', cbm: '21.000' },
      { lineNo: 2, cartons: 105, netKg: '903.00', grossKg: '1029.00', cbm: '5.513' },
      { lineNo: 3, cartons: 50, netKg: null, grossKg: '362.50', cbm: '1.665' },
    ]);
    expect(totals.containers).toEqual([
      { containerNumber: 'CSQU3054383', cartons: 355, netKg: '3653.00', grossKg: '4154.00', cbm: '26.513' },
      { containerNumber: 'MEDU8707688', cartons: 50, netKg: null, grossKg: '362.50', cbm: '1.665' },
    ]);
    expect(totals.total).toEqual({ cartons: 405, netKg: null, grossKg: '4516.50', cbm: '28.178' });
  });

  it('refuses a net weight above the gross weight', () => {
    expect(refusal(() => packingTotals([{ lineNo: 1, quantity: '1', cartons: 1, netKgPerCarton: '13', grossKgPerCarton: '12.5', cbmPerCarton: '0.1', containerNumber: null }])).fields?.[0]?.field).toBe('lines.0.netKgPerCarton');
  });

  it('totals the invoice from rounded lines and writes the total in words, cents included', () => {
    expect(commercialInvoiceTotals([{ quantity: '6000', unitPrice: '3.2500' }, { quantity: '5000', unitPrice: '2.4575' }], 'USD')).toEqual({
      amounts: ['19500.00', '12287.50'],
      total: '31787.50',
      inWords: 'SAY US DOLLARS THIRTY-ONE THOUSAND SEVEN HUNDRED AND EIGHTY-SEVEN AND CENTS FIFTY ONLY',
    });
    // The PI's wording (British "AND" after hundreds), so that PI and invoice agree.
    expect(commercialInvoiceTotals([{ quantity: '34500', unitPrice: '3.2000' }], 'USD').inWords).toBe('SAY US DOLLARS ONE HUNDRED AND TEN THOUSAND FOUR HUNDRED ONLY');
    expect(commercialInvoiceTotals([{ quantity: '3', unitPrice: '0.0033' }], 'EUR')).toMatchObject({ total: '0.01', inWords: 'SAY EUROS ZERO AND CENTS ONE ONLY' });
  });
});
