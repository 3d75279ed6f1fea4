import type { CategoryNode, ProductCard, ProductDetail } from '@portal/schemas';
import { Dec, textInLanguage, type CatalogLang } from '@portal/domain';
import type { ProductCardFields, ProductDocument } from '@portal/search';
import type { ProductRow } from './catalog.repository.ts';

export type CategoryInfo = { id: string; slug: string; nameEn: string; nameZh: string; parentId: string | null };

/** The category and its ancestors, nearest first. */
export function categoryPath(categories: Map<string, CategoryInfo>, categoryId: string): CategoryInfo[] {
  const path: CategoryInfo[] = [];
  let current = categories.get(categoryId);
  while (current && path.length < 10) {
    path.push(current);
    current = current.parentId ? categories.get(current.parentId) : undefined;
  }
  return path;
}

/** The lowest FOB tier price (the "from" price on cards), else the lowest of any rule. */
export function lowestTier(p: Pick<ProductRow, 'priceTiers'>) {
  const tiers = p.priceTiers.filter((t) => t.incoterm === 'FOB');
  const pool = tiers.length ? tiers : p.priceTiers;
  return pool.reduce<(typeof pool)[number] | undefined>((low, t) => (!low || t.unitPrice.lessThan(low.unitPrice) ? t : low), undefined);
}

/** The stored specifications (JSON) as the API shows them; lines written before Chinese was possible have none. */
export function specificationsOf(stored: unknown): { name: string; value: string; nameZh: string | null; valueZh: string | null }[] {
  if (!Array.isArray(stored)) return [];
  return (stored as { name: string; value: string; nameZh?: string | null; valueZh?: string | null }[])
    .map((s) => ({ name: s.name, value: s.value, nameZh: s.nameZh ?? null, valueZh: s.valueZh ?? null }));
}

/**
 * The search document of an active product. Costs, margins and margin floors are not selected, so
 * they cannot reach the index; the caller indexes only ACTIVE products.
 */
export function toProductDocument(p: ProductRow, categories: Map<string, CategoryInfo>): ProductDocument {
  const path = categoryPath(categories, p.categoryId);
  const low = lowestTier(p);
  return {
    id: p.id,
    sku: p.sku,
    nameEn: p.nameEn,
    nameZh: p.nameZh,
    descriptionEn: p.descriptionEn,
    descriptionZh: p.descriptionZh,
    // Both languages, so a search in either finds the product by what it is made of or holds.
    specifications: specificationsOf(p.specifications).flatMap((s) => [`${s.name}: ${s.value}`, ...(s.nameZh || s.valueZh ? [`${s.nameZh ?? s.name}：${s.valueZh ?? s.value}`] : [])]),
    material: p.material,
    categorySlugs: path.map((c) => c.slug),
    categoryNamesEn: path.map((c) => c.nameEn),
    categoryNamesZh: path.map((c) => c.nameZh),
    origin: p.origin,
    certifications: p.certifications,
    incoterms: p.incoterms,
    moq: p.moq.toNumber(),
    unit: p.unit,
    leadTimeDays: p.leadTimeDays,
    // A number only for range filters and sorting; the price shown is the exact string.
    priceFrom: low ? low.unitPrice.toNumber() : null,
    priceFromText: low ? low.unitPrice.toFixed(4) : null,
    priceCurrency: low ? low.currency : null,
    imageUrl: p.images[0]?.url ?? null,
    supplierId: p.supplierId,
    createdAt: p.createdAt.getTime(),
  };
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** A card from an index document; the highlight comes from the engine (escaped, with <mark>). */
export function cardFromDocument(d: ProductCardFields, highlight: { nameEn: string; nameZh: string }, pricesVisible: boolean): ProductCard {
  return {
    id: d.id,
    sku: d.sku,
    nameEn: d.nameEn,
    nameZh: d.nameZh,
    highlight,
    category: { slug: d.categorySlugs[0] ?? '', nameEn: d.categoryNamesEn[0] ?? '', nameZh: d.categoryNamesZh[0] ?? '' },
    origin: d.origin,
    material: d.material,
    moq: formatQuantity(d.moq),
    unit: d.unit,
    leadTimeDays: d.leadTimeDays,
    certifications: d.certifications,
    incoterms: d.incoterms,
    imageUrl: d.imageUrl,
    priceFrom: pricesVisible && d.priceFromText && d.priceCurrency ? { amount: d.priceFromText, currency: d.priceCurrency } : null,
  };
}

function formatQuantity(n: number): string {
  // Whole numbers (nearly every MOQ) print as they are; a Decimal per card showed in bench:search.
  return Number.isSafeInteger(n) ? String(n) : new Dec(n).toDecimalPlaces(3).toString();
}

/** A card straight from the database (fallback search, related products). */
export function cardFromRow(p: ProductRow, categories: Map<string, CategoryInfo>, pricesVisible: boolean): ProductCard {
  const doc = toProductDocument(p, categories);
  return cardFromDocument(doc, { nameEn: escapeHtml(p.nameEn), nameZh: escapeHtml(p.nameZh) }, pricesVisible);
}

export function toProductDetail(
  p: ProductRow,
  categories: Map<string, CategoryInfo>,
  extra: { pricesVisible: boolean; supplier: ProductDetail['supplier']; port: { code: string; name: string } | null; related: ProductRow[]; lang: CatalogLang },
): ProductDetail {
  const lang = extra.lang;
  const { highlight: _omit, ...card } = cardFromRow(p, categories, extra.pricesVisible);
  const cbm = p.cartonLengthCm.times(p.cartonWidthCm).times(p.cartonHeightCm).dividedBy(1_000_000);
  return {
    ...card,
    descriptionEn: p.descriptionEn,
    descriptionZh: p.descriptionZh,
    specifications: specificationsOf(p.specifications),
    images: p.images,
    packing: {
      unitsPerCarton: p.unitsPerCarton,
      cartonLengthCm: p.cartonLengthCm.toFixed(2),
      cartonWidthCm: p.cartonWidthCm.toFixed(2),
      cartonHeightCm: p.cartonHeightCm.toFixed(2),
      cartonGrossWeightKg: p.cartonGrossWeightKg.toFixed(3),
      cartonNetWeightKg: p.cartonNetWeightKg?.toFixed(3) ?? null,
      cartonCbm: cbm.toFixed(4),
    },
    hsCode: p.hsCode,
    portOfLoading: extra.port,
    priceTiers: extra.pricesVisible
      ? p.priceTiers.map((t) => ({ minQuantity: t.minQuantity.toString(), unitPrice: { amount: t.unitPrice.toFixed(4), currency: t.currency }, incoterm: t.incoterm }))
      : null,
    status: p.status,
    supplier: extra.supplier,
    related: extra.related.map((r) => {
      const { highlight: _h, ...c } = cardFromRow(r, categories, extra.pricesVisible);
      return c;
    }),
    updatedAt: p.updatedAt.toISOString(),
    localized: {
      lang,
      name: textInLanguage(lang, p.nameEn, p.nameZh),
      description: textInLanguage(lang, p.descriptionEn, p.descriptionZh),
      categoryName: textInLanguage(lang, card.category.nameEn, card.category.nameZh),
      specifications: specificationsOf(p.specifications).map((s) => ({ name: textInLanguage(lang, s.name, s.nameZh), value: textInLanguage(lang, s.value, s.valueZh) })),
    },
  };
}

/** The category facet: counts by slug, with names and the parent's slug. */
export function categoryFacet(values: { value: string; count: number }[], categories: Map<string, CategoryInfo>) {
  const bySlug = new Map([...categories.values()].map((c) => [c.slug, c]));
  return values
    .map((v) => {
      const c = bySlug.get(v.value);
      if (!c) return null;
      const parent = c.parentId ? categories.get(c.parentId)?.slug ?? null : null;
      return { value: v.value, count: v.count, nameEn: c.nameEn, nameZh: c.nameZh, parent };
    })
    .filter((v): v is NonNullable<typeof v> => v !== null);
}

export function toCategoryNode(c: { id: string; slug: string; nameEn: string; nameZh: string; parentId: string | null; sortOrder: number; _count: { products: number } }): CategoryNode {
  return { id: c.id, slug: c.slug, nameEn: c.nameEn, nameZh: c.nameZh, parentId: c.parentId, sortOrder: c.sortOrder, productCount: c._count.products };
}
