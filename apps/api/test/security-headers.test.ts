import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, startTestApp, type TestContext } from './helpers.ts';

/*
 * The outside test's finding: no security headers on the SPA or the API, in any mode. Every answer
 * now carries a strict Content-Security-Policy (scripts from the portal itself, no inline script,
 * no framing), nosniff and a Referrer-Policy; HSTS when the portal is served over https; and API
 * answers are not stored by caches, except the public catalog pictures.
 */
function webDist() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'portal-web-'));
  mkdirSync(path.join(dir, 'assets'));
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><html><head><script type="module" src="/assets/app.js"></script></head><body><div id="root"></div></body></html>');
  writeFileSync(path.join(dir, 'assets', 'app.js'), 'document.getElementById("root").textContent = "hi";');
  return dir;
}

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGBgAAAABQABpfZFQAAAAABJRU5ErkJggg==', 'base64');

let t: TestContext;
let https: TestContext;
beforeAll(async () => {
  const dist = webDist();
  t = await startTestApp({ WEB_DIST: dist });
  https = await startTestApp({ WEB_DIST: dist, PUBLIC_URL: 'https://portal.example.com' });
});
afterAll(async () => {
  await t.close();
  await https.close();
});

function expectStrictHeaders(headers: Record<string, unknown>) {
  const csp = String(headers['content-security-policy']);
  const directives = new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
  expect(directives.get('default-src')).toEqual(["'self'"]);
  expect(directives.get('script-src')).toEqual(["'self'"]);
  expect(directives.get('object-src')).toEqual(["'none'"]);
  expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
  expect(directives.get('base-uri')).toEqual(["'self'"]);
  expect(directives.get('form-action')).toEqual(["'self'"]);
  expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['referrer-policy']).toBe('no-referrer');
}

describe('security headers', () => {
  it('on the SPA page, its scripts and client routes', async () => {
    for (const url of ['/', '/portal/inquiries', '/assets/app.js']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expectStrictHeaders(res.headers);
    }
  });

  it('on API answers, errors included', async () => {
    const buyer = await loginAs(t.app, 'buyer@demo.example');
    for (const [url, cookie, status] of [['/api/health', '', 200], ['/api/auth/me', buyer, 200], ['/api/auth/me', '', 401], ['/api/nowhere', '', 404]] as const) {
      const res = await t.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
      expect(res.statusCode, url).toBe(status);
      expectStrictHeaders(res.headers);
    }
  });

  it('private API answers are never stored by a cache', async () => {
    const buyer = await loginAs(t.app, 'buyer@demo.example');
    for (const url of ['/api/auth/me', '/api/inquiries', '/api/notifications', '/api/catalog/search?q=bottle']) {
      const res = await t.app.inject({ method: 'GET', url, headers: { cookie: buyer } });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toMatch(/no-store/);
    }
    const failed = await t.app.inject({ method: 'GET', url: '/api/auth/me' });
    expect(failed.headers['cache-control']).toMatch(/no-store/);
  });

  it('public catalog pictures stay cacheable', async () => {
    const clerk = await loginAs(t.app, 'clerk@demo.example');
    const boundary = '----portaltest';
    const payload = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="dot.png"\r\nContent-Type: image/png\r\n\r\n`), PNG, Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const up = await t.app.inject({ method: 'POST', url: '/api/catalog/images', headers: { cookie: clerk, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload });
    expect(up.statusCode, up.body).toBe(201);
    const res = await t.app.inject({ method: 'GET', url: up.json().url });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('HSTS only when the portal is served over https', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/' })).headers['strict-transport-security']).toBeUndefined();
    const res = await https.app.inject({ method: 'GET', url: '/' });
    expect(res.headers['strict-transport-security']).toMatch(/^max-age=\d{8}; includeSubDomains$/);
    expect(String(res.headers['content-security-policy'])).toContain('upgrade-insecure-requests');
    expect((await https.app.inject({ method: 'GET', url: '/api/health' })).headers['strict-transport-security']).toMatch(/max-age/);
  });
});
