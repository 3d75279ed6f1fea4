import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, startTestApp, type TestContext } from './helpers.ts';
import { workedCostingExample } from '@portal/domain/examples';

let t: TestContext;
let clerk: string;
let finance: string;
let buyer: string;
let bottleId: string;

beforeAll(async () => {
  t = await startTestApp();
  clerk = await loginAs(t.app, 'clerk@demo.example');
  finance = await loginAs(t.app, 'finance@demo.example');
  buyer = await loginAs(t.app, 'buyer@demo.example');
  bottleId = (await t.db.prisma.product.findUniqueOrThrow({ where: { sku: 'DW-BTL-500' } })).id;
});
afterAll(() => t.close());

/** The worked example of the costing tests (packages/domain/src/costing.examples.ts). */
const worked = workedCostingExample;

function save(payload: object, cookie = clerk) {
  return t.app.inject({ method: 'POST', url: '/api/cost-sheets', headers: { cookie }, payload });
}
function get(url: string, cookie = clerk) {
  return t.app.inject({ method: 'GET', url, headers: { cookie } });
}
const sheetCount = () => t.db.prisma.costSheet.count();

function expectFields(res: { statusCode: number; json(): { code: string; errors?: { field: string }[] } }, fields: string[]) {
  expect(res.statusCode, JSON.stringify(res.json())).toBe(400);
  expect(res.json().code).toBe('VALIDATION');
  expect(res.json().errors?.map((e) => e.field).sort()).toEqual([...fields].sort());
}

describe('saving cost sheets', () => {
  let first: { id: string; seriesId: string };

  it('costs and saves version 1 of a new series, with the whole build-up', async () => {
    const res = await save({ name: 'Vacuum bottle 500 ml, CIF Hamburg', productId: bottleId, input: worked });
    expect(res.statusCode, res.body).toBe(201);
    const sheet = res.json();
    expect(sheet).toMatchObject({ version: 1, name: 'Vacuum bottle 500 ml, CIF Hamburg', productId: bottleId, createdBy: 'Li Na' });
    expect(sheet.seriesId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(sheet.input).toMatchObject({ ...worked, costCurrency: 'CNY', insuranceCoverRate: '1.10' });
    expect(sheet.result.costs).toMatchObject({ actualCost: '17.6991', totalCostPerUnit: '18.9991', freightPerUnit: '1.7750' });
    expect(sheet.result.prices.FOB.unitPrice).toBe('3.0936');
    expect(sheet.result.prices.CIF).toMatchObject({ insurance: '0.2132', unitPrice: '3.4126' });
    expect(sheet.result).not.toHaveProperty('input');
    expect(sheet.versions).toEqual([{ id: sheet.id, version: 1, createdBy: 'Li Na', createdAt: sheet.createdAt }]);
    first = sheet;

    // The columns carry the figures; the result JSON is kept whole.
    const row = await t.db.prisma.costSheet.findUniqueOrThrow({ where: { id: sheet.id } });
    expect(row).toMatchObject({ seriesId: sheet.seriesId, version: 1, costCurrency: 'CNY', quoteCurrency: 'USD', freightMode: 'FCL', containerType: '40HQ', profitBasis: 'SHARE_OF_PRICE' });
    expect(row.purchaseCostInclVat.toFixed(4)).toBe('20.0000');
    expect(row.exchangeRate.toFixed(6)).toBe('7.100000');
    expect(row.insurancePremiumRate.toFixed(4)).toBe('0.0080');
    expect((row.result as { indicators: { fxCostOfExport: string } }).indicators.fxCostOfExport).toBe('6.3642');

    const audit = await t.db.prisma.auditLog.findFirstOrThrow({ where: { entityType: 'CostSheet', entityId: sheet.id } });
    expect(audit).toMatchObject({ action: 'costSheet.create' });
  });

  it('saves the next version of a series, keeping the earlier one', async () => {
    const res = await save({ seriesId: first.seriesId, name: 'Vacuum bottle 500 ml, CIF Hamburg', input: { ...worked, purchaseCostInclVat: '19.50' } });
    expect(res.statusCode, res.body).toBe(201);
    const v2 = res.json();
    expect(v2).toMatchObject({ seriesId: first.seriesId, version: 2, productId: bottleId });
    expect(v2.id).not.toBe(first.id);
    expect(v2.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(v2.result.costs.purchaseCostInclVat).toBe('19.5000');

    const old = (await get(`/api/cost-sheets/${first.id}`)).json();
    expect(old).toMatchObject({ id: first.id, version: 1 });
    expect(old.result.costs.purchaseCostInclVat).toBe('20.0000');
    expect(old.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
  });

  it('lists the newest version of each series, by product', async () => {
    const other = await save({ name: 'Vacuum bottle 500 ml, FOB only', productId: bottleId, input: { ...worked, freightMode: 'NONE', packing: undefined, containerType: undefined, freightPerContainer: undefined } });
    expect(other.statusCode, other.body).toBe(201);
    const unrelated = await save({ name: 'Unlinked sheet', input: worked });
    expect(unrelated.statusCode).toBe(201);

    const list = (await get(`/api/cost-sheets?productId=${bottleId}`)).json() as { seriesId: string; version: number; name: string; productId: string }[];
    expect(list.every((s) => s.productId === bottleId)).toBe(true);
    // Newest first; the demo data may bring an older standard sheet of its own.
    const ours = list.filter((s) => s.name.startsWith('Vacuum bottle'));
    expect(ours.map((s) => [s.name, s.version])).toEqual([['Vacuum bottle 500 ml, FOB only', 1], ['Vacuum bottle 500 ml, CIF Hamburg', 2]]);
    expect(list.slice(0, 2)).toEqual(ours);
    const all = (await get('/api/cost-sheets', finance)).json() as { name: string }[];
    expect(all.map((s) => s.name)).toContain('Unlinked sheet');
    expect(all.filter((s) => s.name === 'Vacuum bottle 500 ml, CIF Hamburg')).toHaveLength(1);
    const noFreight = (list as unknown as { name: string; result: { prices: { CFR: unknown } } }[]).find((s) => s.name.endsWith('FOB only'))!;
    expect(noFreight.result.prices.CFR).toBeNull();
  });

  it('gives concurrent saves of one series distinct consecutive versions', async () => {
    const results = await Promise.all(
      Array.from({ length: 4 }, (_, i) => save({ seriesId: first.seriesId, name: `Concurrent ${i}`, input: { ...worked, purchaseCostInclVat: `2${i}.00` } })),
    );
    for (const r of results) expect(r.statusCode, r.body).toBe(201);
    expect(results.map((r) => r.json().version).sort()).toEqual([3, 4, 5, 6]);
    const versions = await t.db.prisma.costSheet.findMany({ where: { seriesId: first.seriesId }, select: { version: true }, orderBy: { version: 'asc' } });
    expect(versions.map((v) => v.version)).toEqual([1, 2, 3, 4, 5, 6]);
  });
});

describe('bad input', () => {
  it('names each field of the costing input as body.input.<field>, and saves nothing', async () => {
    const before = await sheetCount();
    expectFields(await save({ name: 'x', input: { ...worked, vatRate: '13', exchangeRate: '0', fob: '1' } }), ['body.input.vatRate', 'body.input.exchangeRate', 'body.input.fob']);
    expectFields(await save({ name: 'x', input: { ...worked, purchaseCostInclVat: '-5' } }), ['body.input.purchaseCostInclVat']);
    expectFields(await save({ name: 'x', input: { ...worked, packing: { ...worked.packing, cartonWidthCm: 'wide' } } }), ['body.input.packing.cartonWidthCm']);
    // Rules across fields come from the domain, named the same way.
    expectFields(await save({ name: 'x', input: { ...worked, rebateRate: '0.15' } }), ['body.input.rebateRate']);
    expectFields(await save({ name: 'x', input: { ...worked, containerType: undefined } }), ['body.input.containerType']);
    // Money columns keep cents: more places would be lost, so they are refused.
    expectFields(await save({ name: 'x', input: { ...worked, freightPerContainer: '3000.125' } }), ['body.input.freightPerContainer']);
    expect(await sheetCount()).toBe(before);
  });

  it('refuses unknown series and products, missing names and stray fields', async () => {
    const before = await sheetCount();
    const nobody = '01900000-0000-7000-8000-000000000000';
    expectFields(await save({ seriesId: nobody, name: 'x', input: worked }), ['body.seriesId']);
    expectFields(await save({ productId: nobody, name: 'x', input: worked }), ['body.productId']);
    expectFields(await save({ name: '  ', input: worked }), ['body.name']);
    expectFields(await save({ name: 'x', input: worked, approved: true }), ['body.approved']);
    expectFields(await save({ name: 'x', input: 'CIF 1000' }), ['body.input']);
    expect(await sheetCount()).toBe(before);
  });

  it('answers 404 for a cost sheet that does not exist', async () => {
    const res = await get('/api/cost-sheets/01900000-0000-7000-8000-000000000000');
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('NOT_FOUND');
  });
});

describe('who may', () => {
  it('lets finance read but not save, and keeps buyers out', async () => {
    const listed = (await get('/api/cost-sheets', finance)).json() as { id: string }[];
    expect(listed.length).toBeGreaterThan(0);
    expect((await get(`/api/cost-sheets/${listed[0]!.id}`, finance)).statusCode).toBe(200);
    expect((await save({ name: 'x', input: worked }, finance)).statusCode).toBe(403);

    for (const res of [await get('/api/cost-sheets', buyer), await get(`/api/cost-sheets/${listed[0]!.id}`, buyer), await save({ name: 'x', input: worked }, buyer)]) {
      expect(res.statusCode).toBe(403);
      expect(res.body).not.toContain('purchaseCostInclVat');
    }
  });
});
