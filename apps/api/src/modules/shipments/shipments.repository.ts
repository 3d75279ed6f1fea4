import type { Prisma } from '@portal/db';
import type { Db } from '../../infra/tx.ts';
import { partySelect } from '../companies/companies.repository.ts';

/** What the execution record needs of a contract. */
const contractSelect = {
  id: true, number: true, status: true, buyerCompanyId: true, currency: true, totalAmount: true, incoterm: true, namedPlace: true,
  portOfLoadingCode: true, portOfDischargeCode: true, latestShipmentDate: true, partialShipmentAllowed: true, shippingMarks: true,
  paymentTermsText: true, insurance: true, issuedAt: true,
  buyerCompany: { select: partySelect },
  sellerCompany: { select: partySelect },
  inquiry: { select: { assignedClerkId: true } },
  lines: {
    orderBy: { lineNo: 'asc' },
    select: {
      id: true, lineNo: true, description: true, quantity: true, unit: true, unitPrice: true, amount: true, shippedQuantity: true,
      product: { select: { id: true, sku: true, unitsPerCarton: true, cartonGrossWeightKg: true, cartonNetWeightKg: true, cartonLengthCm: true, cartonWidthCm: true, cartonHeightCm: true, hsCode: true } },
    },
  },
} as const satisfies Prisma.SalesContractSelect;

export type ExecContractRow = Prisma.SalesContractGetPayload<{ select: typeof contractSelect }>;

const shipmentSelect = {
  id: true, number: true, contractId: true, status: true, carrier: true, vessel: true, voyage: true, bookingNumber: true, blNumber: true, blDate: true,
  onBoardDate: true, portOfLoadingCode: true, portOfDischargeCode: true, etd: true, eta: true, atd: true, ata: true, deliveredOn: true,
  invoiceNumber: true, invoiceDate: true, note: true, createdAt: true,
  lines: { orderBy: { id: 'asc' }, select: { id: true, contractLineId: true, quantity: true, cartons: true, containerNumber: true } },
  events: {
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: {
      id: true, milestone: true, classifier: true, eventType: true, eventCode: true, documentTypeCode: true, eventDate: true, containerNumber: true, batchNo: true,
      onBoardDate: true, supersedesId: true, reason: true, location: true, note: true, createdAt: true, createdBy: { select: { name: true } },
      supersededBy: { select: { id: true } },
    },
  },
  containers: { orderBy: { createdAt: 'asc' }, select: { containerNumber: true, sizeType: true, sealNumber: true, cartons: true, cargoGrossKg: true, cbm: true, vgmKg: true } },
  documents: { orderBy: { createdAt: 'asc' }, select: { id: true, kind: true, number: true, issuedOn: true, createdAt: true, attachment: { select: { id: true, fileName: true, storageKey: true, contentType: true, sizeBytes: true } } } },
} as const satisfies Prisma.ShipmentSelect;

export type ShipmentRow = Prisma.ShipmentGetPayload<{ select: typeof shipmentSelect }>;

export function findContract(db: Db, id: string) {
  return db.salesContract.findUnique({ where: { id }, select: contractSelect });
}

/** A contract's shipments, oldest first (cancelled ones included). */
export function findShipmentsOfContract(db: Db, contractId: string) {
  return db.shipment.findMany({ where: { contractId }, orderBy: [{ createdAt: 'asc' }, { number: 'asc' }], select: shipmentSelect });
}

export function findShipment(db: Db, id: string) {
  return db.shipment.findUnique({ where: { id }, select: { ...shipmentSelect, contract: { select: { id: true, buyerCompanyId: true } } } });
}

/** Locks a contract's row for the rest of the transaction, so concurrent shipments of it take turns (quantities are checked against each other). */
export async function lockContract(db: Db, contractId: string): Promise<void> {
  await db.$queryRaw`SELECT id FROM "SalesContract" WHERE id = ${contractId}::uuid FOR UPDATE`;
}

/** Locks a shipment's row for the rest of the transaction: its events are checked against each other. */
export async function lockShipment(db: Db, shipmentId: string): Promise<void> {
  await db.$queryRaw`SELECT id FROM "Shipment" WHERE id = ${shipmentId}::uuid FOR UPDATE`;
}

export function createShipment(db: Db, data: Prisma.ShipmentUncheckedCreateInput) {
  return db.shipment.create({ data, select: { id: true, number: true } });
}

export function updateShipment(db: Db, id: string, data: Prisma.ShipmentUncheckedUpdateInput) {
  return db.shipment.update({ where: { id }, data, select: { id: true } });
}

export function createEvent(db: Db, data: Prisma.ShipmentEventUncheckedCreateInput) {
  return db.shipmentEvent.create({ data, select: { id: true } });
}

export function upsertContainer(db: Db, shipmentId: string, data: Omit<Prisma.ShipmentContainerUncheckedCreateInput, 'shipmentId'>) {
  return db.shipmentContainer.upsert({ where: { shipmentId_containerNumber: { shipmentId, containerNumber: data.containerNumber } }, create: { ...data, shipmentId }, update: data, select: { id: true } });
}

export function setLineContainer(db: Db, lineIds: string[], containerNumber: string) {
  return db.shipmentLine.updateMany({ where: { id: { in: lineIds } }, data: { containerNumber } });
}

export function updateContractStatus(db: Db, id: string, status: ExecContractRow['status']) {
  return db.salesContract.update({ where: { id }, data: { status }, select: { id: true } });
}

export function setShippedQuantity(db: Db, contractLineId: string, shippedQuantity: Prisma.Decimal | string) {
  return db.contractLine.update({ where: { id: contractLineId }, data: { shippedQuantity }, select: { id: true } });
}

/** Contracts in execution (confirmed and after, not cancelled or completed), with their shipments; a buyer's are limited to their company. */
export function findOpenContracts(db: Db, buyerCompanyId: string | undefined) {
  return db.salesContract.findMany({
    where: { status: { in: ['CONFIRMED', 'IN_PRODUCTION', 'PARTIALLY_SHIPPED', 'SHIPPED'] }, ...(buyerCompanyId ? { buyerCompanyId } : {}) },
    orderBy: { latestShipmentDate: 'asc' },
    take: 300,
    select: {
      id: true, number: true, status: true, currency: true, totalAmount: true, latestShipmentDate: true, confirmedAt: true, buyerCompany: { select: { id: true, name: true } },
      inquiry: { select: { assignedClerkId: true } },
      shipments: { where: { status: { not: 'CANCELLED' } }, orderBy: { createdAt: 'asc' }, select: { id: true, number: true, status: true, vessel: true, events: { select: { id: true, milestone: true, classifier: true, eventDate: true, containerNumber: true, batchNo: true, onBoardDate: true, supersedesId: true, reason: true, createdAt: true } } } },
    },
  });
}

export type OpenContractRow = Awaited<ReturnType<typeof findOpenContracts>>[number];

export function findAttachment(db: Db, id: string) {
  return db.attachment.findUnique({
    where: { id },
    select: { id: true, companyId: true, fileName: true, contentType: true, inquiryId: true, negotiationMessageId: true, ticketMessageId: true, shipmentDocument: { select: { id: true } }, qualityCertificate: { select: { id: true } } },
  });
}

export function createDocument(db: Db, data: Prisma.ShipmentDocumentUncheckedCreateInput) {
  return db.shipmentDocument.create({ data, select: { id: true } });
}

export function recordDownload(db: Db, data: Prisma.DocumentDownloadUncheckedCreateInput) {
  return db.documentDownload.create({ data, select: { id: true } });
}

export function findDownloads(db: Db, shipmentId: string) {
  return db.documentDownload.findMany({ where: { shipmentId }, orderBy: { downloadedAt: 'desc' }, take: 500, select: { kind: true, documentId: true, downloadedAt: true, user: { select: { name: true, email: true } } } });
}

export function findPorts(db: Db, codes: string[]) {
  return db.port.findMany({ where: { code: { in: codes } }, select: { code: true, name: true } });
}

/** The active users of a buyer company with their language, for notices in it. */
export function findBuyerReaders(db: Db, companyId: string) {
  return db.user.findMany({ where: { companyId, role: 'BUYER', status: 'ACTIVE' }, select: { id: true, email: true, name: true, locale: true } });
}

/** Shipments with the facts payments needs (B/L, on-board date, invoice, values per line). */
export function findShipmentFacts(db: Db, contractId: string) {
  return db.shipment.findMany({
    where: { contractId, status: { not: 'CANCELLED' } },
    orderBy: { createdAt: 'asc' },
    select: {
      id: true, number: true, blDate: true, onBoardDate: true, invoiceDate: true, etd: true,
      lines: { select: { contractLineId: true, quantity: true, contractLine: { select: { unitPrice: true } } } },
      events: { select: { id: true, milestone: true, classifier: true, eventDate: true, containerNumber: true, batchNo: true, onBoardDate: true, supersedesId: true, reason: true, createdAt: true } },
      contract: { select: { currency: true } },
    },
  });
}

/**
 * What a shipment's invoice asks to be paid: the schedule's items raised by this shipment (a balance
 * against its B/L), else the contract's items still open; with the exporter's bank details.
 */
export async function findInvoicePayables(db: Db, contractId: string, shipmentId: string) {
  const select = { reference: true, description: true, openAmount: true, amount: true, dueDate: true } as const;
  const own = await db.paymentScheduleItem.findMany({ where: { contractId, shipmentId }, orderBy: { seq: 'asc' }, select });
  const items = own.length > 0 ? own : await db.paymentScheduleItem.findMany({ where: { contractId, isOpen: true }, orderBy: { seq: 'asc' }, select });
  const bank = await db.setting.findUnique({ where: { key: 'exporter.bankDetails' }, select: { value: true } });
  return { items, bankDetails: typeof bank?.value === 'string' && bank.value.trim() ? bank.value : null };
}
