import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance, type FastifyServerFactory } from 'fastify';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { hashPassword, verifyPassword, type Database } from '@portal/db';
import type { UploadQuota } from '@portal/domain';
import { isPermanentMailError, type Mailer, type MailMessage } from '@portal/mail';
import type { Config } from './config.ts';
import { systemClock, type Clock } from './infra/clock.ts';
import { createFileStore } from './infra/file-store.ts';
import { createOutboxWorker } from './infra/outbox.worker.ts';
import { rateLimitStorage } from './infra/rate-limit-store.ts';
import { createSessionDirectory, type SessionDirectory } from './infra/session-directory.ts';
import { serializeRequest } from './infra/request-log.ts';
import authPlugin from './plugins/auth.ts';
import errorsPlugin, { sendProblem } from './plugins/errors.ts';
import sameOriginPlugin from './plugins/same-origin.ts';
import securityHeadersPlugin from './plugins/security-headers.ts';
import attachmentsRoutes from './modules/attachments/attachments.routes.ts';
import { MAX_ATTACHMENT_BYTES, createAttachmentsService } from './modules/attachments/attachments.service.ts';
import authRoutes from './modules/auth/auth.routes.ts';
import { createAuthService } from './modules/auth/auth.service.ts';
import catalogImagesRoutes from './modules/catalog/catalog-images.routes.ts';
import { createCatalogImagesService } from './modules/catalog/catalog-images.service.ts';
import { createCatalogEditingService } from './modules/catalog/catalog-editing.service.ts';
import { createCatalogIndexService } from './modules/catalog/catalog-index.service.ts';
import catalogRoutes from './modules/catalog/catalog.routes.ts';
import { createCatalogService } from './modules/catalog/catalog.service.ts';
import { createCategoryTree } from './modules/catalog/category-tree.ts';
import { createIndicativePriceService } from './modules/catalog/indicative-price.service.ts';
import companiesRoutes from './modules/companies/companies.routes.ts';
import { createCompaniesService } from './modules/companies/companies.service.ts';
import costingRoutes from './modules/costing/costing.routes.ts';
import { createCostingService } from './modules/costing/costing.service.ts';
import healthRoutes from './modules/health/health.routes.ts';
import homeRoutes from './modules/home/home.routes.ts';
import { createHomeService } from './modules/home/home.service.ts';
import { createCompaniesHome } from './modules/companies/companies.home.ts';
import { createInquiriesHome } from './modules/inquiries/inquiries.home.ts';
import { createLettersOfCreditHome } from './modules/letters-of-credit/letters-of-credit.home.ts';
import { createNegotiationHome } from './modules/negotiation/negotiation.home.ts';
import { createOutboxHome } from './modules/outbox/outbox.home.ts';
import { createQuotesHome } from './modules/quotes/quotes.home.ts';
import { createSalesContractsHome } from './modules/sales-contracts/sales-contracts.home.ts';
import { createHealthService, type SearchSupervision } from './modules/health/health.service.ts';
import inquiriesRoutes from './modules/inquiries/inquiries.routes.ts';
import { createInquiriesService } from './modules/inquiries/inquiries.service.ts';
import { createInquiryListService } from './modules/inquiries/inquiry-list.service.ts';
import lettersOfCreditRoutes from './modules/letters-of-credit/letters-of-credit.routes.ts';
import { createLettersOfCreditService } from './modules/letters-of-credit/letters-of-credit.service.ts';
import { createAgeingService } from './modules/payments/ageing.service.ts';
import { createDunningJob, createDunningService } from './modules/payments/dunning.service.ts';
import { createFinanceSettingsService } from './modules/payments/finance-settings.service.ts';
import paymentsRoutes from './modules/payments/payments.routes.ts';
import { createPaymentsService } from './modules/payments/payments.service.ts';
import { createReceiptsService } from './modules/payments/receipts.service.ts';
import { createScheduleService } from './modules/payments/schedule.service.ts';
import negotiationRoutes from './modules/negotiation/negotiation.routes.ts';
import { createNegotiationService } from './modules/negotiation/negotiation.service.ts';
import notificationsRoutes from './modules/notifications/notifications.routes.ts';
import { createNotificationsService } from './modules/notifications/notifications.service.ts';
import quotesRoutes from './modules/quotes/quotes.routes.ts';
import { createQuotesService } from './modules/quotes/quotes.service.ts';
import referenceRoutes from './modules/reference/reference.routes.ts';
import { createReferenceService } from './modules/reference/reference.service.ts';
import salesContractsRoutes from './modules/sales-contracts/sales-contracts.routes.ts';
import { createSalesContractsService } from './modules/sales-contracts/sales-contracts.service.ts';
import qualityCertificatesRoutes from './modules/quality-certificates/quality-certificates.routes.ts';
import { createQualityCertificatesService } from './modules/quality-certificates/quality-certificates.service.ts';
import shipmentsRoutes from './modules/shipments/shipments.routes.ts';
import { createShipmentsService } from './modules/shipments/shipments.service.ts';
import settingsRoutes from './modules/settings/settings.routes.ts';
import { createSettingsService } from './modules/settings/settings.service.ts';
import ticketsRoutes from './modules/tickets/tickets.routes.ts';
import { createTicketsService } from './modules/tickets/tickets.service.ts';
import { createTicketsHome } from './modules/tickets/tickets.home.ts';
import claimsRoutes from './modules/claims/claims.routes.ts';
import { createClaimsService } from './modules/claims/claims.service.ts';
import { createClaimsHome } from './modules/claims/claims.home.ts';
import { createShipmentsHome } from './modules/shipments/shipments.home.ts';
import { createPaymentsHome } from './modules/payments/payments.home.ts';
import type { SearchEngine } from './infra/search-engine.ts';
import { createInvitationService } from './modules/users/invitations.service.ts';
import usersRoutes from './modules/users/users.routes.ts';
import { createUsersService } from './modules/users/users.service.ts';

export const version = '0.1.0';

export type AppOptions = {
  config: Config;
  db: Database;
  mailer: Mailer;
  /** The product index; null runs the catalog on the database alone (marked degraded). */
  search?: SearchEngine | null;
  clock?: Clock;
  /** The HTTP server to serve on (server.ts binds the port before the database is ready). */
  serverFactory?: FastifyServerFactory;
  /** The embedded Meilisearch's supervisor, for health. */
  searchSupervision?: SearchSupervision | null;
  /** Pino logger options; tests pass false. */
  logger?: boolean | object;
  /** Upload bounds per person and buyer company in 24 hours; the domain's defaults otherwise. */
  uploadQuota?: UploadQuota;
};

declare module 'fastify' {
  interface FastifyInstance {
    workers: { mail: ReturnType<typeof createOutboxWorker>; search: ReturnType<typeof createOutboxWorker> };
    /** The catalog's search index upkeep (server.ts reconciles the index at start with it). */
    products: ReturnType<typeof createCatalogIndexService>;
    sessions: SessionDirectory;
    /** Payment schedules: the shipments service refreshes a contract's schedule in its transaction when a B/L date is recorded. */
    schedule: ReturnType<typeof createScheduleService>;
    /** Periodic jobs started by server.ts: reminders and dunning. */
    jobs: { dunning: ReturnType<typeof createDunningJob> };
    /** Marks the app as shutting down: health answers 503 "stopping" from now on. */
    markStopping(): void;
  }
}

/** Builds the portal: infrastructure plugins first, then the feature modules under /api, then the SPA. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { config, db, mailer } = options;
  const clock = options.clock ?? systemClock;
  let stopping = false;
  const prisma = db.prisma;
  const passwords = { hash: hashPassword, verify: verifyPassword };

  const logger = options.logger ?? { level: config.logLevel };
  const app = Fastify({
    // Every request is logged with its URL redacted (invitation tokens).
    logger: logger === false ? false : { ...(logger === true ? {} : logger), serializers: { req: serializeRequest } },
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{8,64}$/.test(given) ? given : randomUUID();
    },
    bodyLimit: 1_048_576,
    ...(options.serverFactory ? { serverFactory: options.serverFactory } : {}),
    // A hop count trusts that many proxies nearest to us.
    trustProxy: typeof config.trustProxy === 'number' ? (_address: string, hop: number) => hop < (config.trustProxy as number) : config.trustProxy,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  // ── Infrastructure
  await app.register(errorsPlugin);
  await app.register(securityHeadersPlugin, { publicUrl: config.publicUrl });
  await app.register(sameOriginPlugin, { publicUrl: config.publicUrl });
  // Request limits counted where every process sees them (database or Redis), see rate-limit-store.ts.
  const rateLimits = rateLimitStorage({ databaseKind: db.kind, prisma, redisUrl: config.redisUrl });
  app.addHook('onClose', () => rateLimits.close());
  await app.register(fastifyRateLimit, { global: false, ...rateLimits.plugin });
  // Uploads: one file of at most 10 MB per request (the JSON body limit does not apply to them).
  await app.register(fastifyMultipart, { limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1, fields: 10, parts: 11 } });
  const sessions = await createSessionDirectory({ prisma, listen: db.listen });
  app.decorate('sessions', sessions);
  app.addHook('onClose', () => sessions.close());
  await app.register(authPlugin, { sessions, jwtSecret: config.jwtSecret, cookieSecure: config.cookieSecure });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Harbour Homeware buyer portal API', version, description: 'Every route, its roles and its schemas. Errors are problem+json (RFC 9457).' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'portal_access' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  // ── Services, wired by hand
  const settings = createSettingsService({ prisma });
  const auth = createAuthService({ prisma, clock, passwords, publicUrl: config.publicUrl, sessions });
  const invitations = createInvitationService({ prisma, clock, passwords, publicUrl: config.publicUrl });
  const users = createUsersService({ prisma, clock, passwords, sessions });
  const companies = createCompaniesService({ prisma, clock, publicUrl: config.publicUrl, sessions });
  const search = options.search ?? null;
  const categories = createCategoryTree(prisma);
  const catalog = createCatalogService({ prisma, search, categories, log: app.log });
  const catalogEditing = createCatalogEditingService({ prisma, clock, categories });
  const catalogIndex = createCatalogIndexService({ prisma, search, categories });
  app.decorate('products', catalogIndex);
  const indicativePrices = createIndicativePriceService({ prisma, clock, settings });
  app.decorate('markStopping', () => {
    stopping = true;
  });
  // One content-addressed store for private attachments and public catalog images alike; each
  // module serves only the files its own table registers.
  const files = createFileStore(path.join(config.dataDir, 'files'));
  const quota = options.uploadQuota ? { quota: options.uploadQuota } : {};
  const attachments = createAttachmentsService({ prisma, clock, files, ...quota });
  const catalogImages = createCatalogImagesService({ prisma, clock, files, ...quota });
  const costing = createCostingService({ prisma, clock });
  const inquiries = createInquiriesService({ prisma, clock, publicUrl: config.publicUrl, settings, attachments });
  const quotes = createQuotesService({ prisma, clock, publicUrl: config.publicUrl, settings });
  // The schedule reads the shipments' dates (B/L, on board, invoice); the shipments service refreshes it when they change.
  const schedule = createScheduleService({
    clock,
    shipmentFacts: (contractId, db) => shipments.shipmentFactsForContract(contractId, db),
    bankCalendar: (db) => financeSettings.bankCalendar(db),
  });
  app.decorate('schedule', schedule);
  const financeSettings = createFinanceSettingsService({ prisma, onBankCalendarChange: async (tx, actorId) => void (await schedule.refreshLcSchedules(tx, actorId)) });
  const payments = createPaymentsService({ prisma, clock, settings: financeSettings });
  const receipts = createReceiptsService({ prisma, clock, publicUrl: config.publicUrl, settings: financeSettings });
  const ageing = createAgeingService({ prisma, clock });
  const dunning = createDunningService({ prisma, clock, publicUrl: config.publicUrl, settings: financeSettings });
  app.decorate('jobs', { dunning: createDunningJob(dunning, app.log) });
  const salesContracts = createSalesContractsService({ prisma, clock, publicUrl: config.publicUrl, schedule });
  const lettersOfCredit = createLettersOfCreditService({ prisma, clock, publicUrl: config.publicUrl, contracts: salesContracts });
  const negotiation = createNegotiationService({ prisma, clock, publicUrl: config.publicUrl, attachments, contracts: salesContracts, settings });
  const tickets = createTicketsService({ prisma, clock, publicUrl: config.publicUrl, attachments });
  const claims = createClaimsService({ prisma, clock, publicUrl: config.publicUrl });
  // The home page asks each capability what waits for the user (see home.service.ts).
  const home = createHomeService({
    clock,
    providers: [
      createInquiriesHome({ prisma, settings }),
      createQuotesHome({ prisma }),
      createNegotiationHome({ prisma }),
      createSalesContractsHome({ prisma }),
      createLettersOfCreditHome({ prisma }),
      createCompaniesHome({ prisma }),
      createOutboxHome({ prisma }),
      createShipmentsHome({ prisma }),
      createPaymentsHome({ prisma }),
      createTicketsHome({ prisma }),
      createClaimsHome({ prisma }),
    ],
  });
  const shipments = createShipmentsService({ prisma, clock, publicUrl: config.publicUrl, files, schedule });
  const qualityCertificates = createQualityCertificatesService({ prisma, clock, files });
  const health = createHealthService({ prisma, databaseKind: db.kind, mailer, search, supervision: options.searchSupervision ?? null, clock, version, stopping: () => stopping });

  // ── Feature modules, one per capability
  await app.register(
    async (api) => {
      await api.register(healthRoutes, { health });
      await api.register(authRoutes, { auth, invitations, cookieSecure: config.cookieSecure, loginRateLimit: config.loginRateLimit });
      await api.register(companiesRoutes, { companies });
      await api.register(usersRoutes, { users, invitations });
      await api.register(notificationsRoutes, { notifications: createNotificationsService({ prisma, clock }) });
      await api.register(homeRoutes, { home });
      await api.register(catalogRoutes, { catalog, editing: catalogEditing, index: catalogIndex, indicativePrices });
      await api.register(catalogImagesRoutes, { catalogImages });
      await api.register(costingRoutes, { costing });
      await api.register(attachmentsRoutes, { attachments });
      await api.register(inquiriesRoutes, { inquiries, inquiryList: createInquiryListService({ prisma, clock }) });
      await api.register(quotesRoutes, { quotes });
      await api.register(negotiationRoutes, { negotiation });
      await api.register(salesContractsRoutes, { contracts: salesContracts });
      await api.register(lettersOfCreditRoutes, { lettersOfCredit });
      await api.register(ticketsRoutes, { tickets });
      await api.register(claimsRoutes, { claims });
      await api.register(paymentsRoutes, { payments, receipts, ageing, dunning, settings: financeSettings });
      await api.register(shipmentsRoutes, { shipments });
      await api.register(qualityCertificatesRoutes, { qualityCertificates });
      await api.register(referenceRoutes, { reference: createReferenceService({ prisma }), settings });
      await api.register(settingsRoutes, { settings });
    },
    { prefix: '/api' },
  );

  // ── Outbox delivery (started by server.ts, driven directly in tests): retried for ever with
  // capped backoff; a refusal for good is held for an administrator (GET /api/outbox/events).
  app.decorate('workers', {
    mail: createOutboxWorker({
      db: prisma,
      channel: 'mail',
      clock,
      log: app.log,
      isPermanent: isPermanentMailError,
      probe: () => mailer.verify(),
      handle: async (_topic, payload) => {
        await mailer.send(payload as MailMessage);
      },
    }),
    // Index tasks wait in the outbox while Meilisearch is down and are applied when it returns.
    search: createOutboxWorker({
      db: prisma,
      channel: 'search',
      clock,
      log: app.log,
      concurrency: 1,
      ...(search ? { probe: () => search.isHealthy() } : {}),
      handle: async (topic, payload) => {
        if (topic === 'product.sync') await catalogIndex.syncProducts((payload as { productIds: string[] }).productIds);
        else if (topic === 'synonyms.sync') await catalogIndex.syncSynonyms();
      },
    }),
  });

  // ── The SPA: built files, and index.html for every other GET so client routes deep-link.
  const indexHtml = path.join(config.webDist, 'index.html');
  const hasWeb = existsSync(indexHtml);
  if (hasWeb) {
    await app.register(fastifyStatic, { root: config.webDist, wildcard: false, index: false, maxAge: '1y', immutable: true });
  }
  app.setNotFoundHandler((request, reply) => {
    const url = request.url.split('?')[0] ?? '/';
    if (hasWeb && request.method === 'GET' && !url.startsWith('/api') && !url.startsWith('/assets/')) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html', config.webDist, { maxAge: 0, immutable: false });
    }
    return sendProblem(reply, request, 404, 'NOT_FOUND', `no route ${request.method} ${url}`);
  });

  return app;
}
