import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  AgeingItemView, AgeingItemsQuery, AgeingQuery, AgeingView, AllocateBody, ConfirmLineBody, CreditLimitBody, CustomerCollectionsView, DunningPauseBody, DunningRunView, ExposureQuery,
  ExposureView, FinanceSettings, Id, IgnoreLineBody, ImportStatementBody, PaymentPageQuery, PaymentPageView, Problem, ReceiptView, ReceivablesQuery, RecordReceiptBody, ReverseBody,
  ScheduleItemView, StatementImportSummary, StatementImportView, WriteOffBody, z,
} from '@portal/schemas';
import { requireActor } from '../../plugins/auth.ts';
import type { AgeingService } from './ageing.service.ts';
import type { DunningService } from './dunning.service.ts';
import type { FinanceSettingsService } from './finance-settings.service.ts';
import type { PaymentsService } from './payments.service.ts';
import type { ReceiptsService } from './receipts.service.ts';

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem };
const tags = ['payments'];
const contractParams = z.strictObject({ contractId: Id });
const companyParams = z.strictObject({ companyId: Id });
const receiptParams = z.strictObject({ receiptId: Id });
const entryParams = z.strictObject({ entryId: Id });
const itemParams = z.strictObject({ itemId: Id });
const importParams = z.strictObject({ importId: Id });
const lineParams = z.strictObject({ lineId: Id });

/** Statement files up to 5 MiB, sent as JSON text: the body may be a little larger than the file. */
const STATEMENT_BODY_LIMIT = 6 * 1024 * 1024;

/** Collections: the buyer's payment page; finance's receipts, allocation, statements, ageing, dunning and credit. */
export default async function paymentsRoutes(
  app: FastifyInstance,
  deps: { payments: PaymentsService; receipts: ReceiptsService; ageing: AgeingService; dunning: DunningService; settings: FinanceSettingsService },
) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const meta = (request: { id: string }) => ({ requestId: request.id });

  // ── The payment page
  r.get('/payments', {
    config: { access: 'payments.read' },
    schema: { tags, summary: 'The payment page across all contracts, per currency (buyers: their own company; staff name the company)', querystring: PaymentPageQuery, response: { 200: PaymentPageView, ...errors } },
    handler: async (request) => deps.payments.paymentPage(requireActor(request), { ...(request.query.companyId ? { companyId: request.query.companyId } : {}) }),
  });
  r.get('/contracts/:contractId/payments', {
    config: { access: 'payments.read' },
    schema: { tags, summary: 'The payment page of one contract: its schedule, references, bank details and receipts', params: contractParams, response: { 200: PaymentPageView, ...errors } },
    handler: async (request) => deps.payments.paymentPage(requireActor(request), { contractId: request.params.contractId }),
  });

  // ── Receivables and receipts (finance)
  r.get('/payments/receivables', {
    config: { access: 'payments.receivables' },
    schema: { tags, summary: 'Schedule items across customers (open by default)', querystring: ReceivablesQuery, response: { 200: z.array(ScheduleItemView), ...errors } },
    handler: async (request) => deps.payments.receivables(request.query),
  });
  r.get('/payments/receipts', {
    config: { access: 'payments.receivables' },
    schema: { tags, summary: 'Receipts, newest first', querystring: z.strictObject({ companyId: Id.optional() }), response: { 200: z.array(ReceiptView), ...errors } },
    handler: async (request) => deps.receipts.listReceipts(request.query.companyId),
  });
  r.post('/payments/receipts', {
    config: { access: 'payments.manage' },
    schema: { tags, summary: 'Record money received, optionally allocating it to open items', body: RecordReceiptBody, response: { 201: ReceiptView, ...errors } },
    handler: async (request, reply) => reply.code(201).send(await deps.receipts.record(requireActor(request), request.body, meta(request))),
  });
  r.get('/payments/receipts/:receiptId', {
    config: { access: 'payments.receivables' },
    schema: { tags, summary: 'One receipt with its ledger entries', params: receiptParams, response: { 200: ReceiptView, ...errors } },
    handler: async (request) => deps.receipts.receiptView(request.params.receiptId),
  });
  r.post('/payments/receipts/:receiptId/allocate', {
    config: { access: 'payments.manage' },
    schema: { tags, summary: 'Allocate a receipt to open items (never above an item’s open amount or the receipt’s rest)', params: receiptParams, body: AllocateBody, response: { 200: ReceiptView, ...errors } },
    handler: async (request) => deps.receipts.allocate(requireActor(request), request.params.receiptId, request.body, meta(request)),
  });
  r.post('/payments/entries/:entryId/reverse', {
    config: { access: 'payments.manage' },
    schema: { tags, summary: 'Reverse a ledger entry (a correction; nothing is edited in place)', params: entryParams, body: ReverseBody, response: { 200: ReceiptView.nullable(), ...errors } },
    handler: async (request) => deps.receipts.reverse(requireActor(request), request.params.entryId, request.body.reason, meta(request)),
  });
  r.post('/payments/items/:itemId/write-off', {
    config: { access: 'payments.manage' },
    schema: { tags, summary: 'Write off (bad debt) up to the open amount of an item', params: itemParams, body: WriteOffBody, response: { 204: z.null(), ...errors } },
    handler: async (request, reply) => {
      await deps.receipts.writeOff(requireActor(request), request.params.itemId, request.body, meta(request));
      return reply.code(204).send(null);
    },
  });

  // ── Bank statements
  r.post('/payments/statements', {
    bodyLimit: STATEMENT_BODY_LIMIT,
    config: { access: 'payments.manage' },
    schema: { tags, summary: 'Import a camt.053 / camt.054 file: its credits with proposed matches (entries seen before are not stored again)', body: ImportStatementBody, response: { 201: StatementImportView, ...errors } },
    handler: async (request, reply) => reply.code(201).send(await deps.receipts.importStatement(requireActor(request), request.body, meta(request))),
  });
  r.get('/payments/statements', {
    config: { access: 'payments.manage' },
    schema: { tags, summary: 'Statement imports, newest first, with how many lines wait for a decision', response: { 200: z.array(StatementImportSummary), ...errors } },
    handler: async () => deps.receipts.listImports(),
  });
  r.get('/payments/statements/:importId', {
    config: { access: 'payments.manage' },
    schema: { tags, summary: 'One import with its lines and proposals', params: importParams, response: { 200: StatementImportView, ...errors } },
    handler: async (request) => deps.receipts.importView(request.params.importId),
  });
  r.post('/payments/statement-lines/:lineId/confirm', {
    config: { access: 'payments.manage' },
    schema: { tags, summary: 'Confirm a line as proposed or corrected: a receipt, allocated', params: lineParams, body: ConfirmLineBody, response: { 200: StatementImportView, ...errors } },
    handler: async (request) => deps.receipts.confirmLine(requireActor(request), request.params.lineId, request.body, meta(request)),
  });
  r.post('/payments/statement-lines/:lineId/ignore', {
    config: { access: 'payments.manage' },
    schema: { tags, summary: 'Mark a line as not a customer payment', params: lineParams, body: IgnoreLineBody, response: { 200: StatementImportView, ...errors } },
    handler: async (request) => deps.receipts.ignoreLine(requireActor(request), request.params.lineId, request.body, meta(request)),
  });

  // ── Ageing
  r.get('/payments/ageing', {
    config: { access: 'payments.receivables' },
    schema: { tags, summary: 'Ageing by customer and currency as of a date (not due, 1–30, 31–60, 61–90, over 90 days)', querystring: AgeingQuery, response: { 200: AgeingView, ...errors } },
    handler: async (request) => deps.ageing.report(request.query),
  });
  r.get('/payments/ageing/items', {
    config: { access: 'payments.receivables' },
    schema: { tags, summary: 'The open items of one customer and currency, optionally of one bucket', querystring: AgeingItemsQuery, response: { 200: z.array(AgeingItemView), ...errors } },
    handler: async (request) => deps.ageing.items(request.query),
  });
  r.get('/payments/ageing.csv', {
    config: { access: 'payments.receivables' },
    schema: { tags, summary: 'The ageing report as CSV', querystring: AgeingQuery, response: { 200: z.string().describe('text/csv'), ...errors } },
    handler: async (request, reply) => {
      const csv = await deps.ageing.csv(request.query);
      return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="ageing-${request.query.asOf ?? 'today'}.csv"`).send(csv);
    },
  });

  // ── Dunning, settings, credit
  r.get('/payments/customers', {
    config: { access: 'payments.receivables' },
    schema: { tags, summary: 'Buyer companies with open and overdue amounts, credit limit, last notice and dunning pause', response: { 200: z.array(CustomerCollectionsView), ...errors } },
    handler: async () => deps.payments.customers(),
  });
  r.post('/payments/customers/:companyId/dunning-pause', {
    config: { access: 'payments.manage' },
    schema: { tags, summary: 'Pause dunning for a customer, with the reason', params: companyParams, body: DunningPauseBody, response: { 204: z.null(), ...errors } },
    handler: async (request, reply) => {
      await deps.dunning.pause(requireActor(request), request.params.companyId, request.body.reason, meta(request));
      return reply.code(204).send(null);
    },
  });
  r.post('/payments/customers/:companyId/dunning-resume', {
    config: { access: 'payments.manage' },
    schema: { tags, summary: 'Resume dunning for a customer', params: companyParams, response: { 204: z.null(), ...errors } },
    handler: async (request, reply) => {
      await deps.dunning.resume(requireActor(request), request.params.companyId, meta(request));
      return reply.code(204).send(null);
    },
  });
  r.post('/payments/dunning/run', {
    config: { access: 'payments.manage' },
    schema: { tags, summary: 'Run reminders and dunning now (the job runs hourly; each notice is sent once)', response: { 200: DunningRunView, ...errors } },
    handler: async () => deps.dunning.run(),
  });
  r.get('/payments/settings', {
    config: { access: 'payments.receivables' },
    schema: { tags, summary: 'Finance settings: bank charge tolerance, reminder and dunning levels, accounts', response: { 200: FinanceSettings, ...errors } },
    handler: async () => deps.settings.get(),
  });
  r.put('/payments/settings', {
    config: { access: 'payments.manage' },
    schema: { tags, summary: 'Change the finance settings', body: FinanceSettings, response: { 200: FinanceSettings, ...errors } },
    handler: async (request) => deps.settings.update(requireActor(request), request.body, meta(request)),
  });
  r.get('/payments/customers/:companyId/exposure', {
    config: { access: 'payments.exposure' },
    schema: { tags, summary: 'Credit exposure of a customer against its limit, with a proposed contract amount', params: companyParams, querystring: ExposureQuery, response: { 200: ExposureView, ...errors } },
    handler: async (request) => deps.payments.exposure(request.params.companyId, request.query),
  });
  r.put('/payments/customers/:companyId/credit', {
    config: { access: 'payments.creditLimit' },
    schema: { tags, summary: 'Set or clear a customer’s credit limit and terms', params: companyParams, body: CreditLimitBody, response: { 200: ExposureView, ...errors } },
    handler: async (request) => deps.payments.setCredit(requireActor(request), request.params.companyId, request.body, meta(request)),
  });
}
