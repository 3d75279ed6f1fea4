import type { Prisma } from '@portal/db';
import type { Db } from '../../infra/tx.ts';

const certificateSelect = {
  id: true, certificateNo: true, issuedOn: true, issuer: true, results: true, createdAt: true,
  batch: { select: { batchNo: true, producedOn: true, quantity: true, product: { select: { id: true, sku: true, nameEn: true, unit: true } } } },
  contract: { select: { id: true, number: true, buyerCompanyId: true } },
  shipment: { select: { id: true, number: true, contract: { select: { buyerCompanyId: true } } } },
  attachment: { select: { id: true, fileName: true, contentType: true, storageKey: true } },
} as const satisfies Prisma.QualityCertificateSelect;

export type CertificateRow = Prisma.QualityCertificateGetPayload<{ select: typeof certificateSelect }>;

/** The certificates visible to a buyer company (of batches its contracts or shipments carried), or all; filtered by batch, product or contract. */
export function searchCertificates(db: Db, filter: { buyerCompanyId?: string; batchNo?: string; product?: string; contract?: string }) {
  const where: Prisma.QualityCertificateWhereInput = {
    ...(filter.buyerCompanyId ? { OR: [{ contract: { buyerCompanyId: filter.buyerCompanyId } }, { shipment: { contract: { buyerCompanyId: filter.buyerCompanyId } } }] } : {}),
    ...(filter.batchNo ? { batch: { batchNo: { contains: filter.batchNo, mode: 'insensitive' } } } : {}),
    ...(filter.contract ? { OR: [{ contract: { number: { contains: filter.contract, mode: 'insensitive' } } }, { shipment: { contract: { number: { contains: filter.contract, mode: 'insensitive' } } } }] } : {}),
  };
  const product: Prisma.QualityCertificateWhereInput | null = filter.product
    ? { batch: { product: { OR: [{ sku: { contains: filter.product, mode: 'insensitive' } }, { nameEn: { contains: filter.product, mode: 'insensitive' } }, { nameZh: { contains: filter.product } }] } } }
    : null;
  return db.qualityCertificate.findMany({ where: product ? { AND: [where, product] } : where, orderBy: [{ issuedOn: 'desc' }, { certificateNo: 'asc' }], take: 200, select: certificateSelect });
}

export function findCertificate(db: Db, id: string) {
  return db.qualityCertificate.findUnique({ where: { id }, select: certificateSelect });
}

export function findProduct(db: Db, id: string) {
  return db.product.findUnique({ where: { id }, select: { id: true } });
}

export function findShipmentContract(db: Db, shipmentId: string) {
  return db.shipment.findUnique({ where: { id: shipmentId }, select: { id: true, contractId: true } });
}

export function findContract(db: Db, id: string) {
  return db.salesContract.findUnique({ where: { id }, select: { id: true, buyerCompanyId: true } });
}

export function findAttachment(db: Db, id: string) {
  return db.attachment.findUnique({
    where: { id },
    select: { id: true, companyId: true, contentType: true, inquiryId: true, negotiationMessageId: true, ticketMessageId: true, shipmentDocument: { select: { id: true } }, qualityCertificate: { select: { id: true } } },
  });
}

/** The batch of a product, made when it is new (its production date and quantity as given). */
export function upsertBatch(db: Db, data: { productId: string; batchNo: string; producedOn: Date; quantity: string }) {
  return db.productBatch.upsert({
    where: { productId_batchNo: { productId: data.productId, batchNo: data.batchNo } },
    create: data,
    update: {},
    select: { id: true },
  });
}

export function createCertificate(db: Db, data: Prisma.QualityCertificateUncheckedCreateInput) {
  return db.qualityCertificate.create({ data, select: { id: true } });
}
