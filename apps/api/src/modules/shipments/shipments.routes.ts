import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  AttachDocumentBody, ContractExecutionView, ContractParams, CreateShipmentBody, DocumentDownloadView, DocumentLangQuery, Problem, RecordEventBody, ShipmentDocumentParams, ShipmentParams, ShipmentView, TrackerRow, z,
} from '@portal/schemas';
import { requireActor } from '../../plugins/auth.ts';
import { attachmentDisposition } from '../attachments/file-types.ts';
import type { ShipmentsService } from './shipments.service.ts';
import { readerLang } from '../../infra/reader-lang.ts';

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem };
const Pdf = z.unknown().describe('application/pdf');

/** Contract execution: shipments and their milestones, containers, trade documents, and the buyer's order tracker. */
export default async function shipmentsRoutes(app: FastifyInstance, deps: { shipments: ShipmentsService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/shipments/tracker', {
    config: { access: 'shipments.read' },
    schema: { tags: ['shipments'], summary: 'Open contracts with their next milestone and whether they are on time (buyers: their own company’s)', response: { 200: z.array(TrackerRow), ...errors } },
    handler: async (request) => deps.shipments.tracker(requireActor(request)),
  });

  r.get('/contracts/:contractId/execution', {
    config: { access: 'shipments.read' },
    schema: { tags: ['shipments'], summary: 'A contract’s execution: quantities shipped and remaining per line, shipments with timelines, containers and documents', params: ContractParams, response: { 200: ContractExecutionView, ...errors } },
    handler: async (request) => deps.shipments.execution(requireActor(request), request.params.contractId),
  });

  r.post('/contracts/:contractId/shipments', {
    config: { access: 'shipments.record' },
    schema: { tags: ['shipments'], summary: 'Plan a shipment of a confirmed contract: lines and quantities (within the contract and its tolerance), planned departure', params: ContractParams, body: CreateShipmentBody, response: { 201: ContractExecutionView, ...errors } },
    handler: async (request, reply) => reply.code(201).send(await deps.shipments.create(requireActor(request), request.params.contractId, request.body, { requestId: request.id })),
  });

  r.get('/shipments/:shipmentId', {
    config: { access: 'shipments.read' },
    schema: { tags: ['shipments'], summary: 'One shipment with its timeline, events, containers and documents', params: ShipmentParams, response: { 200: ShipmentView, ...errors } },
    handler: async (request) => deps.shipments.get(requireActor(request), request.params.shipmentId),
  });

  r.post('/shipments/:shipmentId/events', {
    config: { access: 'shipments.record' },
    schema: {
      tags: ['shipments'],
      summary: 'Record a milestone (DCSA-coded, PLN/EST/ACT); an actual is corrected only by a new one that supersedes it, with the reason',
      params: ShipmentParams, body: RecordEventBody, response: { 201: ShipmentView, ...errors },
    },
    handler: async (request, reply) => reply.code(201).send(await deps.shipments.recordEvent(requireActor(request), request.params.shipmentId, request.body, { requestId: request.id })),
  });

  r.post('/shipments/:shipmentId/documents', {
    config: { access: 'shipments.record' },
    schema: { tags: ['shipments'], summary: 'Attach an uploaded PDF or image (POST /api/attachments first) as a shipping document', params: ShipmentParams, body: AttachDocumentBody, response: { 201: ShipmentView, ...errors, 415: Problem } },
    handler: async (request, reply) => reply.code(201).send(await deps.shipments.attachDocument(requireActor(request), request.params.shipmentId, request.body, { requestId: request.id })),
  });

  r.get('/shipments/:shipmentId/commercial-invoice', {
    config: { access: 'shipments.read' },
    schema: { tags: ['shipments'], summary: 'The commercial invoice as PDF in the reader’s language (the download is recorded)', params: ShipmentParams, querystring: DocumentLangQuery, response: { 200: Pdf, ...errors } },
    handler: async (request, reply) => {
      const pdf = await deps.shipments.commercialInvoice(requireActor(request), request.params.shipmentId, readerLang(request, request.query.lang));
      return reply.type('application/pdf').header('content-disposition', attachmentDisposition(pdf.fileName)).header('cache-control', 'private, no-store').send(pdf.content);
    },
  });

  r.get('/shipments/:shipmentId/packing-list', {
    config: { access: 'shipments.read' },
    schema: { tags: ['shipments'], summary: 'The packing list as PDF in the reader’s language (the download is recorded)', params: ShipmentParams, querystring: DocumentLangQuery, response: { 200: Pdf, ...errors } },
    handler: async (request, reply) => {
      const pdf = await deps.shipments.packingList(requireActor(request), request.params.shipmentId, readerLang(request, request.query.lang));
      return reply.type('application/pdf').header('content-disposition', attachmentDisposition(pdf.fileName)).header('cache-control', 'private, no-store').send(pdf.content);
    },
  });

  r.get('/shipments/:shipmentId/documents/:documentId', {
    config: { access: 'shipments.read' },
    schema: { tags: ['shipments'], summary: 'Download an uploaded shipping document (the download is recorded)', params: ShipmentDocumentParams, response: { 200: Pdf, ...errors } },
    handler: async (request, reply) => {
      const file = await deps.shipments.openDocument(requireActor(request), request.params.shipmentId, request.params.documentId);
      return reply
        .header('content-type', file.contentType)
        .header('content-length', file.sizeBytes)
        .header('content-disposition', attachmentDisposition(file.fileName))
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cache-control', 'private, no-store')
        .send(file.stream as never);
    },
  });

  r.get('/shipments/:shipmentId/downloads', {
    config: { access: 'shipments.downloads' },
    schema: { tags: ['shipments'], summary: 'Who downloaded which document of the shipment, and when (staff)', params: ShipmentParams, response: { 200: z.array(DocumentDownloadView), ...errors } },
    handler: async (request) => deps.shipments.downloads(requireActor(request), request.params.shipmentId),
  });
}
