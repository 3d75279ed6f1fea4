import { describe, expect, it } from 'vitest';
import { DomainError } from './errors.ts';
import { refusal } from './testing.ts';
import { Dec } from './money.ts';
import { calculateExportPrice, costedTerm } from './costing.ts';
import { workedCostingExample } from './costing.examples.ts';
import {
  amountInWords, approvalBreach, assertEditable, assertPaymentTerms, assertShipmentDate, assertTransition, assertValidUntil, canTransition, costPerUnit,
  decideApproval, decideSend, draftReferences, effectiveRevisionStatus, integerInWords, isBelowFloor, isSent, lineAmount, lineMargin, liveLineMargin,
  mainPaymentMethod, marginFloorFor, marginRate, paymentTermsText, priceDraft, quoteMargin, quoteTotals, worstFloorBreach, type CostSheetFigures, type Draft,
  type DraftContext,
} from './quotes.ts';


describe('the revision lifecycle', () => {
  it('sends a draft at or above the floor straight to the buyer', () => {
    expect(decideSend('DRAFT', false)).toBe('SENT');
    expect(canTransition('DRAFT', 'SENT')).toBe(true);
  });

  it('sends a draft below the floor to a manager first', () => {
    expect(decideSend('DRAFT', true)).toBe('PENDING_APPROVAL');
    expect(decideApproval('PENDING_APPROVAL', 'APPROVE')).toBe('APPROVED');
    expect(decideSend('APPROVED', true)).toBe('SENT');
    expect(decideApproval('PENDING_APPROVAL', 'REJECT')).toBe('DRAFT');
  });

  it('does not let a revision waiting for approval be sent, or a sent one be sent again', () => {
    expect(refusal(() => decideSend('PENDING_APPROVAL', true)).code).toBe('CONFLICT');
    expect(refusal(() => decideSend('PENDING_APPROVAL', true)).message).toMatch(/waits for a manager/);
    expect(refusal(() => decideSend('SENT', false)).message).toMatch(/already been sent/);
    expect(refusal(() => decideSend('EXPIRED', false)).code).toBe('CONFLICT');
  });

  it('approves only what waits for approval', () => {
    for (const s of ['DRAFT', 'APPROVED', 'SENT', 'SUPERSEDED'] as const) expect(refusal(() => decideApproval(s, 'APPROVE')).code).toBe('CONFLICT');
  });

  it('keeps a sent revision immutable', () => {
    expect(() => assertEditable('DRAFT')).not.toThrow();
    const sent = refusal(() => assertEditable('SENT'));
    expect(sent.code).toBe('CONFLICT');
    expect(sent.message).toBe('a sent revision cannot change; make a new revision');
    for (const s of ['ACCEPTED', 'DECLINED', 'SUPERSEDED', 'EXPIRED'] as const) expect(refusal(() => assertEditable(s)).message).toMatch(/make a new revision/);
    expect(refusal(() => assertEditable('PENDING_APPROVAL')).message).toMatch(/approval/);
  });

  it('allows only the lifecycle’s moves', () => {
    expect(canTransition('SENT', 'SUPERSEDED')).toBe(true);
    expect(canTransition('SENT', 'EXPIRED')).toBe(true);
    expect(canTransition('SENT', 'DRAFT')).toBe(false);
    expect(canTransition('EXPIRED', 'SENT')).toBe(false);
    expect(() => assertTransition('ACCEPTED', 'DRAFT')).toThrow(/accepted cannot become draft/);
  });

  it('knows what the buyer has been sent', () => {
    expect(isSent('SENT')).toBe(true);
    expect(isSent('SUPERSEDED')).toBe(true);
    expect(isSent('DRAFT')).toBe(false);
    expect(isSent('PENDING_APPROVAL')).toBe(false);
    expect(isSent('APPROVED')).toBe(false);
  });

  it('reads a sent revision past its validity as expired, not before', () => {
    expect(effectiveRevisionStatus('SENT', '2026-03-01', '2026-03-01')).toBe('SENT');
    expect(effectiveRevisionStatus('SENT', '2026-03-01', '2026-03-02')).toBe('EXPIRED');
    expect(effectiveRevisionStatus('DRAFT', '2026-03-01', '2026-03-02')).toBe('DRAFT');
    expect(effectiveRevisionStatus('SUPERSEDED', '2026-03-01', '2026-03-02')).toBe('SUPERSEDED');
  });
});

describe('margins', () => {
  it('takes the margin as a share of the price', () => {
    expect(lineMargin('3.20', '2.88').toFixed(4)).toBe('0.1000');
    expect(lineMargin('2.00', '2.50').toFixed(4)).toBe('-0.2500');
    expect(() => lineMargin('0', '1')).toThrow(RangeError);
  });

  it('weights the quote margin by value, over the costed lines only', () => {
    const m = quoteMargin([
      { unitPrice: '10', costPerUnit: '9', quantity: '100' }, // profit 100 on 1000
      { unitPrice: '5', costPerUnit: '3', quantity: '1000' }, // profit 2000 on 5000
      { unitPrice: '99', costPerUnit: null, quantity: '1' },
    ]);
    expect(m!.toFixed(4)).toBe(new Dec(2100).div(6000).toFixed(4));
    expect(quoteMargin([{ unitPrice: '1', costPerUnit: null, quantity: '1' }])).toBeNull();
  });

  it('is below the floor only strictly under it', () => {
    expect(isBelowFloor('0.0799', '0.08')).toBe(true);
    expect(isBelowFloor('0.08', '0.08')).toBe(false);
    expect(isBelowFloor(new Dec('0.1'), '0.08')).toBe(false);
  });

  it('finds the line furthest below its floor', () => {
    const lines = [
      { id: 'a', margin: new Dec('0.07'), floor: new Dec('0.08') },
      { id: 'b', margin: new Dec('0.10'), floor: new Dec('0.15') },
      { id: 'c', margin: null, floor: new Dec('0.08') },
      { id: 'd', margin: new Dec('0.20'), floor: new Dec('0.08') },
    ];
    expect(worstFloorBreach(lines)?.id).toBe('b');
    expect(worstFloorBreach([lines[3]!])).toBeNull();
  });
});

describe('amounts', () => {
  it('rounds the line amount once, half-up, to the currency', () => {
    expect(lineAmount('1000', '3.2000', 'USD').toFixed(2)).toBe('3200.00');
    expect(lineAmount('3', '0.0035', 'USD').toFixed(2)).toBe('0.01'); // 0.0105 → 0.01
    expect(lineAmount('333', '0.0015', 'USD').toFixed(2)).toBe('0.50'); // 0.4995 → 0.50
    expect(lineAmount('7', '1.2345', 'JPY').toFixed(0)).toBe('9'); // 8.6415
  });

  it('totals the rounded line amounts', () => {
    const t = quoteTotals([{ quantity: '1', unitPrice: '0.0050' }, { quantity: '1', unitPrice: '0.0050' }], 'USD');
    expect(t).toEqual({ amounts: ['0.01', '0.01'], total: '0.02' });
    expect(quoteTotals([{ quantity: '12000', unitPrice: '3.0936' }, { quantity: '2500.5', unitPrice: '1.1' }], 'USD')).toEqual({ amounts: ['37123.20', '2750.55'], total: '39873.75' });
  });
});

describe('dates', () => {
  it('wants a validity date after today', () => {
    expect(() => assertValidUntil('2026-05-02', '2026-05-01')).not.toThrow();
    const e = refusal(() => assertValidUntil('2026-05-01', '2026-05-01'));
    expect(e.code).toBe('VALIDATION');
    expect(e.fields).toEqual([{ field: 'validUntil', message: 'must be after today (2026-05-01)' }]);
    expect(() => assertValidUntil('2025-12-31', '2026-05-01')).toThrow(DomainError);
  });

  it('refuses a shipment date in the past', () => {
    expect(() => assertShipmentDate(undefined, '2026-05-01')).not.toThrow();
    expect(() => assertShipmentDate('2026-05-01', '2026-05-01')).not.toThrow();
    expect(refusal(() => assertShipmentDate('2026-04-30', '2026-05-01')).fields?.[0]?.field).toBe('shipmentDate');
  });
});

describe('payment terms', () => {
  it('writes them as a PI does', () => {
    expect(paymentTermsText([
      { method: 'TT', percent: '30', trigger: 'CONTRACT_CONFIRMATION', days: 0 },
      { method: 'TT', percent: '70', trigger: 'BL_COPY', days: 0 },
    ])).toBe('T/T 30% on contract confirmation, T/T 70% against copy of B/L');
    expect(paymentTermsText([{ method: 'LC', percent: '100', trigger: 'SIGHT' }])).toBe('L/C at sight');
    expect(paymentTermsText([{ method: 'LC', percent: '100.00', trigger: 'BL_DATE', days: 90 }])).toBe('L/C 90 days after B/L date');
    expect(paymentTermsText([{ method: 'DA', percent: '100', trigger: 'ACCEPTANCE', days: 60 }])).toBe('D/A 60 days after acceptance');
    expect(paymentTermsText([{ method: 'OA', percent: '100', trigger: 'BL_DATE', days: 60 }])).toBe('O/A 60 days after B/L date');
    expect(paymentTermsText([{ method: 'DP', percent: '100', trigger: 'SIGHT' }])).toBe('D/P at sight');
    expect(paymentTermsText([
      { method: 'TT', percent: '20.50', trigger: 'BEFORE_SHIPMENT' },
      { method: 'LC', percent: '79.5', trigger: 'SIGHT' },
    ])).toBe('T/T 20.5% before shipment, L/C 79.5% at sight');
  });

  it('wants the instalments to add up to 100%', () => {
    expect(() => assertPaymentTerms([{ method: 'TT', percent: '30', trigger: 'CONTRACT_CONFIRMATION' }, { method: 'TT', percent: '70', trigger: 'BL_COPY' }])).not.toThrow();
    const e = refusal(() => assertPaymentTerms([{ method: 'TT', percent: '30', trigger: 'CONTRACT_CONFIRMATION' }, { method: 'TT', percent: '60', trigger: 'BL_COPY' }]));
    expect(e.fields).toEqual([{ field: 'paymentTerms', message: 'the instalments must add up to 100% (they add up to 90%)' }]);
    expect(() => assertPaymentTerms([])).toThrow(DomainError);
  });

  it('names the main method by the largest share', () => {
    expect(mainPaymentMethod([{ method: 'TT', percent: '30', trigger: 'CONTRACT_CONFIRMATION' }, { method: 'LC', percent: '70', trigger: 'SIGHT' }])).toBe('LC');
    expect(mainPaymentMethod([{ method: 'TT', percent: '50', trigger: 'CONTRACT_CONFIRMATION' }, { method: 'OA', percent: '50', trigger: 'BL_DATE', days: 30 }])).toBe('TT');
  });
});

describe('the cost behind a quoted line', () => {
  // CNY 18.9991 actual cost + domestic expenses, CNY 1.7750 freight, CNY 1.5140 insurance; 7.1 CNY per USD.
  const sheet: CostSheetFigures = {
    costCurrency: 'CNY', quoteCurrency: 'USD', exchangeRate: '7.1',
    costs: { totalCostPerUnit: '18.9991', freightPerUnit: '1.7750' },
    prices: { CIF: { insurance: '1.5140' } },
  };

  it('adds freight for CFR and insurance for CIF, in the quote currency', () => {
    expect(costPerUnit(sheet, 'FOB', 'USD').toFixed(4)).toBe('2.6759');
    expect(costPerUnit(sheet, 'CFR', 'USD').toFixed(4)).toBe(new Dec('20.7741').div('7.1').toFixed(4));
    expect(costPerUnit(sheet, 'CIF', 'USD').toFixed(4)).toBe(new Dec('22.2881').div('7.1').toFixed(4));
    expect(costPerUnit(sheet, 'FOB', 'CNY').toFixed(4)).toBe('18.9991');
  });

  it('maps every Incoterm to the costing it needs', () => {
    expect(['EXW', 'FCA', 'FAS', 'FOB'].map(costedTerm)).toEqual(['FOB', 'FOB', 'FOB', 'FOB']);
    expect(['CFR', 'CPT', 'DAP', 'DPU', 'DDP'].map(costedTerm)).toEqual(['CFR', 'CFR', 'CFR', 'CFR', 'CFR']);
    expect(['CIF', 'CIP'].map(costedTerm)).toEqual(['CIF', 'CIF']);
  });

  it('refuses a sheet that cannot serve the quote', () => {
    const fobOnly: CostSheetFigures = { ...sheet, costs: { totalCostPerUnit: '18.9991', freightPerUnit: null }, prices: { CIF: null } };
    expect(refusal(() => costPerUnit(fobOnly, 'CFR', 'USD')).fields?.[0]?.message).toMatch(/has no freight/);
    expect(refusal(() => costPerUnit({ ...sheet, prices: { CIF: null } }, 'CIF', 'USD')).fields?.[0]?.message).toMatch(/has no insurance/);
    expect(refusal(() => costPerUnit(sheet, 'FOB', 'EUR')).fields).toEqual([{ field: 'costSheetId', message: 'is costed for USD (from CNY); the quote is in EUR' }]);
  });
});

describe('amounts in words', () => {
  it('writes whole numbers', () => {
    expect(integerInWords('0')).toBe('ZERO');
    expect(integerInWords('15')).toBe('FIFTEEN');
    expect(integerInWords('105')).toBe('ONE HUNDRED AND FIVE');
    expect(integerInWords('37123')).toBe('THIRTY-SEVEN THOUSAND ONE HUNDRED AND TWENTY-THREE');
    expect(integerInWords('1000000')).toBe('ONE MILLION');
    expect(integerInWords('2001040')).toBe('TWO MILLION ONE THOUSAND FORTY');
  });

  it('writes the total as it appears on a PI', () => {
    expect(amountInWords('37123.20', 'USD')).toBe('SAY US DOLLARS THIRTY-SEVEN THOUSAND ONE HUNDRED AND TWENTY-THREE AND CENTS TWENTY ONLY');
    expect(amountInWords('500.00', 'EUR')).toBe('SAY EUROS FIVE HUNDRED ONLY');
    expect(amountInWords('120000', 'JPY')).toBe('SAY JAPANESE YEN ONE HUNDRED AND TWENTY THOUSAND ONLY');
  });
});

describe('the live margin of a quoted line', () => {
  // CNY 18.9991 + 1.7750 freight + 1.5140 insurance = CNY 22.2881 CIF cost, at 7.1 CNY per USD: USD 3.1392 a unit.
  const sheet: CostSheetFigures = {
    costCurrency: 'CNY', quoteCurrency: 'USD', exchangeRate: '7.1',
    costs: { totalCostPerUnit: '18.9991', freightPerUnit: '1.7750' },
    prices: { CIF: { insurance: '1.5140' } },
  };
  const cif = (unitPrice: string) => ({ unitPrice, incoterm: 'CIF', currency: 'USD' });

  it('is (price − cost) / price in decimals, against the floor it is held to', () => {
    const m = liveLineMargin(cif('3.4126'), sheet, '0.08')!;
    expect(m.costPerUnit.toFixed(6)).toBe(new Dec('22.2881').div('7.1').toFixed(6));
    expect(m.margin.toFixed(10)).toBe(new Dec('3.4126').minus(new Dec('22.2881').div('7.1')).div('3.4126').toFixed(10));
    expect(m.rate).toBe('0.0801');
    expect(m).toMatchObject({ belowFloor: false });
    expect(m.floor.toFixed(2)).toBe('0.08');
    expect(liveLineMargin(cif('3.40'), sheet, '0.08')).toMatchObject({ rate: '0.0767', belowFloor: true });
  });

  it('costs each Incoterm as its price term, in either currency of the sheet', () => {
    // CPT is costed as CFR: freight, no insurance.
    expect(liveLineMargin({ unitPrice: '3.00', incoterm: 'CPT', currency: 'USD' }, sheet, '0.08')!.costPerUnit.toFixed(4)).toBe(new Dec('20.7741').div('7.1').toFixed(4));
    expect(liveLineMargin({ unitPrice: '25', incoterm: 'FOB', currency: 'CNY' }, sheet, '0.08')!.rate).toBe(new Dec(25).minus('18.9991').div(25).toFixed(4));
  });

  it('costs a line of another quantity at its own quantity when the sheet’s inputs are known', () => {
    // The worked example: 12,000 pc, CNY 6,000 fixed expenses, one 40HQ at USD 3,000.
    const saved = { ...calculateExportPrice(workedCostingExample), input: workedCostingExample };
    const fob = (quantity?: string) => liveLineMargin({ unitPrice: '3.0936', incoterm: 'FOB', currency: 'USD', ...(quantity ? { quantity } : {}) }, saved, '0.08')!;
    // At the sheet's own quantity, or none given: the sheet's figures as saved.
    expect(fob('12000').costPerUnit.toFixed(10)).toBe(new Dec(saved.costs.totalCostPerUnit).div('7.1').toFixed(10));
    expect(fob().costPerUnit.eq(fob('12000').costPerUnit)).toBe(true);
    // At 48,000 pc the CNY 6,000 is spread over four times the units: the cost the workbench shows for 48,000.
    const at48k = calculateExportPrice({ ...workedCostingExample, quantity: '48000' });
    expect(fob('48000').costPerUnit.toFixed(10)).toBe(new Dec(at48k.costs.totalCostPerUnit).div('7.1').toFixed(10));
    expect(fob('48000').margin.gt(fob('12000').margin)).toBe(true);
    // CFR: the freight of the containers 48,000 pc need, per unit.
    const cfr = liveLineMargin({ unitPrice: '3.40', incoterm: 'CFR', currency: 'USD', quantity: '48000' }, saved, '0.08')!;
    expect(cfr.costPerUnit.toFixed(10)).toBe(new Dec(at48k.costs.totalCostPerUnit).plus(at48k.costs.freightPerUnit!).div('7.1').toFixed(10));
    // A sheet saved without its inputs is read as saved.
    const { input: _input, ...figuresOnly } = saved;
    expect(liveLineMargin({ unitPrice: '3.0936', incoterm: 'FOB', currency: 'USD', quantity: '48000' }, figuresOnly, '0.08')!.costPerUnit.eq(fob('12000').costPerUnit)).toBe(true);
  });

  it('waits for a price above zero, and says why a sheet cannot serve', () => {
    expect(liveLineMargin(cif(''), sheet, '0.08')).toBeNull();
    expect(liveLineMargin(cif('0'), sheet, '0.08')).toBeNull();
    expect(liveLineMargin(cif('3,40'), sheet, '0.08')).toBeNull();
    expect(() => liveLineMargin({ ...cif('3.40'), currency: 'EUR' }, sheet, '0.08')).toThrow(expect.objectContaining({ code: 'VALIDATION', fields: [{ field: 'costSheetId', message: 'is costed for USD (from CNY); the quote is in EUR' }] }));
  });

  it('stores a margin far below cost at the column’s limit', () => {
    expect(marginRate(new Dec('0.12345'))).toBe('0.1235');
    expect(marginRate(new Dec('-5000'))).toBe('-999.9999');
  });

  it('is held to the product’s floor, else the setting, else 8%', () => {
    expect(marginFloorFor('0.15', '0.10').toFixed(2)).toBe('0.15');
    expect(marginFloorFor(null, '0.10').toFixed(2)).toBe('0.10');
    expect(marginFloorFor(null).toFixed(2)).toBe('0.08');
  });

  it('shows the manager the line furthest below its floor, else the quote margin', () => {
    const rev = { marginRate: '0.09', lines: [{ marginRate: '0.07', productFloor: null }, { marginRate: '0.10', productFloor: '0.15' }, { marginRate: null, productFloor: '0.5' }] };
    const breach = approvalBreach(rev, '0.08');
    expect([breach.margin?.toFixed(2), breach.floor.toFixed(2)]).toEqual(['0.10', '0.15']);
    const none = approvalBreach({ marginRate: '0.2', lines: [{ marginRate: '0.2', productFloor: null }] }, '0.08');
    expect([none.margin?.toFixed(1), none.floor.toFixed(2)]).toEqual(['0.2', '0.08']);
  });
});

describe('pricing a draft', () => {
  const figures: CostSheetFigures = { costCurrency: 'CNY', quoteCurrency: 'USD', exchangeRate: '7.1', costs: { totalCostPerUnit: '18.9991', freightPerUnit: '1.7750' }, prices: { CIF: { insurance: '1.5140' } } };
  const ctx: DraftContext = {
    today: '2026-05-01',
    inquiryLines: [{ id: 'il1', productId: 'p1' }, { id: 'il2', productId: null }],
    products: [{ id: 'p1', status: 'ACTIVE', moq: '1000', unit: 'pc', marginFloorRate: null }, { id: 'p2', status: 'ARCHIVED', moq: '1', unit: 'pc', marginFloorRate: null }],
    costSheets: [{ id: 's1', productId: 'p1', name: 'Bottle CIF', version: 2, figures }, { id: 's9', productId: 'p9', name: 'Other', version: 1, figures }],
    latestCostSheets: [{ id: 's1', productId: 'p1', name: 'Bottle CIF', version: 2, figures: { ...figures, prices: { CIF: null } } }],
    knownPortCodes: ['CNNGB', 'DEHAM'],
    marginFloor: '0.08',
  };
  const draft: Draft = {
    currency: 'USD', incoterm: 'CIF', validUntil: '2026-05-31', shipmentDate: '2026-06-30', portOfLoadingCode: 'CNNGB', portOfDischargeCode: 'DEHAM',
    paymentTerms: [{ method: 'TT', percent: '30', trigger: 'CONTRACT_CONFIRMATION' }, { method: 'TT', percent: '70', trigger: 'BL_COPY' }],
    lines: [
      { inquiryLineId: 'il1', costSheetId: 's1', description: 'Bottle', quantity: '12000', unit: 'pc', unitPrice: '3.4126' },
      { inquiryLineId: 'il2', description: 'Sample box', quantity: '3', unit: 'set', unitPrice: '1.005' },
    ],
  };

  it('works out amounts, the total and the margins, and the PI’s payment terms', () => {
    const priced = priceDraft(draft, ctx);
    expect(priced.lines).toEqual([
      { lineNo: 1, inquiryLineId: 'il1', productId: 'p1', costSheetId: 's1', description: 'Bottle', quantity: '12000', unit: 'pc', unitPrice: '3.4126', amount: '40951.20', marginRate: '0.0801', notes: null, shipmentDate: null },
      { lineNo: 2, inquiryLineId: 'il2', productId: null, costSheetId: null, description: 'Sample box', quantity: '3', unit: 'set', unitPrice: '1.005', amount: '3.02', marginRate: null, notes: null, shipmentDate: null },
    ]);
    expect(priced).toMatchObject({ total: '40954.22', marginRate: '0.0801', belowMarginFloor: false, paymentMethod: 'TT', paymentTermsText: 'T/T 30% on contract confirmation, T/T 70% against copy of B/L' });
    expect(priceDraft({ ...draft, lines: [{ ...draft.lines[0]!, unitPrice: '3.30' }] }, ctx)).toMatchObject({ belowMarginFloor: true });
  });

  it('names every field at fault at once, as the client wrote it', () => {
    const bad: Draft = {
      ...draft, validUntil: '2026-05-01', shipmentDate: '2026-04-30', currency: 'XXX', portOfDischargeCode: 'ZZZZZ',
      paymentTerms: [{ method: 'TT', percent: '30', trigger: 'CONTRACT_CONFIRMATION' }],
      lines: [
        { inquiryLineId: 'nope', description: 'x', quantity: '1', unit: 'pc', unitPrice: '1' },
        { productId: 'p1', costSheetId: 's9', description: 'x', quantity: '10', unit: 'pc', unitPrice: '1' },
        { productId: 'p2', description: 'x', quantity: '1', unit: 'pc', unitPrice: '1' },
      ],
    };
    expect(() => priceDraft(bad, ctx)).toThrow(expect.objectContaining({
      code: 'VALIDATION',
      fields: [
        { field: 'body.validUntil', message: 'must be after today (2026-05-01)' },
        { field: 'body.shipmentDate', message: 'must not be before today (2026-05-01)' },
        { field: 'body.paymentTerms', message: 'the instalments must add up to 100% (they add up to 30%)' },
        { field: 'body.currency', message: expect.stringContaining('is not a currency we invoice in') },
        { field: 'body.portOfDischargeCode', message: 'is not a known port' },
        { field: 'body.lines.0.inquiryLineId', message: 'is not a line of this inquiry' },
        { field: 'body.lines.1.quantity', message: 'is below the minimum order quantity of 1000 pc' },
        { field: 'body.lines.1.costSheetId', message: 'is the cost sheet of another product' },
        { field: 'body.lines.2.productId', message: 'is not an active product' },
      ],
    }));
  });

  it('says which latest cost sheet could not serve a line that named none', () => {
    const line = { inquiryLineId: 'il1', description: 'Bottle', quantity: '12000', unit: 'pc', unitPrice: '3.4126' };
    expect(() => priceDraft({ ...draft, lines: [line] }, ctx)).toThrow(expect.objectContaining({
      fields: [{ field: 'body.lines.0.costSheetId', message: 'the product’s latest cost sheet (“Bottle CIF” v2) has no insurance costed; CIF needs a premium rate on the cost sheet; choose a cost sheet that fits' }],
    }));
    expect(priceDraft({ ...draft, incoterm: 'CFR', lines: [line] }, ctx).lines[0]!.costSheetId).toBe('s1');
  });

  it('takes the newest cost sheet costed for the quote’s currency, and names the newest when none is', () => {
    const line = { inquiryLineId: 'il1', description: 'Bottle', quantity: '12000', unit: 'pc', unitPrice: '3.4126' };
    const euro = { id: 's3', productId: 'p1', name: 'Bottle EUR', version: 3, figures: { ...figures, quoteCurrency: 'EUR' } };
    const both = { ...ctx, latestCostSheets: [euro, { id: 's1', productId: 'p1', name: 'Bottle CIF', version: 2, figures }] };
    expect(priceDraft({ ...draft, lines: [line] }, both).lines[0]!.costSheetId).toBe('s1');
    expect(priceDraft({ ...draft, currency: 'EUR', lines: [line] }, both).lines[0]!.costSheetId).toBe('s3');
    expect(() => priceDraft({ ...draft, currency: 'GBP', lines: [line] }, both)).toThrow(expect.objectContaining({
      fields: [{ field: 'body.lines.0.costSheetId', message: 'the product’s latest cost sheet (“Bottle EUR” v3) is costed for EUR (from CNY); the quote is in GBP; choose a cost sheet that fits' }],
    }));
  });

  it('refuses amounts that do not fit the ledger', () => {
    expect(() => priceDraft({ ...draft, lines: [{ ...draft.lines[1]!, quantity: '999999999999', unitPrice: '9999999999' }] }, ctx)).toThrow(expect.objectContaining({
      fields: [{ field: 'body.lines.0.unitPrice', message: 'makes the line amount too large' }],
    }));
  });

  it('lists what to look up first', () => {
    expect(draftReferences({ ...draft, lines: [...draft.lines, { productId: 'p2', description: 'x', quantity: '1', unit: 'pc', unitPrice: '1' }] }, ctx.inquiryLines)).toEqual({
      productIds: ['p1', 'p2'], costSheetIds: ['s1'], portCodes: ['CNNGB', 'DEHAM'],
    });
  });
});

describe('the amount in Chinese financial capitals', () => {
  it('writes the examples of the PBoC rules for bills and settlement vouchers (《支付结算办法》附件一)', async () => {
    const { amountInChineseCapitals } = await import('./quotes.ts');
    expect(amountInChineseCapitals('1409.50', 'CNY')).toBe('人民币壹仟肆佰零玖元伍角');
    expect(amountInChineseCapitals('6007.14', 'CNY')).toBe('人民币陆仟零柒元壹角肆分');
    expect(amountInChineseCapitals('1680.32', 'CNY')).toBe('人民币壹仟陆佰捌拾元零叁角贰分');
    expect(amountInChineseCapitals('107000.53', 'CNY')).toBe('人民币壹拾万柒仟元零伍角叁分');
    expect(amountInChineseCapitals('325.04', 'CNY')).toBe('人民币叁佰贰拾伍元零肆分');
  });

  it('ends a whole amount in 元整, names the currency, and keeps zeros between groups', async () => {
    const { amountInChineseCapitals } = await import('./quotes.ts');
    expect(amountInChineseCapitals('40951.20', 'USD')).toBe('美元肆万零玖佰伍拾壹元贰角');
    expect(amountInChineseCapitals('110400', 'USD')).toBe('美元壹拾壹万零肆佰元整');
    expect(amountInChineseCapitals('100000000.05', 'EUR')).toBe('欧元壹亿元零伍分');
    expect(amountInChineseCapitals('0.53', 'USD')).toBe('美元伍角叁分');
    expect(amountInChineseCapitals('0', 'CNY')).toBe('人民币零元整');
    expect(amountInChineseCapitals('1200500', 'JPY')).toBe('日元壹佰贰拾万零伍佰元整');
  });
});
