import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, multipart, startTestApp, type TestContext } from './helpers.ts';

/*
 * The outside test's finding: uploads had no quota per user or company, so any account could fill
 * the file store. Each person and each buyer company may now upload so many files and bytes in any
 * 24 hours; past that, 429 naming the limit, and nothing is stored.
 */
let t: TestContext;
const s = {} as Record<'buyer' | 'purchasing' | 'buyer2' | 'clerk', string>;

beforeAll(async () => {
  t = await startTestApp({}, { uploadQuota: { userFiles: 3, userBytes: 1024 * 1024, companyFiles: 4, companyBytes: 50 * 1024 * 1024 } });
  for (const u of ['buyer', 'purchasing', 'buyer2', 'clerk'] as const) s[u] = await loginAs(t.app, `${u}@demo.example`);
});
afterAll(() => t.close());

function upload(cookie: string, bytes = 1000, name = 'note.txt') {
  const form = multipart([{ name, type: 'text/plain', data: Buffer.alloc(bytes, 'a') }]);
  return t.app.inject({ method: 'POST', url: '/api/attachments', headers: { cookie, ...form.headers }, payload: form.payload });
}
const stored = () => t.db.prisma.attachment.count();

describe('upload quotas', () => {
  it('a person may upload so many files a day; past that 429 names the limit and nothing is stored', async () => {
    for (let i = 0; i < 3; i++) expect((await upload(s.buyer)).statusCode).toBe(201);
    const before = await stored();
    const res = await upload(s.buyer);
    expect(res.statusCode, res.body).toBe(429);
    expect(res.json()).toMatchObject({ code: 'RATE_LIMITED', errors: [{ field: 'file', message: 'exceeds the upload limit of 3 files in 24 hours per person' }] });
    expect(await stored()).toBe(before);
  });

  it('a company’s users share the company’s quota; another company is not affected', async () => {
    expect((await upload(s.purchasing)).statusCode).toBe(201);
    const res = await upload(s.purchasing);
    expect(res.statusCode).toBe(429);
    expect(res.json().errors[0].message).toBe('exceeds the upload limit of 4 files in 24 hours per company');
    expect((await upload(s.buyer2)).statusCode).toBe(201);
  });

  it('bytes count too, for staff as well', async () => {
    expect((await upload(s.clerk, 700 * 1024)).statusCode).toBe(201);
    const res = await upload(s.clerk, 400 * 1024);
    expect(res.statusCode).toBe(429);
    expect(res.json().errors[0].message).toBe('exceeds the upload limit of 1 MB in 24 hours per person');
    expect((await upload(s.clerk, 300 * 1024)).statusCode).toBe(201);
  });

  it('uploads sent at the same moment cannot pass the quota together: one is stored, the rest are refused', async () => {
    t.clock.advance(24 * 3600_000 + 1000); // a fresh day: the buyer company may upload 3 files per person, 4 per company
    expect((await upload(s.buyer)).statusCode).toBe(201);
    expect((await upload(s.buyer)).statusCode).toBe(201);
    const before = await stored();
    const answers = await Promise.all(Array.from({ length: 6 }, (_, i) => upload(s.buyer, 1000 + i, `race-${i}.txt`)));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 429, 429, 429, 429, 429]);
    expect(await stored()).toBe(before + 1);
  });

  it('the quota is for 24 hours', async () => {
    t.clock.advance(24 * 3600_000 + 1000);
    expect((await upload(s.buyer)).statusCode).toBe(201);
  });
});
