import { describe, expect, it } from 'vitest';
import type { CostSheetFigures } from '@portal/domain';
import { liveMargin, sheetForLine } from './live-margin.ts';

// Per unit in CNY: 10.00 up to FOB, 1.00 freight, 0.50 insurance; 7 CNY per USD.
const sheet: CostSheetFigures = {
  costCurrency: 'CNY',
  quoteCurrency: 'USD',
  exchangeRate: '7',
  costs: { totalCostPerUnit: '10', freightPerUnit: '1' },
  prices: { CIF: { insurance: '0.5' } },
};
const line = { sheet, currency: 'USD', unitPrice: '2.0000', floor: '0.08' };

describe('liveMargin', () => {
  it('costs each Incoterm as the API does, in decimals: FOB, CFR and the D-rules with freight, CIF/CIP with insurance', () => {
    // (2 − 10/7) / 2 = 2/7, exactly, not a float's 0.28571428571428575.
    expect(liveMargin({ ...line, incoterm: 'FOB' })!.rate.toFixed(20)).toBe('0.28571428571428571429');
    expect(liveMargin({ ...line, incoterm: 'FCA' })!.rate.toFixed(6)).toBe('0.285714');
    expect(liveMargin({ ...line, incoterm: 'CFR' })!.rate.toFixed(6)).toBe('0.214286');
    expect(liveMargin({ ...line, incoterm: 'DAP' })!.rate.toFixed(6)).toBe('0.214286');
    expect(liveMargin({ ...line, incoterm: 'CIF' })!.rate.toFixed(6)).toBe('0.178571');
    expect(liveMargin({ ...line, incoterm: 'CIP' })!.rate.toFixed(6)).toBe('0.178571');
  });

  it('says whether the line is below its floor; exactly at the floor is not below', () => {
    expect(liveMargin({ ...line, incoterm: 'CIF', floor: '0.18' })!.below).toBe(true);
    expect(liveMargin({ ...line, incoterm: 'CIF', floor: '0.08' })!.below).toBe(false);
    // At 10 CNY per USD the FOB cost is USD 1.00, so USD 2.00 makes exactly 50 %.
    const even = { ...line, sheet: { ...sheet, exchangeRate: '10' }, incoterm: 'FOB' };
    expect(liveMargin({ ...even, floor: '0.5' })).toMatchObject({ below: false });
    expect(liveMargin({ ...even, floor: '0.5001' })).toMatchObject({ below: true });
  });

  it('has nothing to say without a usable cost sheet or a valid price', () => {
    expect(liveMargin({ ...line, sheet: undefined, incoterm: 'FOB' })).toBeNull();
    expect(liveMargin({ ...line, unitPrice: '2.', incoterm: 'FOB' })).toBeNull();
    expect(liveMargin({ ...line, unitPrice: '0', incoterm: 'FOB' })).toBeNull();
    expect(liveMargin({ ...line, currency: 'EUR', incoterm: 'FOB' })).toBeNull();
    expect(liveMargin({ ...line, sheet: { ...sheet, costs: { ...sheet.costs, freightPerUnit: null } }, incoterm: 'CFR' })).toBeNull();
    expect(liveMargin({ ...line, sheet: { ...sheet, prices: { CIF: null } }, incoterm: 'CIF' })).toBeNull();
  });
});

describe('sheetForLine', () => {
  const sheets = [
    { id: 'eur-new', result: { ...sheet, quoteCurrency: 'EUR' } },
    { id: 'usd', result: { ...sheet, exchangeRate: '7.2' } },
    { id: 'usd-old', result: { ...sheet, exchangeRate: '6.9' } },
  ];
  it('takes the sheet a line cites, else the newest costed in the quote currency, else the newest (as the API does)', () => {
    expect(sheetForLine(sheets, 'usd-old', 'USD')?.exchangeRate).toBe('6.9');
    expect(sheetForLine(sheets, undefined, 'USD')?.exchangeRate).toBe('7.2');
    expect(sheetForLine(sheets, undefined, 'GBP')?.quoteCurrency).toBe('EUR');
    expect(sheetForLine([], undefined, 'USD')).toBeUndefined();
  });
});
