import { addDays, containerCheckDigit, type Actor } from '@portal/domain';
import type { RecordEventBody } from '@portal/schemas';
import type { QualityCertificatesService } from '../quality-certificates/quality-certificates.service.ts';
import type { ShipmentsService } from './shipments.service.ts';

/** A valid ISO 6346 number for an owner code and serial. */
const container = (owner: string, serial: number) => {
  const first10 = `${owner}${String(serial).padStart(6, '0')}`;
  return `${first10}${containerCheckDigit(first10)}`;
};

type Step = RecordEventBody;

/**
 * Demo execution records through the shipments service, as a clerk would make them, for the first
 * five confirmed contracts given: one in production, one booked, one at sea with containers, B/L and
 * a batch certificate, one delivered, and one running late (its departure expected after the latest
 * shipment date). Each shipment carries its contract's full quantities (no partial shipment needed).
 * Actual dates lie before `today`, estimates after it. Each record is made at its moment in the
 * story (`at` moves the services' clock): an actual on its own day, an estimate with the record
 * before it, the shipment just before its first record; so the audit trail,
 * the buyer's notifications and the home pages date them as they happened.
 */
export async function seedShipmentsDemo(
  services: { shipments: ShipmentsService; qualityCertificates?: QualityCertificatesService },
  options: { contracts: string[]; today: string; actor: Actor; at: (instant: Date) => void },
): Promise<{ shipments: string[] }> {
  const { shipments, qualityCertificates } = services;
  const { today, actor } = options;
  /** Ningbo office hours (09:00 Beijing) on a day, `minutes` later. */
  const officeHours = (date: string, minutes = 0) => new Date(Date.parse(`${date}T01:00:00Z`) + minutes * 60_000);
  const d = (offset: number) => addDays(today, offset);
  const meta = { requestId: 'demo-seed' };
  const made: string[] = [];

  const booking = (vessel: string, voyage: string, etd: number, eta: number, no: string) => ({
    carrier: vessel.startsWith('COSCO') ? 'COSCO Shipping Lines' : vessel.startsWith('MSC') ? 'MSC' : 'Maersk',
    vessel, voyage, bookingNumber: no, portOfLoadingCode: 'CNNGB', portOfDischargeCode: 'DEHAM', etd: d(etd), eta: d(eta),
  });
  const stuffing = (number: string, date: number): Step => ({
    milestone: 'CONTAINER_STUFFED', classifier: 'ACT', date: d(date), containerNumber: number, location: 'Ningbo',
    container: { sizeType: '40HC', sealNumber: `NB${number.slice(4, 10)}`, cartons: 240, cargoGrossKg: '4200', cbm: '14.680', vgmKg: '8150' },
  });

  const plans: Step[][] = [
    // 1. In production: started a week ago, finishing in ten days.
    [
      { milestone: 'PRODUCTION_STARTED', classifier: 'ACT', date: d(-7) },
      { milestone: 'PRODUCTION_FINISHED', classifier: 'EST', date: d(10) },
    ],
    // 2. Booked: produced, inspected, booking confirmed, sailing in nine days.
    [
      { milestone: 'PRODUCTION_STARTED', classifier: 'ACT', date: d(-30) },
      { milestone: 'PRODUCTION_FINISHED', classifier: 'ACT', date: d(-6) },
      { milestone: 'INSPECTION_PASSED', classifier: 'ACT', date: d(-4), batchNo: 'B-DEMO-0412' },
      { milestone: 'BOOKING_CONFIRMED', classifier: 'ACT', date: d(-2), booking: booking('MSC Diletta', 'FE548W', 9, 41, 'MEDUNB771203') },
    ],
    // 3. At sea: two containers stuffed and loaded, departed, B/L issued; arrival estimated.
    [
      { milestone: 'PRODUCTION_STARTED', classifier: 'ACT', date: d(-55) },
      { milestone: 'PRODUCTION_FINISHED', classifier: 'ACT', date: d(-24) },
      { milestone: 'INSPECTION_PASSED', classifier: 'ACT', date: d(-22), batchNo: 'B-DEMO-0318' },
      { milestone: 'BOOKING_CONFIRMED', classifier: 'ACT', date: d(-20), booking: booking('COSCO Aries', '041W', -12, 20, 'COSU6312345670') },
      stuffing(container('CSQU', 305438), -15),
      stuffing(container('TGHU', 812234), -14),
      { milestone: 'LOADED', classifier: 'ACT', date: d(-13), containerNumber: container('CSQU', 305438) },
      { milestone: 'LOADED', classifier: 'ACT', date: d(-13), containerNumber: container('TGHU', 812234) },
      { milestone: 'DEPARTED', classifier: 'ACT', date: d(-12), location: 'CNNGB' },
      { milestone: 'BL_ISSUED', classifier: 'ACT', date: d(-11), onBoardDate: d(-12), blNumber: 'COSU6312345670' },
      { milestone: 'ARRIVED', classifier: 'EST', date: d(21) },
    ],
    // 4. Delivered: the whole lifecycle, arrival three weeks ago.
    [
      { milestone: 'PRODUCTION_STARTED', classifier: 'ACT', date: d(-95) },
      { milestone: 'PRODUCTION_FINISHED', classifier: 'ACT', date: d(-70) },
      { milestone: 'INSPECTION_PASSED', classifier: 'ACT', date: d(-68), batchNo: 'B-DEMO-0207' },
      { milestone: 'BOOKING_CONFIRMED', classifier: 'ACT', date: d(-66), booking: booking('Maersk Kendal', '612W', -58, -25, 'MAEU224417509') },
      stuffing(container('MSKU', 904721), -60),
      { milestone: 'LOADED', classifier: 'ACT', date: d(-58), containerNumber: container('MSKU', 904721) },
      { milestone: 'DEPARTED', classifier: 'ACT', date: d(-57), location: 'CNNGB' },
      { milestone: 'BL_ISSUED', classifier: 'ACT', date: d(-57), onBoardDate: d(-57), blNumber: 'MAEU224417509' },
      { milestone: 'ARRIVED', classifier: 'ACT', date: d(-24), location: 'DEHAM' },
      { milestone: 'DISCHARGED', classifier: 'ACT', date: d(-23), containerNumber: container('MSKU', 904721) },
      { milestone: 'RELEASED', classifier: 'ACT', date: d(-22) },
      { milestone: 'DELIVERED', classifier: 'ACT', date: d(-20), containerNumber: container('MSKU', 904721) },
    ],
    // 5. Running late: production was to finish three days ago and has not been reported finished;
    //    departure (below) is now expected after the latest shipment date.
    [
      { milestone: 'PRODUCTION_STARTED', classifier: 'ACT', date: d(-40) },
      { milestone: 'PRODUCTION_FINISHED', classifier: 'EST', date: d(-3) },
    ],
  ];

  for (const [i, contractId] of options.contracts.slice(0, plans.length).entries()) {
    const execution = await shipments.execution(actor, contractId);
    const lines = execution.lines.filter((l) => Number(l.remaining) > 0).map((l) => ({ contractLineNo: l.contractLineNo, quantity: l.remaining }));
    if (lines.length === 0) continue;
    const plan = plans[i]!;
    let recorded = officeHours(plan[0]!.date, -30);
    options.at(recorded);
    const created = await shipments.create(actor, contractId, { lines, note: undefined, ...(i === 4 ? { plannedDeparture: execution.contract.latestShipmentDate } : {}) }, meta);
    const shipment = created.shipments.at(-1)!;
    made.push(shipment.id);
    for (const [n, step] of plan.entries()) {
      recorded = step.classifier === 'ACT' ? officeHours(step.date, n) : new Date(recorded.getTime() + 60_000);
      options.at(recorded);
      await shipments.recordEvent(actor, shipment.id, step as never, meta);
    }
    if (i === 4) {
      // The forwarder's estimate of last week: a sailing past the contract's latest shipment date and
      // still ahead (production is behind).
      const laterOf = (a: string, b: string) => (a > b ? a : b);
      options.at(officeHours(d(-6)));
      await shipments.recordEvent(actor, shipment.id, { milestone: 'DEPARTED', classifier: 'EST', date: laterOf(addDays(execution.contract.latestShipmentDate, 7), d(12)) } as never, meta);
    }
    const productId = execution.lines[0]?.productId;
    const batchNo = plans[i]!.find((s) => s.milestone === 'INSPECTION_PASSED')?.batchNo;
    if (qualityCertificates && productId && batchNo) {
      options.at(officeHours(plan.find((s) => s.milestone === 'INSPECTION_PASSED')!.date, 45));
      await qualityCertificates.create(actor, {
        productId, batchNo, producedOn: plans[i]!.find((s) => s.milestone === 'PRODUCTION_FINISHED')!.date, quantity: lines[0]!.quantity,
        certificateNo: `QC-${batchNo.slice(2)}`, issuedOn: plans[i]!.find((s) => s.milestone === 'INSPECTION_PASSED')!.date, issuer: 'Ningbo Harbour Homeware QC laboratory',
        results: [
          { test: 'Appearance and workmanship', standard: 'AQL 2.5 (ISO 2859-1), level II', result: '0 major, 2 minor defects in 200 samples', pass: true },
          { test: 'Dimensions and capacity', standard: 'Approved sample', result: 'within tolerance', pass: true },
          { test: 'Food-contact migration', standard: 'EU 10/2011, LFGB §30/31', result: 'below limits', pass: true },
          { test: 'Drop test (carton, 76 cm)', standard: 'ISTA 2A', result: 'no damage', pass: true },
        ],
        shipmentId: shipment.id,
      }, meta);
    }
  }
  return { shipments: made };
}
