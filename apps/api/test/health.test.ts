import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, startTestApp, type TestContext } from './helpers.ts';

let t: TestContext;
let databaseClosed = false;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  if (!databaseClosed) return t.close();
  // The last test closed the database itself.
  await t.app.close();
  await t.smtp.close();
});

const expectedKind = process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite';

describe('health', () => {
  it('reports the database it runs on and the mail transport', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    const body = res.json();
    expect(body).toMatchObject({ status: 'ok', version: '0.1.0', components: { database: { status: 'up', kind: expectedKind }, mail: { status: 'up' } } });
    expect(body.uptimeSeconds).toBeGreaterThanOrEqual(0);
    expect(body.components.mail.detail).toMatch(/^SMTP\b.*; 0 waiting in the outbox$/);
  });

  it('counts the mail waiting in the outbox', async () => {
    await t.db.prisma.outboxEvent.create({ data: { channel: 'mail', topic: 'test', payload: { to: 'x@example.com', subject: 's', text: 't' } } });
    await t.db.prisma.outboxEvent.create({ data: { channel: 'search', topic: 'test', payload: {} } });
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.json().components.mail.detail).toMatch(/; 1 waiting in the outbox$/);
    await t.db.prisma.outboxEvent.deleteMany({ where: { topic: 'test' } });
  });

  it('counts held and stuck events per channel and turns degraded while there are any', async () => {
    const now = t.clock.now();
    const held = await t.db.prisma.outboxEvent.create({ data: { channel: 'mail', topic: 'test', status: 'DEAD', attempts: 1, lastError: '550 no such mailbox', payload: { to: 'gone@example.com', subject: 'Your PI', text: 't' }, createdAt: now } });
    const stuck = await t.db.prisma.outboxEvent.create({ data: { channel: 'search', topic: 'test', attempts: 7, nextAttemptAt: new Date(now.getTime() + 60_000), payload: { productIds: ['p1'] }, createdAt: now } });
    const old = await t.db.prisma.outboxEvent.create({ data: { channel: 'mail', topic: 'test', payload: { to: 'late@example.com', subject: 'Old', text: 't' }, createdAt: new Date(now.getTime() - 16 * 60_000) } });
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.status).toBe('degraded');
    expect(body.outbox).toEqual({ mail: { waiting: 1, retrying: 0, stuck: 1, held: 1 }, search: { waiting: 1, retrying: 1, stuck: 1, held: 0 } });
    expect(body.components.mail).toMatchObject({ status: 'degraded', detail: expect.stringMatching(/; 1 waiting in the outbox; 1 held for an administrator, 1 stuck/) });
    await t.db.prisma.outboxEvent.deleteMany({ where: { id: { in: [held.id, stuck.id, old.id] } } });
    expect((await t.app.inject({ method: 'GET', url: '/api/health' })).json().status).toBe('ok');
  });

  it('needs no session and answers HEAD too', async () => {
    const res = await t.app.inject({ method: 'HEAD', url: '/api/health' });
    expect(res.statusCode).toBe(200);
  });
});

describe('held and stuck outbox events', () => {
  it('are listed for an administrator, who can retry one (it is delivered) or discard one (audited)', async () => {
    const admin = await loginAs(t.app, 'admin@demo.example');
    const now = t.clock.now();
    const held = await t.db.prisma.outboxEvent.create({ data: { channel: 'mail', topic: 'quote.sent', status: 'DEAD', attempts: 1, lastError: '550 5.1.1 no such mailbox', payload: { to: 'fixed@example.com', subject: 'Your PI', text: 'Here it is' }, createdAt: now } });
    const other = await t.db.prisma.outboxEvent.create({ data: { channel: 'mail', topic: 'quote.sent', status: 'DEAD', attempts: 1, lastError: '550 5.1.1 no such mailbox', payload: { to: 'gone@example.com', subject: 'Your PI', text: 'x' }, createdAt: now } });

    const list = await t.app.inject({ method: 'GET', url: '/api/outbox/events', headers: { cookie: admin } });
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toEqual([
      expect.objectContaining({ id: held.id, channel: 'mail', status: 'DEAD', attempts: 1, lastError: '550 5.1.1 no such mailbox', summary: 'to fixed@example.com: Your PI', nextAttemptAt: null }),
      expect.objectContaining({ id: other.id, summary: 'to gone@example.com: Your PI' }),
    ]);

    const retried = await t.app.inject({ method: 'POST', url: `/api/outbox/events/${held.id}/retry`, headers: { cookie: admin } });
    expect(retried.statusCode).toBe(200);
    expect(retried.json()).toMatchObject({ status: 'PENDING', attempts: 0 });
    expect(await t.app.workers.mail.runOnce()).toBe(1);
    expect(t.smtp.messages.filter((m) => m.to.includes('fixed@example.com'))).toHaveLength(1);

    const discarded = await t.app.inject({ method: 'POST', url: `/api/outbox/events/${other.id}/discard`, headers: { cookie: admin } });
    expect(discarded.json()).toMatchObject({ status: 'DISCARDED' });
    expect((await t.app.inject({ method: 'GET', url: '/api/outbox/events', headers: { cookie: admin } })).json().items).toEqual([]);
    const again = await t.app.inject({ method: 'POST', url: `/api/outbox/events/${other.id}/retry`, headers: { cookie: admin } });
    expect(again.statusCode).toBe(409);
    const audit = await t.db.prisma.auditLog.findMany({ where: { entityType: 'OutboxEvent' }, orderBy: { createdAt: 'asc' } });
    expect(audit.map((a) => [a.action, a.entityId])).toEqual([['outbox.retry', held.id], ['outbox.discard', other.id]]);
  });

  it('are for administrators only', async () => {
    const manager = await loginAs(t.app, 'manager@demo.example');
    expect((await t.app.inject({ method: 'GET', url: '/api/outbox/events', headers: { cookie: manager } })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/outbox/events' })).statusCode).toBe(401);
    const missing = await t.app.inject({ method: 'POST', url: '/api/outbox/events/0190a1b2-0000-7000-8000-000000000000/retry', headers: { cookie: await loginAs(t.app, 'admin@demo.example') } });
    expect(missing.statusCode).toBe(404);
  });
});

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1 and describes the routes with their schemas', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info).toMatchObject({ title: 'Harbour Homeware buyer portal API', version: '0.1.0' });
    expect(doc.components.securitySchemes.session).toMatchObject({ type: 'apiKey', in: 'cookie', name: 'portal_access' });

    const login = doc.paths['/api/auth/login']?.post;
    expect(login).toBeDefined();
    expect(login.requestBody.content['application/json'].schema.properties).toHaveProperty('email');
    expect(login.responses).toHaveProperty('200');
    expect(login.responses).toHaveProperty('401');

    const review = doc.paths['/api/companies/{companyId}/review']?.post;
    expect(review).toBeDefined();
    const schema = review.requestBody.content['application/json'].schema;
    expect(schema.type).toBe('object');
    expect(schema.required).toContain('decision');
    expect(schema.properties.decision.enum).toEqual(['APPROVE', 'REJECT', 'SUSPEND', 'REINSTATE']);
    expect(schema.properties).toHaveProperty('reason');
    expect(schema.additionalProperties).toBe(false);
    expect(review.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'companyId', in: 'path', required: true })]));
    expect(review.responses).toHaveProperty('403');
  });

  it('is also served as YAML, and the docs UI is reachable', async () => {
    const yaml = await t.app.inject({ method: 'GET', url: '/api/docs/yaml' });
    expect(yaml.statusCode).toBe(200);
    expect(yaml.body).toMatch(/^openapi: 3\.1\.0/m);
    const ui = await t.app.inject({ method: 'GET', url: '/api/docs' });
    expect(ui.statusCode).toBe(200);
    expect(ui.headers['content-type']).toMatch(/text\/html/);
    expect(ui.body).toContain('swagger');
  });
});

describe('unknown routes', () => {
  it.each([
    ['GET', '/api/x'],
    ['POST', '/api/x'],
    ['GET', '/api/companies/x/y/z'],
    ['DELETE', '/api/health'],
    ['GET', '/somewhere-in-the-spa'],
  ] as const)('%s %s answers 404 problem+json', async (method, url) => {
    const res = await t.app.inject({ method, url });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.json()).toMatchObject({ status: 404, code: 'NOT_FOUND', title: 'Not Found', detail: `no route ${method} ${url}` });
    expect(res.json().requestId).toEqual(expect.any(String));
  });

  it('echoes a well-formed request id and replaces a malformed one', async () => {
    const given = await t.app.inject({ method: 'GET', url: '/api/x', headers: { 'x-request-id': 'trace-12345678' } });
    expect(given.json().requestId).toBe('trace-12345678');
    const bad = await t.app.inject({ method: 'GET', url: '/api/x', headers: { 'x-request-id': 'no spaces allowed' } });
    expect(bad.json().requestId).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('a database that does not answer', () => {
  // Runs last in this file: it closes the database under the running app.
  it('reports 503 and status down', async () => {
    databaseClosed = true;
    await t.db.close();
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ status: 'down', components: { database: { status: 'down', kind: expectedKind, detail: 'the database does not answer' } } });
  });
});
