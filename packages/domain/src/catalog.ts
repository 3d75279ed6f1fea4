import { containerSpecs } from './costing.ts';
import { Dec } from './money.ts';

/*
 * The catalog: what a product is sold in, who sees it, and the rules behind the indicative price a
 * buyer sees on a product page.
 */

export const productStatuses = ['DRAFT', 'ACTIVE', 'ARCHIVED'] as const;
export type ProductStatus = (typeof productStatuses)[number];

/** The units products are sold in. */
export const productUnits = ['pc', 'set', 'pair', 'kg', 'MT', 'm', 'm2', 'carton', 'dozen'] as const;

/** A product page exists for everyone only while the product is active; drafts and archived products only for staff. */
export function isProductVisible(status: ProductStatus, staff: boolean): boolean {
  return status === 'ACTIVE' || staff;
}

/** The export carton as freight needs it (decimal strings). */
export type CartonPacking = { unitsPerCarton: number; cartonLengthCm: string; cartonWidthCm: string; cartonHeightCm: string; cartonGrossWeightKg: string };

/** A shipment filling at least this share of one 40′HQ goes by full container; less goes LCL. */
export const FCL_MIN_FILL = /* @__PURE__ */ new Dec('0.6');

/** How full one 40′HQ container would be with this quantity (cartons by volume and by weight, the tighter limit). */
export function fortyHighCubeFill(packing: CartonPacking, quantity: string): Dec {
  const spec = containerSpecs['40HQ'];
  const cbm = new Dec(packing.cartonLengthCm).times(packing.cartonWidthCm).times(packing.cartonHeightCm).div(1_000_000);
  const kg = new Dec(packing.cartonGrossWeightKg);
  const cartons = new Dec(quantity).div(packing.unitsPerCarton).ceil();
  const perContainer = Dec.min(new Dec(spec.capacityCbm).div(cbm).floor(), new Dec(spec.payloadTonnes).times(1000).div(kg).floor());
  return perContainer.lte(0) ? new Dec(Infinity) : cartons.div(perContainer);
}

/** The freight an indicative price is costed with: a full 40′HQ when the goods fill ≥ 60% of one, else LCL. */
export function indicativeFreightMode(packing: CartonPacking, quantity: string): 'FCL' | 'LCL' {
  return fortyHighCubeFill(packing, quantity).gte(FCL_MIN_FILL) ? 'FCL' : 'LCL';
}

/** The languages catalog texts are kept in. */
export type CatalogLang = 'en' | 'zh';

/**
 * A text staff keep in English and (where they entered it) Chinese, as a reader of `lang` reads it:
 * in their language, else in the other; a blank text counts as missing. An English reader never
 * gets the Chinese while an English text exists.
 */
export function textInLanguage(lang: CatalogLang, en: string | null | undefined, zh: string | null | undefined): string {
  const mine = lang === 'zh' ? zh : en;
  const other = lang === 'zh' ? en : zh;
  return mine?.trim() ? mine : (other?.trim() ? other : '');
}
