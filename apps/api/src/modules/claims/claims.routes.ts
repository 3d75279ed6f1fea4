import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ClaimCustomerFigures, ClaimDraftQuery, ClaimDraftShipment, ClaimDraftView, ClaimFilingTerms, ClaimListQuery, ClaimNoteBody, ClaimParams, ClaimSettings, ClaimShipmentParams, ClaimStepBody, ClaimSummary, ClaimTicketParams, ClaimView,
  FileClaimBody, Problem, UseCreditNoteBody, z,
} from '@portal/schemas';
import { requireActor } from '../../plugins/auth.ts';
import type { ClaimsService } from './claims.service.ts';

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem };
const tags = ['claims'];

/** Claims (索赔): filed against a shipment within the contract's claim period, investigated, settled and recorded by finance. */
export default async function claimsRoutes(app: FastifyInstance, deps: { claims: ClaimsService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/claims', {
    config: { access: 'claims.read' },
    schema: { tags, summary: 'Claims, newest first (buyers: their own company’s)', querystring: ClaimListQuery, response: { 200: z.array(ClaimSummary), ...errors } },
    handler: async (request) => deps.claims.list(requireActor(request), request.query),
  });

  r.post('/claims', {
    config: { access: 'claims.file' },
    schema: { tags, summary: 'File a claim against a shipment of the buyer’s contract (staff: from a complaint ticket)', body: FileClaimBody, response: { 201: ClaimView, ...errors } },
    handler: async (request, reply) => reply.code(201).send(await deps.claims.file(requireActor(request), request.body, { requestId: request.id })),
  });

  r.get('/claims/finance', {
    config: { access: 'claims.finance' },
    schema: { tags, summary: 'Per customer: accepted settlements to pay, payouts made, credit notes open', response: { 200: z.array(ClaimCustomerFigures), ...errors } },
    handler: async () => deps.claims.financeFigures(),
  });

  r.get('/claims/settings', {
    config: { access: 'settings.read' },
    schema: { tags, summary: 'Finance’s approval thresholds per currency', response: { 200: ClaimSettings, ...errors } },
    handler: async () => deps.claims.settings(),
  });

  r.put('/claims/settings', {
    config: { access: 'claims.settings' },
    schema: { tags, summary: 'Set the amounts above which a settlement needs a manager’s approval', body: ClaimSettings, response: { 200: ClaimSettings, ...errors } },
    handler: async (request) => deps.claims.updateSettings(requireActor(request), request.body, { requestId: request.id }),
  });

  r.get('/claims/filing-terms/:shipmentId', {
    config: { access: 'claims.read' },
    schema: { tags, summary: 'What may be claimed on a shipment: its lines as shipped, the arrival and each kind’s deadline', params: ClaimShipmentParams, response: { 200: ClaimFilingTerms, ...errors } },
    handler: async (request) => deps.claims.filingTerms(requireActor(request), request.params.shipmentId),
  });

  r.get('/claims/drafts/:ticketId/shipments', {
    config: { access: 'claims.work' },
    schema: {
      tags, summary: 'The shipments a complaint may concern (those that have left; of its contract, or of its company when it names none), to choose one for its claim draft',
      params: ClaimTicketParams, response: { 200: z.array(ClaimDraftShipment), ...errors },
    },
    handler: async (request) => deps.claims.draftShipments(requireActor(request), request.params.ticketId),
  });

  r.get('/claims/drafts/:ticketId', {
    config: { access: 'claims.work' },
    schema: {
      tags, summary: 'A complaint ticket as a claim draft: the buyer’s words and files, its contract and shipment (the contract’s only shipped one unless named)',
      params: ClaimTicketParams, querystring: ClaimDraftQuery, response: { 200: ClaimDraftView, ...errors },
    },
    handler: async (request) => deps.claims.draftFromTicket(requireActor(request), request.params.ticketId, request.query.shipmentId),
  });

  r.get('/claims/:claimId', {
    config: { access: 'claims.read' },
    schema: { tags, summary: 'One claim: lines, evidence, timeline (internal notes for staff only), response timer and the caller’s steps', params: ClaimParams, response: { 200: ClaimView, ...errors } },
    handler: async (request) => deps.claims.get(requireActor(request), request.params.claimId),
  });

  r.post('/claims/:claimId/steps', {
    config: { access: 'claims.act' },
    schema: { tags, summary: 'Take a step of the claim workflow (the workflow decides who may take which step when)', params: ClaimParams, body: ClaimStepBody, response: { 200: ClaimView, ...errors } },
    handler: async (request) => deps.claims.step(requireActor(request), request.params.claimId, request.body, { requestId: request.id }),
  });

  r.post('/claims/:claimId/credit-note-use', {
    config: { access: 'claims.creditNotes' },
    schema: { tags, summary: 'Use the claim’s open credit note against a later contract of the same customer', params: ClaimParams, body: UseCreditNoteBody, response: { 200: ClaimView, ...errors } },
    handler: async (request) => deps.claims.useCreditNote(requireActor(request), request.params.claimId, request.body, { requestId: request.id }),
  });

  r.post('/claims/:claimId/notes', {
    config: { access: 'claims.work' },
    schema: { tags, summary: 'A staff-only note on the claim, never shown to the buyer', params: ClaimParams, body: ClaimNoteBody, response: { 201: ClaimView, ...errors } },
    handler: async (request, reply) => reply.code(201).send(await deps.claims.note(requireActor(request), request.params.claimId, request.body, { requestId: request.id })),
  });
}
