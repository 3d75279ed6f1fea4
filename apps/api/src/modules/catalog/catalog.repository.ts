import type { Incoterm } from '@portal/domain';
import type { Prisma } from '@portal/db';
import type { Db } from '../../infra/tx.ts';

/** Everything the index document and the product page need, and nothing staff-only. */
export const productPublicSelect = {
  id: true, sku: true, nameEn: true, nameZh: true, descriptionEn: true, descriptionZh: true, specifications: true,
  material: true, unit: true, moq: true, unitsPerCarton: true, cartonLengthCm: true, cartonWidthCm: true,
  cartonHeightCm: true, cartonGrossWeightKg: true, cartonNetWeightKg: true, hsCode: true, origin: true,
  certifications: true, leadTimeDays: true, incoterms: true, portOfLoadingCode: true, status: true, createdAt: true,
  updatedAt: true, supplierId: true, categoryId: true,
  images: { select: { url: true, alt: true }, orderBy: { sortOrder: 'asc' } },
  priceTiers: { select: { minQuantity: true, unitPrice: true, currency: true, incoterm: true }, orderBy: [{ incoterm: 'asc' }, { minQuantity: 'asc' }] },
} as const satisfies Prisma.ProductSelect;

export type ProductRow = Prisma.ProductGetPayload<{ select: typeof productPublicSelect }>;

export function findProduct(db: Db, id: string) {
  return db.product.findUnique({ where: { id }, select: productPublicSelect });
}

export function findProductsByIds(db: Db, ids: string[]) {
  return db.product.findMany({ where: { id: { in: ids } }, select: productPublicSelect });
}

/** Active products in id order, a page at a time (for the index rebuild). */
export function findActiveProductsAfter(db: Db, afterId: string | null, take: number) {
  return db.product.findMany({
    where: { status: 'ACTIVE', ...(afterId ? { id: { gt: afterId } } : {}) },
    orderBy: { id: 'asc' },
    take,
    select: productPublicSelect,
  });
}

/** The category tree without counts: cheap, for mapping facets and documents. */
export function listCategoryTree(db: Db) {
  return db.category.findMany({ select: { id: true, slug: true, nameEn: true, nameZh: true, parentId: true }, orderBy: [{ sortOrder: 'asc' }, { nameEn: 'asc' }] });
}

export function listCategories(db: Db) {
  return db.category.findMany({
    select: { id: true, slug: true, nameEn: true, nameZh: true, parentId: true, sortOrder: true, _count: { select: { products: { where: { status: 'ACTIVE' } } } } },
    orderBy: [{ sortOrder: 'asc' }, { nameEn: 'asc' }],
  });
}

export function findCategoryBySlug(db: Db, slug: string) {
  return db.category.findUnique({ where: { slug }, select: { id: true } });
}

export function createCategory(db: Db, data: { slug: string; nameEn: string; nameZh: string; parentId: string | null; sortOrder: number }) {
  return db.category.create({ data, select: { id: true } });
}

export function updateCategory(db: Db, id: string, data: { slug: string; nameEn: string; nameZh: string; parentId: string | null; sortOrder: number }) {
  return db.category.update({ where: { id }, data, select: { id: true } });
}

export function findCategory(db: Db, id: string) {
  return db.category.findUnique({ where: { id }, select: { id: true, parentId: true } });
}

export function productIdsInCategories(db: Db, categoryIds: string[]) {
  return db.product.findMany({ where: { categoryId: { in: categoryIds } }, select: { id: true } });
}

/** What the database search filters on: the catalog query, with the category resolved to its subtree's ids. */
export type DatabaseSearch = {
  words: string[];
  categoryIds?: string[] | undefined;
  origin?: string[] | undefined;
  material?: string[] | undefined;
  cert?: string[] | undefined;
  incoterm?: Incoterm[] | undefined;
  moqMax?: number | undefined;
  leadMax?: number | undefined;
  supplierId?: string | undefined;
  /** Limits on the FOB tier prices; only given when the caller may see prices. */
  price?: { min?: number | undefined; max?: number | undefined } | undefined;
  /** Price sorts are applied by the caller to the page, on the shown price. */
  sort: 'relevance' | 'price_asc' | 'price_desc' | 'lead_time' | 'newest';
};

function searchWhere(q: DatabaseSearch): Prisma.ProductWhereInput {
  const and: Prisma.ProductWhereInput[] = q.words.map((w) => ({
    OR: [
      { nameEn: { contains: w, mode: 'insensitive' } },
      { nameZh: { contains: w } },
      { sku: { contains: w, mode: 'insensitive' } },
      { material: { contains: w, mode: 'insensitive' } },
      { descriptionEn: { contains: w, mode: 'insensitive' } },
      { descriptionZh: { contains: w } },
    ],
  }));
  if (q.categoryIds) and.push({ categoryId: { in: q.categoryIds } });
  if (q.origin?.length) and.push({ origin: { in: q.origin } });
  if (q.material?.length) and.push({ material: { in: q.material } });
  if (q.cert?.length) and.push({ certifications: { hasSome: q.cert } });
  if (q.incoterm?.length) and.push({ incoterms: { hasSome: q.incoterm } });
  if (q.moqMax !== undefined) and.push({ moq: { lte: q.moqMax } });
  if (q.leadMax !== undefined) and.push({ leadTimeDays: { lte: q.leadMax } });
  if (q.supplierId) and.push({ supplierId: q.supplierId });
  if (q.price && (q.price.min !== undefined || q.price.max !== undefined)) {
    and.push({ priceTiers: { some: { incoterm: 'FOB', unitPrice: { ...(q.price.min !== undefined ? { gte: q.price.min } : {}), ...(q.price.max !== undefined ? { lte: q.price.max } : {}) } } } });
  }
  return { status: 'ACTIVE', AND: and };
}

/**
 * Database-only search, used while the search engine is unreachable: substring matches, no typo
 * tolerance. A page of products, the number of matches, and the facet columns of every match.
 */
export function searchProductsInDatabase(db: Db, q: DatabaseSearch, skip: number, take: number) {
  const where = searchWhere(q);
  const orderBy: Prisma.ProductOrderByWithRelationInput[] = q.sort === 'lead_time' ? [{ leadTimeDays: 'asc' }] : q.sort === 'newest' ? [{ createdAt: 'desc' }] : [{ nameEn: 'asc' }];
  return Promise.all([
    db.product.findMany({ where, orderBy, skip, take, select: productPublicSelect }),
    db.product.count({ where }),
    // Facets over every match; only the few columns they need.
    db.product.findMany({ where, select: { categoryId: true, origin: true, material: true, certifications: true, incoterms: true, moq: true, leadTimeDays: true }, take: 20_000 }),
  ]);
}

export function findSupplier(db: Db, id?: string) {
  return db.company.findFirst({
    where: id ? { id, kind: 'EXPORTER' } : { kind: 'EXPORTER' },
    select: { id: true, name: true, country: true, city: true, website: true, supplierProfile: true },
  });
}

/** Writes the exporter's supplier profile (there is one exporter); the profile as it was, for the audit. */
export async function updateSupplierProfile(db: Db, companyId: string, data: Omit<Prisma.SupplierProfileUncheckedCreateInput, 'id' | 'companyId' | 'updatedAt'>) {
  const before = await db.supplierProfile.findUnique({ where: { companyId } });
  await db.supplierProfile.upsert({ where: { companyId }, create: { companyId, ...data }, update: data });
  return before;
}

export function countSupplierProducts(db: Db, supplierId: string) {
  return db.product.groupBy({ by: ['categoryId'], where: { supplierId, status: 'ACTIVE' }, _count: { _all: true } });
}

export function findPort(db: Db, code: string) {
  return db.port.findUnique({ where: { code }, select: { code: true, name: true } });
}

/** Which of these hashes are registered catalog images (uploaded pictures that may be shown publicly). */
export async function findCatalogImageHashes(db: Db, hashes: string[]): Promise<string[]> {
  const rows = await db.catalogImage.findMany({ where: { sha256: { in: hashes } }, select: { sha256: true } });
  return rows.map((r) => r.sha256);
}

export function relatedProducts(db: Db, product: { id: string; categoryId: string }, take: number) {
  return db.product.findMany({
    where: { categoryId: product.categoryId, status: 'ACTIVE', id: { not: product.id } },
    orderBy: { createdAt: 'desc' },
    take,
    select: productPublicSelect,
  });
}

/** Products for staff, any status, newest change first: by status, and by a part of a name or the SKU. */
export function listStaffProducts(db: Db, filter: { q?: string | undefined; status?: 'DRAFT' | 'ACTIVE' | 'ARCHIVED' | undefined }, skip: number, take: number) {
  const where: Prisma.ProductWhereInput = {
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.q ? { OR: [{ nameEn: { contains: filter.q, mode: 'insensitive' } }, { nameZh: { contains: filter.q } }, { sku: { contains: filter.q, mode: 'insensitive' } }] } : {}),
  };
  return Promise.all([
    db.product.findMany({
      where,
      orderBy: { updatedAt: 'desc' },
      skip,
      take,
      select: { id: true, sku: true, nameEn: true, nameZh: true, status: true, moq: true, unit: true, updatedAt: true, category: { select: { nameEn: true, nameZh: true } }, priceTiers: { select: { unitPrice: true, currency: true }, orderBy: { unitPrice: 'asc' }, take: 1 } },
    }),
    db.product.count({ where }),
  ]);
}

export function findEditableProduct(db: Db, id: string) {
  return db.product.findUnique({ where: { id }, select: { ...productPublicSelect, marginFloorRate: true } });
}

export function createProduct(db: Db, data: Prisma.ProductUncheckedCreateInput) {
  return db.product.create({ data, select: { id: true } });
}

/** Replaces the product's fields, images and price tiers. */
export async function replaceProduct(db: Db, id: string, data: Prisma.ProductUncheckedUpdateInput, images: { url: string; alt: string }[], tiers: Prisma.ProductPriceTierCreateManyProductInput[]) {
  await db.productImage.deleteMany({ where: { productId: id } });
  await db.productPriceTier.deleteMany({ where: { productId: id } });
  return db.product.update({
    where: { id },
    data: { ...data, images: { create: images.map((img, i) => ({ ...img, sortOrder: i })) }, priceTiers: { createMany: { data: tiers } } },
    select: { id: true },
  });
}

export function setProductStatus(db: Db, id: string, status: 'DRAFT' | 'ACTIVE' | 'ARCHIVED') {
  return db.product.update({ where: { id }, data: { status }, select: { id: true } });
}

export function findSynonyms(db: Db) {
  return db.searchSynonym.findMany({ select: { terms: true }, orderBy: { id: 'asc' } });
}

export async function replaceSynonyms(db: Db, groups: string[][]) {
  await db.searchSynonym.deleteMany({});
  if (groups.length) await db.searchSynonym.createMany({ data: groups.map((terms) => ({ terms })) });
}

/** Queues the synonyms' push to the index, inside the caller's transaction; the search worker applies it. */
export function enqueueSynonymsSync(db: Db, now: Date) {
  return db.outboxEvent.create({ data: { channel: 'search', topic: 'synonyms.sync', payload: {}, nextAttemptAt: now }, select: { id: true } });
}

export function findCompanyStatus(db: Db, companyId: string) {
  return db.company.findUnique({ where: { id: companyId }, select: { status: true } }).then((c) => c?.status);
}

/** A buyer company's trading currency. */
export function findCompanyCurrency(db: Db, companyId: string) {
  return db.company.findUnique({ where: { id: companyId }, select: { defaultCurrency: true } });
}

/** The latest bank buying rate of each currency (CNY per unit). */
export { latestBuyingRates } from '../reference/reference.repository.ts';
