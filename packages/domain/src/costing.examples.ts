import type { ExportCostingInput } from './costing.ts';

/**
 * The worked costing example that tests and benchmarks share (worked by hand in costing.test.ts):
 * CNY 20.00 incl. 13% VAT with a 13% rebate, FCL 40HQ at USD 3,000, insurance 0.8% on 110%,
 * 3% commission, 0.5% bank charges, 10% profit of price, 7.1 CNY per USD, 12,000 pieces.
 * The cost currency (CNY), freight currency (USD) and cover (1.10) are the defaults.
 */
export const workedCostingExample = {
  quoteCurrency: 'USD',
  purchaseCostInclVat: '20.00',
  vatRate: '0.13',
  rebateRate: '0.13',
  domesticExpensesFixed: '6000',
  domesticExpensesPerUnit: '0.80',
  quantity: '12000',
  packing: { unitsPerCarton: 24, cartonLengthCm: '60', cartonWidthCm: '40', cartonHeightCm: '50', cartonGrossWeightKg: '15' },
  freightMode: 'FCL',
  containerType: '40HQ',
  freightPerContainer: '3000',
  insurancePremiumRate: '0.008',
  commissionRate: '0.03',
  bankChargesRate: '0.005',
  profitBasis: 'SHARE_OF_PRICE',
  profitRate: '0.10',
  exchangeRate: '7.1',
} as const satisfies ExportCostingInput;
