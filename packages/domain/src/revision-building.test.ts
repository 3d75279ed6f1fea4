import { describe, expect, it } from 'vitest';
import { DomainError } from './errors.ts';
import { compareRevisionLines, costCounterLine, linesFromConversation, type SentLine } from './revision-building.ts';

const sent: SentLine[] = [
  { id: 'l1', inquiryLineId: 'i1', productId: 'p1', costSheetId: 'c1', description: 'Vacuum bottle 500 ml', quantity: '12000', unit: 'pc', unitPrice: '3.4126', notes: 'Laser engraving, 3 colours', shipmentDate: null },
  { id: 'l2', inquiryLineId: 'i2', productId: 'p2', costSheetId: null, description: 'Lunch box', quantity: '5000', unit: 'pc', unitPrice: '2.1000', notes: null, shipmentDate: null },
];
const counter = [{ quoteLineId: 'l1', proposedUnitPrice: '3.2000', proposedQuantity: '50000', proposedShipmentDate: '2026-06-01' }];

function fields(fn: () => unknown): string[] {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(DomainError);
    return ((err as DomainError).fields ?? []).map((f) => f.field);
  }
  throw new Error('expected a VALIDATION error');
}

describe('the next revision starts from the last sent one', () => {
  it('copies every line, its product, cost sheet and notes, when nothing is taken', () => {
    const lines = linesFromConversation(sent, counter, []);
    expect(lines).toEqual([
      { inquiryLineId: 'i1', productId: 'p1', costSheetId: 'c1', description: 'Vacuum bottle 500 ml', quantity: '12000', unit: 'pc', unitPrice: '3.4126', notes: 'Laser engraving, 3 colours' },
      { inquiryLineId: 'i2', productId: 'p2', description: 'Lunch box', quantity: '5000', unit: 'pc', unitPrice: '2.1000' },
    ]);
  });

  it('takes the buyer’s price, quantity and shipment date where the clerk chooses', () => {
    const [first] = linesFromConversation(sent, counter, [{ quoteLineId: 'l1', price: true, quantity: true, shipmentDate: true }]);
    expect(first).toMatchObject({ unitPrice: '3.2000', quantity: '50000', shipmentDate: '2026-06-01' });
    const [onlyQuantity] = linesFromConversation(sent, counter, [{ quoteLineId: 'l1', quantity: true }]);
    expect(onlyQuantity).toMatchObject({ unitPrice: '3.4126', quantity: '50000' });
    expect(onlyQuantity!.shipmentDate).toBeUndefined();
  });

  it('refuses a choice for a line of another revision or for what the buyer did not propose', () => {
    expect(fields(() => linesFromConversation(sent, counter, [{ quoteLineId: 'other', price: true }]))).toEqual(['body.take.0.quoteLineId']);
    expect(fields(() => linesFromConversation(sent, counter, [{ quoteLineId: 'l2', price: true }]))).toEqual(['body.take.0.price']);
  });
});

describe('comparing two revisions', () => {
  const before = sent.map(({ id: _id, costSheetId: _c, shipmentDate: _s, ...l }) => l);

  it('shows changed, added and removed lines', () => {
    const after = [
      { ...before[0]!, quantity: '50000', unitPrice: '3.2500' },
      { inquiryLineId: null, productId: null, description: 'Tooling for the engraving', quantity: '1', unit: 'set', unitPrice: '350.0000', notes: null },
    ];
    const rows = compareRevisionLines(before, after);
    expect(rows.map((r) => [r.status, (r.after ?? r.before)!.description, r.changed])).toEqual([
      ['changed', 'Vacuum bottle 500 ml', ['quantity', 'unitPrice']],
      ['added', 'Tooling for the engraving', []],
      ['removed', 'Lunch box', []],
    ]);
  });

  it('an unchanged line is the same, whatever its decimals are written as', () => {
    const rows = compareRevisionLines(before, [{ ...before[0]!, quantity: '12000.000', unitPrice: '3.41260' }, before[1]!]);
    expect(rows.map((r) => r.status)).toEqual(['same', 'same']);
  });
});

describe('a counter-offer line, costed', () => {
  // The worked cost sheet (CNY 20.00 incl. VAT, 40HQ freight USD 3,000, 0.8% premium): CIF 3.4126 for 12,000 pc.
  const sheetInput = {
    quoteCurrency: 'USD', purchaseCostInclVat: '20.00', vatRate: '0.13', rebateRate: '0.13', domesticExpensesFixed: '6000', domesticExpensesPerUnit: '0.80',
    quantity: '12000', packing: { unitsPerCarton: 24, cartonLengthCm: '60', cartonWidthCm: '40', cartonHeightCm: '50', cartonGrossWeightKg: '15' },
    freightMode: 'FCL', containerType: '40HQ', freightPerContainer: '3000', insurancePremiumRate: '0.008', commissionRate: '0.03', bankChargesRate: '0.005',
    profitBasis: 'SHARE_OF_PRICE', profitRate: '0.10', exchangeRate: '7.1',
  };
  const quoted = { unitPrice: '3.4126', quantity: '12000' };

  it('at the quoted price and quantity: the sheet’s 10% of price after commission and bank charges', () => {
    const c = costCounterLine({ sheetInput, incoterm: 'CIF', currency: 'USD', quoted, proposed: {}, floor: '0.08' })!;
    expect(Number(c.profitRate)).toBeCloseTo(0.1, 3);
    // Cost 20.7741 / 7.1 + premium 0.0300 = 2.9559; (3.4126 − 2.9559) / 3.4126.
    expect(c.marginRate).toBe('0.1338');
    expect(c.belowFloor).toBe(false);
  });

  it('the buyer’s 3.20 for 50,000 pc: more containers spread the expenses, the margin falls below the floor', () => {
    const c = costCounterLine({ sheetInput, incoterm: 'CIF', currency: 'USD', quoted, proposed: { unitPrice: '3.2000', quantity: '50000' }, floor: '0.08' })!;
    expect(Number(c.marginRate)).toBeLessThan(0.1338);
    expect(Number(c.profitRate)).toBeLessThan(0.1);
    expect(c.profitLoss.currency).toBe('CNY');
  });

  it('no cost sheet, or one in another currency: nothing to say', () => {
    expect(costCounterLine({ sheetInput: null, incoterm: 'CIF', currency: 'USD', quoted, proposed: {}, floor: '0.08' })).toBeNull();
    expect(costCounterLine({ sheetInput, incoterm: 'CIF', currency: 'EUR', quoted, proposed: {}, floor: '0.08' })).toBeNull();
  });
});
