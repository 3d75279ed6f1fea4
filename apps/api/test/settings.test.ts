import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, startTestApp, type TestContext } from './helpers.ts';

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('business settings', () => {
  it('a manager changes the response target, which the inbox then uses; the change is audited', async () => {
    const manager = await loginAs(t.app, 'manager@demo.example');
    const before = await t.app.inject({ method: 'GET', url: '/api/settings', headers: { cookie: manager } });
    const quotedIncoterms = ['EXW', 'FCA', 'CPT', 'CIP', 'FOB', 'CFR', 'CIF'];
    expect(before.json()).toEqual({ responseTargetHours: 24, marginFloorRate: '0.08', quoteValidityDays: 30, quotedIncoterms });
    const put = await t.app.inject({ method: 'PUT', url: '/api/settings', headers: { cookie: manager }, payload: { responseTargetHours: 4, marginFloorRate: '0.1', quoteValidityDays: 14 } });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toEqual({ responseTargetHours: 4, marginFloorRate: '0.1', quoteValidityDays: 14, quotedIncoterms });
    const clerk = await loginAs(t.app, 'clerk@demo.example');
    const inbox = await t.app.inject({ method: 'GET', url: '/api/inquiries', headers: { cookie: clerk } });
    expect(inbox.json().responseTargetHours).toBe(4);
    const audit = await t.db.prisma.auditLog.findFirst({ where: { action: 'settings.update' } });
    expect(audit?.changes).toMatchObject({ from: { responseTargetHours: 24 }, to: { responseTargetHours: 4 } });
  });

  it('names each invalid field and changes nothing', async () => {
    const manager = await loginAs(t.app, 'manager@demo.example');
    const before = (await t.app.inject({ method: 'GET', url: '/api/settings', headers: { cookie: manager } })).json();
    const res = await t.app.inject({ method: 'PUT', url: '/api/settings', headers: { cookie: manager }, payload: { responseTargetHours: 0, marginFloorRate: '1.5', quoteValidityDays: 30, extra: 1 } });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['body.responseTargetHours', 'body.marginFloorRate', 'body.extra']));
    expect((await t.app.inject({ method: 'GET', url: '/api/settings', headers: { cookie: manager } })).json()).toEqual(before);
  });

  it('keeps the Incoterms the exporter quotes: the RFQ form reads them, an inquiry for another term is refused naming the field', async () => {
    const manager = await loginAs(t.app, 'manager@demo.example');
    const buyer = await loginAs(t.app, 'buyer@demo.example');
    expect((await t.app.inject({ method: 'GET', url: '/api/reference/incoterms' })).json()).toEqual({ quoted: ['EXW', 'FCA', 'CPT', 'CIP', 'FOB', 'CFR', 'CIF'] });
    const product = await t.db.prisma.product.findUniqueOrThrow({ where: { sku: 'DW-BTL-500' } });
    const inquiry = (incoterm: string) => t.app.inject({
      method: 'POST', url: '/api/inquiries', headers: { cookie: buyer },
      payload: { lines: [{ productId: product.id, description: 'Stainless steel vacuum bottle 500 ml', quantity: '12000' }], incoterm, namedPlace: 'Hamburg', destinationCountry: 'DE', destinationPortCode: 'DEHAM', currency: 'USD' },
    });
    const count = () => t.db.prisma.inquiry.count();
    const before = await count();
    const ddp = await inquiry('DDP');
    expect(ddp.statusCode, ddp.body).toBe(400);
    expect(ddp.json().errors).toEqual([{ field: 'body.incoterm', message: 'is not a term we quote; choose one of EXW, FCA, CPT, CIP, FOB, CFR, CIF' }]);
    expect(await count()).toBe(before);

    const settings = (await t.app.inject({ method: 'GET', url: '/api/settings', headers: { cookie: manager } })).json();
    const put = await t.app.inject({ method: 'PUT', url: '/api/settings', headers: { cookie: manager }, payload: { ...settings, quotedIncoterms: ['CIF', 'FOB', 'DDP'] } });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json().quotedIncoterms).toEqual(['DDP', 'FOB', 'CIF']);
    expect((await t.app.inject({ method: 'GET', url: '/api/reference/incoterms' })).json()).toEqual({ quoted: ['DDP', 'FOB', 'CIF'] });
    expect((await inquiry('DDP')).statusCode).toBe(201);
    expect((await inquiry('CFR')).statusCode).toBe(400);
    const none = await t.app.inject({ method: 'PUT', url: '/api/settings', headers: { cookie: manager }, payload: { ...settings, quotedIncoterms: [] } });
    expect(none.json().errors).toEqual([{ field: 'body.quotedIncoterms', message: 'quote at least one term' }]);
  });
});
