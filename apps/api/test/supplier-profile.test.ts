import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, startTestApp, type TestContext } from './helpers.ts';

/* Managers keep the supplier profile buyers read, in English and Chinese; the reader gets their language. */

let t: TestContext;
const s = {} as Record<'manager' | 'clerk' | 'buyer', string>;
beforeAll(async () => {
  t = await startTestApp();
  for (const u of ['manager', 'clerk', 'buyer'] as const) s[u] = await loginAs(t.app, `${u}@demo.example`);
});
afterAll(() => t.close());

const get = (headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url: '/api/catalog/supplier', headers });
const put = (cookie: string, payload: object) => t.app.inject({ method: 'PUT', url: '/api/catalog/supplier', headers: { cookie }, payload });

describe('the supplier profile', () => {
  it('is rewritten by a manager, audited, and read in the reader’s language with English where no Chinese is given', async () => {
    const before = (await get()).json();
    const body = {
      headline: 'Drinkware and kitchen textiles from Ningbo since 2006', headlineZh: '自 2006 年起在宁波生产饮具与厨房纺织品',
      description: before.description, descriptionZh: null, yearEstablished: 2006, employees: 640, factoryAreaM2: 38000, productionCapacity: '1.2 million pieces a month',
      markets: ['EU', 'UK', 'North America'], certifications: ['BSCI', 'ISO 9001'], productLines: ['Drinkware', 'Kitchen textiles'], mainPortCode: 'CNNGB',
    };
    const res = await put(s.manager, body);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ headline: body.headline, headlineZh: body.headlineZh, employees: 640, markets: ['EU', 'UK', 'North America'], mainPort: { code: 'CNNGB' } });
    const zh = (await get({ 'accept-language': 'zh-CN,zh;q=0.9' })).json();
    expect(zh.localized).toMatchObject({ lang: 'zh', headline: body.headlineZh, description: before.description });
    expect((await get({ 'accept-language': 'en-GB' })).json().localized.headline).toBe(body.headline);
    const audit = await t.db.prisma.auditLog.findFirstOrThrow({ where: { action: 'supplier.profile.update' }, orderBy: { createdAt: 'desc' } });
    expect(audit.changes).toMatchObject({ headlineZh: { to: body.headlineZh }, employees: { to: 640 } });
    expect(Object.keys(audit.changes as object)).not.toContain('description');
  });

  it('is the managers’ to change, refuses what is not a year, a count or a known port naming the field, and changes nothing then', async () => {
    const before = (await get()).json();
    const body = { ...before, id: undefined, name: undefined, country: undefined, city: undefined, website: undefined, mainPort: undefined, productCount: undefined, categories: undefined, localized: undefined, mainPortCode: 'CNNGB' };
    for (const k of ['id', 'name', 'country', 'city', 'website', 'mainPort', 'productCount', 'categories', 'localized']) delete (body as Record<string, unknown>)[k];
    expect((await put(s.clerk, body)).statusCode).toBe(403);
    expect((await put(s.buyer, body)).statusCode).toBe(403);
    const bad = await put(s.manager, { ...body, yearEstablished: 1700, employees: -3 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['body.employees', 'body.yearEstablished']);
    const port = await put(s.manager, { ...body, mainPortCode: 'ZZZZZ' });
    expect(port.statusCode).toBe(400);
    expect(port.json().errors).toEqual([{ field: 'body.mainPortCode', message: 'is not a known port' }]);
    expect((await get()).json()).toEqual(before);
  });
});
