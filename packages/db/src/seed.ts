import { randomUUID } from 'node:crypto';
import { Dec, calculateExportPrice, type ExportCostingInput } from '@portal/domain';
import type { Prisma, PrismaClient } from './generated/client.ts';
import type { Incoterm } from './generated/enums.ts';
import { hashPassword } from './passwords.ts';

/** The client or an open transaction. */
type Db = PrismaClient | Prisma.TransactionClient;

/** The password of every demo user (demo mode only; listed in the README). */
export const demoPassword = 'demo-Passw0rd';

const ports: [code: string, name: string, country: string][] = [
  ['CNNGB', 'Ningbo', 'CN'], ['CNSHA', 'Shanghai', 'CN'], ['CNSZX', 'Shenzhen', 'CN'], ['CNTAO', 'Qingdao', 'CN'],
  ['CNXMN', 'Xiamen', 'CN'], ['CNTXG', 'Tianjin Xingang', 'CN'], ['CNCAN', 'Guangzhou', 'CN'],
  ['GBFXT', 'Felixstowe', 'GB'], ['GBSOU', 'Southampton', 'GB'], ['DEHAM', 'Hamburg', 'DE'], ['NLRTM', 'Rotterdam', 'NL'],
  ['BEANR', 'Antwerp', 'BE'], ['FRLEH', 'Le Havre', 'FR'], ['ESVLC', 'Valencia', 'ES'], ['ESBCN', 'Barcelona', 'ES'],
  ['ITGOA', 'Genoa', 'IT'], ['PLGDN', 'Gdansk', 'PL'], ['USLAX', 'Los Angeles', 'US'], ['USLGB', 'Long Beach', 'US'],
  ['USNYC', 'New York', 'US'], ['USSAV', 'Savannah', 'US'], ['CAVAN', 'Vancouver', 'CA'], ['AUSYD', 'Sydney', 'AU'],
  ['AUMEL', 'Melbourne', 'AU'], ['AEJEA', 'Jebel Ali', 'AE'], ['SAJED', 'Jeddah', 'SA'], ['SGSIN', 'Singapore', 'SG'],
  ['JPTYO', 'Tokyo', 'JP'], ['KRPUS', 'Busan', 'KR'], ['BRSSZ', 'Santos', 'BR'], ['MXZLO', 'Manzanillo', 'MX'],
  ['ZADUR', 'Durban', 'ZA'], ['INNSA', 'Nhava Sheva', 'IN'], ['CLSAI', 'San Antonio', 'CL'],
];

// Bank buying rates (CNY per unit of foreign currency) at which export income is converted.
const buyingRates: [currency: string, rate: string][] = [
  ['USD', '7.1050'], ['EUR', '7.7320'], ['GBP', '9.0210'], ['AUD', '4.6380'], ['CAD', '5.1240'], ['JPY', '0.047310'],
];

// Ocean freight from Ningbo and Shanghai, USD, 2026: [20GP, 40GP, 40HQ per container, LCL per W/M].
const freightRegions: Record<string, { ports: string[]; rates: [string, string, string, string] }> = {
  'North Europe': { ports: ['GBFXT', 'GBSOU', 'DEHAM', 'NLRTM', 'BEANR', 'FRLEH', 'PLGDN'], rates: ['1350', '2250', '2400', '55'] },
  Mediterranean: { ports: ['ESVLC', 'ESBCN', 'ITGOA'], rates: ['1450', '2400', '2550', '60'] },
  'North America West Coast': { ports: ['USLAX', 'USLGB', 'CAVAN'], rates: ['1500', '1900', '2000', '50'] },
  'North America East Coast': { ports: ['USNYC', 'USSAV'], rates: ['2300', '2900', '3000', '65'] },
  Oceania: { ports: ['AUSYD', 'AUMEL'], rates: ['900', '1600', '1700', '45'] },
  'Middle East': { ports: ['AEJEA', 'SAJED'], rates: ['1000', '1800', '1900', '50'] },
  'East and South-East Asia': { ports: ['SGSIN', 'JPTYO', 'KRPUS'], rates: ['350', '600', '650', '45'] },
  'Latin America': { ports: ['BRSSZ', 'MXZLO', 'CLSAI'], rates: ['2200', '3300', '3400', '70'] },
  'Africa and India': { ports: ['ZADUR', 'INNSA'], rates: ['1200', '2000', '2100', '60'] },
};
// Shanghai's larger services price a little below Ningbo per container.
const freightOrigins: [code: string, containerDiscount: number][] = [['CNNGB', 0], ['CNSHA', 50]];

/** Freight rates from Ningbo and Shanghai to every seeded destination port; adds only the missing ones. */
async function seedFreightRates(prisma: Db) {
  const validFrom = new Date(Date.UTC(2026, 0, 1));
  const existing = await prisma.freightRate.findMany({ where: { validFrom }, select: { originPortCode: true, destinationPortCode: true, containerType: true } });
  const have = new Set(existing.map((r) => `${r.originPortCode}>${r.destinationPortCode}>${r.containerType ?? 'LCL'}`));
  const rows: Prisma.FreightRateCreateManyInput[] = [];
  for (const [origin, discount] of freightOrigins) {
    for (const { ports: destinations, rates } of Object.values(freightRegions)) {
      for (const destination of destinations) {
        const lane = { originPortCode: origin, destinationPortCode: destination, currency: 'USD', validFrom };
        (['20GP', '40GP', '40HQ'] as const).forEach((containerType, i) => {
          rows.push({ ...lane, mode: 'FCL', containerType, amount: String(Number(rates[i]) - discount) });
        });
        // LCL: the rate per W/M, and at least one W/M per consignment.
        rows.push({ ...lane, mode: 'LCL', containerType: null, amount: rates[3], lclRatePerWm: rates[3] });
      }
    }
  }
  const missing = rows.filter((r) => !have.has(`${r.originPortCode}>${r.destinationPortCode}>${r.containerType ?? 'LCL'}`));
  if (missing.length) await prisma.freightRate.createMany({ data: missing });
}

/** Several processes starting at once on one database seed one after another. */
async function seedLock(tx: Prisma.TransactionClient): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(72707370)`;
}

/** Reference data and the exporter itself: needed in every installation, demo or not. Idempotent, one transaction. */
export async function seedEssentials(client: PrismaClient): Promise<{ exporterId: string }> {
  return client.$transaction(
    async (tx) => {
      await seedLock(tx);
      return essentials(tx);
    },
    { maxWait: 60_000, timeout: 300_000 },
  );
}

async function essentials(prisma: Db): Promise<{ exporterId: string }> {
  for (const [code, name, country] of ports) {
    await prisma.port.upsert({ where: { code }, create: { code, name, country }, update: {} });
  }
  const validOn = new Date(Date.UTC(2026, 10, 2));
  for (const [currency, rate] of buyingRates) {
    const key = { base: currency, quote: 'CNY', kind: 'BUYING' as const, validOn };
    await prisma.exchangeRate.upsert({
      where: { base_quote_kind_validOn: key },
      create: { ...key, rate, source: 'Bank of China buying rate (seed)' },
      update: {},
    });
  }
  await seedFreightRates(prisma);
  const settings: [string, unknown][] = [
    ['inquiry.responseTargetHours', 24],
    ['quote.marginFloorRate', '0.08'],
    ['quote.defaultValidityDays', 30],
    // Printed on every pro-forma invoice (demo values: replace with the exporter's real account).
    [
      'exporter.bankDetails',
      'Beneficiary: Ningbo Harbour Homeware Co., Ltd.\nBeneficiary bank: Bank of China, Ningbo Beilun Sub-branch, No. 99 Xinda Road, Ningbo, China\n' +
        'SWIFT: BKCHCNBJ92A\nUSD account: 3580 0000 0000 1234 56 (demo)\nEUR account: 3580 0000 0000 6543 21 (demo)',
    ],
  ];
  for (const [key, value] of settings) {
    await prisma.setting.upsert({ where: { key }, create: { key, value: value as never }, update: {} });
  }
  const existing = await prisma.company.findFirst({ where: { kind: 'EXPORTER' }, select: { id: true } });
  if (existing) return { exporterId: existing.id };
  const exporter = await prisma.company.create({
    data: {
      kind: 'EXPORTER',
      name: 'Ningbo Harbour Homeware Co., Ltd.',
      country: 'CN',
      addressLine1: 'No. 88 Gangwan Road, Beilun District',
      city: 'Ningbo',
      postalCode: '315800',
      taxId: '91330206MA2CH8XXXX',
      website: 'https://harbour-homeware.example',
      phone: '+86 574 8688 0000',
      defaultCurrency: 'USD',
      status: 'APPROVED',
      supplierProfile: {
        create: {
          headline: 'Homeware, drinkware and cotton textiles, made and shipped from Ningbo since 2006',
          headlineZh: '家居用品、饮具与棉纺织品，自 2006 年起在宁波生产并出运',
          description:
            'Vertically integrated manufacturer and exporter of stainless steel drinkware, kitchen tools and cotton ' +
            'textiles. Two factories (38,000 m²) in Beilun and Yuyao, in-house laser engraving, printing and ' +
            'packing, 30 minutes from Ningbo-Zhoushan port.',
          descriptionZh: '不锈钢水具、厨房用品和全棉纺织品的生产型出口企业，北仑、余姚两座工厂，距宁波舟山港30分钟。',
          yearEstablished: 2006,
          employees: 420,
          factoryAreaM2: 38000,
          productionCapacity: '1.2 million drinkware units and 600,000 garments per month',
          markets: ['Western Europe', 'United Kingdom', 'North America', 'Australia', 'Middle East'],
          certifications: ['ISO 9001:2015', 'BSCI', 'LFGB', 'FDA', 'OEKO-TEX Standard 100', 'GOTS'],
          productLines: ['Drinkware', 'Kitchen tools', 'Cotton apparel', 'Home textiles'],
          mainPortCode: 'CNNGB',
        },
      },
    },
    select: { id: true },
  });
  return { exporterId: exporter.id };
}

type DemoProduct = {
  sku: string; category: string; nameEn: string; nameZh: string; material: string; unit: string; moq: number;
  perCarton: number; carton: [number, number, number]; grossKg: number; hs: string; certs: string[]; lead: number;
  tiers: [minQty: number, usd: string][]; specs: [string, string][];
};

const categories: [slug: string, parent: string | null, en: string, zh: string][] = [
  ['drinkware', null, 'Drinkware', '水具'],
  ['bottles', 'drinkware', 'Bottles & flasks', '水瓶与保温瓶'],
  ['mugs', 'drinkware', 'Mugs & tumblers', '杯具'],
  ['kitchen', null, 'Kitchen tools', '厨房用品'],
  ['textiles', null, 'Textiles', '纺织品'],
  ['apparel', 'textiles', 'Apparel', '服装'],
  ['home-textiles', 'textiles', 'Home textiles', '家纺'],
];

const products: DemoProduct[] = [
  { sku: 'DW-BTL-500', category: 'bottles', nameEn: 'Stainless steel vacuum bottle 500 ml', nameZh: '不锈钢真空保温瓶 500毫升', material: '18/8 stainless steel', unit: 'pc', moq: 1000, perCarton: 50, carton: [52, 42, 28], grossKg: 17.5, hs: '9617001100', certs: ['LFGB', 'FDA'], lead: 35, tiers: [[1000, '3.2000'], [5000, '2.9500'], [20000, '2.7800']], specs: [['Capacity', '500 ml'], ['Keeps hot', '12 h'], ['Keeps cold', '24 h'], ['Finish', 'Powder coated']] },
  { sku: 'DW-BTL-750', category: 'bottles', nameEn: 'Stainless steel sports bottle 750 ml', nameZh: '不锈钢运动水瓶 750毫升', material: '18/8 stainless steel', unit: 'pc', moq: 1000, perCarton: 40, carton: [56, 46, 30], grossKg: 16.8, hs: '9617001100', certs: ['LFGB', 'FDA'], lead: 35, tiers: [[1000, '3.6500'], [5000, '3.3800']], specs: [['Capacity', '750 ml'], ['Lid', 'Leak-proof sport cap']] },
  { sku: 'DW-FLK-1000', category: 'bottles', nameEn: 'Vacuum flask with cup lid 1 L', nameZh: '带杯盖真空保温壶 1升', material: '304 stainless steel', unit: 'pc', moq: 500, perCarton: 24, carton: [50, 34, 32], grossKg: 14.2, hs: '9617001900', certs: ['LFGB'], lead: 40, tiers: [[500, '5.4000'], [3000, '4.9500']], specs: [['Capacity', '1000 ml'], ['Cup lid', '150 ml']] },
  { sku: 'DW-BTL-GL600', category: 'bottles', nameEn: 'Borosilicate glass water bottle 600 ml', nameZh: '高硼硅玻璃水瓶 600毫升', material: 'Borosilicate glass, bamboo lid', unit: 'pc', moq: 2000, perCarton: 48, carton: [48, 36, 26], grossKg: 15.1, hs: '7013370000', certs: ['LFGB'], lead: 30, tiers: [[2000, '1.8500'], [10000, '1.6400']], specs: [['Capacity', '600 ml'], ['Sleeve', 'Silicone']] },
  { sku: 'DW-MUG-350', category: 'mugs', nameEn: 'Insulated coffee mug 350 ml', nameZh: '保温咖啡杯 350毫升', material: '304 stainless steel', unit: 'pc', moq: 1000, perCarton: 48, carton: [50, 38, 26], grossKg: 13.6, hs: '7323930000', certs: ['FDA'], lead: 30, tiers: [[1000, '2.7500'], [5000, '2.5200']], specs: [['Capacity', '350 ml'], ['Lid', 'Slide-lock']] },
  { sku: 'DW-TMB-600', category: 'mugs', nameEn: 'Tumbler with straw 600 ml', nameZh: '带吸管随行杯 600毫升', material: '304 stainless steel', unit: 'pc', moq: 1000, perCarton: 36, carton: [52, 40, 30], grossKg: 14.9, hs: '7323930000', certs: ['FDA', 'LFGB'], lead: 30, tiers: [[1000, '3.1000'], [5000, '2.8600']], specs: [['Capacity', '600 ml'], ['Straw', 'Stainless + silicone tip']] },
  { sku: 'DW-MUG-CER', category: 'mugs', nameEn: 'Ceramic mug 330 ml, custom print', nameZh: '陶瓷马克杯 330毫升 可定制印刷', material: 'Stoneware', unit: 'pc', moq: 3000, perCarton: 36, carton: [46, 31, 32], grossKg: 13.2, hs: '6912001000', certs: ['FDA'], lead: 28, tiers: [[3000, '0.9800'], [10000, '0.8600']], specs: [['Capacity', '330 ml'], ['Print', 'Decal, up to 4 colours']] },
  { sku: 'KT-KNF-SET5', category: 'kitchen', nameEn: 'Kitchen knife set, 5 pieces', nameZh: '厨房刀具五件套', material: '3Cr13 stainless steel, PP handles', unit: 'set', moq: 500, perCarton: 10, carton: [44, 32, 28], grossKg: 9.8, hs: '8211100000', certs: ['LFGB'], lead: 45, tiers: [[500, '6.9000'], [2000, '6.3500']], specs: [['Pieces', 'Chef, bread, carving, utility, paring'], ['Block', 'Acacia wood']] },
  { sku: 'KT-BRD-BMB', category: 'kitchen', nameEn: 'Bamboo cutting board 38 × 28 cm', nameZh: '竹制砧板 38×28厘米', material: 'Moso bamboo', unit: 'pc', moq: 1000, perCarton: 20, carton: [40, 30, 32], grossKg: 16.0, hs: '4419120000', certs: ['FDA', 'FSC'], lead: 30, tiers: [[1000, '2.4000'], [5000, '2.1500']], specs: [['Size', '38 × 28 × 1.8 cm'], ['Juice groove', 'Yes']] },
  { sku: 'KT-UTN-SIL6', category: 'kitchen', nameEn: 'Silicone kitchen utensils, 6 pieces', nameZh: '硅胶厨具六件套', material: 'Food-grade silicone, wood handles', unit: 'set', moq: 1000, perCarton: 24, carton: [48, 36, 30], grossKg: 11.4, hs: '3924100000', certs: ['LFGB', 'FDA'], lead: 30, tiers: [[1000, '3.9000'], [5000, '3.5500']], specs: [['Heat resistance', '230 °C']] },
  { sku: 'TX-TEE-180', category: 'apparel', nameEn: 'Cotton T-shirt, crew neck, 180 g/m²', nameZh: '全棉圆领T恤 180克', material: '100% combed cotton', unit: 'pc', moq: 2000, perCarton: 100, carton: [60, 40, 35], grossKg: 19.5, hs: '6109100021', certs: ['OEKO-TEX Standard 100', 'BSCI'], lead: 40, tiers: [[2000, '2.3500'], [10000, '2.1000'], [50000, '1.9200']], specs: [['Fabric', 'Single jersey 180 g/m²'], ['Sizes', 'XS–3XL'], ['Colours', '24 stock colours']] },
  { sku: 'TX-TEE-ORG', category: 'apparel', nameEn: 'Organic cotton T-shirt, 160 g/m²', nameZh: '有机棉T恤 160克', material: '100% organic cotton', unit: 'pc', moq: 2000, perCarton: 100, carton: [60, 40, 32], grossKg: 17.8, hs: '6109100021', certs: ['GOTS', 'OEKO-TEX Standard 100'], lead: 45, tiers: [[2000, '2.9000'], [10000, '2.6500']], specs: [['Fabric', 'Single jersey 160 g/m²'], ['Sizes', 'S–2XL']] },
  { sku: 'TX-POLO-220', category: 'apparel', nameEn: 'Cotton piqué polo shirt 220 g/m²', nameZh: '全棉珠地POLO衫 220克', material: '100% cotton piqué', unit: 'pc', moq: 1000, perCarton: 60, carton: [60, 40, 38], grossKg: 16.4, hs: '6105100000', certs: ['OEKO-TEX Standard 100', 'BSCI'], lead: 45, tiers: [[1000, '4.6000'], [5000, '4.1500']], specs: [['Fabric', 'Piqué 220 g/m²'], ['Collar', 'Flat knit']] },
  { sku: 'TX-HOOD-320', category: 'apparel', nameEn: 'Cotton fleece hoodie 320 g/m²', nameZh: '全棉抓绒连帽卫衣 320克', material: '80% cotton / 20% polyester', unit: 'pc', moq: 500, perCarton: 30, carton: [60, 40, 40], grossKg: 18.6, hs: '6110209000', certs: ['OEKO-TEX Standard 100'], lead: 50, tiers: [[500, '8.9000'], [3000, '8.1000']], specs: [['Fabric', 'Brushed fleece 320 g/m²']] },
  { sku: 'TX-TWL-BATH', category: 'home-textiles', nameEn: 'Cotton bath towel 70 × 140 cm, 500 g/m²', nameZh: '全棉浴巾 70×140厘米 500克', material: '100% cotton terry', unit: 'pc', moq: 1000, perCarton: 40, carton: [60, 40, 45], grossKg: 21.0, hs: '6302600000', certs: ['OEKO-TEX Standard 100'], lead: 40, tiers: [[1000, '3.8000'], [5000, '3.4500']], specs: [['Weight', '500 g/m²'], ['Size', '70 × 140 cm']] },
  { sku: 'TX-APR-CNV', category: 'home-textiles', nameEn: 'Canvas kitchen apron', nameZh: '帆布厨房围裙', material: 'Cotton canvas 12 oz', unit: 'pc', moq: 1000, perCarton: 100, carton: [55, 40, 35], grossKg: 22.0, hs: '6211429000', certs: ['BSCI'], lead: 35, tiers: [[1000, '2.2000'], [5000, '1.9500']], specs: [['Pockets', '2 front'], ['Straps', 'Adjustable']] },
  { sku: 'TX-BAG-TOTE', category: 'home-textiles', nameEn: 'Cotton tote bag 38 × 42 cm', nameZh: '全棉购物袋 38×42厘米', material: '100% cotton 140 g/m²', unit: 'pc', moq: 5000, perCarton: 250, carton: [50, 40, 30], grossKg: 18.0, hs: '4202220000', certs: ['OEKO-TEX Standard 100'], lead: 25, tiers: [[5000, '0.6200'], [20000, '0.5400']], specs: [['Handles', '70 cm'], ['Print', 'Screen, 1–4 colours']] },
];

// Export rebate rates by HS heading: textiles and most metal goods 13%, ceramics, bamboo and plastics 9%.
const rebateByHeading: [prefix: string, rate: string][] = [['61', '0.13'], ['62', '0.13'], ['63', '0.13'], ['6912', '0.09'], ['4419', '0.09'], ['3924', '0.09']];

/**
 * Cost sheet version 1 of a demo product: a purchase cost (incl. 13% VAT, in CNY) chosen so that FOB
 * at 10% profit of the price, at the first tier's quantity, lands on the first tier's USD price.
 */
function demoCostSheet(p: DemoProduct, productId: string, createdById: string): Prisma.CostSheetUncheckedCreateInput {
  const [minQuantity, tierPrice] = p.tiers[0]!;
  const usdBuying = buyingRates.find(([c]) => c === 'USD')![1];
  const vat = new Dec('0.13');
  const rebate = rebateByHeading.find(([prefix]) => p.hs.startsWith(prefix))?.[1] ?? '0.13';
  const fixed = new Dec(3000);
  const fobCny = new Dec(tierPrice).times(usdBuying);
  const perUnit = fobCny.times('0.02').toDecimalPlaces(2);
  // FOB × (1 − profit) = P − P / (1 + VAT) × rebate + domestic  ⇒  solve for P.
  const domestic = fixed.div(minQuantity).plus(perUnit);
  const purchase = fobCny.times('0.90').minus(domestic).div(new Dec(1).minus(new Dec(rebate).div(vat.plus(1)))).toDecimalPlaces(2);
  const input = {
    costCurrency: 'CNY', quoteCurrency: 'USD', purchaseCostInclVat: purchase.toFixed(2), vatRate: '0.13', rebateRate: rebate,
    domesticExpensesFixed: '3000', domesticExpensesPerUnit: perUnit.toFixed(2), quantity: String(minQuantity),
    packing: { unitsPerCarton: p.perCarton, cartonLengthCm: String(p.carton[0]), cartonWidthCm: String(p.carton[1]), cartonHeightCm: String(p.carton[2]), cartonGrossWeightKg: String(p.grossKg) },
    freightMode: 'NONE', insuranceCoverRate: '1.10', insurancePremiumRate: '0.003', commissionRate: '0', bankChargesRate: '0',
    profitBasis: 'SHARE_OF_PRICE', profitRate: '0.10', exchangeRate: usdBuying,
  } satisfies ExportCostingInput;
  return {
    seriesId: randomUUID(), version: 1, name: `${p.sku} standard costing`, productId,
    costCurrency: input.costCurrency, purchaseCostInclVat: input.purchaseCostInclVat, vatRate: input.vatRate, rebateRate: input.rebateRate,
    domesticExpensesFixed: input.domesticExpensesFixed, domesticExpensesPerUnit: input.domesticExpensesPerUnit, quantity: input.quantity,
    freightMode: 'NONE', insuranceCoverRate: input.insuranceCoverRate, insurancePremiumRate: input.insurancePremiumRate,
    commissionRate: input.commissionRate, bankChargesRate: input.bankChargesRate, profitBasis: input.profitBasis, profitRate: input.profitRate,
    exchangeRate: input.exchangeRate, quoteCurrency: input.quoteCurrency,
    result: calculateExportPrice(input) as unknown as Prisma.InputJsonValue,
    createdById,
  };
}

type DemoUser = { email: string; name: string; role: 'BUYER' | 'CLERK' | 'FINANCE' | 'MANAGER' | 'ADMIN'; locale: string; isCompanyAdmin?: boolean };

/**
 * Demo users, buyer companies and a catalog, for `pnpm start` on embedded defaults, all in one
 * transaction. Skipped when the demo users exist, so restarting keeps what people did.
 */
export async function seedDemoData(client: PrismaClient): Promise<{ created: boolean }> {
  // A restart finds the demo users: only reference data a newer version added is filled in, and no
  // password is hashed (argon2 is made to be slow).
  if (await client.user.findUnique({ where: { email: 'admin@demo.example' }, select: { id: true } })) {
    await seedEssentials(client);
    return { created: false };
  }
  const passwordHash = await demoPasswordHash();
  // One transaction: a start killed half-way leaves no demo data at all, and the next start seeds
  // it whole (before, a start killed mid-seed left 0 or 1 of 17 products for good).
  return client.$transaction((tx) => seedDemoDataIn(tx, passwordHash), { maxWait: 60_000, timeout: 600_000 });
}

let demoHash: Promise<string> | undefined;
/** The demo password's argon2 hash, computed once per process: every demo user has the same password. */
export function demoPasswordHash(): Promise<string> {
  demoHash ??= hashPassword(demoPassword);
  return demoHash;
}

async function seedDemoDataIn(prisma: Prisma.TransactionClient, passwordHash: string): Promise<{ created: boolean }> {
  await seedLock(prisma);
  const { exporterId } = await essentials(prisma);
  // Checked again under the lock: another process may have seeded meanwhile.
  if (await prisma.user.findUnique({ where: { email: 'admin@demo.example' }, select: { id: true } })) {
    return { created: false };
  }
  const staff: DemoUser[] = [
    { email: 'clerk@demo.example', name: 'Li Na', role: 'CLERK', locale: 'zh-CN' },
    { email: 'finance@demo.example', name: 'Wang Fang', role: 'FINANCE', locale: 'zh-CN' },
    { email: 'manager@demo.example', name: 'Zhang Wei', role: 'MANAGER', locale: 'zh-CN' },
    { email: 'admin@demo.example', name: 'Chen Jie', role: 'ADMIN', locale: 'zh-CN' },
  ];
  const manager = await (async () => {
    let managerId = '';
    for (const u of staff) {
      const created = await prisma.user.create({ data: { ...u, passwordHash, companyId: exporterId, emailVerifiedAt: new Date() }, select: { id: true } });
      if (u.role === 'MANAGER') managerId = created.id;
    }
    return managerId;
  })();

  const buyers: { company: Parameters<PrismaClient['company']['create']>[0]['data']; users: DemoUser[] }[] = [
    {
      company: {
        kind: 'BUYER', name: 'Northwind Imports Ltd', country: 'GB', addressLine1: '14 Dock Road', city: 'Felixstowe',
        postalCode: 'IP11 3SY', taxId: 'GB123456789', defaultCurrency: 'USD', creditTermsDays: 60, status: 'APPROVED',
        reviewedAt: new Date(), reviewedById: manager, website: 'https://northwind-imports.example',
      },
      users: [
        { email: 'buyer@demo.example', name: 'Emma Clarke', role: 'BUYER', locale: 'en', isCompanyAdmin: true },
        { email: 'purchasing@demo.example', name: 'Oliver Grant', role: 'BUYER', locale: 'en' },
      ],
    },
    {
      company: {
        kind: 'BUYER', name: 'Rheinland Handel GmbH', country: 'DE', addressLine1: 'Hafenstraße 21', city: 'Hamburg',
        postalCode: '20457', taxId: 'DE811234567', defaultCurrency: 'EUR', status: 'APPROVED', reviewedAt: new Date(),
        reviewedById: manager,
      },
      users: [{ email: 'buyer2@demo.example', name: 'Jonas Becker', role: 'BUYER', locale: 'en', isCompanyAdmin: true }],
    },
    {
      company: {
        kind: 'BUYER', name: 'Sol y Mar Trading S.L.', country: 'ES', addressLine1: 'Calle del Puerto 5', city: 'Valencia',
        postalCode: '46024', defaultCurrency: 'EUR', status: 'PENDING',
        // Registered yesterday evening: the manager's review has been waiting since then, not since the demo was loaded.
        createdAt: new Date(Date.now() - 20 * 60 * 60 * 1000),
      },
      users: [{ email: 'pending@demo.example', name: 'Lucía Romero', role: 'BUYER', locale: 'en', isCompanyAdmin: true }],
    },
  ];
  for (const b of buyers) {
    const company = await prisma.company.create({ data: b.company, select: { id: true } });
    for (const u of b.users) {
      // Demo buyers have confirmed their addresses.
      await prisma.user.create({ data: { ...u, passwordHash, companyId: company.id, emailVerifiedAt: new Date() } });
    }
  }

  const categoryIds = new Map<string, string>();
  for (const [slug, parent, nameEn, nameZh] of categories) {
    const c = await prisma.category.create({
      data: { slug, nameEn, nameZh, parentId: parent ? categoryIds.get(parent) : null },
      select: { id: true },
    });
    categoryIds.set(slug, c.id);
  }
  for (const p of products) {
    const product = await prisma.product.create({
      data: {
        sku: p.sku,
        supplierId: exporterId,
        categoryId: categoryIds.get(p.category)!,
        nameEn: p.nameEn,
        nameZh: p.nameZh,
        descriptionEn: `${p.nameEn}. ${p.material}. Packed ${p.perCarton} ${p.unit === 'set' ? 'sets' : 'pieces'} per export carton.`,
        descriptionZh: `${p.nameZh}，材质：${p.material}，每箱${p.perCarton}${p.unit === 'set' ? '套' : '件'}。`,
        specifications: p.specs.map(([name, value]) => ({ name, value })),
        material: p.material,
        unit: p.unit,
        moq: p.moq,
        unitsPerCarton: p.perCarton,
        cartonLengthCm: p.carton[0],
        cartonWidthCm: p.carton[1],
        cartonHeightCm: p.carton[2],
        cartonGrossWeightKg: p.grossKg,
        hsCode: p.hs,
        origin: 'CN',
        certifications: p.certs,
        leadTimeDays: p.lead,
        incoterms: ['FOB', 'CFR', 'CIF'] satisfies Incoterm[],
        portOfLoadingCode: 'CNNGB',
        status: 'ACTIVE',
        marginFloorRate: '0.0800',
        priceTiers: { create: p.tiers.map(([minQuantity, unitPrice]) => ({ minQuantity, unitPrice, currency: 'USD', incoterm: 'FOB' as const })) },
      },
      select: { id: true },
    });
    await prisma.costSheet.create({ data: demoCostSheet(p, product.id, manager) });
  }
  await prisma.searchSynonym.createMany({
    data: [{ terms: ['tee', 't-shirt', 'tshirt'] }, { terms: ['flask', 'bottle', 'thermos'] }, { terms: ['mug', 'cup'] }, { terms: ['hoodie', 'sweatshirt'] }],
  });
  return { created: true };
}
