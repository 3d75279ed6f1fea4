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

export function countActiveProducts(db: Db) {
  return db.product.count({ where: { status: 'ACTIVE' } });
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

/** Database-only search, used while the search engine is unreachable: substring matches, no typo tolerance. */
export function fallbackSearch(db: Db, where: Prisma.ProductWhereInput, orderBy: Prisma.ProductOrderByWithRelationInput[], skip: number, take: number) {
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

export function listStaffProducts(db: Db, where: Prisma.ProductWhereInput, skip: number, take: number) {
  return Promise.all([
    db.product.findMany({
      where,
      orderBy: { updatedAt: 'desc' },
      skip,
      take,
      select: { id: true, sku: true, nameEn: true, nameZh: true, status: true, moq: true, unit: true, updatedAt: true, category: { select: { nameEn: true } }, priceTiers: { select: { unitPrice: true, currency: true }, orderBy: { unitPrice: 'asc' }, take: 1 } },
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

export function findExporterId(db: Db) {
  return db.company.findFirst({ where: { kind: 'EXPORTER' }, select: { id: true } }).then((c) => c?.id);
}

export function findCompanyStatus(db: Db, companyId: string) {
  return db.company.findUnique({ where: { id: companyId }, select: { status: true } }).then((c) => c?.status);
}
