import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { createSearchClient, type SearchClient } from './client.ts';
import { startEmbeddedMeilisearch, type EmbeddedMeilisearch } from './embedded.ts';
import type { ProductDocument } from './products.ts';

declare module 'vitest' {
  // Module augmentation needs an interface: this is how vitest types `provide` and `inject`.
  export interface ProvidedContext {
    meilisearch: { url: string; masterKey: string };
  }
}

/**
 * All test engines live under one stable folder, so the binary's hash marker beside their data
 * folders survives between runs and only the first run pays for hashing 131 MB.
 */
const TEST_ROOT = path.join(os.tmpdir(), 'portal-search-test');

/** Starts a throwaway Meilisearch in a temp folder; `stop()` also deletes its data. */
export async function startTestMeilisearch(options: { log?: (line: string) => void } = {}): Promise<EmbeddedMeilisearch> {
  await mkdir(TEST_ROOT, { recursive: true });
  const dataDir = await mkdtemp(path.join(TEST_ROOT, 'data-'));
  const masterKey = randomBytes(24).toString('hex');
  let engine: EmbeddedMeilisearch;
  try {
    engine = await startEmbeddedMeilisearch({ dataDir, masterKey, ...(options.log ? { log: options.log } : {}) });
  } catch (err) {
    await rm(dataDir, { recursive: true, force: true });
    throw err;
  }
  return {
    ...engine,
    async stop() {
      await engine.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** The engine started by the vitest global setup, with an admin client on it. */
export function useTestMeilisearch(): { url: string; masterKey: string; client: SearchClient } {
  const provided = inject('meilisearch');
  if (!provided) throw new Error('no test Meilisearch: add @portal/search/vitest-global-setup to this vitest project');
  return { ...provided, client: createSearchClient({ host: provided.url, apiKey: provided.masterKey }) };
}

/** An index uid no other test file uses, e.g. products_lq3k9x_4f2a. */
export function uniqueIndexUid(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
}

type Category = { slugs: string[]; en: string[]; zh: string[] };
const categories = {
  tshirts: { slugs: ['apparel', 't-shirts'], en: ['Apparel', 'T-Shirts'], zh: ['服装', 'T恤'] },
  hoodies: { slugs: ['apparel', 'hoodies'], en: ['Apparel', 'Hoodies'], zh: ['服装', '卫衣'] },
  totes: { slugs: ['bags', 'tote-bags'], en: ['Bags', 'Tote Bags'], zh: ['箱包', '手提袋'] },
  bottles: { slugs: ['drinkware', 'water-bottles'], en: ['Drinkware', 'Water Bottles'], zh: ['饮具', '水瓶'] },
  flasks: { slugs: ['drinkware', 'flasks'], en: ['Drinkware', 'Flasks'], zh: ['饮具', '酒壶'] },
  mugs: { slugs: ['drinkware', 'mugs'], en: ['Drinkware', 'Mugs'], zh: ['饮具', '马克杯'] },
} satisfies Record<string, Category>;

type Sample = [kind: keyof typeof categories, nameEn: string, nameZh: string, material: string | null, origin: string, certifications: string[], price: string | null, moq: number, leadTimeDays: number];

// Names avoid the synonyms under test: no T-shirt is called a "tee", no bottle a "flask".
const samples: Sample[] = [
  ['tshirts', 'Cotton Crew Neck T-Shirt', '纯棉圆领T恤', 'Cotton', 'CN', ['OEKO-TEX', 'BSCI'], '2.7800', 500, 25],
  ['tshirts', 'Organic Cotton T-Shirt', '有机棉T恤', 'Organic Cotton', 'IN', ['GOTS', 'OEKO-TEX'], '3.9500', 300, 35],
  ['tshirts', 'Cotton V-Neck T-Shirt', '纯棉V领T恤', 'Cotton', 'CN', ['BSCI'], '2.9500', 500, 20],
  ['tshirts', 'Heavyweight Cotton T-Shirt', '重磅纯棉T恤', 'Cotton', 'TR', ['OEKO-TEX'], '4.2000', 200, 30],
  ['tshirts', 'Slub Cotton T-Shirt', '竹节棉T恤', 'Cotton', 'VN', [], '3.1000', 1000, 40],
  ['tshirts', 'Kids Cotton T-Shirt', '儿童纯棉T恤', 'Cotton', 'CN', ['OEKO-TEX'], '1.8500', 1000, 25],
  ['tshirts', 'Polyester Sports T-Shirt', '涤纶运动T恤', 'Polyester', 'VN', ['BSCI'], '2.2000', 800, 30],
  ['tshirts', 'Recycled Polyester T-Shirt', '再生涤纶T恤', 'Recycled Polyester', 'CN', ['GRS'], '2.6000', 800, 35],
  ['tshirts', 'Quick Dry Polyester T-Shirt', '速干涤纶T恤', 'Polyester', 'CN', [], '1.9900', 1500, 20],
  ['hoodies', 'Fleece Pullover Hoodie', '抓绒套头卫衣', 'Cotton Polyester Blend', 'CN', ['BSCI'], '7.5000', 300, 35],
  ['hoodies', 'Zip Up Hoodie', '拉链卫衣', 'Cotton Polyester Blend', 'VN', [], '8.9000', 300, 40],
  ['hoodies', 'Heavyweight Cotton Hoodie', '重磅纯棉卫衣', 'Cotton', 'TR', ['OEKO-TEX'], '11.2000', 200, 45],
  ['hoodies', 'Kids Hoodie', '儿童卫衣', 'Cotton Polyester Blend', 'CN', [], '5.4000', 500, 30],
  ['totes', 'Cotton Canvas Tote Bag', '纯棉帆布手提袋', 'Cotton', 'IN', ['GOTS'], '1.2000', 1000, 20],
  ['totes', 'Jute Shopping Tote', '黄麻购物袋', 'Jute', 'IN', [], '1.6500', 1000, 25],
  ['totes', 'Recycled PET Tote Bag', '再生PET手提袋', 'Recycled Polyester', 'CN', ['GRS'], '0.8500', 2000, 15],
  ['totes', 'Printed Cotton Tote', '印花棉布手提袋', 'Cotton', 'CN', [], '1.4500', 1000, 20],
  ['bottles', 'Stainless Steel Water Bottle 500ml', '不锈钢水瓶500毫升', 'Stainless Steel 304', 'CN', ['LFGB', 'FDA'], '3.4000', 500, 30],
  ['bottles', 'Insulated Stainless Steel Bottle 750ml', '保温不锈钢水瓶750毫升', 'Stainless Steel 304', 'CN', ['FDA'], '4.8000', 500, 35],
  ['bottles', 'Double Wall Stainless Steel Bottle 1L', '双层不锈钢水瓶1升', 'Stainless Steel 316', 'CN', ['LFGB'], '6.2000', 300, 40],
  ['bottles', 'Stainless Steel Sports Bottle', '不锈钢运动水瓶', 'Stainless Steel 304', 'VN', ['FDA'], '3.9000', 500, 30],
  ['bottles', 'Kids Stainless Steel Bottle', '儿童不锈钢水瓶', 'Stainless Steel 304', 'CN', ['LFGB', 'FDA'], '3.2000', 1000, 25],
  ['bottles', 'Stainless Steel Bottle with Bamboo Lid', '竹盖不锈钢水瓶', 'Stainless Steel 304', 'CN', ['FDA'], '4.1000', 500, 35],
  ['bottles', 'Tritan Sports Bottle', 'Tritan运动水壶', 'Tritan', 'CN', ['BPA-free', 'FDA'], '1.7500', 1000, 20],
  ['bottles', 'Collapsible Silicone Bottle', '折叠硅胶水瓶', 'Silicone', 'CN', ['LFGB'], '2.3000', 1000, 25],
  ['bottles', 'Glass Water Bottle with Sleeve', '带套玻璃水瓶', 'Borosilicate Glass', 'CN', ['LFGB'], '2.9000', 500, 30],
  ['flasks', 'Stainless Steel Hip Flask 8oz', '不锈钢酒壶8盎司', 'Stainless Steel 304', 'CN', [], '2.4000', 500, 25],
  ['flasks', 'Leather Wrapped Hip Flask', '皮革包裹酒壶', 'Stainless Steel 304', 'IN', [], '5.6000', 300, 40],
  ['flasks', 'Vacuum Flask 1L', '真空保温壶1升', 'Stainless Steel 304', 'CN', ['LFGB'], '5.9000', 500, 35],
  ['flasks', 'Food Flask 500ml', '焖烧罐500毫升', 'Stainless Steel 316', 'CN', ['FDA'], '6.8000', 500, 35],
  ['mugs', 'Ceramic Coffee Mug 350ml', '陶瓷咖啡杯350毫升', 'Ceramic', 'CN', ['FDA'], '0.9500', 1000, 30],
  ['mugs', 'Enamel Camping Mug', '搪瓷露营杯', 'Enamel', 'CN', [], '1.3500', 1000, 35],
  ['mugs', 'Stainless Steel Travel Mug', '不锈钢旅行杯', 'Stainless Steel 304', 'CN', ['FDA'], '3.6000', 500, 30],
  ['mugs', 'Porcelain Tea Mug with Lid', '带盖瓷茶杯', 'Porcelain', 'CN', ['LFGB'], '1.9000', 1000, 30],
  ['mugs', 'Insulated Coffee Mug', '保温咖啡杯', 'Stainless Steel 304', 'VN', ['FDA'], '4.4000', 500, 35],
  ['mugs', 'Stoneware Latte Mug', '粗陶拿铁杯', 'Stoneware', 'TR', [], '2.1000', 500, 40],
  ['mugs', 'Glass Double Wall Mug', '双层玻璃杯', 'Borosilicate Glass', 'CN', ['LFGB'], '2.5000', 500, 30],
  ['mugs', 'Custom Photo Mug', '定制照片杯', 'Ceramic', 'CN', [], null, 100, 15],
  ['totes', 'Custom Logo Tote Sample Set', '定制标志手提袋样品', 'Cotton', 'CN', [], null, 50, 10],
  ['tshirts', 'Bamboo Viscose T-Shirt', '竹纤维T恤', 'Bamboo Viscose', 'CN', ['OEKO-TEX'], '4.6000', 500, 30],
];

/**
 * About 40 realistic products (T-shirts, hoodies, tote bags, bottles, flasks, mugs) with a two-level
 * category tree, several origins and certifications, and two products without a price.
 */
export function generateSampleProducts(): ProductDocument[] {
  const base = Date.UTC(2026, 0, 1);
  return samples.map(([kind, nameEn, nameZh, material, origin, certifications, price, moq, leadTimeDays], i) => {
    const category: Category = categories[kind];
    const n = String(i + 1).padStart(3, '0');
    return {
      id: `prod_${n}`,
      sku: `SKU-${kind.slice(0, 3).toUpperCase()}-${n}`,
      nameEn,
      nameZh,
      descriptionEn: `${nameEn} made to order for importers and retailers; custom branding available.`,
      material,
      categorySlugs: category.slugs,
      categoryNamesEn: category.en,
      categoryNamesZh: category.zh,
      origin,
      certifications,
      incoterms: i % 3 === 0 ? ['FOB', 'EXW'] : i % 3 === 1 ? ['FOB', 'CIF'] : ['EXW'],
      moq,
      unit: kind === 'totes' || kind === 'tshirts' || kind === 'hoodies' ? 'pcs' : 'units',
      leadTimeDays,
      priceFrom: price === null ? null : Number(price),
      priceFromText: price,
      priceCurrency: price === null ? null : 'USD',
      imageUrl: null,
      supplierId: i % 2 === 0 ? 'sup_east' : 'sup_west',
      createdAt: base + i * 86_400_000,
    };
  });
}
