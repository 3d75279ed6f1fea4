import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { calculateExportPrice, calculateExportPrices, cfrFromCif, cifFromCfr, priceWithCommission, type ExportCostingInput } from './costing.ts';
import { DomainError } from './errors.ts';
import { workedCostingExample } from './costing.examples.ts';

/**
 * The worked example, computed by hand (exact fractions, rounded only when written down):
 *
 *   purchase cost incl. VAT   CNY 20.00, VAT 13%, rebate 13%, 12,000 pcs
 *   excl. VAT                 20 / 1.13                      = 17.699115…  → 17.6991
 *   rebate income             17.699115… × 0.13              =  2.300885…  →  2.3009
 *   actual cost               20 − 2.300885…                 = 17.699115…  → 17.6991
 *   domestic expenses         6,000 / 12,000 + 0.80          =  1.30       →  1.3000
 *   total cost (FOB base)     17.699115… + 1.30              = 18.999115…  → 18.9991
 *   packing                   24 pcs/carton, 60×40×50 cm = 0.12 CBM, 15 kg gross
 *   cartons                   12,000 / 24 = 500 → 60.000 CBM, 7.500 t
 *   40HQ (68 CBM, 24.5 t)     by volume ⌊68 / 0.12⌋ = 566, by weight ⌊24,500 / 15⌋ = 1,633
 *                             → 566 per container, volume binds, ⌈500 / 566⌉ = 1 container
 *   freight                   1 × USD 3,000 / 12,000 = USD 0.25 × 7.1 = CNY 1.775 → 1.7750
 *   profit 10% of price, commission 3%, bank charges 0.5% → 1 − 0.135 = 0.865
 *   FOB   21.964295… = 18.999115… / 0.865   commission 0.658929  bank 0.109821  profit 2.196429
 *         USD 21.964295… / 7.1 = 3.093563  → 3.0936 × 12,000 = 37,123.20
 *   CFR   cost 20.774115…, 24.016318… = 20.774115… / 0.865  commission 0.720490  bank 0.120082
 *         profit 2.401632, USD 3.382580 → 3.3826 × 12,000 = 40,591.20
 *   CIF   cover 110%, premium 0.8% → 1 − 0.0088 = 0.9912; 24.016318… / 0.9912 = 24.229538
 *         premium 24.229538 − 24.016318 = 0.213220 (= 0.0088 × 24.229538)
 *         USD 3.412611 → 3.4126 × 12,000 = 40,951.20
 *   net FX income (FOB)       3.093563 × (1 − 0.03 − 0.005) = USD 2.985288 /pc, × 12,000 = 35,823.46
 *   total cost                18.999115… × 12,000 = CNY 227,989.38
 *   FX cost of export         227,989.38 / 35,823.46 = 6.3642  (= 7.1 × 0.865 / 0.965)
 *   profit/loss               35,823.4555 × 7.1 − 227,989.3805 = CNY 26,357.15 (= the profit line × qty)
 *   profit/loss rate          26,357.15 / 227,989.38 = 0.1156 (= 0.10 / 0.865)
 */
// The same example, with its defaults spelt out as the hand working above uses them.
const worked: ExportCostingInput = { ...workedCostingExample, costCurrency: 'CNY', freightCurrency: 'USD', insuranceCoverRate: '1.10' };

/** A USD-only sheet whose CFR cost per unit is `cfrCost`: 1 unit per 0.1 CBM carton, one 20GP. */
function cfrCostOf(cfrCost: string, freightPerContainer: string, extra: Partial<ExportCostingInput> = {}): ExportCostingInput {
  return {
    costCurrency: 'USD', quoteCurrency: 'USD', exchangeRate: '1',
    purchaseCostInclVat: cfrCost, vatRate: '0', rebateRate: '0', quantity: '100',
    packing: { unitsPerCarton: 1, cartonLengthCm: '50', cartonWidthCm: '40', cartonHeightCm: '50', cartonGrossWeightKg: '10' },
    freightMode: 'FCL', containerType: '20GP', freightPerContainer,
    insuranceCoverRate: '1.10', insurancePremiumRate: '0.01',
    profitBasis: 'SHARE_OF_PRICE', profitRate: '0',
    ...extra,
  };
}

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

describe('textbook checks', () => {
  it('CIF 1,000 at 110% cover and 1% premium is CFR 989', () => {
    expect(cfrFromCif('1000', '1.10', '0.01').toFixed(2)).toBe('989.00');
    // And the full costing, from a CFR cost of 989, arrives at CIF 1,000 with a premium of 11.
    const r = calculateExportPrice(cfrCostOf('989', '0'));
    expect(r.prices.CFR).toMatchObject({ unitPrice: '989.0000' });
    expect(r.prices.CIF).toMatchObject({ unitPrice: '1000.0000', insurance: '11.0000' });
  });

  it('CFR 150 is CIF 151.668, and CIFC3 = CIF / 0.97 = 156.359', () => {
    const cif = cifFromCfr('150', '1.1', '0.01');
    expect(cif.toFixed(3)).toBe('151.668');
    expect(cif.toFixed(10)).toBe('151.6683518706');
    expect(priceWithCommission(cif, '0.03').toFixed(3)).toBe('156.359');

    // The full costing: USD 140 of goods + USD 1,000 freight over 100 units = CFR 150.
    const net = calculateExportPrice(cfrCostOf('140', '1000'));
    expect(net.costs.freightPerUnit).toBe('10.0000');
    expect(net.prices.CFR?.unitPrice).toBe('150.0000');
    expect(net.prices.CIF?.unitPrice).toBe('151.6684');
    const withCommission = calculateExportPrice(cfrCostOf('140', '1000', { commissionRate: '0.03' }));
    expect(withCommission.prices.CIF?.unitPrice).toBe('156.3591');
    expect(withCommission.prices.CIF?.unitPrice).toBe(priceWithCommission(cif, '0.03').toFixed(4));
  });
});

describe('the worked example (FCL 40HQ, profit 10% of price, rate 7.1)', () => {
  const r = calculateExportPrice(worked);

  it('builds up the cost per unit', () => {
    expect(r.costs).toEqual({
      purchaseCostInclVat: '20.0000',
      purchaseCostExclVat: '17.6991',
      rebateIncome: '2.3009',
      actualCost: '17.6991',
      domesticExpensesPerUnit: '1.3000',
      freightPerUnit: '1.7750',
      totalCostPerUnit: '18.9991',
    });
    expect(r).toMatchObject({ costCurrency: 'CNY', quoteCurrency: 'USD', exchangeRate: '7.1', quantity: '12000', profitBasis: 'SHARE_OF_PRICE', profitRate: '0.1000' });
  });

  it('fits the cartons into one 40HQ, bound by volume', () => {
    expect(r.freight).toEqual({
      mode: 'FCL', currency: 'USD', cartons: 500, cartonCbm: '0.1200', shipmentCbm: '60.000', shipmentTonnes: '7.500',
      fcl: {
        containerType: '40HQ', capacityCbm: '68', payloadTonnes: '24.5', cartonsByVolume: 566, cartonsByWeight: 1633,
        cartonsPerContainer: 566, limitedBy: 'VOLUME', containers: 1, pricePerContainer: '3000.00',
      },
      lcl: null,
      total: '3000.00', perUnit: '0.2500', perUnitInCostCurrency: '1.7750',
    });
  });

  it('prices FOB, CFR and CIF with every line', () => {
    expect(r.prices.FOB).toEqual({
      term: 'FOB', costedAs: 'FOB', costBase: '18.9991', insurance: '0.0000', commission: '0.6589', bankCharges: '0.1098',
      profit: '2.1964', unitPriceInCostCurrency: '21.9643', unitPrice: '3.0936', amount: '37123.20',
    });
    expect(r.prices.CFR).toEqual({
      term: 'CFR', costedAs: 'CFR', costBase: '20.7741', insurance: '0.0000', commission: '0.7205', bankCharges: '0.1201',
      profit: '2.4016', unitPriceInCostCurrency: '24.0163', unitPrice: '3.3826', amount: '40591.20',
    });
    expect(r.prices.CIF).toEqual({
      term: 'CIF', costedAs: 'CIF', costBase: '20.7741', insurance: '0.2132', commission: '0.7205', bankCharges: '0.1201',
      profit: '2.4016', unitPriceInCostCurrency: '24.2295', unitPrice: '3.4126', amount: '40951.20',
    });
  });

  it('quotes FCA, CPT and CIP as FOB, CFR and CIF', () => {
    expect(r.prices.FCA).toEqual({ ...r.prices.FOB, term: 'FCA' });
    expect(r.prices.CPT).toEqual({ ...r.prices.CFR, term: 'CPT' });
    expect(r.prices.CIP).toEqual({ ...r.prices.CIF, term: 'CIP' });
    expect(r.notes.join(' ')).toMatch(/FCA, CPT and CIP are costed as FOB, CFR and CIF/);
    expect(r.notes.join(' ')).toMatch(/SHARE_OF_PRICE/);
  });

  it('gives the FX cost of export and the profit/loss', () => {
    expect(r.indicators).toEqual({
      basis: 'FOB',
      totalCost: '227989.38',
      netFxIncomePerUnit: '2.9853',
      netFxIncome: '35823.46',
      fxCostOfExport: '6.3642',
      profitLoss: '26357.15',
      profitLossRate: '0.1156',
    });
  });
});

describe('profit as a mark-up on cost', () => {
  // CNY 113 incl. 13% VAT = 100 + VAT; rebate 9% = 9 → actual cost 104; + 6 expenses = 110.
  const base: ExportCostingInput = {
    quoteCurrency: 'USD', purchaseCostInclVat: '113', vatRate: '0.13', rebateRate: '0.09', domesticExpensesPerUnit: '6',
    quantity: '100', freightMode: 'NONE', profitBasis: 'MARKUP_ON_COST', profitRate: '0.10', exchangeRate: '5.5',
  };

  it('price = cost × (1 + profit)', () => {
    const r = calculateExportPrice(base);
    expect(r.costs).toMatchObject({ rebateIncome: '9.0000', actualCost: '104.0000', totalCostPerUnit: '110.0000' });
    expect(r.prices.FOB).toMatchObject({ profit: '11.0000', unitPriceInCostCurrency: '121.0000', unitPrice: '22.0000', amount: '2200.00' });
    expect(r.profitBasis).toBe('MARKUP_ON_COST');
    expect(r.notes[0]).toMatch(/mark-up/);
  });

  it('commission is a share of the price: 121 / 0.95', () => {
    const r = calculateExportPrice({ ...base, commissionRate: '0.05' });
    expect(r.prices.FOB).toMatchObject({ profit: '11.0000', commission: '6.3684', unitPriceInCostCurrency: '127.3684', unitPrice: '23.1579' });
    // Net FX income 23.157895 × 0.95 = 22 → 110 / 22 = 5, profit/loss 100 × (22 × 5.5 − 110) = 1,100.
    expect(r.indicators).toMatchObject({ netFxIncomePerUnit: '22.0000', fxCostOfExport: '5.0000', profitLoss: '1100.00', profitLossRate: '0.1000' });
  });

  it('without freight only FOB and FCA are quoted', () => {
    const r = calculateExportPrice(base);
    expect(r.freight).toBeNull();
    expect(r.costs.freightPerUnit).toBeNull();
    expect([r.prices.CFR, r.prices.CPT, r.prices.CIF, r.prices.CIP]).toEqual([null, null, null, null]);
    expect(r.prices.FCA?.unitPrice).toBe('22.0000');
  });
});

describe('freight from the packing', () => {
  it('a heavy carton fills a 20GP by weight before volume', () => {
    // 30×25×40 cm = 0.03 CBM, 25 kg: by volume ⌊25 / 0.03⌋ = 833, by weight ⌊17,500 / 25⌋ = 700.
    const r = calculateExportPrice({
      ...worked, quantity: '1500', domesticExpensesFixed: '0',
      packing: { unitsPerCarton: 1, cartonLengthCm: '30', cartonWidthCm: '25', cartonHeightCm: '40', cartonGrossWeightKg: '25' },
      containerType: '20GP', freightPerContainer: '1200',
    });
    expect(r.freight?.fcl).toMatchObject({ cartonsByVolume: 833, cartonsByWeight: 700, cartonsPerContainer: 700, limitedBy: 'WEIGHT', containers: 3 });
    // 3 × 1,200 / 1,500 = USD 2.40 a unit.
    expect(r.freight).toMatchObject({ cartons: 1500, shipmentCbm: '45.000', shipmentTonnes: '37.500', total: '3600.00', perUnit: '2.4000', perUnitInCostCurrency: '17.0400' });
  });

  it('a light carton fills it by volume; a partly filled container is still paid in full', () => {
    const r = calculateExportPrice({ ...worked, quantity: '13608' }); // 567 cartons: one more than a 40HQ holds
    expect(r.freight?.fcl).toMatchObject({ limitedBy: 'VOLUME', cartonsPerContainer: 566, containers: 2 });
    expect(r.freight?.total).toBe('6000.00');
  });

  const lcl = (kg: string, dims: [string, string, string]): ExportCostingInput => ({
    ...worked, quantity: '1000', domesticExpensesFixed: '0', freightMode: 'LCL', containerType: undefined, freightPerContainer: undefined,
    lclRatePerWm: '80', lclSurchargeRate: '0.20', exchangeRate: '7',
    packing: { unitsPerCarton: 10, cartonLengthCm: dims[0], cartonWidthCm: dims[1], cartonHeightCm: dims[2], cartonGrossWeightKg: kg },
  });

  it('LCL charges W/M on the volume when it is the larger', () => {
    // 100 cartons × 0.05 CBM = 5 CBM against 100 × 30 kg = 3 t → 5 W/M × 80 = 400 + 20% = 480.
    const r = calculateExportPrice(lcl('30', ['50', '40', '25']));
    expect(r.freight).toMatchObject({ mode: 'LCL', fcl: null, shipmentCbm: '5.000', shipmentTonnes: '3.000', total: '480.00', perUnit: '0.4800', perUnitInCostCurrency: '3.3600' });
    expect(r.freight?.lcl).toEqual({ chargeableWm: '5.000', chargedBy: 'VOLUME', ratePerWm: '80.00', baseFreight: '400.00', surcharges: '80.00' });
  });

  it('LCL charges W/M on the weight when it is the larger', () => {
    // 100 cartons × 0.02 CBM = 2 CBM against 100 × 40 kg = 4 t → 4 W/M × 80 = 320 + 20% = 384.
    const r = calculateExportPrice(lcl('40', ['20', '20', '50']));
    expect(r.freight?.lcl).toEqual({ chargeableWm: '4.000', chargedBy: 'WEIGHT', ratePerWm: '80.00', baseFreight: '320.00', surcharges: '64.00' });
    expect(r.freight?.total).toBe('384.00');
  });

  it('freight priced in the cost currency is not converted', () => {
    const r = calculateExportPrice({ ...worked, freightCurrency: 'CNY', freightPerContainer: '21300' });
    expect(r.costs.freightPerUnit).toBe('1.7750');
    expect(r.prices.CIF?.unitPrice).toBe('3.4126');
  });

  it('without a premium rate there is no CIF or CIP', () => {
    const r = calculateExportPrice({ ...worked, insurancePremiumRate: undefined });
    expect(r.prices.CFR?.unitPrice).toBe('3.3826');
    expect(r.prices.CIF).toBeNull();
    expect(r.prices.CIP).toBeNull();
  });
});

describe('rounding', () => {
  it('rounds half up only at the end and never writes -0', () => {
    // Break-even: profit 0, so the profit/loss is zero to the last digit.
    const r = calculateExportPrice({ ...worked, profitRate: '0', commissionRate: '0', bankChargesRate: '0' });
    expect(r.indicators.profitLoss).toBe('0.00');
    expect(r.indicators.profitLossRate).toBe('0.0000');
    expect(r.indicators.fxCostOfExport).toBe('7.1000');
  });

  it('uses the quote currency’s scale for totals', () => {
    const r = calculateExportPrice({ ...worked, quoteCurrency: 'JPY', freightCurrency: 'CNY', freightPerContainer: '21300', exchangeRate: '0.0476' });
    expect(r.prices.FOB.amount).toMatch(/^\d+$/);
    expect(r.indicators.netFxIncome).toMatch(/^\d+$/);
  });
});

describe('validation', () => {
  it('names the field: a rate of 1.5', () => {
    expect(validationFields(() => calculateExportPrice({ ...worked, vatRate: '1.5' }))).toEqual(['vatRate']);
  });

  it('names the field: an exchange rate of 0', () => {
    expect(validationFields(() => calculateExportPrice({ ...worked, exchangeRate: '0' }))).toEqual(['exchangeRate']);
  });

  it('names the field: a negative cost, a zero quantity, a non-decimal', () => {
    expect(validationFields(() => calculateExportPrice({ ...worked, purchaseCostInclVat: '-1' }))).toEqual(['purchaseCostInclVat']);
    expect(validationFields(() => calculateExportPrice({ ...worked, quantity: '0' }))).toEqual(['quantity']);
    expect(validationFields(() => calculateExportPrice({ ...worked, domesticExpensesFixed: '1e3' }))).toEqual(['domesticExpensesFixed']);
  });

  it('profit + commission + bank charges must stay below 1 as a share of the price', () => {
    expect(validationFields(() => calculateExportPrice({ ...worked, profitRate: '0.965' }))).toEqual(['profitRate']);
    // As a mark-up the same profit is fine.
    expect(calculateExportPrice({ ...worked, profitBasis: 'MARKUP_ON_COST', profitRate: '0.965' }).prices.FOB.unitPrice).toMatch(/^\d+\.\d{4}$/);
  });

  it('the rebate cannot exceed the VAT', () => {
    expect(validationFields(() => calculateExportPrice({ ...worked, rebateRate: '0.16' }))).toEqual(['rebateRate']);
  });

  it('freight needs the packing with every dimension above 0', () => {
    expect(validationFields(() => calculateExportPrice({ ...worked, packing: undefined }))).toEqual(['packing']);
    expect(validationFields(() => calculateExportPrice({ ...worked, packing: { ...worked.packing!, cartonLengthCm: '0', cartonGrossWeightKg: '-2' } })))
      .toEqual(['packing.cartonLengthCm', 'packing.cartonGrossWeightKg']);
    expect(validationFields(() => calculateExportPrice({ ...worked, packing: { ...worked.packing!, unitsPerCarton: '2.5' } }))).toEqual(['packing.unitsPerCarton']);
    expect(validationFields(() => calculateExportPrice({ ...worked, containerType: undefined, freightPerContainer: undefined }))).toEqual(['containerType', 'freightPerContainer']);
    expect(validationFields(() => calculateExportPrice({ ...worked, freightCurrency: 'EUR' }))).toEqual(['freightCurrency']);
  });

  it('a carton heavier than a container’s payload', () => {
    expect(validationFields(() => calculateExportPrice({ ...worked, packing: { ...worked.packing!, cartonGrossWeightKg: '30000' } }))).toEqual(['packing']);
  });

  it('reports every bad field at once', () => {
    const fields = validationFields(() => calculateExportPrice({ ...worked, vatRate: '1', commissionRate: '-0.1', insuranceCoverRate: '0.9', profitBasis: 'X' as never }));
    expect(fields).toEqual(['vatRate', 'insuranceCoverRate', 'commissionRate', 'profitBasis']);
  });

  it('a batch names the line', () => {
    expect(validationFields(() => calculateExportPrices([worked, { ...worked, vatRate: '1.5' }, worked, { ...worked, exchangeRate: '0' }])))
      .toEqual(['lines.1.vatRate', 'lines.3.exchangeRate']);
    // Twice the quantity spreads the CNY 6,000 over 24,000: 18.749115 / 0.865 / 7.1 = 3.0529 × 24,000.
    const { results } = calculateExportPrices([worked, { ...worked, quantity: '24000' }]);
    expect(results.map((r) => r.prices.FOB.amount)).toEqual(['37123.20', '73269.60']);
  });

  it('a batch writes each note once with the lines it explains, and loses none', () => {
    const noFreight = { ...worked, freightMode: 'NONE' as const, containerType: undefined, freightPerContainer: undefined, insurancePremiumRate: undefined };
    const lines = [worked, noFreight, { ...worked, quantity: '24000' }, { ...worked, profitBasis: 'MARKUP_ON_COST' as const }];
    const { results, notes } = calculateExportPrices(lines);
    expect(results.every((r) => !('notes' in r))).toBe(true);
    expect(new Set(notes.map((n) => n.text)).size).toBe(notes.length);
    // Each line's notes are the batch notes that name it: the same texts as costing it alone.
    lines.forEach((line, i) => {
      const own = notes.filter((n) => n.lines.includes(i)).map((n) => n.text);
      expect(own.sort()).toEqual([...calculateExportPrice(line).notes].sort());
    });
    // The profit formula of SHARE_OF_PRICE explains lines 0–2, not the mark-up line; lines ascend.
    expect(notes[0]).toEqual({ text: expect.stringContaining('SHARE_OF_PRICE'), lines: [0, 1, 2] });
    expect(notes.find((n) => n.text.startsWith('No freight costed'))?.lines).toEqual([1]);
    // ASCII only, so that a long answer is written one byte per character.
    for (const n of notes) expect(n.text).toMatch(/^[\x20-\x7e]+$/);
  });
});

describe('no binary floats', () => {
  it('the costing never turns money into a JavaScript number', () => {
    const source = readFileSync(new URL('./costing.ts', import.meta.url), 'utf8');
    expect(source).not.toMatch(/\bNumber\(|parseFloat|parseInt|Math\./);
  });
});
