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

describe('POST /api/costing/evaluate (还价核算)', () => {
  const { profitBasis: _b, profitRate: _p, ...costs } = worked;

  it('works the textbook CIF deal back to FX cost and profit', async () => {
    // Source: 22.wendadaohang.com/zd/26C622IS.html: 5,000 sets at USD 100,000 CIF, freight USD 4,000, insurance 110% × 1%,
    // total cost CNY 720,000, rate 8.3 → net FX 94,900, FX cost 7.586, profit CNY 67,670 (9.4%).
    const res = await post('/api/costing/evaluate', {
      quoteCurrency: 'USD', purchaseCostInclVat: '144', vatRate: '0', rebateRate: '0', quantity: '5000', freightMode: 'NONE',
      freightAmount: '4000', insurancePremiumRate: '0.01', exchangeRate: '8.3', term: 'CIF', unitPrice: '20',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().indicators).toMatchObject({ netFxIncome: '94900.00', fxCostOfExport: '7.5869', profitLoss: '67670.00', profitLossRate: '0.0940' });
    expect(res.json().equivalents).toMatchObject({ FOB: '18.9800', CFR: '19.7800', CIF: '20.0000' });
  });

  it('a buyer’s counter: the margin it leaves and what the factory would have to charge', async () => {
    const res = await post('/api/costing/evaluate', { ...costs, term: 'FOB', unitPrice: '2.9000', targetProfitBasis: 'SHARE_OF_PRICE', targetProfitRate: '0.10' });
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r.costs.totalCostPerUnit).toBe('18.9991');
    expect(Number(r.indicators.profitRateOfPrice)).toBeLessThan(0.1);
    expect(r.target).toEqual({ profitBasis: 'SHARE_OF_PRICE', profitRate: '0.1000', purchaseCostInclVat: '18.6567', reduction: '1.3433' });
  });

  it('freight and insurance as amounts on /calculate too', async () => {
    const res = await post('/api/costing/calculate', {
      costCurrency: 'USD', quoteCurrency: 'USD', exchangeRate: '1', purchaseCostInclVat: '100', vatRate: '0', rebateRate: '0', quantity: '10',
      freightMode: 'NONE', freightAmount: '50', insuranceAmount: '12', profitBasis: 'SHARE_OF_PRICE', profitRate: '0',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().prices.CIF).toMatchObject({ unitPrice: '106.2000', insurance: '1.2000' });
  });

  it('names the field: zero, negative or over-scale prices, a term without the freight or insurance it needs', async () => {
    expectProblem(await post('/api/costing/evaluate', { ...costs, term: 'FOB', unitPrice: '0' }), ['body.unitPrice']);
    expectProblem(await post('/api/costing/evaluate', { ...costs, term: 'FOB', unitPrice: '-1.00' }), ['body.unitPrice']);
    expectProblem(await post('/api/costing/evaluate', { ...costs, term: 'FOB', unitPrice: '1.00001' }), ['body.unitPrice']);
    expectProblem(await post('/api/costing/evaluate', { ...costs, term: 'FOB', unitPrice: 3 }), ['body.unitPrice']);
    expectProblem(await post('/api/costing/evaluate', { ...costs, term: 'DDP', unitPrice: '3' }), ['body.term']);
    expectProblem(await post('/api/costing/evaluate', { ...costs, term: 'FOB', unitPrice: '3', profitRate: '0.1' }), ['body.profitRate']);
    const noFreight = { ...costs, freightMode: 'NONE', containerType: undefined, freightPerContainer: undefined };
    expectProblem(await post('/api/costing/evaluate', { ...noFreight, term: 'CFR', unitPrice: '3' }), ['body.freightAmount']);
    expectProblem(await post('/api/costing/evaluate', { ...costs, insurancePremiumRate: undefined, term: 'CIF', unitPrice: '3' }), ['body.insurancePremiumRate']);
    expectProblem(await post('/api/costing/evaluate', { ...costs, freightAmount: '1.234', term: 'FOB', unitPrice: '3' }), ['body.freightAmount']);
    expectProblem(await post('/api/costing/evaluate', { ...costs, quantity: '0', term: 'FOB', unitPrice: '3' }), ['body.quantity']);
  });

  it('evaluates a 200-line counter-offer in one request; buyers are refused', async () => {
    const lines = Array.from({ length: 200 }, (_, i) => ({ ...costs, term: 'CIF', unitPrice: (3.2 + i / 1000).toFixed(4) }));
    const res = await post('/api/costing/evaluate-batch', { lines });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.json().results.map((r: { unitPrice: string }) => r.unitPrice)).toEqual(lines.map((l) => l.unitPrice));
    expectProblem(await post('/api/costing/evaluate-batch', { lines: [lines[0], { ...lines[1], unitPrice: '0' }] }), ['body.lines.1.unitPrice']);
    for (const url of ['/api/costing/evaluate', '/api/costing/evaluate-batch']) {
      const denied = await post(url, url.endsWith('batch') ? { lines: [lines[0]] } : lines[0]!, buyer);
      expect(denied.statusCode).toBe(403);
      expect(denied.body).not.toMatch(/18\.9991|profit/);
    }
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

  it('writes each line exactly as /calculate does, its notes once for the batch (its fast serializer leaves nothing out)', async () => {
    const lcl = { ...worked, freightMode: 'LCL', containerType: undefined, freightPerContainer: undefined, lclRatePerWm: '80', insurancePremiumRate: undefined };
    const amounts = { ...worked, freightMode: 'NONE', containerType: undefined, freightPerContainer: undefined, freightAmount: '3000', insurancePremiumRate: undefined, insuranceAmount: '330' };
    const lines = [worked, lcl, amounts, worked];
    type Batch = { results: Record<string, unknown>[]; notes: { text: string; lines: number[] }[] };
    const notesOf = (batch: Batch, i: number) => batch.notes.filter((n) => n.lines.includes(i)).map((n) => n.text).sort();
    const batch = (await post('/api/costing/calculate-batch', { lines })).json() as Batch;
    for (const [i, line] of lines.entries()) {
      const { notes, ...alone } = (await post('/api/costing/calculate', line)).json();
      expect(batch.results[i]).toEqual(alone);
      expect(notesOf(batch, i)).toEqual([...notes].sort());
    }
    // The same explanation for lines 0 and 3 is written once.
    expect(batch.notes.filter((n) => n.text.startsWith('CIF = CFR / (1'))).toEqual([{ text: expect.any(String), lines: [0, 3] }]);
    const { profitBasis: _b, profitRate: _p, ...costs } = worked;
    const counter = { ...costs, term: 'CIF', unitPrice: '3.3000', targetProfitBasis: 'MARKUP_ON_COST', targetProfitRate: '0.05' };
    const evaluated = (await post('/api/costing/evaluate-batch', { lines: [counter] })).json() as Batch;
    const { notes, ...alone } = (await post('/api/costing/evaluate', counter)).json();
    expect(evaluated.results[0]).toEqual(alone);
    expect(notesOf(evaluated, 0)).toEqual([...notes].sort());
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
