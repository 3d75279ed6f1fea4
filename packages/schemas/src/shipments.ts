import { eventClassifiers, eventTypes, milestones, shipmentStatuses } from '@portal/domain/shipments';
import { CalendarDate, Id, MoneyView, PortCode, Quantity, Timestamp, optionalText, text, z } from './common.ts';
import { ContractStatus } from './sales-contracts.ts';

/*
 * Contract execution (外销合同执行): shipments of a contract, their milestones as events in the DCSA
 * Track & Trace vocabulary (PLN/EST/ACT), containers, trade documents and the buyer's order tracker;
 * and the batch quality certificates buyers look up and print.
 */

export { milestones, shipmentStatuses };
export const Milestone = z.enum(milestones);
export const EventClassifier = z.enum(eventClassifiers).describe('DCSA eventClassifierCode: PLN planned, EST estimated, ACT actual');
export const ShipmentStatus = z.enum(shipmentStatuses);
export const shippingDocumentKinds = ['COMMERCIAL_INVOICE', 'PACKING_LIST', 'BILL_OF_LADING', 'CERTIFICATE_OF_ORIGIN', 'INSPECTION_CERTIFICATE', 'QUALITY_CERTIFICATE', 'INSURANCE_POLICY', 'OTHER'] as const;
export const ShippingDocumentKind = z.enum(shippingDocumentKinds);
/** The kinds staff upload as files; the commercial invoice and packing list are generated. */
export const uploadedDocumentKinds = ['BILL_OF_LADING', 'CERTIFICATE_OF_ORIGIN', 'INSPECTION_CERTIFICATE', 'QUALITY_CERTIFICATE', 'INSURANCE_POLICY', 'OTHER'] as const;
export const punctualityStatuses = ['ON_TIME', 'AT_RISK', 'LATE'] as const;

export const ShipmentParams = z.strictObject({ shipmentId: Id });
export const ShipmentDocumentParams = z.strictObject({ shipmentId: Id, documentId: Id });

/** An ISO 6346 container number as typed: letters, digits, spaces or dashes (checked by the domain, check digit included). */
const ContainerNumber = z.string().trim().min(4, 'must be an ISO 6346 container number, e.g. CSQU3054383').max(20, 'must be an ISO 6346 container number, e.g. CSQU3054383');
const Kg = z.string().regex(/^\d{1,9}(\.\d{1,2})?$/, 'must be kilograms with at most 2 decimals, e.g. "18250.5"');
const Cbm = z.string().regex(/^\d{1,6}(\.\d{1,3})?$/, 'must be cubic metres with at most 3 decimals, e.g. "67.4"');

/** Plan a shipment of a contract: which lines and how much of each. */
export const CreateShipmentBody = z.strictObject({
  lines: z.array(z.strictObject({ contractLineNo: z.number().int().min(1).max(10_000), quantity: Quantity })).min(1, 'name at least one line').max(200),
  plannedDeparture: CalendarDate.optional().describe('Planned departure (PLN DEPA), by default the contract’s latest shipment date'),
  note: optionalText(2000).describe('Internal note: staff only'),
});
export type CreateShipmentBody = z.input<typeof CreateShipmentBody>;

export const BookingDetails = z.strictObject({
  carrier: text(120),
  vessel: text(120),
  voyage: text(40),
  bookingNumber: text(60),
  portOfLoadingCode: PortCode,
  portOfDischargeCode: PortCode,
  etd: CalendarDate,
  eta: CalendarDate,
});

export const ContainerDetails = z.strictObject({
  sizeType: z.string().trim().min(2).max(8).describe('ISO 6346 size/type code or everyday name: 45G1 or 40HC'),
  sealNumber: optionalText(40),
  cartons: z.number().int().min(1).max(100_000),
  cargoGrossKg: Kg,
  cbm: Cbm,
  vgmKg: Kg.optional(),
  /** Which shipment lines are stuffed in this container (for the packing list); default all not yet stuffed. */
  lineNos: z.array(z.number().int().min(1)).max(200).optional(),
});

/** Record a milestone: plan, estimate or actual; an actual corrects an earlier one only by superseding it, with the reason. */
export const RecordEventBody = z
  .strictObject({
    milestone: Milestone,
    classifier: EventClassifier,
    date: CalendarDate.describe('When it happened, is planned or expected; for BL_ISSUED the B/L date'),
    containerNumber: ContainerNumber.optional().describe('Container milestones (stuffing, loading, discharge, delivery)'),
    batchNo: optionalText(60).describe('INSPECTION_PASSED: the batch inspected'),
    onBoardDate: CalendarDate.optional().describe('BL_ISSUED: the shipped-on-board date'),
    blNumber: optionalText(60).describe('BL_ISSUED: the bill of lading number'),
    booking: BookingDetails.optional().describe('BOOKING_CONFIRMED (actual): carrier, vessel and voyage, booking number, ports, ETD and ETA'),
    container: ContainerDetails.optional().describe('CONTAINER_STUFFED (actual): the container’s figures'),
    location: optionalText(120),
    supersedesId: Id.optional().describe('The actual this one corrects'),
    reason: optionalText(500).describe('Why an actual is corrected'),
    note: optionalText(2000).describe('Internal note: staff only'),
  })
  .superRefine((b, ctx) => {
    if (b.milestone === 'BOOKING_CONFIRMED' && b.classifier === 'ACT' && !b.booking) ctx.addIssue({ code: 'custom', path: ['booking'], message: 'is required for a confirmed booking' });
    if (b.milestone === 'CONTAINER_STUFFED' && b.classifier === 'ACT' && !b.container && !b.supersedesId) ctx.addIssue({ code: 'custom', path: ['container'], message: 'is required when a container is stuffed' });
    if (b.milestone === 'CONTAINER_STUFFED' && !b.containerNumber) ctx.addIssue({ code: 'custom', path: ['containerNumber'], message: 'is required for the stuffing of a container' });
    if (b.milestone === 'BL_ISSUED' && b.classifier === 'ACT' && !b.blNumber) ctx.addIssue({ code: 'custom', path: ['blNumber'], message: 'is required when the B/L is issued' });
    if (b.milestone === 'INSPECTION_PASSED' && b.classifier === 'ACT' && !b.batchNo) ctx.addIssue({ code: 'custom', path: ['batchNo'], message: 'is required: the batch inspected' });
    if (b.booking && b.milestone !== 'BOOKING_CONFIRMED') ctx.addIssue({ code: 'custom', path: ['booking'], message: 'belongs to BOOKING_CONFIRMED only' });
    if (b.container && b.milestone !== 'CONTAINER_STUFFED') ctx.addIssue({ code: 'custom', path: ['container'], message: 'belongs to CONTAINER_STUFFED only' });
    if (b.booking && b.booking.eta < b.booking.etd) ctx.addIssue({ code: 'custom', path: ['booking', 'eta'], message: 'must not be before the ETD' });
  });
export type RecordEventBody = z.input<typeof RecordEventBody>;

/** Attach an uploaded file (POST /api/attachments first) to a shipment as one of its documents. */
export const AttachDocumentBody = z.strictObject({
  kind: z.enum(uploadedDocumentKinds),
  attachmentId: Id,
  number: optionalText(60),
  issuedOn: CalendarDate.optional(),
});
export type AttachDocumentBody = z.input<typeof AttachDocumentBody>;

export const ShipmentEventView = z.object({
  id: Id,
  milestone: Milestone,
  classifier: EventClassifier,
  eventType: z.enum(eventTypes),
  eventCode: z.string().describe('DCSA eventTypeCode, e.g. CONF, STUF, DEPA'),
  documentTypeCode: z.string().nullable(),
  date: z.string(),
  containerNumber: z.string().nullable(),
  batchNo: z.string().nullable(),
  onBoardDate: z.string().nullable(),
  location: z.string().nullable(),
  supersedesId: Id.nullable(),
  supersededById: Id.nullable(),
  reason: z.string().nullable(),
  recordedBy: z.string(),
  recordedAt: Timestamp,
  note: z.string().nullable().optional().describe('Staff only'),
});

export const TimelineRowView = z.object({
  milestone: Milestone,
  planned: z.string().nullable(),
  estimated: z.string().nullable(),
  actual: z.string().nullable(),
  expected: z.string().nullable(),
  delayDays: z.number().int().nullable(),
  late: z.boolean(),
  containers: z.object({ done: z.number().int(), of: z.number().int() }).nullable(),
});

export const ShipmentDocumentView = z.object({
  id: z.string().describe('Record id; "commercial-invoice" and "packing-list" for the generated ones'),
  kind: ShippingDocumentKind,
  number: z.string().nullable(),
  issuedOn: z.string().nullable(),
  fileName: z.string(),
  url: z.string(),
  generated: z.boolean(),
});

export const PunctualityView = z.object({
  status: z.enum(punctualityStatuses),
  shipmentDate: z.string().nullable(),
  expectedShipmentDate: z.string().nullable(),
  daysLate: z.number().int(),
});

export const ShipmentView = z.object({
  id: Id,
  number: z.string().describe('e.g. SHP-2026-000007'),
  contractId: Id,
  status: ShipmentStatus,
  carrier: z.string().nullable(),
  vessel: z.string().nullable(),
  voyage: z.string().nullable(),
  bookingNumber: z.string().nullable(),
  portOfLoading: z.object({ code: z.string(), name: z.string() }).nullable(),
  portOfDischarge: z.object({ code: z.string(), name: z.string() }).nullable(),
  etd: z.string().nullable(),
  eta: z.string().nullable(),
  blNumber: z.string().nullable(),
  blDate: z.string().nullable(),
  onBoardDate: z.string().nullable(),
  invoiceNumber: z.string().nullable(),
  value: MoneyView.describe('Shipped value: quantity × unit price per line'),
  lines: z.array(z.object({ contractLineNo: z.number().int(), description: z.string(), quantity: z.string(), unit: z.string(), cartons: z.number().int().nullable(), containerNumber: z.string().nullable(), amount: MoneyView })),
  containers: z.array(z.object({ containerNumber: z.string(), sizeType: z.string(), sizeName: z.string(), sealNumber: z.string().nullable(), cartons: z.number().int(), cargoGrossKg: z.string(), cbm: z.string(), vgmKg: z.string().nullable() })),
  timeline: z.array(TimelineRowView),
  events: z.array(ShipmentEventView),
  punctuality: PunctualityView,
  nextMilestone: z.object({ milestone: Milestone, expected: z.string().nullable(), overdue: z.boolean() }).nullable(),
  documents: z.array(ShipmentDocumentView),
  note: z.string().nullable().optional().describe('Staff only'),
});
export type ShipmentView = z.infer<typeof ShipmentView>;

export const LineProgressView = z.object({
  contractLineNo: z.number().int(),
  productId: Id.nullable(),
  description: z.string(),
  unit: z.string(),
  ordered: z.string(),
  shipped: z.string().describe('On shipments that have departed'),
  planned: z.string().describe('On live shipments not yet departed (planned or booked)'),
  remaining: z.string().describe('On no shipment yet'),
  mayStillShip: z.string().describe('Most that may still ship within the tolerance'),
  tolerancePercent: z.string(),
  complete: z.boolean(),
});

/** A contract's execution record: its lines' progress and its shipments with their timelines. */
export const ContractExecutionView = z.object({
  contract: z.object({
    id: Id, number: z.string(), status: ContractStatus, buyerCompany: z.object({ id: Id, name: z.string() }), incoterm: z.string(), namedPlace: z.string(),
    latestShipmentDate: z.string(), partialShipmentAllowed: z.boolean(), currency: z.string(), total: MoneyView,
  }),
  lines: z.array(LineProgressView),
  shipments: z.array(ShipmentView),
});
export type ContractExecutionView = z.infer<typeof ContractExecutionView>;

/** One open contract of the tracker overview: its next milestone and whether it is on time. */
export const TrackerRow = z.object({
  contractId: Id,
  number: z.string(),
  status: ContractStatus,
  buyerCompany: z.object({ id: Id, name: z.string() }),
  latestShipmentDate: z.string(),
  total: MoneyView,
  shipments: z.number().int(),
  shipmentStatus: ShipmentStatus.nullable().describe('The least advanced live shipment’s status'),
  vessel: z.string().nullable(),
  nextMilestone: z.object({ milestone: Milestone, expected: z.string().nullable(), overdue: z.boolean() }).nullable(),
  punctuality: PunctualityView,
  lastEvent: z.object({ milestone: Milestone, date: z.string() }).nullable(),
});
export type TrackerRow = z.infer<typeof TrackerRow>;

export const DocumentDownloadView = z.object({
  kind: ShippingDocumentKind,
  documentId: Id.nullable(),
  user: z.string(),
  email: z.string(),
  downloadedAt: Timestamp,
});

// ── Batch quality certificates (批次质检单)

export const CertificateResult = z.strictObject({ test: text(120), standard: optionalText(120), result: text(200), pass: z.boolean() });

export const CreateCertificateBody = z.strictObject({
  productId: Id,
  batchNo: text(60),
  producedOn: CalendarDate,
  quantity: Quantity,
  certificateNo: text(60),
  issuedOn: CalendarDate,
  issuer: text(200),
  results: z.array(CertificateResult).min(1, 'list at least one result').max(50),
  contractId: Id.optional(),
  shipmentId: Id.optional(),
  attachmentId: Id.optional().describe('The certificate as a file (PDF or image), uploaded first'),
});
export type CreateCertificateBody = z.input<typeof CreateCertificateBody>;

export const CertificateQuery = z.strictObject({
  batchNo: z.string().trim().max(60).optional(),
  product: z.string().trim().max(120).optional().describe('SKU or words of the product name'),
  contract: z.string().trim().max(40).optional().describe('Contract number, e.g. SC-2026-000012'),
});

export const CertificateParams = z.strictObject({ certificateId: Id });

export const QualityCertificateView = z.object({
  id: Id,
  certificateNo: z.string(),
  batchNo: z.string(),
  producedOn: z.string(),
  quantity: z.string(),
  product: z.object({ id: Id, sku: z.string(), name: z.string(), unit: z.string() }),
  issuedOn: z.string(),
  issuer: z.string(),
  results: z.array(z.object({ test: z.string(), standard: z.string().nullable(), result: z.string(), pass: z.boolean() })),
  contract: z.object({ id: Id, number: z.string() }).nullable(),
  shipment: z.object({ id: Id, number: z.string() }).nullable(),
  fileUrl: z.string().nullable(),
});
export type QualityCertificateView = z.infer<typeof QualityCertificateView>;
