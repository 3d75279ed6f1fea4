import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, startTestApp, type TestContext } from './helpers.ts';
import { workedCostingExample } from '@portal/domain/examples';

let t: TestContext;
let clerk: string;
let buyer: string;

beforeAll(async () => {
  t = await startTestApp();
  clerk = await loginAs(t.app, 'clerk@demo.example');
  buyer = await loginAs(t.app, 'buyer@demo.example');
});
afterAll(() => t.close());

/** The worked example of packages/domain/src/costing.test.ts. */
const worked = workedCostingExample;

function post(url: string, payload: object, cookie = clerk) {
  return t.app.inject({ method: 'POST', url, headers: { cookie }, payload });
}

function expectProblem(res: { statusCode: number; headers: Record<string, unknown>; json(): { code: string; errors?: { field: string }[] } }, fields: string[]) {
  expect(res.statusCode).toBe(400);
  expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  const body = res.json();
  expect(body.code).toBe('VALIDATION');
  expect(body.errors?.map((e) => e.field)).toEqual(fields);
}

describe('POST /api/costing/calculate', () => {
  it('gives a clerk the whole build-up', async () => {
    const res = await post('/api/costing/calculate', worked);
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r).toMatchObject({ costCurrency: 'CNY', quoteCurrency: 'USD', profitBasis: 'SHARE_OF_PRICE', profitRate: '0.1000' });
    expect(r.costs).toEqual({
      purchaseCostInclVat: '20.0000', purchaseCostExclVat: '17.6991', rebateIncome: '2.3009', actualCost: '17.6991',
      domesticExpensesPerUnit: '1.3000', freightPerUnit: '1.7750', totalCostPerUnit: '18.9991',
    });
    expect(r.freight).toMatchObject({ cartons: 500, shipmentCbm: '60.000', fcl: { containerType: '40HQ', cartonsPerContainer: 566, limitedBy: 'VOLUME', containers: 1 } });
    expect(r.prices.FOB).toMatchObject({ commission: '0.6589', bankCharges: '0.1098', profit: '2.1964', unitPrice: '3.0936', amount: '37123.20' });
    expect(r.prices.CFR).toMatchObject({ unitPrice: '3.3826', amount: '40591.20' });
    expect(r.prices.CIF).toMatchObject({ insurance: '0.2132', unitPrice: '3.4126', amount: '40951.20' });
    expect(r.prices.CIP).toMatchObject({ term: 'CIP', costedAs: 'CIF', unitPrice: '3.4126' });
    expect(r.indicators).toEqual({
      basis: 'FOB', totalCost: '227989.38', netFxIncomePerUnit: '2.9853', netFxIncome: '35823.46',
      fxCostOfExport: '6.3642', profitLoss: '26357.15', profitLossRate: '0.1156',
    });
  });

  it('agrees with the textbook: CFR 150 → CIF 151.668 → CIFC3 156.359', async () => {
    const line = {
      costCurrency: 'USD', quoteCurrency: 'USD', exchangeRate: '1', purchaseCostInclVat: '140', vatRate: '0', rebateRate: '0', quantity: '100',
      packing: { unitsPerCarton: 1, cartonLengthCm: '50', cartonWidthCm: '40', cartonHeightCm: '50', cartonGrossWeightKg: '10' },
      freightMode: 'FCL', containerType: '20GP', freightPerContainer: '1000', insuranceCoverRate: '1.10', insurancePremiumRate: '0.01',
      profitBasis: 'SHARE_OF_PRICE', profitRate: '0',
    };
    const net = (await post('/api/costing/calculate', line)).json();
    expect(net.prices.CFR.unitPrice).toBe('150.0000');
    expect(net.prices.CIF.unitPrice).toBe('151.6684');
    const gross = (await post('/api/costing/calculate', { ...line, commissionRate: '0.03' })).json();
    expect(gross.prices.CIF.unitPrice).toBe('156.3591');
  });

  it('is refused to buyers: they never see costs', async () => {
    for (const url of ['/api/costing/calculate', '/api/costing/calculate-batch']) {
      const res = await post(url, url.endsWith('batch') ? { lines: [worked] } : worked, buyer);
      expect(res.statusCode).toBe(403);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body).not.toMatch(/17\.6991|rebate/);
    }
  });

  it('names each invalid field of the body', async () => {
    expectProblem(await post('/api/costing/calculate', { ...worked, vatRate: '1.5' }), ['body.vatRate']);
    expectProblem(await post('/api/costing/calculate', { ...worked, exchangeRate: '0' }), ['body.exchangeRate']);
    expectProblem(await post('/api/costing/calculate', { ...worked, purchaseCostInclVat: '-5.00' }), ['body.purchaseCostInclVat']);
    expectProblem(await post('/api/costing/calculate', { ...worked, discount: '0.1' }), ['body.discount']);
    expectProblem(await post('/api/costing/calculate', { ...worked, profitBasis: 'X' }), ['body.profitBasis']);
    // Money is never a JSON number.
    expectProblem(await post('/api/costing/calculate', { ...worked, purchaseCostInclVat: 20 }), ['body.purchaseCostInclVat']);
    expectProblem(await post('/api/costing/calculate', { ...worked, packing: { ...worked.packing, cartonHeightCm: '0' } }), ['body.packing.cartonHeightCm']);
  });

  it('names the fields of rules that combine them', async () => {
    const tooMuch = await post('/api/costing/calculate', { ...worked, profitRate: '0.97' });
    expectProblem(tooMuch, ['body.profitRate']);
    expect(tooMuch.json().detail).toMatch(/profit \+ commission \+ bank charges must be below 1/);
    expectProblem(await post('/api/costing/calculate', { ...worked, rebateRate: '0.15' }), ['body.rebateRate']);
    const { packing: _packing, ...unpacked } = worked;
    expectProblem(await post('/api/costing/calculate', unpacked), ['body.packing']);
  });
});

describe('POST /api/costing/calculate-batch', () => {
  it('costs a 200-line quote in one request, in order', async () => {
    const lines = Array.from({ length: 200 }, (_, i) => ({ ...worked, purchaseCostInclVat: (20 + i / 100).toFixed(2) }));
    const res = await post('/api/costing/calculate-batch', { lines });
    expect(res.statusCode, res.body.slice(0, 500)).toBe(200);
    const { results } = res.json() as { results: { costs: { purchaseCostInclVat: string }; prices: { FOB: { unitPrice: string } } }[] };
    expect(results).toHaveLength(200);
    expect(results.map((r) => r.costs.purchaseCostInclVat)).toEqual(lines.map((l) => `${l.purchaseCostInclVat}00`));
    expect(results[0]!.prices.FOB.unitPrice).toBe('3.0936');
  });

  it('names the line and field at fault', async () => {
    expectProblem(await post('/api/costing/calculate-batch', { lines: [worked, { ...worked, vatRate: '1.5' }] }), ['body.lines.1.vatRate']);
    expectProblem(await post('/api/costing/calculate-batch', { lines: [worked, worked, { ...worked, profitRate: '0.97' }] }), ['body.lines.2.profitRate']);
  });

  it('takes 1 to 500 lines', async () => {
    expectProblem(await post('/api/costing/calculate-batch', { lines: Array.from({ length: 501 }, () => worked) }), ['body.lines']);
    expectProblem(await post('/api/costing/calculate-batch', { lines: [] }), ['body.lines']);
    const max = await post('/api/costing/calculate-batch', { lines: Array.from({ length: 500 }, () => worked) });
    expect(max.statusCode).toBe(200);
  });
});
