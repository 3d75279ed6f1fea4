import type { CertificateQuery, CreateCertificateBody, QualityCertificateView, z } from '@portal/schemas';
import { DomainError, calendarDate, companyScope, midnightUtc, validationError, type Actor } from '@portal/domain';
import type { Prisma, PrismaClient } from '@portal/db';
import { recordAudit } from '../../infra/audit.repository.ts';
import type { Clock } from '../../infra/clock.ts';
import type { FileStore } from '../../infra/file-store.ts';
import { isUniqueViolation } from '../../infra/tx.ts';
import * as repo from './quality-certificates.repository.ts';

type Meta = { requestId?: string };
type Result = { test: string; standard?: string | null; result: string; pass: boolean };

function toView(c: repo.CertificateRow): QualityCertificateView {
  const contract = c.contract ?? null;
  return {
    id: c.id, certificateNo: c.certificateNo, batchNo: c.batch.batchNo, producedOn: calendarDate(c.batch.producedOn), quantity: c.batch.quantity.toFixed(),
    product: { id: c.batch.product.id, sku: c.batch.product.sku, name: c.batch.product.nameEn, unit: c.batch.product.unit },
    issuedOn: calendarDate(c.issuedOn), issuer: c.issuer,
    results: (c.results as Result[]).map((r) => ({ test: r.test, standard: r.standard ?? null, result: r.result, pass: r.pass })),
    contract: contract ? { id: contract.id, number: contract.number } : null,
    shipment: c.shipment ? { id: c.shipment.id, number: c.shipment.number } : null,
    fileUrl: c.attachment ? `/api/quality-certificates/${c.id}/file` : null,
  };
}

/** The buyer company a certificate concerns: its contract's, or its shipment's contract's. */
const ownerOf = (c: repo.CertificateRow) => c.contract?.buyerCompanyId ?? c.shipment?.contract.buyerCompanyId ?? null;

/**
 * Batch quality certificates (批次质检单): staff record a product batch's certificate with its key
 * results and the certificate as a file; buyers look up those of batches shipped to their company
 * by batch number, product or contract, and print them.
 */
export function createQualityCertificatesService(deps: { prisma: PrismaClient; clock: Clock; files: FileStore }) {
  const { prisma, clock, files } = deps;

  async function load(actor: Actor, id: string) {
    const c = await repo.findCertificate(prisma, id);
    const scope = companyScope(actor);
    if (!c || (scope && ownerOf(c) !== scope)) throw new DomainError('NOT_FOUND', 'certificate not found');
    return c;
  }

  return {
    /** Certificates matching the query, newest first (buyers: of batches shipped to their company). */
    async search(actor: Actor, query: z.output<typeof CertificateQuery>): Promise<QualityCertificateView[]> {
      const scope = companyScope(actor);
      const rows = await repo.searchCertificates(prisma, { ...(scope ? { buyerCompanyId: scope } : {}), ...query });
      return rows.map(toView);
    },

    async get(actor: Actor, id: string): Promise<QualityCertificateView> {
      return toView(await load(actor, id));
    },

    /** The certificate's file, to stream. */
    async file(actor: Actor, id: string) {
      const c = await load(actor, id);
      if (!c.attachment) throw new DomainError('NOT_FOUND', 'this certificate has no file');
      const { stream, sizeBytes } = await files.open(c.attachment.storageKey);
      return { fileName: c.attachment.fileName, contentType: c.attachment.contentType, stream, sizeBytes };
    },

    /** Staff record a batch's certificate; the batch is created with it when new. */
    async create(actor: Actor, body: z.output<typeof CreateCertificateBody>, meta: Meta): Promise<QualityCertificateView> {
      const errors: { field: string; message: string }[] = [];
      if (!(await repo.findProduct(prisma, body.productId))) errors.push({ field: 'body.productId', message: 'is not a product of the catalog' });
      let contractId = body.contractId ?? null;
      if (body.shipmentId) {
        const s = await repo.findShipmentContract(prisma, body.shipmentId);
        if (!s) errors.push({ field: 'body.shipmentId', message: 'is not a shipment' });
        else if (contractId && contractId !== s.contractId) errors.push({ field: 'body.contractId', message: 'is not the contract of the shipment' });
        else contractId = s.contractId;
      }
      if (contractId && !body.shipmentId && !(await repo.findContract(prisma, contractId))) errors.push({ field: 'body.contractId', message: 'is not a contract' });
      if (body.attachmentId) {
        const a = await repo.findAttachment(prisma, body.attachmentId);
        if (!a || a.companyId !== actor.companyId) errors.push({ field: 'body.attachmentId', message: 'is not a file uploaded by your company' });
        else if (a.inquiryId || a.negotiationMessageId || a.ticketMessageId || a.shipmentDocument || a.qualityCertificate) errors.push({ field: 'body.attachmentId', message: 'is already attached elsewhere; upload the file again' });
        else if (!(a.contentType === 'application/pdf' || a.contentType.startsWith('image/'))) {
          throw new DomainError('UNSUPPORTED_MEDIA_TYPE', 'a certificate must be a PDF or an image', [{ field: 'body.attachmentId', message: `is a ${a.contentType} file; upload a PDF, PNG, JPEG or WebP` }]);
        }
      }
      if (body.issuedOn < body.producedOn) errors.push({ field: 'body.issuedOn', message: 'must not be before the batch was produced' });
      if (body.issuedOn > calendarDate(clock.now())) errors.push({ field: 'body.issuedOn', message: 'must not be in the future' });
      if (errors.length) throw validationError(errors);
      try {
        const id = await prisma.$transaction(async (tx) => {
          const batch = await repo.upsertBatch(tx, { productId: body.productId, batchNo: body.batchNo, producedOn: midnightUtc(body.producedOn), quantity: body.quantity });
          const c = await repo.createCertificate(tx, {
            certificateNo: body.certificateNo, batchId: batch.id, contractId, shipmentId: body.shipmentId ?? null, issuedOn: midnightUtc(body.issuedOn), issuer: body.issuer,
            results: body.results as Prisma.InputJsonValue, attachmentId: body.attachmentId ?? null, createdById: actor.userId, createdAt: clock.now(),
          });
          await recordAudit(tx, {
            actorId: actor.userId, action: 'quality-certificate.create', entityType: 'QualityCertificate', entityId: c.id, requestId: meta.requestId,
            changes: { certificateNo: body.certificateNo, productId: body.productId, batchNo: body.batchNo, contractId, shipmentId: body.shipmentId ?? null, results: body.results.length },
          });
          return c.id;
        });
        return toView((await repo.findCertificate(prisma, id))!);
      } catch (err) {
        if (isUniqueViolation(err)) throw new DomainError('ALREADY_EXISTS', 'a certificate with this number exists', [{ field: 'body.certificateNo', message: 'is taken' }]);
        throw err;
      }
    },
  };
}

export type QualityCertificatesService = ReturnType<typeof createQualityCertificatesService>;
