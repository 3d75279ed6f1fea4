import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from './helpers.ts';

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

  it('needs no session and answers HEAD too', async () => {
    const res = await t.app.inject({ method: 'HEAD', url: '/api/health' });
    expect(res.statusCode).toBe(200);
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
