import { describe, expect, it } from 'vitest';
import { Dec } from '@portal/domain';
import { loginAs } from './helpers.ts';
import { t, s, bottle, call, draft } from './trade-fixture.ts';

/*
 * The outside test's finding: a clerk set a product's marginFloorRate to 0, quoted at 0.71 %
 * against the 8 % floor and sent it without approval, because the product's floor overrode the
 * manager's. Now the effective floor is the higher of the two, only managers change a product's
 * floor, and the change is audited on its own.
 */
type Editable = Record<string, unknown> & { marginFloorRate: string | null };

/** The product as a PUT body: the editable fields without ids, nulls left out. */
function asInput(p: Editable, overrides: Record<string, unknown> = {}) {
  const { id: _id, updatedAt: _u, ...rest } = p;
  const body = Object.fromEntries(Object.entries({ ...rest, ...overrides }).filter(([, v]) => v !== null && v !== undefined));
  if (body.status === 'ARCHIVED') delete body.status;
  return body;
}
const product = async (cookie = s.manager) => (await call('GET', `/api/products/${bottle.id}`, cookie)).json() as Editable;
const put = (cookie: string, body: object) => t.app.inject({ method: 'PUT', url: `/api/products/${bottle.id}`, headers: { cookie }, payload: body });

/** CIF cost per unit on the worked cost sheet (as in quotes.test.ts), and a price with a margin of about 0.71 %. */
const cifCost = new Dec('18.9991').plus('1.7750').plus('0.2132').div('7.1');
const thinPrice = cifCost.div(new Dec(1).minus('0.0071')).toDecimalPlaces(4, Dec.ROUND_UP).toFixed(4);

async function newInquiry() {
  const inq = await call('POST', '/api/inquiries', s.buyer, {
    lines: [{ productId: bottle.id, description: 'Stainless steel vacuum bottle 500 ml', quantity: '12000' }],
    incoterm: 'CIF', namedPlace: 'Hamburg', destinationCountry: 'DE', destinationPortCode: 'DEHAM', currency: 'USD',
  });
  expect(inq.statusCode, inq.body).toBe(201);
  return inq.json() as { id: string; lines: { id: string }[] };
}

describe('the margin floor of a product', () => {
  it('a clerk cannot set, lower or clear it: 403 naming the field, nothing changes', async () => {
    const before = await product();
    expect(before.marginFloorRate).toBe('0.08');
    const res = await put(s.clerk, asInput(before, { marginFloorRate: '0' }));
    expect(res.statusCode, res.body).toBe(403);
    expect(res.json()).toMatchObject({ code: 'FORBIDDEN', errors: [{ field: 'body.marginFloorRate', message: expect.stringMatching(/manager/) }] });
    expect((await product()).marginFloorRate).toBe('0.08');
    // The rest of the product stays the clerk's to keep, floor untouched.
    const ok = await put(s.clerk, asInput(before, { leadTimeDays: 31 }));
    expect(ok.statusCode, ok.body).toBe(200);
  });

  it('a manager changes it, audited as a floor change', async () => {
    const res = await put(s.manager, asInput(await product(), { marginFloorRate: '0' }));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().marginFloorRate).toBe('0');
    const audit = await t.db.prisma.auditLog.findFirstOrThrow({ where: { action: 'product.margin_floor.change', entityId: bottle.id }, select: { changes: true, actor: { select: { email: true } } } });
    expect(audit).toEqual({ changes: { sku: 'DW-BTL-500', marginFloorRate: { from: '0.08', to: '0' } }, actor: { email: 'manager@demo.example' } });
    // Once set by a manager, a clerk may save the product with the floor as it is, and not clear it.
    expect((await put(s.clerk, asInput(await product(), { leadTimeDays: 32 }))).statusCode).toBe(200);
    expect((await put(s.clerk, asInput(await product(), { marginFloorRate: undefined }))).statusCode).toBe(403);
  });

  it('a product floor below the manager’s does not lower it: a 0.71 % quote still needs approval', async () => {
    expect((await product()).marginFloorRate).toBe('0');
    const inquiry = await newInquiry();
    const created = await call('POST', `/api/inquiries/${inquiry.id}/quotes`, s.clerk, draft(inquiry.lines[0]!.id, { belowFloorReason: 'Opening order of a new account' }, { unitPrice: thinPrice }));
    expect(created.statusCode, created.body).toBe(201);
    const rev = created.json().revisions[0];
    expect(Number(rev.staff.marginRate)).toBeCloseTo(0.0071, 3);
    expect(rev.staff).toMatchObject({ belowMarginFloor: true, lines: [{ marginFloorRate: '0.0800', belowFloor: true }] });
    const sent = await call('POST', `/api/quotes/${created.json().id}/revisions/1/send`, s.clerk);
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json().revisions[0].status).toBe('PENDING_APPROVAL');
  });

  it('a product floor above the manager’s raises it', async () => {
    expect((await put(s.manager, asInput(await product(), { marginFloorRate: '0.5' }))).statusCode).toBe(200);
    const inquiry = await newInquiry();
    const created = await call('POST', `/api/inquiries/${inquiry.id}/quotes`, s.clerk, draft(inquiry.lines[0]!.id));
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().revisions[0].staff).toMatchObject({ belowMarginFloor: true, lines: [{ marginFloorRate: '0.5000', belowFloor: true }] });
  });

  it('a clerk cannot create a product with a floor of its own', async () => {
    const admin = await loginAs(t.app, 'admin@demo.example');
    const base = asInput(await product(admin), { sku: 'DW-BTL-500-CLERK', marginFloorRate: '0.01' });
    const res = await t.app.inject({ method: 'POST', url: '/api/products', headers: { cookie: s.clerk }, payload: base });
    expect(res.statusCode, res.body).toBe(403);
    expect(res.json().errors).toEqual([{ field: 'body.marginFloorRate', message: expect.stringMatching(/manager/) }]);
    expect(await t.db.prisma.product.count({ where: { sku: 'DW-BTL-500-CLERK' } })).toBe(0);
  });
});
