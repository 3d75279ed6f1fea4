import { describe, expect, it } from 'vitest';
import {
  calculateExportPrice, convertTermPrice, evaluateExportPrice, evaluateExportPrices, type ExportCostingInput, type ExportEvaluationInput,
} from './costing.ts';
import { DomainError } from './errors.ts';
import { workedCostingExample } from './costing.examples.ts';

/*
 * Counter-offer costing (还价核算): from a given price back to the profit. Each textbook example
 * names its published source and is reproduced to the published rounding.
 */

function validationFields(fn: () => unknown): string[] {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).code).toBe('VALIDATION');
    return ((err as DomainError).fields ?? []).map((f) => f.field);
  }
  throw new Error('expected a VALIDATION error');
}

/** A lot whose total export cost is given directly (no VAT or rebate): the form exam questions use. */
const lot = (extra: Partial<ExportEvaluationInput>): ExportEvaluationInput => ({
  quoteCurrency: 'USD', purchaseCostInclVat: '0', vatRate: '0', rebateRate: '0', quantity: '1',
  freightMode: 'NONE', exchangeRate: '1', term: 'FOB', unitPrice: '1', ...extra,
});

describe('textbook: CIF price back to FX cost and profit/loss', () => {
  // Source: 22.wendadaohang.com/zd/26C622IS.html ("我公司向新加坡某公司出售一批货物,共计5000套,出口总价为10万美元
  // CIF新加坡 … 运费为4000美元,保险按CIF总价的110%投保一切险,费率为1%,出口总成本为72万元人民币 … 买入价1美元=8.3元"):
  // net FX income 94,900 USD; FX cost 7.586 (7.59) CNY/USD; profit 67,670 CNY. The rate 67,670 / 720,000 = 9.4% is
  // in trklw.com/jingdiangushi/a26wumejhf.html (question 5, same figures).
  const r = evaluateExportPrice(lot({
    quantity: '5000', purchaseCostInclVat: '144', term: 'CIF', unitPrice: '20', exchangeRate: '8.3',
    freightAmount: '4000', insuranceCoverRate: '1.10', insurancePremiumRate: '0.01',
  }));

  it('works back to the net FX income: CIF − freight − 110% × 1% × CIF', () => {
    expect(r.amount).toBe('100000.00');
    expect(r.deductions).toEqual({ freight: '0.8000', insurance: '0.2200', commission: '0.0000', bankCharges: '0.0000' });
    expect(r.indicators.netFxIncome).toBe('94900.00');
    expect(r.indicators.totalCost).toBe('720000.00');
  });

  it('gives the FX cost of export, the profit/loss and its rate as published', () => {
    expect(r.indicators.fxCostOfExport).toBe('7.5869');
    expect(Number(r.indicators.fxCostOfExport!).toFixed(2)).toBe('7.59');
    expect(r.indicators.profitLoss).toBe('67670.00');
    expect(r.indicators.profitLossRate).toBe('0.0940');
  });

  it('names the same deal on FOB and CFR: FOB = the net FX income per set', () => {
    expect(r.equivalents.FOB).toBe('18.9800'); // 94,900 / 5,000
    expect(r.equivalents.CFR).toBe('19.7800'); // + 0.80 freight
    expect(r.equivalents.CIF).toBe('20.0000');
  });
});

describe('textbook: freight and insurance as amounts', () => {
  // Source: woyaojiankangwang.com/Fitnesscoach/exneccarbx.html (question 2): purchase cost 117,000 incl. 17% VAT,
  // expenses 10% of it, rebate 14% → actual total cost 128,700 − 14,000 = 114,700; CIF 16,570 − freight 2,160 −
  // insurance 112 = 14,298 USD; FX cost 8.0221; at 8.32 profit 4,259.36 CNY, rate 3.71%.
  const r = evaluateExportPrice(lot({
    purchaseCostInclVat: '117000', vatRate: '0.17', rebateRate: '0.14', domesticExpensesFixed: '11700',
    term: 'CIF', unitPrice: '16570', exchangeRate: '8.32', freightAmount: '2160', insuranceAmount: '112',
  }));

  it('reproduces the published figures', () => {
    expect(r.costs.rebateIncome).toBe('14000.0000');
    expect(r.indicators.totalCost).toBe('114700.00');
    expect(r.indicators.netFxIncome).toBe('14298.00');
    expect(r.indicators.fxCostOfExport).toBe('8.0221');
    expect(r.indicators.profitLoss).toBe('4259.36');
    expect(r.indicators.profitLossRate).toBe('0.0371');
  });

  it('the costing takes the same amounts: CIF = CFR + the insurance amount', () => {
    const c = calculateExportPrice({
      quoteCurrency: 'USD', costCurrency: 'USD', exchangeRate: '1', purchaseCostInclVat: '100', vatRate: '0', rebateRate: '0',
      quantity: '10', freightMode: 'NONE', freightAmount: '50', insuranceAmount: '12', profitBasis: 'SHARE_OF_PRICE', profitRate: '0',
    });
    expect(c.costs.freightPerUnit).toBe('5.0000');
    expect(c.prices.CFR?.unitPrice).toBe('105.0000');
    expect(c.prices.CIF).toMatchObject({ unitPrice: '106.2000', insurance: '1.2000' });
    expect(c.freight).toBeNull();
  });
});

describe('textbook: commission and freight off a CFRC price', () => {
  // Source: trklw.com/jingdiangushi/a26wumejhf.html (question 4): 500 units at USD 450 CFRC2, freight USD 29 a
  // unit: commission = 500 × 450 × 2% = 4,500; net FX income = (225,000 − 4,500) − 29 × 500 = 206,000.
  it('commission is on the price with commission', () => {
    const r = evaluateExportPrice(lot({ quantity: '500', term: 'CFR', unitPrice: '450', commissionRate: '0.02', freightAmount: '14500' }));
    expect(r.deductions.commission).toBe('9.0000');
    expect(r.indicators.netFxIncome).toBe('206000.00');
  });

  // Source: the same page (question 6): FOBC7.5 USD 75 leaves 75 × (1 − 7.5%) = 69.375 a vehicle, × 28,500 = 1,977,187.5.
  it('FOBC7.5 at 75 nets 69.375 a unit', () => {
    const r = evaluateExportPrice(lot({ quantity: '28500', term: 'FOB', unitPrice: '75', commissionRate: '0.075' }));
    expect(r.indicators.netFxIncomePerUnit).toBe('69.3750');
    expect(r.indicators.netFxIncome).toBe('1977187.50');
  });
});

describe('textbook: converting between terms', () => {
  // Source: trklw.com/jingdiangushi/a26wumejhf.html (questions 2 and 3): CFR = 1,200 × (1 − 110% × 0.8%) = 1,189.44;
  // CFR 1,986.8 at 130% cover and 0.6% → CIF = 1,986.8 / (1 − 130% × 0.6%) = 2,002.4189.
  it('CIF to CFR and CFR to CIF at a cover and premium rate', () => {
    expect(convertTermPrice({ unitPrice: '1200', from: 'CIF', to: 'CFR', insurance: { coverRate: '1.10', premiumRate: '0.008' } }).toFixed(2)).toBe('1189.44');
    expect(convertTermPrice({ unitPrice: '1986.8', from: 'CFR', to: 'CIF', insurance: { coverRate: '1.30', premiumRate: '0.006' } }).toFixed(4)).toBe('2002.4189');
  });

  // Source: 360docs.net/doc/603461822.html ("出口报价及交易的核算答案", question 3): USD 438 a case CFR Manila, cases of
  // 45 × 35 × 25 cm and 30 kg, W/M, USD 100 per freight ton + 20% + 10% + 20% surcharges: freight 5.91 a case,
  // FOB = 438 − 5.91 = 432.09.
  it('CFR to FOB with LCL freight by W/M', () => {
    const r = evaluateExportPrice(lot({
      quantity: '200', term: 'CFR', unitPrice: '438', costCurrency: 'USD', purchaseCostInclVat: '300',
      freightMode: 'LCL', lclRatePerWm: '100', lclSurchargeRate: '0.5',
      packing: { unitsPerCarton: 1, cartonLengthCm: '45', cartonWidthCm: '35', cartonHeightCm: '25', cartonGrossWeightKg: '30' },
    }));
    expect(r.freight?.lcl?.chargedBy).toBe('VOLUME');
    expect(Number(r.deductions.freight).toFixed(2)).toBe('5.91');
    expect(Number(r.equivalents.FOB).toFixed(2)).toBe('432.09');
    expect(convertTermPrice({ unitPrice: '438', from: 'CFR', to: 'FOB', freightPerUnit: r.deductions.freight }).toFixed(2)).toBe('432.09');
  });

  it('a conversion without the freight or insurance it needs names it', () => {
    expect(validationFields(() => convertTermPrice({ unitPrice: '10', from: 'FOB', to: 'CFR' }))).toEqual(['freightPerUnit']);
    expect(validationFields(() => convertTermPrice({ unitPrice: '10', from: 'CIF', to: 'CFR' }))).toEqual(['insurance']);
  });

  // Source: 360docs.net/doc/603461822.html (question 1): CNY 250 incl. 17% VAT, rebate 9%: actual cost
  // 250 × [1 − 9% / (1 + 17%)] = 230.77 a bicycle.
  it('the actual cost behind the evaluation', () => {
    const r = evaluateExportPrice(lot({ purchaseCostInclVat: '250', vatRate: '0.17', rebateRate: '0.09', quantity: '19800', unitPrice: '40', exchangeRate: '6.5' }));
    expect(Number(r.costs.actualCost).toFixed(2)).toBe('230.77');
  });
});

describe('the evaluation gives back the profit the costing priced', () => {
  const worked: ExportCostingInput = workedCostingExample;
  const quoted = calculateExportPrice(worked);
  const { profitBasis: _b, profitRate: _p, ...costs } = worked;

  for (const term of ['FOB', 'CFR', 'CIF', 'FCA', 'CPT', 'CIP'] as const) {
    it(`${term}: 10% of the price at the quoted price`, () => {
      const r = evaluateExportPrice({ ...costs, term, unitPrice: quoted.prices[term]!.unitPrice });
      // The quoted price is rounded to 4 places: the rate comes back to within a hundredth of a percent.
      expect(Math.abs(Number(r.indicators.profitRateOfPrice) - 0.1)).toBeLessThan(0.0002);
      expect(r.equivalents[term]).toBe(quoted.prices[term]!.unitPrice);
    });
  }

  it('FOB: the same FX cost and profit/loss as the costing', () => {
    const r = evaluateExportPrice({ ...costs, term: 'FOB', unitPrice: quoted.prices.FOB.unitPrice });
    expect(Number(r.indicators.fxCostOfExport)).toBeCloseTo(Number(quoted.indicators.fxCostOfExport), 3);
    expect(Math.abs(Number(r.indicators.profitLoss) - Number(quoted.indicators.profitLoss))).toBeLessThan(20);
  });

  it('a buyer’s counter below the price leaves less, and says what the factory would have to charge', () => {
    const r = evaluateExportPrice({ ...costs, term: 'FOB', unitPrice: '2.9000', targetProfitBasis: 'SHARE_OF_PRICE', targetProfitRate: '0.10' });
    expect(Number(r.indicators.profitRateOfPrice)).toBeLessThan(0.1);
    // 2.90 × 7.1 = 20.59 × (1 − 0.135) = 17.81035 − 1.30 expenses = 16.51035 actual cost; / (1 − 0.13 / 1.13) = 18.6567.
    expect(r.target).toEqual({ profitBasis: 'SHARE_OF_PRICE', profitRate: '0.1000', purchaseCostInclVat: '18.6567', reduction: '1.3433' });
    // At that purchase cost the costing quotes the counter price.
    expect(calculateExportPrice({ ...worked, purchaseCostInclVat: r.target!.purchaseCostInclVat! }).prices.FOB.unitPrice).toBe('2.9000');
  });

  it('a mark-up target: CNY 110 at 10% on cost needs an actual cost of 94', () => {
    // 113 incl. 13% VAT, 9% rebate, 6 expenses; a counter of USD 20 at 5.5 = CNY 110 = cost base 100 × 1.1.
    const r = evaluateExportPrice({
      quoteCurrency: 'USD', purchaseCostInclVat: '113', vatRate: '0.13', rebateRate: '0.09', domesticExpensesPerUnit: '6', quantity: '100',
      freightMode: 'NONE', exchangeRate: '5.5', term: 'FOB', unitPrice: '20', targetProfitBasis: 'MARKUP_ON_COST', targetProfitRate: '0.10',
    });
    expect(r.indicators).toMatchObject({ profitPerUnit: '0.0000', profitRateOfPrice: '0.0000', profitMarkupOnCost: '0.0000', profitLoss: '0.00' });
    // (100 − 6) / (1 − 0.09 / 1.13) = 94 × 1.13 / 1.04 = 102.1346
    expect(r.target?.purchaseCostInclVat).toBe('102.1346');
  });

  it('a price below the freight has no purchase cost that allows it', () => {
    const r = evaluateExportPrice({ ...costs, term: 'CFR', unitPrice: '0.1000', targetProfitBasis: 'MARKUP_ON_COST', targetProfitRate: '0.05' });
    expect(r.target?.purchaseCostInclVat).toBeNull();
    expect(Number(r.indicators.profitLoss)).toBeLessThan(0);
    expect(r.notes.join(' ')).toMatch(/loss/);
  });
});

describe('bad input names the field', () => {
  const { profitBasis: _b, profitRate: _p, ...costs } = workedCostingExample;

  it('a zero or negative price, a term we do not know', () => {
    expect(validationFields(() => evaluateExportPrice({ ...costs, term: 'FOB', unitPrice: '0' }))).toEqual(['unitPrice']);
    expect(validationFields(() => evaluateExportPrice({ ...costs, term: 'FOB', unitPrice: '-2' }))).toEqual(['unitPrice']);
    expect(validationFields(() => evaluateExportPrice({ ...costs, term: 'DDP' as never, unitPrice: '2' }))).toEqual(['term']);
  });

  it('a term without the freight or insurance it needs', () => {
    const noFreight = { ...costs, freightMode: 'NONE' as const, containerType: undefined, freightPerContainer: undefined };
    expect(validationFields(() => evaluateExportPrice({ ...noFreight, term: 'CFR', unitPrice: '3' }))).toEqual(['freightAmount']);
    expect(validationFields(() => evaluateExportPrice({ ...costs, insurancePremiumRate: undefined, term: 'CIP', unitPrice: '3' }))).toEqual(['insurancePremiumRate']);
  });

  it('a freight amount beside freight rates, an insurance amount beside a premium rate', () => {
    expect(validationFields(() => evaluateExportPrice({ ...costs, freightAmount: '3000', term: 'FOB', unitPrice: '3' }))).toEqual(['freightAmount']);
    expect(validationFields(() => calculateExportPrice({ ...workedCostingExample, insuranceAmount: '100' }))).toEqual(['insuranceAmount']);
    expect(validationFields(() => calculateExportPrice({ ...workedCostingExample, freightMode: 'NONE', freightAmount: '-1' }))).toEqual(['freightAmount']);
  });

  it('a target profit needs its basis', () => {
    expect(validationFields(() => evaluateExportPrice({ ...costs, term: 'FOB', unitPrice: '3', targetProfitRate: '0.1' }))).toEqual(['targetProfitBasis']);
  });

  it('a batch names the line', () => {
    expect(validationFields(() => evaluateExportPrices([{ ...costs, term: 'FOB', unitPrice: '3' }, { ...costs, term: 'FOB', unitPrice: '0' }]))).toEqual(['lines.1.unitPrice']);
  });

  it('a batch writes each note once, in ASCII, with the lines it explains', () => {
    const lines: ExportEvaluationInput[] = [{ ...costs, term: 'CIF', unitPrice: '3.3' }, { ...costs, term: 'CIF', unitPrice: '2' }, { ...costs, term: 'CIF', unitPrice: '3.3' }];
    const { results, notes } = evaluateExportPrices(lines);
    expect(results.map((r) => r.unitPrice)).toEqual(['3.3000', '2.0000', '3.3000']);
    lines.forEach((line, i) => expect(notes.filter((n) => n.lines.includes(i)).map((n) => n.text).sort()).toEqual([...evaluateExportPrice(line).notes].sort()));
    expect(notes.find((n) => n.text.startsWith('Insurance = cover * premium rate'))?.lines).toEqual([0, 1, 2]);
    expect(notes.find((n) => n.text.startsWith('The price is a loss'))?.lines).toEqual([1]);
    for (const n of notes) expect(n.text).toMatch(/^[\x20-\x7e]+$/);
  });
});
