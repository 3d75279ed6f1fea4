import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { hashPassword, verifyPassword, type Database } from '@portal/db';
import type { UploadQuota } from '@portal/domain';
import type { Mailer, MailMessage } from '@portal/mail';
import type { Config } from './config.ts';
import { systemClock, type Clock } from './infra/clock.ts';
import { createFileStore } from './infra/file-store.ts';
import { createOutboxWorker } from './infra/outbox.worker.ts';
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
import catalogImagesRoutes from './modules/catalog-images/catalog-images.routes.ts';
import { createCatalogImagesService } from './modules/catalog-images/catalog-images.service.ts';
import companiesRoutes from './modules/companies/companies.routes.ts';
import { createCompaniesService } from './modules/companies/companies.service.ts';
import costSheetsRoutes from './modules/cost-sheets/cost-sheets.routes.ts';
import { createCostSheetsService } from './modules/cost-sheets/cost-sheets.service.ts';
import contractsRoutes from './modules/contracts/contracts.routes.ts';
import { createContractsService } from './modules/contracts/contracts.service.ts';
import costingRoutes from './modules/costing/costing.routes.ts';
import healthRoutes from './modules/health/health.routes.ts';
import { createIndicativePriceService } from './modules/inquiries/indicative-price.service.ts';
import inquiriesRoutes from './modules/inquiries/inquiries.routes.ts';
import { createInquiriesService } from './modules/inquiries/inquiries.service.ts';
import negotiationRoutes from './modules/negotiation/negotiation.routes.ts';
import { createNegotiationService } from './modules/negotiation/negotiation.service.ts';
import productsRoutes from './modules/products/products.routes.ts';
import quotesRoutes from './modules/quotes/quotes.routes.ts';
import { createQuotesService } from './modules/quotes/quotes.service.ts';
import referenceRoutes from './modules/reference/reference.routes.ts';
import settingsRoutes from './modules/settings/settings.routes.ts';
import { createSettingsService } from './modules/settings/settings.service.ts';
import { createProductsService } from './modules/products/products.service.ts';
import type { SearchEngine } from './infra/search-engine.ts';
import notificationsRoutes from './modules/notifications/notifications.routes.ts';
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
  /** Pino logger options; tests pass false. */
  logger?: boolean | object;
  /** Upload bounds per person and buyer company in 24 hours; the domain's defaults otherwise. */
  uploadQuota?: UploadQuota;
};

declare module 'fastify' {
  interface FastifyInstance {
    workers: { mail: ReturnType<typeof createOutboxWorker>; search: ReturnType<typeof createOutboxWorker> };
    products: ReturnType<typeof createProductsService>;
    sessions: SessionDirectory;
  }
}

/** Builds the portal: infrastructure plugins first, then the feature modules under /api, then the SPA. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { config, db, mailer } = options;
  const clock = options.clock ?? systemClock;
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
    // A hop count trusts that many proxies nearest to us.
    trustProxy: typeof config.trustProxy === 'number' ? (_address: string, hop: number) => hop < (config.trustProxy as number) : config.trustProxy,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  // ── Infrastructure
  await app.register(errorsPlugin);
  await app.register(securityHeadersPlugin, { publicUrl: config.publicUrl });
  await app.register(sameOriginPlugin, { publicUrl: config.publicUrl });
  await app.register(fastifyRateLimit, { global: false });
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
  const auth = createAuthService({ prisma, clock, passwords, publicUrl: config.publicUrl, sessions });
  const invitations = createInvitationService({ prisma, clock, passwords, publicUrl: config.publicUrl });
  const users = createUsersService({ prisma, clock, passwords, sessions });
  const companies = createCompaniesService({ prisma, clock, publicUrl: config.publicUrl, sessions });
  const search = options.search ?? null;
  const products = createProductsService({ prisma, clock, search, log: app.log });
  app.decorate('products', products);
  const costSheets = createCostSheetsService({ prisma, clock });
  const quotes = createQuotesService({ prisma, clock, publicUrl: config.publicUrl });
  // One content-addressed store for private attachments and public catalog images alike; each
  // module serves only the files its own table registers.
  const files = createFileStore(path.join(config.dataDir, 'files'));
  const quota = options.uploadQuota ? { quota: options.uploadQuota } : {};
  const attachments = createAttachmentsService({ prisma, clock, files, ...quota });
  const catalogImages = createCatalogImagesService({ prisma, clock, files, ...quota });
  const inquiries = createInquiriesService({ prisma, clock, publicUrl: config.publicUrl });
  const indicativePrices = createIndicativePriceService({ prisma, clock });
  const negotiation = createNegotiationService({ prisma, clock, publicUrl: config.publicUrl });
  const contracts = createContractsService({ prisma, clock, publicUrl: config.publicUrl });

  // ── Feature modules
  await app.register(
    async (api) => {
      await api.register(healthRoutes, { prisma, databaseKind: db.kind, mailer, search, version });
      await api.register(authRoutes, { auth, invitations, cookieSecure: config.cookieSecure, loginRateLimit: config.loginRateLimit });
      await api.register(companiesRoutes, { companies });
      await api.register(costingRoutes);
      await api.register(usersRoutes, { users, invitations });
      await api.register(notificationsRoutes, { prisma, clock });
      await api.register(productsRoutes, { products });
      await api.register(catalogImagesRoutes, { catalogImages });
      await api.register(costSheetsRoutes, { costSheets });
      await api.register(quotesRoutes, { quotes });
      await api.register(attachmentsRoutes, { attachments });
      await api.register(inquiriesRoutes, { inquiries, indicativePrices });
      await api.register(negotiationRoutes, { negotiation });
      await api.register(contractsRoutes, { contracts });
      await api.register(referenceRoutes, { prisma });
      await api.register(settingsRoutes, { settings: createSettingsService({ prisma }) });
    },
    { prefix: '/api' },
  );

  // ── Outbox delivery (started by server.ts, driven directly in tests)
  app.decorate('workers', {
    mail: createOutboxWorker({
      db: prisma,
      channel: 'mail',
      clock,
      log: app.log,
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
      maxAttempts: 50,
      handle: async (topic, payload) => {
        if (topic === 'product.sync') await products.syncProducts((payload as { productIds: string[] }).productIds);
        else if (topic === 'synonyms.sync') await products.syncSynonyms();
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
