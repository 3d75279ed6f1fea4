import { catalogImagePath, type CategoryInput, type SupplierProfileInput, type CategoryNode, type ProductEditable, type ProductInput, type StaffProductPage } from '@portal/schemas';
import { DomainError, assertMayChangeMarginFloor, type Actor } from '@portal/domain';
import type { Prisma, PrismaClient } from '@portal/db';
import type { Clock } from '../../infra/clock.ts';
import { recordAudit } from '../../infra/audit.repository.ts';
import { enqueueSearchSync } from '../../infra/outbox.repository.ts';
import type { Db } from '../../infra/tx.ts';
import { findExporter } from '../companies/companies.repository.ts';
import * as repo from './catalog.repository.ts';
import { categoryPath, specificationsOf, toCategoryNode } from './catalog.mappers.ts';
import type { CategoryTree } from './category-tree.ts';

type Meta = { requestId?: string };

const catalogImagePrefix = catalogImagePath('');

function normaliseInput(body: ProductInput) {
  const p = body as Required<ProductInput>;
  return {
    sku: p.sku, categoryId: p.categoryId, nameEn: p.nameEn, nameZh: p.nameZh, descriptionEn: p.descriptionEn,
    descriptionZh: p.descriptionZh ?? null, specifications: p.specifications ?? [], material: p.material ?? null, unit: p.unit,
    moq: p.moq, unitsPerCarton: p.unitsPerCarton, cartonLengthCm: p.cartonLengthCm, cartonWidthCm: p.cartonWidthCm,
    cartonHeightCm: p.cartonHeightCm, cartonGrossWeightKg: p.cartonGrossWeightKg, cartonNetWeightKg: p.cartonNetWeightKg ?? null,
    hsCode: p.hsCode, origin: p.origin, certifications: p.certifications ?? [], leadTimeDays: p.leadTimeDays, incoterms: p.incoterms,
    portOfLoadingCode: p.portOfLoadingCode ?? null, status: p.status ?? 'ACTIVE', marginFloorRate: p.marginFloorRate ?? null,
    images: p.images ?? [],
    priceTiers: (p.priceTiers ?? []).map((t) => ({ minQuantity: t.minQuantity, unitPrice: t.unitPrice, currency: t.currency ?? 'USD', incoterm: t.incoterm ?? 'FOB' })),
  };
}

function productData(input: ReturnType<typeof normaliseInput>) {
  const { images: _i, priceTiers: _t, ...fields } = input;
  return fields;
}

function toEditable(p: NonNullable<Awaited<ReturnType<typeof repo.findEditableProduct>>>): ProductEditable {
  return {
    id: p.id, sku: p.sku, categoryId: p.categoryId, nameEn: p.nameEn, nameZh: p.nameZh, descriptionEn: p.descriptionEn, descriptionZh: p.descriptionZh,
    specifications: specificationsOf(p.specifications),
    material: p.material, unit: p.unit, moq: p.moq.toString(), unitsPerCarton: p.unitsPerCarton,
    cartonLengthCm: p.cartonLengthCm.toString(), cartonWidthCm: p.cartonWidthCm.toString(), cartonHeightCm: p.cartonHeightCm.toString(),
    cartonGrossWeightKg: p.cartonGrossWeightKg.toString(), cartonNetWeightKg: p.cartonNetWeightKg?.toString() ?? null,
    hsCode: p.hsCode, origin: p.origin, certifications: p.certifications, leadTimeDays: p.leadTimeDays, incoterms: p.incoterms,
    portOfLoadingCode: p.portOfLoadingCode, status: p.status, marginFloorRate: p.marginFloorRate?.toString() ?? null, images: p.images,
    priceTiers: p.priceTiers.map((t) => ({ minQuantity: t.minQuantity.toString(), unitPrice: t.unitPrice.toFixed(4), currency: t.currency, incoterm: t.incoterm })),
    updatedAt: p.updatedAt.toISOString(),
  };
}

/**
 * Staff keep the catalog: products (with images and price tiers), categories and search synonyms.
 * Each change, its audit entry and its index task are written in one transaction.
 */
export function createCatalogEditingService(deps: { prisma: PrismaClient; clock: Clock; categories: CategoryTree }) {
  const { prisma, clock, categories: tree } = deps;

  /** Writes a product change, its audit entry and its index task in one transaction. */
  async function writeProduct(actor: Actor, productId: string | null, action: string, write: (tx: Db) => Promise<{ id: string }>, changes: Prisma.InputJsonValue, meta: Meta, floor?: { sku: string; from: string | null; to: string | null }) {
    return prisma.$transaction(async (tx) => {
      const { id } = await write(tx);
      await recordAudit(tx, { actorId: actor.userId, action, entityType: 'Product', entityId: productId ?? id, changes, requestId: meta.requestId });
      // A floor decides which quotes need a manager: its change is an entry of its own.
      if (floor && floor.from !== floor.to) {
        await recordAudit(tx, { actorId: actor.userId, action: 'product.margin_floor.change', entityType: 'Product', entityId: productId ?? id, changes: { sku: floor.sku, marginFloorRate: { from: floor.from, to: floor.to } }, requestId: meta.requestId });
      }
      await enqueueSearchSync(tx, [id], clock.now());
      return id;
    });
  }

  async function assertReferences(input: { categoryId: string; portOfLoadingCode: string | null; images: { url: string }[] }) {
    if (!(await repo.findCategory(prisma, input.categoryId))) throw new DomainError('VALIDATION', 'unknown category', [{ field: 'body.categoryId', message: 'is not a category' }]);
    if (input.portOfLoadingCode && !(await repo.findPort(prisma, input.portOfLoadingCode))) {
      throw new DomainError('VALIDATION', 'unknown port', [{ field: 'body.portOfLoadingCode', message: 'is not a known port' }]);
    }
    // A picture on this portal must be one uploaded for the catalog: a typo would show a broken image
    // to every buyer, and any other stored file is not served there anyway.
    const uploaded = input.images.flatMap((img, i) => (img.url.startsWith(catalogImagePrefix) ? [{ i, sha256: img.url.slice(catalogImagePrefix.length) }] : []));
    if (uploaded.length) {
      const known = new Set(await repo.findCatalogImageHashes(prisma, uploaded.map((u) => u.sha256)));
      const unknown = uploaded.filter((u) => !known.has(u.sha256));
      if (unknown.length) {
        throw new DomainError('VALIDATION', 'an image is not an uploaded catalog picture', unknown.map((u) => ({ field: `body.images.${u.i}.url`, message: 'is not an uploaded catalog picture; upload it first' })));
      }
    }
  }

  async function getEditable(id: string): Promise<ProductEditable> {
    const p = await repo.findEditableProduct(prisma, id);
    if (!p) throw new DomainError('NOT_FOUND', 'product not found');
    return toEditable(p);
  }

  return {
    /**
     * A manager rewrites the supplier profile buyers read (headline and description in English and,
     * optionally, Chinese; factory facts; markets, certifications, product lines; main port), audited.
     */
    async updateSupplierProfile(actor: Actor, body: SupplierProfileInput, meta: Meta): Promise<void> {
      const exporter = await findExporter(prisma);
      if (!exporter) throw new DomainError('NOT_FOUND', 'supplier not found');
      if (body.mainPortCode && !(await repo.findPort(prisma, body.mainPortCode))) {
        throw new DomainError('VALIDATION', 'unknown port', [{ field: 'body.mainPortCode', message: 'is not a known port' }]);
      }
      const data = {
        headline: body.headline, headlineZh: body.headlineZh ?? null, description: body.description, descriptionZh: body.descriptionZh ?? null,
        yearEstablished: body.yearEstablished ?? null, employees: body.employees ?? null, factoryAreaM2: body.factoryAreaM2 ?? null,
        productionCapacity: body.productionCapacity ?? null, markets: body.markets ?? [], certifications: body.certifications ?? [], productLines: body.productLines ?? [],
        mainPortCode: body.mainPortCode ?? null,
      };
      await prisma.$transaction(async (tx) => {
        const before = await repo.updateSupplierProfile(tx, exporter.id, data);
        const changed = Object.fromEntries(
          Object.entries(data)
            .filter(([k, v]) => JSON.stringify(before?.[k as keyof typeof data] ?? null) !== JSON.stringify(v))
            .map(([k, v]) => [k, { from: before?.[k as keyof typeof data] ?? null, to: v }]),
        );
        await recordAudit(tx, { actorId: actor.userId, companyId: exporter.id, action: 'supplier.profile.update', entityType: 'Company', entityId: exporter.id, changes: changed as Prisma.InputJsonValue, requestId: meta.requestId });
      });
    },

    /** Products for staff, any status. */
    async listStaffProducts(q: { q?: string | undefined; status?: 'DRAFT' | 'ACTIVE' | 'ARCHIVED' | undefined; page: number; pageSize: number }): Promise<StaffProductPage> {
      const [rows, total] = await repo.listStaffProducts(prisma, { q: q.q, status: q.status }, (q.page - 1) * q.pageSize, q.pageSize);
      return {
        items: rows.map((r) => ({
          id: r.id, sku: r.sku, nameEn: r.nameEn, nameZh: r.nameZh, category: { nameEn: r.category.nameEn, nameZh: r.category.nameZh }, status: r.status, moq: r.moq.toString(), unit: r.unit,
          priceFrom: r.priceTiers[0] ? { amount: r.priceTiers[0].unitPrice.toFixed(4), currency: r.priceTiers[0].currency } : null,
          updatedAt: r.updatedAt.toISOString(),
        })),
        total, page: q.page, pageSize: q.pageSize,
      };
    },

    /** A product as staff edit it. */
    getEditable,

    /** Creates a product of the exporter; it is searchable once the search worker has indexed it. */
    async createProduct(actor: Actor, body: ProductInput, meta: Meta): Promise<ProductEditable> {
      assertMayChangeMarginFloor(actor.role, null, body.marginFloorRate ?? null);
      const input = normaliseInput(body);
      await assertReferences(input);
      const supplierId = (await findExporter(prisma))?.id;
      if (!supplierId) throw new DomainError('CONFLICT', 'the exporter company is not set up');
      const id = await writeProduct(actor, null, 'product.create', (tx) =>
        repo.createProduct(tx, {
          ...productData(input), supplierId,
          images: { create: input.images.map((img, i) => ({ ...img, sortOrder: i })) },
          priceTiers: { createMany: { data: input.priceTiers } },
        } as Prisma.ProductUncheckedCreateInput), { sku: input.sku, nameEn: input.nameEn }, meta, { sku: input.sku, from: null, to: input.marginFloorRate });
      return getEditable(id);
    },

    /** Replaces a product's fields, images and price tiers; an archived product stays archived. */
    async updateProduct(actor: Actor, id: string, body: ProductInput, meta: Meta): Promise<ProductEditable> {
      const before = await getEditable(id);
      assertMayChangeMarginFloor(actor.role, before.marginFloorRate, body.marginFloorRate ?? null);
      const input = normaliseInput(body);
      await assertReferences(input);
      if (before.status === 'ARCHIVED') input.status = 'ARCHIVED' as never;
      const changes = Object.fromEntries(
        Object.entries(input).filter(([k, v]) => JSON.stringify(v) !== JSON.stringify((before as Record<string, unknown>)[k])).map(([k, v]) => [k, { from: (before as Record<string, unknown>)[k] ?? null, to: v }]),
      );
      await writeProduct(actor, id, 'product.update', (tx) => repo.replaceProduct(tx, id, productData(input) as Prisma.ProductUncheckedUpdateInput, input.images, input.priceTiers), changes as Prisma.InputJsonValue, meta, { sku: input.sku, from: before.marginFloorRate, to: input.marginFloorRate });
      return getEditable(id);
    },

    /** Archives a product (it leaves the catalog and the index) or brings it back. */
    async setStatus(actor: Actor, id: string, status: 'ACTIVE' | 'ARCHIVED' | 'DRAFT', meta: Meta): Promise<ProductEditable> {
      const before = await getEditable(id);
      if (before.status === status) return before;
      await writeProduct(actor, id, status === 'ARCHIVED' ? 'product.archive' : 'product.restore', (tx) => repo.setProductStatus(tx, id, status), { status: { from: before.status, to: status } }, meta);
      return getEditable(id);
    },

    /** Creates (id null) or renames and moves a category; the products below it are indexed again. */
    async saveCategory(actor: Actor, id: string | null, input: CategoryInput & { parentId: string | null; sortOrder: number }, meta: Meta): Promise<CategoryNode[]> {
      const categories = await tree.get();
      if (input.parentId) {
        if (!categories.has(input.parentId)) throw new DomainError('VALIDATION', 'unknown parent', [{ field: 'body.parentId', message: 'is not a category' }]);
        if (id && categoryPath(categories, input.parentId).some((c) => c.id === id)) {
          throw new DomainError('VALIDATION', 'a category cannot sit under itself', [{ field: 'body.parentId', message: 'would make a loop' }]);
        }
      }
      if (id && !categories.has(id)) throw new DomainError('NOT_FOUND', 'category not found');
      tree.forget();
      await prisma.$transaction(async (tx) => {
        const saved = id ? await repo.updateCategory(tx, id, input) : await repo.createCategory(tx, input);
        await recordAudit(tx, { actorId: actor.userId, action: id ? 'category.update' : 'category.create', entityType: 'Category', entityId: saved.id, changes: input, requestId: meta.requestId });
        if (id) {
          // Names and slugs are in the documents of the products below this category.
          const products = await repo.productIdsInCategories(tx, tree.subtreeIds(categories, (a) => a.id === id));
          if (products.length) await enqueueSearchSync(tx, products.map((p) => p.id), clock.now());
        }
      });
      tree.forget();
      return (await repo.listCategories(prisma)).map(toCategoryNode);
    },

    /** The search synonym groups (tee = t-shirt …). */
    async getSynonyms(): Promise<string[][]> {
      return (await repo.findSynonyms(prisma)).map((s) => s.terms);
    },

    /** Replaces the synonym groups; the index takes them through the outbox. */
    async setSynonyms(actor: Actor, groups: string[][], meta: Meta): Promise<string[][]> {
      const clean = groups.map((g) => [...new Set(g)]).filter((g) => g.length >= 2);
      await prisma.$transaction(async (tx) => {
        await repo.replaceSynonyms(tx, clean);
        await recordAudit(tx, { actorId: actor.userId, action: 'search.synonyms.update', entityType: 'SearchSynonym', entityId: 'all', changes: { groups: clean }, requestId: meta.requestId });
        await repo.enqueueSynonymsSync(tx, clock.now());
      });
      return clean;
    },
  };
}

export type CatalogEditingService = ReturnType<typeof createCatalogEditingService>;
