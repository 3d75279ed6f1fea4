import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { companyIdOf, loginAs, multipart, startTestApp, type TestContext } from './helpers.ts';

type Role = 'BUYER' | 'CLERK' | 'FINANCE' | 'MANAGER' | 'ADMIN';
type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
type Access = 'public' | 'authenticated' | Role[];

const ALL: Role[] = ['BUYER', 'CLERK', 'FINANCE', 'MANAGER', 'ADMIN'];
const STAFF: Role[] = ['CLERK', 'FINANCE', 'MANAGER', 'ADMIN'];

/**
 * Who may call each route, written down independently of the code. The first test proves that this
 * table lists exactly the routes the app has, so a new route cannot ship without a row here.
 * `anonymous` is what a public route answers without a session (and without a body).
 */
const table: { method: Method; url: string; access: Access; anonymous?: number }[] = [
  { method: 'GET', url: '/api/health', access: 'public', anonymous: 200 },
  { method: 'GET', url: '/api/outbox/events', access: ['ADMIN'] },
  { method: 'POST', url: '/api/outbox/events/:eventId/retry', access: ['ADMIN'] },
  { method: 'POST', url: '/api/outbox/events/:eventId/discard', access: ['ADMIN'] },
  { method: 'POST', url: '/api/auth/login', access: 'public', anonymous: 400 },
  { method: 'POST', url: '/api/auth/refresh', access: 'public', anonymous: 401 },
  { method: 'POST', url: '/api/auth/logout', access: 'public', anonymous: 204 },
  { method: 'POST', url: '/api/auth/register', access: 'public', anonymous: 400 },
  { method: 'POST', url: '/api/auth/verify-email', access: 'public', anonymous: 400 },
  { method: 'GET', url: '/api/invitations/:token', access: 'public', anonymous: 404 },
  { method: 'POST', url: '/api/invitations/accept', access: 'public', anonymous: 400 },
  { method: 'GET', url: '/api/auth/me', access: 'authenticated' },
  { method: 'PATCH', url: '/api/auth/me', access: 'authenticated' },
  { method: 'POST', url: '/api/auth/password', access: 'authenticated' },
  { method: 'GET', url: '/api/notifications', access: 'authenticated' },
  { method: 'GET', url: '/api/home', access: 'authenticated' },
  { method: 'POST', url: '/api/notifications/:notificationId/read', access: 'authenticated' },
  { method: 'POST', url: '/api/notifications/read-all', access: 'authenticated' },
  { method: 'GET', url: '/api/companies', access: STAFF },
  { method: 'GET', url: '/api/companies/:companyId', access: ALL },
  { method: 'PATCH', url: '/api/companies/:companyId', access: ['BUYER', 'ADMIN'] },
  { method: 'POST', url: '/api/companies/:companyId/review', access: ['MANAGER', 'ADMIN'] },
  { method: 'POST', url: '/api/companies/:companyId/identity-change/review', access: ['MANAGER', 'ADMIN'] },
  { method: 'POST', url: '/api/costing/calculate', access: STAFF },
  { method: 'POST', url: '/api/costing/calculate-batch', access: STAFF },
  { method: 'POST', url: '/api/costing/evaluate', access: STAFF },
  { method: 'POST', url: '/api/costing/evaluate-batch', access: STAFF },
  { method: 'GET', url: '/api/companies/:companyId/users', access: ALL },
  { method: 'PATCH', url: '/api/companies/:companyId/users/:userId', access: ['BUYER', 'ADMIN'] },
  { method: 'POST', url: '/api/companies/:companyId/invitations', access: ['BUYER', 'ADMIN'] },
  { method: 'DELETE', url: '/api/companies/:companyId/invitations/:invitationId', access: ['BUYER', 'ADMIN'] },
  { method: 'GET', url: '/api/staff', access: ['ADMIN'] },
  { method: 'POST', url: '/api/staff', access: ['ADMIN'] },
  { method: 'PATCH', url: '/api/staff/:userId', access: ['ADMIN'] },
  { method: 'GET', url: '/api/catalog/search', access: 'public', anonymous: 200 },
  { method: 'GET', url: '/api/catalog/products/:productId', access: 'public', anonymous: 404 },
  { method: 'GET', url: '/api/catalog/supplier', access: 'public', anonymous: 200 },
  { method: 'PUT', url: '/api/catalog/supplier', access: ['MANAGER', 'ADMIN'] },
  { method: 'GET', url: '/api/catalog/categories', access: 'public', anonymous: 200 },
  { method: 'GET', url: '/api/catalog/images/:sha256', access: 'public', anonymous: 404 },
  { method: 'POST', url: '/api/catalog/images', access: ['CLERK', 'MANAGER', 'ADMIN'] },
  { method: 'GET', url: '/api/catalog/products/:productId/indicative-price', access: ALL },
  { method: 'POST', url: '/api/attachments', access: ALL },
  { method: 'GET', url: '/api/attachments/:attachmentId', access: ALL },
  { method: 'POST', url: '/api/inquiries', access: ['BUYER'] },
  { method: 'GET', url: '/api/inquiries', access: ALL },
  { method: 'GET', url: '/api/inquiry-list', access: ['BUYER'] },
  { method: 'PUT', url: '/api/inquiry-list/:productId', access: ['BUYER'] },
  { method: 'DELETE', url: '/api/inquiry-list/:productId', access: ['BUYER'] },
  { method: 'DELETE', url: '/api/inquiry-list', access: ['BUYER'] },
  { method: 'GET', url: '/api/inquiries/:inquiryId', access: ALL },
  { method: 'POST', url: '/api/inquiries/:inquiryId/withdraw', access: ['BUYER'] },
  { method: 'POST', url: '/api/inquiries/:inquiryId/assign', access: ['CLERK', 'MANAGER', 'ADMIN'] },
  { method: 'GET', url: '/api/reference/ports', access: 'public', anonymous: 200 },
  { method: 'GET', url: '/api/reference/incoterms', access: 'public', anonymous: 200 },
  { method: 'GET', url: '/api/reference/exchange-rates', access: STAFF },
  { method: 'GET', url: '/api/settings', access: STAFF },
  { method: 'PUT', url: '/api/settings', access: ['MANAGER', 'ADMIN'] },
  { method: 'GET', url: '/api/products', access: STAFF },
  { method: 'GET', url: '/api/products/:productId', access: STAFF },
  { method: 'POST', url: '/api/products', access: ['CLERK', 'MANAGER', 'ADMIN'] },
  { method: 'PUT', url: '/api/products/:productId', access: ['CLERK', 'MANAGER', 'ADMIN'] },
  { method: 'POST', url: '/api/products/:productId/archive', access: ['CLERK', 'MANAGER', 'ADMIN'] },
  { method: 'POST', url: '/api/products/:productId/restore', access: ['CLERK', 'MANAGER', 'ADMIN'] },
  { method: 'POST', url: '/api/categories', access: ['CLERK', 'MANAGER', 'ADMIN'] },
  { method: 'PUT', url: '/api/categories/:categoryId', access: ['CLERK', 'MANAGER', 'ADMIN'] },
  { method: 'POST', url: '/api/search/rebuild', access: ['ADMIN'] },
  { method: 'GET', url: '/api/search/synonyms', access: STAFF },
  { method: 'PUT', url: '/api/search/synonyms', access: ['CLERK', 'MANAGER', 'ADMIN'] },
  { method: 'POST', url: '/api/cost-sheets', access: ['CLERK', 'MANAGER', 'ADMIN'] },
  { method: 'GET', url: '/api/cost-sheets', access: STAFF },
  { method: 'GET', url: '/api/cost-sheets/:costSheetId', access: STAFF },
  { method: 'POST', url: '/api/inquiries/:inquiryId/quotes', access: ['CLERK', 'MANAGER', 'ADMIN'] },
  { method: 'GET', url: '/api/quotes/:quoteId', access: ALL },
  { method: 'POST', url: '/api/quotes/:quoteId/revisions', access: ['CLERK', 'MANAGER', 'ADMIN'] },
  { method: 'PUT', url: '/api/quotes/:quoteId/revisions/:revisionNo', access: ['CLERK', 'MANAGER', 'ADMIN'] },
  { method: 'POST', url: '/api/quotes/:quoteId/revisions/:revisionNo/send', access: ['CLERK', 'MANAGER', 'ADMIN'] },
  { method: 'POST', url: '/api/quotes/:quoteId/revisions/:revisionNo/approval', access: ['MANAGER', 'ADMIN'] },
  { method: 'GET', url: '/api/quotes/:quoteId/revisions/:revisionNo/pdf', access: ALL },
  { method: 'GET', url: '/api/approvals/quotes', access: ['MANAGER', 'ADMIN'] },
  { method: 'GET', url: '/api/inquiries/:inquiryId/messages', access: ALL },
  { method: 'POST', url: '/api/inquiries/:inquiryId/messages', access: ['BUYER', 'CLERK', 'MANAGER', 'ADMIN'] },
  { method: 'POST', url: '/api/inquiries/:inquiryId/counter-offers', access: ['BUYER'] },
  { method: 'POST', url: '/api/inquiries/:inquiryId/change-requests', access: ['BUYER'] },
  { method: 'POST', url: '/api/quotes/:quoteId/revisions/:revisionNo/decline', access: ['BUYER'] },
  { method: 'POST', url: '/api/quotes/:quoteId/revisions/:revisionNo/accept', access: ['BUYER'] },
  { method: 'GET', url: '/api/contracts', access: ALL },
  { method: 'GET', url: '/api/contracts/:contractId', access: ALL },
  { method: 'POST', url: '/api/contracts/:contractId/confirm', access: ['BUYER'] },
  { method: 'GET', url: '/api/contracts/:contractId/pdf', access: ALL },
  { method: 'POST', url: '/api/contracts/:contractId/amendments', access: ['CLERK', 'MANAGER', 'ADMIN'] },
  { method: 'POST', url: '/api/contracts/:contractId/amendments/:number/confirm', access: ['BUYER'] },
  { method: 'PUT', url: '/api/contracts/:contractId/letter-of-credit', access: ['BUYER'] },
  { method: 'POST', url: '/api/contracts/:contractId/letter-of-credit/review', access: ['CLERK', 'MANAGER'] },
  { method: 'GET', url: '/api/tickets', access: ALL },
  { method: 'GET', url: '/api/tickets/queue', access: ['CLERK', 'MANAGER', 'FINANCE'] },
  { method: 'GET', url: '/api/tickets/assignees', access: ['CLERK', 'MANAGER', 'FINANCE'] },
  { method: 'POST', url: '/api/tickets', access: ['BUYER'] },
  { method: 'GET', url: '/api/tickets/:ticketId', access: ALL },
  { method: 'POST', url: '/api/tickets/:ticketId/messages', access: ['BUYER', 'CLERK', 'MANAGER', 'FINANCE'] },
  { method: 'POST', url: '/api/tickets/:ticketId/assign', access: ['CLERK', 'MANAGER', 'FINANCE'] },
  { method: 'POST', url: '/api/tickets/:ticketId/request-info', access: ['CLERK', 'MANAGER', 'FINANCE'] },
  { method: 'POST', url: '/api/tickets/:ticketId/resolve', access: ['CLERK', 'MANAGER', 'FINANCE'] },
  { method: 'POST', url: '/api/tickets/:ticketId/close', access: ['BUYER', 'CLERK', 'MANAGER', 'FINANCE'] },
  { method: 'POST', url: '/api/tickets/:ticketId/rating', access: ['BUYER'] },
  { method: 'GET', url: '/api/claims', access: ALL },
  { method: 'POST', url: '/api/claims', access: ['BUYER', 'CLERK', 'MANAGER'] },
  { method: 'GET', url: '/api/claims/finance', access: ['FINANCE', 'MANAGER', 'ADMIN'] },
  { method: 'GET', url: '/api/claims/settings', access: STAFF },
  { method: 'PUT', url: '/api/claims/settings', access: ['FINANCE', 'ADMIN'] },
  { method: 'GET', url: '/api/claims/filing-terms/:shipmentId', access: ALL },
  { method: 'GET', url: '/api/claims/drafts/:ticketId', access: ['CLERK', 'MANAGER', 'FINANCE'] },
  { method: 'GET', url: '/api/claims/drafts/:ticketId/shipments', access: ['CLERK', 'MANAGER', 'FINANCE'] },
  { method: 'GET', url: '/api/claims/:claimId', access: ALL },
  { method: 'POST', url: '/api/claims/:claimId/steps', access: ['BUYER', 'CLERK', 'MANAGER', 'FINANCE'] },
  { method: 'POST', url: '/api/claims/:claimId/notes', access: ['CLERK', 'MANAGER', 'FINANCE'] },
  { method: 'POST', url: '/api/claims/:claimId/credit-note-use', access: ['FINANCE', 'ADMIN'] },
  { method: 'GET', url: '/api/payments', access: ALL },
  { method: 'GET', url: '/api/contracts/:contractId/payments', access: ALL },
  { method: 'GET', url: '/api/payments/receivables', access: ['FINANCE', 'MANAGER', 'ADMIN'] },
  { method: 'GET', url: '/api/payments/receipts', access: ['FINANCE', 'MANAGER', 'ADMIN'] },
  { method: 'POST', url: '/api/payments/receipts', access: ['FINANCE', 'ADMIN'] },
  { method: 'GET', url: '/api/payments/receipts/:receiptId', access: ['FINANCE', 'MANAGER', 'ADMIN'] },
  { method: 'POST', url: '/api/payments/receipts/:receiptId/allocate', access: ['FINANCE', 'ADMIN'] },
  { method: 'POST', url: '/api/payments/entries/:entryId/reverse', access: ['FINANCE', 'ADMIN'] },
  { method: 'POST', url: '/api/payments/items/:itemId/write-off', access: ['FINANCE', 'ADMIN'] },
  { method: 'POST', url: '/api/payments/statements', access: ['FINANCE', 'ADMIN'] },
  { method: 'GET', url: '/api/payments/statements', access: ['FINANCE', 'ADMIN'] },
  { method: 'GET', url: '/api/payments/statements/:importId', access: ['FINANCE', 'ADMIN'] },
  { method: 'POST', url: '/api/payments/statement-lines/:lineId/confirm', access: ['FINANCE', 'ADMIN'] },
  { method: 'POST', url: '/api/payments/statement-lines/:lineId/ignore', access: ['FINANCE', 'ADMIN'] },
  { method: 'GET', url: '/api/payments/ageing', access: ['FINANCE', 'MANAGER', 'ADMIN'] },
  { method: 'GET', url: '/api/payments/ageing/items', access: ['FINANCE', 'MANAGER', 'ADMIN'] },
  { method: 'GET', url: '/api/payments/ageing.csv', access: ['FINANCE', 'MANAGER', 'ADMIN'] },
  { method: 'GET', url: '/api/payments/customers', access: ['FINANCE', 'MANAGER', 'ADMIN'] },
  { method: 'POST', url: '/api/payments/customers/:companyId/dunning-pause', access: ['FINANCE', 'ADMIN'] },
  { method: 'POST', url: '/api/payments/customers/:companyId/dunning-resume', access: ['FINANCE', 'ADMIN'] },
  { method: 'POST', url: '/api/payments/dunning/run', access: ['FINANCE', 'ADMIN'] },
  { method: 'GET', url: '/api/payments/settings', access: ['FINANCE', 'MANAGER', 'ADMIN'] },
  { method: 'PUT', url: '/api/payments/settings', access: ['FINANCE', 'ADMIN'] },
  { method: 'GET', url: '/api/payments/customers/:companyId/exposure', access: STAFF },
  { method: 'PUT', url: '/api/payments/customers/:companyId/credit', access: ['FINANCE', 'MANAGER', 'ADMIN'] },
  { method: 'GET', url: '/api/shipments/tracker', access: ALL },
  { method: 'GET', url: '/api/contracts/:contractId/execution', access: ALL },
  { method: 'POST', url: '/api/contracts/:contractId/shipments', access: ['CLERK', 'MANAGER', 'ADMIN'] },
  { method: 'GET', url: '/api/shipments/:shipmentId', access: ALL },
  { method: 'POST', url: '/api/shipments/:shipmentId/events', access: ['CLERK', 'MANAGER', 'ADMIN'] },
  { method: 'POST', url: '/api/shipments/:shipmentId/documents', access: ['CLERK', 'MANAGER', 'ADMIN'] },
  { method: 'GET', url: '/api/shipments/:shipmentId/commercial-invoice', access: ALL },
  { method: 'GET', url: '/api/shipments/:shipmentId/packing-list', access: ALL },
  { method: 'GET', url: '/api/shipments/:shipmentId/documents/:documentId', access: ALL },
  { method: 'GET', url: '/api/shipments/:shipmentId/downloads', access: STAFF },
  { method: 'GET', url: '/api/quality-certificates', access: ALL },
  { method: 'GET', url: '/api/quality-certificates/:certificateId', access: ALL },
  { method: 'GET', url: '/api/quality-certificates/:certificateId/file', access: ALL },
  { method: 'POST', url: '/api/quality-certificates', access: ['CLERK', 'MANAGER', 'ADMIN'] },
];

const key = (r: { method: string; url: string }) => `${r.method} ${r.url}`;
const nobody = '01900000-0000-7000-8000-000000000000';

/** Every route of the app, read from the router's own tree (printRoutes), without HEAD and the docs UI. */
function routerRoutes(app: FastifyInstance): string[] {
  const found: string[] = [];
  const prefixes: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    if (!line.trim()) continue;
    const m = /^((?:│ {3}| {4})*)(?:├── |└── )(.+?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!m) throw new Error(`cannot read the route tree line: ${line}`);
    const depth = m[1]!.length / 4;
    const url = (depth > 0 ? prefixes[depth - 1]! : '') + m[2]!;
    prefixes.length = depth;
    prefixes[depth] = url;
    for (const method of (m[3] ?? '').split(', ').filter(Boolean)) found.push(`${method} ${url}`);
  }
  return found.filter((r) => !r.startsWith('HEAD ') && !r.split(' ')[1]!.startsWith('/api/docs'));
}

/** Every operation of the OpenAPI document, as METHOD /path/:param. */
function documentedRoutes(app: FastifyInstance): string[] {
  const doc = app.swagger() as { paths: Record<string, Record<string, unknown>> };
  return Object.entries(doc.paths).flatMap(([p, ops]) =>
    Object.keys(ops)
      .filter((m) => m !== 'head')
      .map((m) => `${m.toUpperCase()} ${p.replace(/\{(\w+)\}/g, ':$1')}`),
  );
}

let t: TestContext;
let northwind: string;
const sessions = {} as Record<Role | 'BUYER2', string>;
let params: Record<string, string>;

beforeAll(async () => {
  t = await startTestApp();
  northwind = await companyIdOf(t.db, 'buyer@demo.example');
  const logins: [Role | 'BUYER2', string][] = [
    ['BUYER', 'buyer'], ['BUYER2', 'buyer2'], ['CLERK', 'clerk'], ['FINANCE', 'finance'], ['MANAGER', 'manager'], ['ADMIN', 'admin'],
  ];
  for (const [role, user] of logins) sessions[role] = await loginAs(t.app, `${user}@demo.example`);
  const purchasing = await t.db.prisma.user.findUniqueOrThrow({ where: { email: 'purchasing@demo.example' } });
  params = { companyId: northwind, userId: purchasing.id, invitationId: nobody, notificationId: nobody, productId: nobody, categoryId: nobody, inquiryId: nobody, attachmentId: nobody, quoteId: nobody, revisionNo: '1', costSheetId: nobody, contractId: nobody, ticketId: nobody, claimId: nobody, shipmentId: nobody, documentId: nobody, certificateId: nobody, eventId: nobody, receiptId: nobody, entryId: nobody, itemId: nobody, importId: nobody, lineId: nobody, number: '1', token: 'A'.repeat(43), sha256: '0'.repeat(64) };
});
afterAll(() => t.close());

const fill = (url: string, values: Record<string, string> = params) =>
  url.replace(/:(\w+)/g, (_, name: string) => {
    if (!(name in values)) throw new Error(`no value for :${name}`);
    return values[name]!;
  });

function call(method: Method, url: string, cookie?: string, payload?: object) {
  const body = payload ?? (method === 'POST' || method === 'PATCH' ? {} : undefined);
  return t.app.inject({ method, url, headers: cookie ? { cookie } : {}, ...(body ? { payload: body } : {}) });
}

describe('the access table', () => {
  it('lists exactly the routes the app has', () => {
    const routes = routerRoutes(t.app).sort();
    expect(routes.length).toBeGreaterThan(20);
    expect(table.map(key).sort()).toEqual(routes);
  });

  it('agrees with the OpenAPI document', () => {
    expect(documentedRoutes(t.app).filter((r) => !r.split(' ')[1]!.startsWith('/api/docs')).sort()).toEqual(table.map(key).sort());
  });

  it('knows every route by app.hasRoute', () => {
    for (const row of table) expect(t.app.hasRoute({ method: row.method, url: row.url }), key(row)).toBe(true);
  });
});

describe('without a session', () => {
  const closed = table.filter((r) => r.access !== 'public');
  it.each(closed.map((r) => [key(r), r] as const))('%s answers 401 problem+json', async (_name, row) => {
    const res = await call(row.method, fill(row.url));
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.json()).toMatchObject({ status: 401, code: 'UNAUTHENTICATED', detail: 'sign in to continue' });
    // A forged token is no better than none.
    const forged = await call(row.method, fill(row.url), 'portal_access=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.x');
    expect(forged.statusCode).toBe(401);
  });

  const open = table.filter((r) => r.access === 'public');
  it.each(open.map((r) => [key(r), r] as const))('%s is reachable', async (_name, row) => {
    const res = await call(row.method, fill(row.url));
    expect(res.statusCode).toBe(row.anonymous);
    if (res.statusCode === 401) expect(res.json().detail).not.toBe('sign in to continue');
  });
});

describe('by role', () => {
  const restricted = table.filter((r): r is typeof r & { access: Role[] } => Array.isArray(r.access));
  const refused = restricted.flatMap((row) => ALL.filter((role) => !row.access.includes(role)).map((role) => [`${key(row)} as ${role}`, row, role] as const));
  const allowed = table
    .filter((r) => r.access !== 'public')
    .flatMap((row) => (row.access === 'authenticated' ? ALL : (row.access as Role[])).map((role) => [`${key(row)} as ${role}`, row, role] as const));

  it('has role-restricted routes to check', () => {
    expect(refused.length).toBeGreaterThan(20);
  });

  it.each(refused)('%s: 403 problem+json', async (_name, row, role) => {
    const res = await call(row.method, fill(row.url), sessions[role]);
    expect(res.statusCode).toBe(403);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.json()).toMatchObject({ status: 403, code: 'FORBIDDEN' });
  });

  it.each(allowed)('%s: let through', async (_name, row, role) => {
    const res = await call(row.method, fill(row.url), sessions[role]);
    expect([401, 403], `${res.statusCode} ${res.body}`).not.toContain(res.statusCode);
    expect(res.statusCode).toBeLessThan(500);
  });
});

describe('buyers reach only their own company', () => {
  let invitationId: string;
  let purchasingId: string;

  beforeAll(async () => {
    purchasingId = params.userId!;
    const res = await call('POST', `/api/companies/${northwind}/invitations`, sessions.BUYER, { email: 'to-withdraw@northwind.example' });
    expect(res.statusCode).toBe(201);
    invitationId = res.json().id;
  });

  /** For each route that takes a companyId and that buyers may call: what another company's buyer tries, and what the owner does. */
  const cases: { method: Method; url: string; hostile?: object; own?: object; ownStatus: number; unchanged?: () => Promise<unknown> }[] = [
    { method: 'GET', url: '/api/companies/:companyId', ownStatus: 200 },
    {
      method: 'PATCH', url: '/api/companies/:companyId', hostile: { name: 'Hijacked Ltd' }, own: { phone: '+44 1394 000000' }, ownStatus: 200,
      unchanged: async () => (await t.db.prisma.company.findUniqueOrThrow({ where: { id: northwind } })).name,
    },
    { method: 'GET', url: '/api/companies/:companyId/users', ownStatus: 200 },
    {
      method: 'PATCH', url: '/api/companies/:companyId/users/:userId', hostile: { status: 'DISABLED' }, own: { status: 'ACTIVE' }, ownStatus: 200,
      unchanged: async () => (await t.db.prisma.user.findUniqueOrThrow({ where: { id: purchasingId } })).status,
    },
    {
      method: 'POST', url: '/api/companies/:companyId/invitations', hostile: { email: 'spy@rheinland.example' }, own: { email: 'welcome@northwind.example' }, ownStatus: 201,
      unchanged: () => t.db.prisma.invitation.count({ where: { email: 'spy@rheinland.example' } }),
    },
    {
      method: 'DELETE', url: '/api/companies/:companyId/invitations/:invitationId', ownStatus: 204,
      unchanged: async () => (await t.db.prisma.invitation.findUniqueOrThrow({ where: { id: invitationId } })).revokedAt,
    },
  ];

  it('covers every company route that buyers may call', () => {
    const buyerCompanyRoutes = table.filter((r) => r.url.includes(':companyId') && Array.isArray(r.access) && r.access.includes('BUYER'));
    expect(cases.map(key).sort()).toEqual(buyerCompanyRoutes.map(key).sort());
  });

  it.each(cases.map((c) => [key(c), c] as const))('%s: 404 for another company’s buyer, 2xx for the owner', async (_name, c) => {
    const values = () => ({ ...params, invitationId });
    const before = await c.unchanged?.();
    const foreign = await call(c.method, fill(c.url, values()), sessions.BUYER2, c.hostile);
    expect(foreign.statusCode, foreign.body).toBe(404);
    expect(foreign.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(foreign.json().code).toBe('NOT_FOUND');
    expect(foreign.body).not.toMatch(/Northwind|buyer@demo|purchasing@demo|to-withdraw/);
    // Indistinguishable from a company that does not exist.
    const ghost = await call(c.method, fill(c.url, { ...values(), companyId: nobody }), sessions.BUYER2, c.hostile);
    expect(ghost.statusCode).toBe(404);
    expect(ghost.json().detail).toBe(foreign.json().detail);
    if (c.unchanged) expect(await c.unchanged()).toEqual(before);

    const own = await call(c.method, fill(c.url, values()), sessions.BUYER, c.own);
    expect(own.statusCode, own.body).toBe(c.ownStatus);
    if (c.method === 'GET') expect(own.body).toContain(c.url.endsWith('/users') ? 'purchasing@demo.example' : 'Northwind Imports Ltd');
  });

  it('a staff-only company route gives another company’s buyer the same 403 as for a company that does not exist', async () => {
    const foreign = await call('POST', `/api/companies/${northwind}/review`, sessions.BUYER2, { decision: 'SUSPEND', reason: 'x' });
    const ghost = await call('POST', `/api/companies/${nobody}/review`, sessions.BUYER2, { decision: 'SUSPEND', reason: 'x' });
    expect(foreign.statusCode).toBe(403);
    expect(ghost.statusCode).toBe(403);
    expect(foreign.json().detail).toBe(ghost.json().detail);
    expect((await t.db.prisma.company.findUniqueOrThrow({ where: { id: northwind } })).status).toBe('APPROVED');
  });
});

describe('notifications belong to one user', () => {
  it('another user’s notification is not found, and stays unread', async () => {
    const buyer2Id = (await t.db.prisma.user.findUniqueOrThrow({ where: { email: 'buyer2@demo.example' } })).id;
    const note = await t.db.prisma.notification.create({ data: { userId: buyer2Id, kind: 'test', title: 'For Jonas only', body: 'secret' } });

    const list = await call('GET', '/api/notifications', sessions.BUYER);
    expect(list.body).not.toContain('For Jonas only');
    const theirs = await call('POST', `/api/notifications/${note.id}/read`, sessions.BUYER);
    expect(theirs.statusCode).toBe(404);
    expect(theirs.headers['content-type']).toMatch(/application\/problem\+json/);
    const unknown = await call('POST', `/api/notifications/${nobody}/read`, sessions.BUYER);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().detail).toBe(theirs.json().detail);
    expect((await call('POST', '/api/notifications/not-a-uuid/read', sessions.BUYER)).statusCode).toBe(400);
    expect((await call('POST', '/api/notifications/read-all', sessions.BUYER)).statusCode).toBe(204);
    expect((await t.db.prisma.notification.findUniqueOrThrow({ where: { id: note.id } })).readAt).toBeNull();

    const jonas = await call('GET', '/api/notifications', sessions.BUYER2);
    expect(jonas.json()).toMatchObject({ unread: 1, items: [{ id: note.id, title: 'For Jonas only', readAt: null }] });
    expect((await call('POST', `/api/notifications/${note.id}/read`, sessions.BUYER2)).statusCode).toBe(204);
    expect((await t.db.prisma.notification.findUniqueOrThrow({ where: { id: note.id } })).readAt).not.toBeNull();
    expect((await call('GET', '/api/notifications', sessions.BUYER2)).json().unread).toBe(0);
  });
});

describe('a company that may not trade changes no business', () => {
  /**
   * Every route a buyer may call that changes something, and whether it is trading (refused to a
   * buyer whose company is suspended, pending or rejected) or upkeep of the account (allowed: a
   * suspended buyer still signs in, reads and keeps their own profile). Each trading route gets a
   * body that passes validation, so that the refusal comes from the standing guard and not from
   * the schema; the ids are of records that do not exist, so the guard must speak first.
   */
  const lc = { number: 'LC-1', issuingBank: 'Bank', issueDate: '2026-01-02', expiryDate: '2026-03-01', latestShipmentDate: '2026-02-01', amount: '100.00', currency: 'USD' };
  const inquiry = { lines: [{ productId: nobody, description: 'x', quantity: '1' }], incoterm: 'FOB', namedPlace: 'Ningbo', destinationCountry: 'DE', currency: 'USD' };
  const trading: { method: Method; url: string; body?: object; upload?: true }[] = [
    { method: 'POST', url: '/api/attachments', upload: true },
    { method: 'POST', url: '/api/inquiries', body: inquiry },
    { method: 'POST', url: '/api/inquiries/:inquiryId/withdraw' },
    { method: 'POST', url: '/api/inquiries/:inquiryId/messages', body: { body: 'Hello' } },
    { method: 'POST', url: '/api/inquiries/:inquiryId/counter-offers', body: { revisionNo: 1, lines: [{ quoteLineId: nobody, proposedUnitPrice: '1.0000' }] } },
    { method: 'POST', url: '/api/inquiries/:inquiryId/change-requests', body: { revisionNo: 1, body: 'Cheaper please' } },
    { method: 'POST', url: '/api/quotes/:quoteId/revisions/:revisionNo/decline', body: { reason: 'Too dear' } },
    { method: 'POST', url: '/api/quotes/:quoteId/revisions/:revisionNo/accept' },
    { method: 'POST', url: '/api/contracts/:contractId/confirm' },
    { method: 'POST', url: '/api/contracts/:contractId/amendments/:number/confirm' },
    { method: 'PUT', url: '/api/contracts/:contractId/letter-of-credit', body: lc },
    { method: 'POST', url: '/api/tickets', body: { kind: 'INQUIRY', subject: 'Lead time', body: 'How long?' } },
    { method: 'POST', url: '/api/tickets/:ticketId/messages', body: { body: 'Hello' } },
    { method: 'POST', url: '/api/tickets/:ticketId/close' },
    { method: 'POST', url: '/api/tickets/:ticketId/rating', body: { rating: 5 } },
    {
      method: 'POST', url: '/api/claims',
      body: { contractId: nobody, shipmentId: nobody, kind: 'DAMAGE', description: 'Dented', currency: 'USD', amount: '10.00', lines: [{ contractLineId: nobody, quantity: '1' }] },
    },
    { method: 'POST', url: '/api/claims/:claimId/steps', body: { action: 'WITHDRAW' } },
  ];
  const upkeep = [
    'PATCH /api/auth/me', 'POST /api/auth/password', 'POST /api/notifications/:notificationId/read', 'POST /api/notifications/read-all',
    'PATCH /api/companies/:companyId', 'PATCH /api/companies/:companyId/users/:userId', 'POST /api/companies/:companyId/invitations',
    'DELETE /api/companies/:companyId/invitations/:invitationId',
    // The inquiry list is the buyer's own working list, not business: kept while the company may not trade.
    'PUT /api/inquiry-list/:productId', 'DELETE /api/inquiry-list/:productId', 'DELETE /api/inquiry-list',
  ];
  let rheinland: string;

  beforeAll(async () => {
    rheinland = await companyIdOf(t.db, 'buyer2@demo.example');
  });

  it('classifies every state-changing route a buyer may call', () => {
    const buyerWrites = table.filter((r) => r.method !== 'GET' && Array.isArray(r.access) && r.access.includes('BUYER')).map(key);
    const authenticatedWrites = table.filter((r) => r.method !== 'GET' && r.access === 'authenticated').map(key);
    expect([...trading.map(key), ...upkeep].sort()).toEqual([...buyerWrites, ...authenticatedWrites].sort());
  });

  const send = (row: (typeof trading)[number], cookie: string) => {
    if (row.upload) {
      const form = multipart([{ name: 'note.txt', type: 'text/plain', data: Buffer.from('hello') }]);
      return t.app.inject({ method: row.method, url: fill(row.url), headers: { cookie, ...form.headers }, payload: form.payload });
    }
    return call(row.method, fill(row.url), cookie, row.body);
  };

  describe.each(['SUSPEND', 'PENDING'] as const)('when the company is %s', (state) => {
    beforeAll(async () => {
      if (state === 'SUSPEND') {
        const res = await call('POST', `/api/companies/${rheinland}/review`, sessions.MANAGER, { decision: 'SUSPEND', reason: 'Unpaid invoices' });
        expect(res.statusCode, res.body).toBe(200);
      } else {
        // Pending, as a company is before its first approval (set directly: no decision leads back there).
        await t.db.prisma.company.update({ where: { id: rheinland }, data: { status: 'PENDING' } });
        t.app.sessions.forgetCompany(rheinland);
      }
    });
    afterAll(async () => {
      await t.db.prisma.company.update({ where: { id: rheinland }, data: { status: 'APPROVED' } });
      t.app.sessions.forgetCompany(rheinland);
    });

    it.each(trading.map((r) => [key(r), r] as const))('%s: 403, nothing written', async (_name, row) => {
      const audits = await t.db.prisma.auditLog.count();
      const res = await send(row, sessions.BUYER2);
      expect(res.statusCode, res.body).toBe(403);
      expect(res.json()).toMatchObject({ code: 'FORBIDDEN', detail: state === 'SUSPEND' ? expect.stringMatching(/suspended/) : expect.stringMatching(/not approved yet/) });
      expect(await t.db.prisma.auditLog.count()).toBe(audits);
    });

    it('an approved company’s buyer is not refused by the same routes', async () => {
      for (const row of trading) {
        const res = await send(row, sessions.BUYER);
        expect(res.statusCode, `${key(row)}: ${res.body}`).not.toBe(403);
        expect(res.statusCode).toBeLessThan(500);
      }
    });

    it('the account itself stays the buyer’s to keep', async () => {
      expect((await call('PATCH', '/api/auth/me', sessions.BUYER2, { locale: 'en' })).statusCode).toBe(200);
      expect((await call('POST', '/api/notifications/read-all', sessions.BUYER2)).statusCode).toBe(204);
      expect((await call('GET', '/api/inquiries', sessions.BUYER2)).statusCode).toBe(200);
    });
  });
});

describe('cross-site requests change nothing', () => {
  const writes = table.filter((r) => r.method !== 'GET');
  const uploads = new Set(['POST /api/attachments', 'POST /api/catalog/images']);
  const allowedRole = (row: (typeof table)[number]): Role => (Array.isArray(row.access) ? row.access[0]! : 'BUYER');
  const foreign: Record<string, string>[] = [
    { origin: 'https://evil.example', 'content-type': 'text/plain' },
    { origin: 'null', 'content-type': 'application/json' },
    { origin: 'http://portal.test.evil.example', 'content-type': 'application/json' },
    { 'sec-fetch-site': 'cross-site', 'content-type': 'application/x-www-form-urlencoded' },
    { 'sec-fetch-site': 'same-site', 'content-type': 'application/json' },
  ];

  it('has every state-changing route to check', () => {
    expect(writes.length).toBeGreaterThan(40);
  });

  it.each(writes.map((r) => [key(r), r] as const))('%s from another site: 403 before anything is read or written', async (_name, row) => {
    const audits = await t.db.prisma.auditLog.count();
    for (const headers of foreign) {
      const body = headers['content-type'] === 'application/json' ? '{}' : 'a=1';
      const res = await t.app.inject({ method: row.method, url: fill(row.url), headers: { cookie: sessions[allowedRole(row)], ...headers }, payload: body });
      expect(res.statusCode, `${JSON.stringify(headers)}: ${res.body}`).toBe(403);
      expect(res.json()).toMatchObject({ code: 'CROSS_SITE', detail: expect.stringMatching(/another site/) });
    }
    expect(await t.db.prisma.auditLog.count()).toBe(audits);
  });

  it.each(writes.filter((r) => !uploads.has(key(r))).map((r) => [key(r), r] as const))('%s from the portal itself takes JSON bodies only', async (_name, row) => {
    // Public routes without a session: a logout from the portal itself would end the shared one.
    const own = { ...(row.access === 'public' ? {} : { cookie: sessions[allowedRole(row)] }), origin: 'http://portal.test' };
    const plain = await t.app.inject({ method: row.method, url: fill(row.url), headers: { ...own, 'content-type': 'text/plain' }, payload: '{}' });
    expect(plain.statusCode, plain.body).toBe(415);
    expect(plain.json().code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const form = multipart([{ name: 'x.txt', type: 'text/plain', data: Buffer.from('x') }]);
    const multi = await t.app.inject({ method: row.method, url: fill(row.url), headers: { ...own, ...form.headers }, payload: form.payload });
    expect(multi.statusCode, multi.body).toBe(415);
    const json = await t.app.inject({ method: row.method, url: fill(row.url), headers: { ...own, 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' }, payload: '{}' });
    expect([403, 415], json.body).not.toContain(json.statusCode);
  });

  it('the upload routes take multipart forms from the portal itself', async () => {
    const form = multipart([{ name: 'note.txt', type: 'text/plain', data: Buffer.from('hello') }]);
    const res = await t.app.inject({ method: 'POST', url: '/api/attachments', headers: { cookie: sessions.BUYER, origin: 'http://portal.test', ...form.headers }, payload: form.payload });
    expect(res.statusCode, res.body).toBe(201);
  });
});
