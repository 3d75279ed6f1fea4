import { productStatuses, productUnits } from '@portal/domain/catalog';
import { costedTerms } from '@portal/domain/costing';
import { CountryCode, CurrencyCode, DecimalString, Id, MoneyView, PortCode, Quantity, Timestamp, UnitPriceString, optionalText, portCode, searchText, text, z } from './common.ts';
import { Incoterm } from './reference.ts';

/*
 * The catalog: search, product and supplier pages, staff product editing, categories, synonyms,
 * catalog images and the indicative price on a product page.
 */

export const ProductStatus = z.enum(productStatuses);

export const productSorts = ['relevance', 'price_asc', 'price_desc', 'lead_time', 'newest'] as const;
export const ProductSort = z.enum(productSorts);
export type ProductSort = z.infer<typeof ProductSort>;

/** A facet value as it appears in a URL: letters, digits and a few separators (no quotes). */
const FacetValue = z
  .string()
  .trim()
  .regex(/^[\p{L}\p{N} ._:+&/()-]{1,80}$/u, 'is not a valid filter value');
/** A repeated query parameter (?cert=A&cert=B) or a single one, as a list. */
const many = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (v === undefined ? undefined : Array.isArray(v) ? v : [v]), z.array(item).max(20, 'too many values').optional());
const positive = (max: number) => z.coerce.number().finite().min(0).max(max);

export const ProductSearchQuery = z
  .strictObject({
    q: searchText(200).default('').describe('Words to search for; typos are tolerated'),
    category: z.string().regex(/^[a-z0-9-]{1,60}$/, 'is not a category').optional().describe('Category slug (includes its subcategories)'),
    origin: many(CountryCode).describe('Country of origin (repeatable; any of them)'),
    material: many(FacetValue),
    cert: many(FacetValue).describe('Certification (repeatable; any of them)'),
    incoterm: many(Incoterm),
    moqMax: positive(1e9).optional().describe('Largest acceptable minimum order quantity'),
    priceMin: positive(1e7).optional(),
    priceMax: positive(1e7).optional(),
    leadMax: z.coerce.number().int().min(0).max(365).optional().describe('Longest acceptable lead time, days'),
    supplier: Id.optional(),
    sort: ProductSort.default('relevance'),
    ranges: z.enum(['true', 'false']).transform((v) => v === 'true').optional().describe('Also return min/max of price, MOQ and lead time (slower on large catalogs)'),
    page: z.coerce.number().int().min(1).max(1000).default(1),
    pageSize: z.coerce.number().int().min(1).max(48).default(24),
  })
  .refine((q) => q.priceMin === undefined || q.priceMax === undefined || q.priceMin <= q.priceMax, { path: ['priceMax'], message: 'must not be below priceMin' });
export type ProductSearchQuery = z.input<typeof ProductSearchQuery>;
export type ProductSearchParsed = z.output<typeof ProductSearchQuery>;

const Price = z.object({ amount: DecimalString, currency: z.string() });

export const ProductCard = z.object({
  id: Id,
  sku: z.string(),
  nameEn: z.string(),
  nameZh: z.string(),
  highlight: z.object({ nameEn: z.string(), nameZh: z.string() }).describe('Names with matches wrapped in <mark>; HTML-escaped otherwise'),
  category: z.object({ slug: z.string(), nameEn: z.string(), nameZh: z.string() }),
  origin: z.string(),
  material: z.string().nullable(),
  moq: z.string(),
  unit: z.string(),
  leadTimeDays: z.number().int(),
  certifications: z.array(z.string()),
  incoterms: z.array(z.string()),
  imageUrl: z.string().nullable(),
  priceFrom: Price.nullable().describe('Lowest tier price (FOB); null for visitors and unapproved buyers'),
});
export type ProductCard = z.infer<typeof ProductCard>;

const FacetCount = z.object({ value: z.string(), count: z.number().int() });
const Range = z.object({ min: z.number(), max: z.number() }).nullable();

export const ProductSearchResult = z.object({
  items: z.array(ProductCard),
  total: z.number().int(),
  page: z.number().int().describe('The page answered: the one asked for, or the last page when that lies beyond it ("page 2 of 1" is never answered)'),
  pageCount: z.number().int().min(1).describe('How many pages the result has at this page size (1 when nothing matches)'),
  pageSize: z.number().int(),
  facets: z.object({
    category: z.array(FacetCount.extend({ nameEn: z.string(), nameZh: z.string(), parent: z.string().nullable() })),
    origin: z.array(FacetCount),
    material: z.array(FacetCount),
    cert: z.array(FacetCount),
    incoterm: z.array(FacetCount),
  }),
  ranges: z.object({ price: Range, moq: Range, leadTime: Range }),
  pricesVisible: z.boolean(),
  degraded: z.boolean().describe('true when the search engine is unreachable and the database answered instead (no typo tolerance)'),
});
export type ProductSearchResult = z.infer<typeof ProductSearchResult>;

/** A line of a product's specifications; staff may give it in Chinese too (the SPA shows the reader's language, English when no Chinese is given). */
export const Specification = z.object({ name: z.string(), value: z.string(), nameZh: z.string().nullable(), valueZh: z.string().nullable() });

/** The language a catalog answer was written for: the signed-in user's, else the browser's (Accept-Language), else English. */
const ReaderLang = z.enum(['en', 'zh']).describe('The reader’s language: the signed-in user’s, else Accept-Language, else English');

export const ProductDetail = ProductCard.omit({ highlight: true }).extend({
  descriptionEn: z.string(),
  descriptionZh: z.string().nullable(),
  specifications: z.array(Specification),
  images: z.array(z.object({ url: z.string(), alt: z.string() })),
  packing: z.object({
    unitsPerCarton: z.number().int(),
    cartonLengthCm: DecimalString,
    cartonWidthCm: DecimalString,
    cartonHeightCm: DecimalString,
    cartonGrossWeightKg: DecimalString,
    cartonNetWeightKg: DecimalString.nullable(),
    cartonCbm: DecimalString.describe('Carton volume in cubic metres (L×W×H)'),
  }),
  hsCode: z.string(),
  portOfLoading: z.object({ code: z.string(), name: z.string() }).nullable(),
  priceTiers: z
    .array(
      z.object({
        minQuantity: DecimalString,
        unitPrice: Price,
        incoterm: z.string(),
        inBuyerCurrency: Price.nullable().optional().describe('For a buyer whose company trades in another currency: the price converted at the day’s bank buying rates, indicative only'),
      }),
    )
    .nullable(),
  /** The date of the bank buying rates behind `inBuyerCurrency`. */
  ratesOn: z.string().nullable().optional(),
  status: ProductStatus,
  supplier: z.object({ id: Id, name: z.string(), country: z.string(), headline: z.string().nullable() }),
  related: z.array(ProductCard.omit({ highlight: true })),
  updatedAt: Timestamp,
  localized: z
    .object({
      lang: ReaderLang,
      name: z.string(),
      description: z.string(),
      categoryName: z.string(),
      specifications: z.array(z.object({ name: z.string(), value: z.string() })),
    })
    .describe('The product as its reader reads it: each text in their language, in the other where staff gave none'),
});
export type ProductDetail = z.infer<typeof ProductDetail>;

export const SupplierProfile = z.object({
  id: Id,
  name: z.string(),
  country: z.string(),
  city: z.string(),
  website: z.string().nullable(),
  headline: z.string(),
  headlineZh: z.string().nullable(),
  description: z.string(),
  descriptionZh: z.string().nullable(),
  yearEstablished: z.number().int().nullable(),
  employees: z.number().int().nullable(),
  factoryAreaM2: z.number().int().nullable(),
  productionCapacity: z.string().nullable(),
  markets: z.array(z.string()),
  certifications: z.array(z.string()),
  productLines: z.array(z.string()),
  mainPort: z.object({ code: z.string(), name: z.string() }).nullable(),
  productCount: z.number().int(),
  categories: z.array(z.object({ slug: z.string(), nameEn: z.string(), nameZh: z.string(), count: z.number().int() })),
  localized: z
    .object({ lang: ReaderLang, headline: z.string(), description: z.string(), categories: z.array(z.object({ slug: z.string(), name: z.string() })) })
    .describe('The profile as its reader reads it: headline and description in their language, in English where no Chinese was given'),
});
export type SupplierProfile = z.infer<typeof SupplierProfile>;

/** What managers keep of the supplier profile buyers read (the company's name and address are its registration's). */
export const SupplierProfileInput = z.strictObject({
  headline: text(200),
  headlineZh: optionalText(200).nullable(),
  description: text(4000),
  descriptionZh: optionalText(4000).nullable(),
  yearEstablished: z.number().int().min(1800, 'must be a year after 1800').max(2100).nullable(),
  employees: z.number().int().min(1).max(1_000_000).nullable(),
  factoryAreaM2: z.number().int().min(1).max(10_000_000).nullable(),
  productionCapacity: optionalText(300).nullable(),
  markets: z.array(text(60)).max(30),
  certifications: z.array(text(60)).max(30),
  productLines: z.array(text(100)).max(30),
  mainPortCode: PortCode.nullable(),
});
export type SupplierProfileInput = z.input<typeof SupplierProfileInput>;

export const CategoryNode = z.object({ id: Id, slug: z.string(), nameEn: z.string(), nameZh: z.string(), parentId: Id.nullable(), sortOrder: z.number().int(), productCount: z.number().int() });
export type CategoryNode = z.infer<typeof CategoryNode>;

export const CategoryInput = z.strictObject({
  slug: z.string().regex(/^[a-z0-9-]{1,60}$/, 'must be lower-case letters, digits and dashes'),
  nameEn: text(100),
  nameZh: text(100),
  parentId: Id.nullable().default(null),
  sortOrder: z.number().int().min(0).max(10_000).default(0),
});
export type CategoryInput = z.input<typeof CategoryInput>;

const Dimension = z.string().regex(/^\d{1,4}(\.\d{1,2})?$/, 'must be a number with at most 2 decimals, e.g. "52.5"').refine((v) => Number(v) > 0, 'must be greater than zero');
const Weight = z.string().regex(/^\d{1,5}(\.\d{1,3})?$/, 'must be kilograms with at most 3 decimals').refine((v) => Number(v) > 0, 'must be greater than zero');
const ImageUrl = z.string().trim().max(500).regex(/^(https:\/\/|\/)[^\s"'<>]+$/, 'must be an https:// address or a path on this portal');

export const ProductInput = z
  .strictObject({
    sku: z.string().trim().regex(/^[A-Z0-9][A-Z0-9-]{1,39}$/, 'must be 2–40 upper-case letters, digits and dashes'),
    categoryId: Id,
    nameEn: text(200),
    nameZh: text(200),
    descriptionEn: text(5000),
    descriptionZh: optionalText(5000),
    specifications: z.array(z.strictObject({ name: text(80), value: text(300), nameZh: optionalText(80).nullable(), valueZh: optionalText(300).nullable() })).max(50).default([]),
    material: optionalText(200),
    unit: z.enum(productUnits),
    moq: Quantity,
    unitsPerCarton: z.number().int().min(1).max(100_000),
    cartonLengthCm: Dimension,
    cartonWidthCm: Dimension,
    cartonHeightCm: Dimension,
    cartonGrossWeightKg: Weight,
    cartonNetWeightKg: Weight.optional(),
    hsCode: z.string().regex(/^\d{6,10}$/, 'must be 6 to 10 digits'),
    origin: CountryCode,
    certifications: z.array(FacetValue).max(20).default([]),
    leadTimeDays: z.number().int().min(1).max(365),
    incoterms: z.array(Incoterm).min(1, 'offer at least one Incoterm').max(11),
    portOfLoadingCode: portCode('CNNGB').optional(),
    status: ProductStatus.exclude(['ARCHIVED']).default('ACTIVE'),
    marginFloorRate: z.string().regex(/^0(\.\d{1,4})?$/, 'must be a rate below 1, e.g. "0.08"').optional(),
    images: z.array(z.strictObject({ url: ImageUrl, alt: text(200) })).max(12).default([]),
    priceTiers: z
      .array(z.strictObject({ minQuantity: Quantity, unitPrice: UnitPriceString, currency: CurrencyCode.default('USD'), incoterm: Incoterm.default('FOB') }))
      .max(10)
      .default([]),
  })
  .superRefine((p, ctx) => {
    const keys = new Set<string>();
    p.priceTiers.forEach((t, i) => {
      const key = `${t.incoterm}|${Number(t.minQuantity)}`;
      if (keys.has(key)) ctx.addIssue({ code: 'custom', path: ['priceTiers', i, 'minQuantity'], message: 'repeats another tier' });
      keys.add(key);
    });
  });
export type ProductInput = z.input<typeof ProductInput>;

export const StaffProductRow = z.object({
  id: Id,
  sku: z.string(),
  nameEn: z.string(),
  nameZh: z.string(),
  category: z.object({ nameEn: z.string(), nameZh: z.string() }).describe('Its category, in both languages (the list shows the reader’s)'),
  status: ProductStatus,
  moq: z.string(),
  unit: z.string(),
  priceFrom: Price.nullable(),
  updatedAt: Timestamp,
});
export const StaffProductPage = z.object({ items: z.array(StaffProductRow), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
export type StaffProductPage = z.infer<typeof StaffProductPage>;

export const StaffProductQuery = z.strictObject({
  q: searchText(100).optional(),
  status: ProductStatus.optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(50),
});

/** The product as staff edit it: the input fields, with ids. */
export const ProductEditable = z.object({
  id: Id,
  sku: z.string(), categoryId: Id, nameEn: z.string(), nameZh: z.string(), descriptionEn: z.string(), descriptionZh: z.string().nullable(),
  specifications: z.array(Specification), material: z.string().nullable(), unit: z.string(), moq: z.string(), unitsPerCarton: z.number().int(),
  cartonLengthCm: z.string(), cartonWidthCm: z.string(), cartonHeightCm: z.string(), cartonGrossWeightKg: z.string(), cartonNetWeightKg: z.string().nullable(),
  hsCode: z.string(), origin: z.string(), certifications: z.array(z.string()), leadTimeDays: z.number().int(), incoterms: z.array(z.string()),
  portOfLoadingCode: z.string().nullable(), status: ProductStatus, marginFloorRate: z.string().nullable(),
  images: z.array(z.object({ url: z.string(), alt: z.string() })),
  priceTiers: z.array(z.object({ minQuantity: z.string(), unitPrice: z.string(), currency: z.string(), incoterm: z.string() })),
  updatedAt: Timestamp,
});
export type ProductEditable = z.infer<typeof ProductEditable>;

export const SynonymGroups = z.strictObject({
  groups: z.array(z.array(searchText(60).toLowerCase().min(1)).min(2, 'a group needs at least two words').max(20)).max(500),
});
export type SynonymGroups = z.input<typeof SynonymGroups>;

// ───────────────────────────── Catalog images ─────────────────────────────

/** The picture types the catalog takes: what every browser shows. */
export const catalogImageTypes = ['image/jpeg', 'image/png', 'image/webp'] as const;

/** The largest catalog picture accepted: 5 MiB; a product page should not wait for larger photos. */
export const MAX_CATALOG_IMAGE_BYTES = 5 * 1024 * 1024;

/** The portal path an uploaded catalog image is served at; it fits a product image's `url`. */
export const catalogImagePath = (sha256: string) => `/api/catalog/images/${sha256}`;

/** An uploaded catalog image, as the upload answers it. */
export const CatalogImage = z.object({
  url: z.string().describe('Portal path of the image, e.g. /api/catalog/images/<sha256>; put it in a product’s images'),
  sha256: z.string().describe('SHA-256 of the bytes, 64 lower-case hex digits: the same bytes are one image'),
  mimeType: z.enum(catalogImageTypes).describe('The type told from the bytes'),
  sizeBytes: z.number().int(),
  width: z.number().int().describe('Pixels'),
  height: z.number().int().describe('Pixels'),
});
export type CatalogImage = z.infer<typeof CatalogImage>;

// ───────────────────────────── The indicative price ─────────────────────────────

export const IndicativePriceQuery = z.strictObject({
  quantity: Quantity,
  incoterm: z.enum(costedTerms),
  port: PortCode.optional().describe('Destination port, needed for CFR and CIF'),
  currency: CurrencyCode.default('USD'),
});
export type IndicativePriceQuery = z.input<typeof IndicativePriceQuery>;

export const IndicativePrice = z.object({
  indicative: z.literal(true),
  unitPrice: MoneyView,
  total: MoneyView,
  incoterm: z.string(),
  namedPlace: z.string(),
  basis: z.enum(['cost-sheet', 'price-tier']).describe('Computed from the current cost sheet, freight and rates, or (without a cost sheet) from the price tiers'),
  note: z.string(),
  computedAt: Timestamp,
});
export type IndicativePrice = z.infer<typeof IndicativePrice>;
