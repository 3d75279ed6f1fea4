import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  AssignTicketBody, OpenTicketBody, Problem, RateTicketBody, TicketAssignee, TicketListQuery, TicketMessageBody, TicketParams, TicketQueueQuery, TicketStepMessageBody, TicketSummary, TicketView, z,
} from '@portal/schemas';
import { requireActor } from '../../plugins/auth.ts';
import type { TicketsService } from './tickets.service.ts';

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem };
const tags = ['tickets'];

/** The customer service centre: buyers' inquiries, suggestions and complaints, answered by the service staff against working-time targets. */
export default async function ticketsRoutes(app: FastifyInstance, deps: { tickets: TicketsService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/tickets', {
    config: { access: 'tickets.read' },
    schema: { tags, summary: 'Tickets, newest first (buyers: their own company’s)', querystring: TicketListQuery, response: { 200: z.array(TicketSummary), ...errors } },
    handler: async (request) => deps.tickets.list(requireActor(request), request.query),
  });

  r.get('/tickets/queue', {
    config: { access: 'tickets.work' },
    schema: { tags, summary: 'A team’s queue of tickets still worked on: breached first (oldest breach first), then the next due', querystring: TicketQueueQuery, response: { 200: z.array(TicketSummary), ...errors } },
    handler: async (request) => deps.tickets.queue(requireActor(request), request.query),
  });

  r.get('/tickets/assignees', {
    config: { access: 'tickets.work' },
    schema: { tags, summary: 'The service staff a ticket can be assigned to', response: { 200: z.array(TicketAssignee), ...errors } },
    handler: async () => deps.tickets.assignees(),
  });

  r.post('/tickets', {
    config: { access: 'tickets.open' },
    schema: { tags, summary: 'Open a ticket (inquiry, suggestion, complaint), optionally about a product or a contract of the buyer’s company', body: OpenTicketBody, response: { 201: TicketView, ...errors } },
    handler: async (request, reply) => reply.code(201).send(await deps.tickets.open(requireActor(request), request.body, { requestId: request.id })),
  });

  r.get('/tickets/:ticketId', {
    config: { access: 'tickets.read' },
    schema: { tags, summary: 'One ticket with its thread (internal notes for staff only), timers and the caller’s possible steps', params: TicketParams, response: { 200: TicketView, ...errors } },
    handler: async (request) => deps.tickets.get(requireActor(request), request.params.ticketId),
  });

  r.post('/tickets/:ticketId/messages', {
    config: { access: 'tickets.post' },
    schema: {
      tags, summary: 'A message on the thread: the customer’s reply (reopens a resolved ticket), a staff answer, or a staff-only internal note',
      params: TicketParams, body: TicketMessageBody, response: { 201: TicketView, ...errors },
    },
    handler: async (request, reply) => reply.code(201).send(await deps.tickets.post(requireActor(request), request.params.ticketId, request.body, { requestId: request.id })),
  });

  r.post('/tickets/:ticketId/assign', {
    config: { access: 'tickets.work' },
    schema: { tags, summary: 'Assign (or reassign) the ticket to a member of the service staff, the caller by default', params: TicketParams, body: AssignTicketBody, response: { 200: TicketView, ...errors } },
    handler: async (request) => deps.tickets.assign(requireActor(request), request.params.ticketId, request.body, { requestId: request.id }),
  });

  r.post('/tickets/:ticketId/request-info', {
    config: { access: 'tickets.work' },
    schema: { tags, summary: 'Ask the customer for information: the ticket waits for them, its resolution timer pauses', params: TicketParams, body: TicketStepMessageBody, response: { 200: TicketView, ...errors } },
    handler: async (request) => deps.tickets.requestInfo(requireActor(request), request.params.ticketId, request.body, { requestId: request.id }),
  });

  r.post('/tickets/:ticketId/resolve', {
    config: { access: 'tickets.work' },
    schema: { tags, summary: 'Resolve the ticket with a final answer; the customer is asked to rate it', params: TicketParams, body: TicketStepMessageBody, response: { 200: TicketView, ...errors } },
    handler: async (request) => deps.tickets.resolve(requireActor(request), request.params.ticketId, request.body, { requestId: request.id }),
  });

  r.post('/tickets/:ticketId/close', {
    config: { access: 'tickets.post' },
    schema: { tags, summary: 'Close a resolved ticket', params: TicketParams, body: z.strictObject({}).nullish(), response: { 200: TicketView, ...errors } },
    handler: async (request) => deps.tickets.close(requireActor(request), request.params.ticketId, { requestId: request.id }),
  });

  r.post('/tickets/:ticketId/rating', {
    config: { access: 'tickets.rate' },
    schema: { tags, summary: 'The buyer rates the resolution, 1 to 5, once per resolution', params: TicketParams, body: RateTicketBody, response: { 200: TicketView, ...errors } },
    handler: async (request) => deps.tickets.rate(requireActor(request), request.params.ticketId, request.body, { requestId: request.id }),
  });
}
