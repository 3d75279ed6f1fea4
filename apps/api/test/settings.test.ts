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
    expect(before.json()).toEqual({ responseTargetHours: 24, marginFloorRate: '0.08', quoteValidityDays: 30 });
    const put = await t.app.inject({ method: 'PUT', url: '/api/settings', headers: { cookie: manager }, payload: { responseTargetHours: 4, marginFloorRate: '0.1', quoteValidityDays: 14 } });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toEqual({ responseTargetHours: 4, marginFloorRate: '0.1', quoteValidityDays: 14 });
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
});
