import {
  catalogImagePath, type CategoryInput, type CategoryNode, type ProductCard, type ProductDetail, type ProductEditable, type ProductInput,
  type ProductSearchParsed, type ProductSearchResult, type StaffProductPage, type SupplierProfile,
} from '@portal/schemas';
import { DomainError, assertMayChangeMarginFloor, isStaff, type Actor } from '@portal/domain';
import type { Prisma, PrismaClient } from '@portal/db';
import type { Clock } from '../../infra/clock.ts';
import { recordAudit } from '../../infra/audit.repository.ts';
import { enqueueSearchSync } from '../../infra/outbox.repository.ts';
import { isSearchUnavailable, type SearchEngine } from '../../infra/search-engine.ts';
import type { Db } from '../../infra/tx.ts';
import * as repo from './products.repository.ts';
import { cardFromDocument, cardFromRow, categoryPath, toProductDetail, toProductDocument, type CategoryInfo } from './products.mappers.ts';

type Meta = { requestId?: string };
type SearchQuery = ProductSearchParsed;

const catalogImagePrefix = catalogImagePath('');

/** Catalog search (Meilisearch, or the database while it is down), product and supplier pages, and staff catalog upkeep. */
export function createProductsService(deps: { prisma: PrismaClient; clock: Clock; search: SearchEngine | null; log: { warn(o: object, m: string): void } }) {
  const { prisma, clock } = deps;

  // The tree changes only through saveCategory, which clears this; counting products per category
  // on every search cost ~60 ms on 100k products (bench:search).
  let categoryCache: Promise<Map<string, CategoryInfo>> | undefined;
  function categoryMap(): Promise<Map<string, CategoryInfo>> {
    categoryCache ??= repo.listCategoryTree(prisma).then((rows) => new Map(rows.map((c) => [c.id, c])));
    categoryCache.catch(() => (categoryCache = undefined));
    return categoryCache;
  }

  /** Staff and approved buyers see prices; visitors and buyers awaiting approval do not. */
  async function pricesVisibleTo(actor: Actor | null): Promise<boolean> {
    if (!actor) return false;
    if (isStaff(actor.role)) return true;
    // Read with the session by the auth hook; looked up only when the actor came from elsewhere.
    return (actor.companyStatus ?? (await repo.findCompanyStatus(prisma, actor.companyId))) === 'APPROVED';
  }

  async function searchWithEngine(engine: SearchEngine, q: SearchQuery, pricesVisible: boolean, categories: Map<string, CategoryInfo>): Promise<ProductSearchResult> {
    const res = await engine.search({
      q: q.q,
      filters: {
        category: q.category, origin: q.origin, material: q.material, certifications: q.cert, incoterms: q.incoterm,
        moqMax: q.moqMax, priceMin: pricesVisible ? q.priceMin : undefined, priceMax: pricesVisible ? q.priceMax : undefined,
        leadTimeMax: q.leadMax, supplierId: q.supplier,
      },
      sort: !pricesVisible && (q.sort === 'price_asc' || q.sort === 'price_desc') ? 'relevance' : q.sort,
      page: q.page,
      pageSize: q.pageSize,
      withRanges: q.ranges === true,
    });
    return {
      items: res.hits.map((h) => cardFromDocument(h, h.highlight, pricesVisible)),
      total: res.total,
      page: q.page,
      pageSize: q.pageSize,
      facets: {
        category: categoryFacet(res.facets.categorySlugs, categories),
        origin: res.facets.origin,
        material: res.facets.material,
        cert: res.facets.certifications,
        incoterm: res.facets.incoterms,
      },
      ranges: {
        price: pricesVisible ? (res.stats.priceFrom ?? null) : null,
        moq: res.stats.moq ?? null,
        leadTime: res.stats.leadTimeDays ?? null,
      },
      pricesVisible,
      degraded: false,
    };
  }

  async function searchWithDatabase(q: SearchQuery, pricesVisible: boolean, categories: Map<string, CategoryInfo>): Promise<ProductSearchResult> {
    const words = q.q.split(/\s+/).filter(Boolean).slice(0, 8);
    const and: Prisma.ProductWhereInput[] = words.map((w) => ({
      OR: [
        { nameEn: { contains: w, mode: 'insensitive' } },
        { nameZh: { contains: w } },
        { sku: { contains: w, mode: 'insensitive' } },
        { material: { contains: w, mode: 'insensitive' } },
        { descriptionEn: { contains: w, mode: 'insensitive' } },
      ],
    }));
    if (q.category) {
      const ids = [...categories.values()].filter((c) => categoryPath(categories, c.id).some((a) => a.slug === q.category)).map((c) => c.id);
      and.push({ categoryId: { in: ids } });
    }
    if (q.origin?.length) and.push({ origin: { in: q.origin } });
    if (q.material?.length) and.push({ material: { in: q.material } });
    if (q.cert?.length) and.push({ certifications: { hasSome: q.cert } });
    if (q.incoterm?.length) and.push({ incoterms: { hasSome: q.incoterm } });
    if (q.moqMax !== undefined) and.push({ moq: { lte: q.moqMax } });
    if (q.leadMax !== undefined) and.push({ leadTimeDays: { lte: q.leadMax } });
    if (q.supplier) and.push({ supplierId: q.supplier });
    if (pricesVisible && (q.priceMin !== undefined || q.priceMax !== undefined)) {
      and.push({ priceTiers: { some: { incoterm: 'FOB', unitPrice: { ...(q.priceMin !== undefined ? { gte: q.priceMin } : {}), ...(q.priceMax !== undefined ? { lte: q.priceMax } : {}) } } } });
    }
    const where: Prisma.ProductWhereInput = { status: 'ACTIVE', AND: and };
    const orderBy: Prisma.ProductOrderByWithRelationInput[] =
      q.sort === 'lead_time' ? [{ leadTimeDays: 'asc' }] : q.sort === 'newest' ? [{ createdAt: 'desc' }] : [{ nameEn: 'asc' }];
    const [rows, total, facetRows] = await repo.fallbackSearch(prisma, where, orderBy, (q.page - 1) * q.pageSize, q.pageSize);
    const count = (values: (string | null)[]) => {
      const m = new Map<string, number>();
      for (const v of values) if (v) m.set(v, (m.get(v) ?? 0) + 1);
      return [...m].map(([value, n]) => ({ value, count: n })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
    };
    let items = rows.map((r) => cardFromRow(r, categories, pricesVisible));
    if (q.sort === 'price_asc' || q.sort === 'price_desc') {
      const dir = q.sort === 'price_asc' ? 1 : -1;
      items = items.sort((a, b) => dir * (Number(a.priceFrom?.amount ?? Infinity) - Number(b.priceFrom?.amount ?? Infinity)));
    }
    const range = (values: number[]) => (values.length ? { min: Math.min(...values), max: Math.max(...values) } : null);
    return {
      items,
      total,
      page: q.page,
      pageSize: q.pageSize,
      facets: {
        category: categoryFacet(count(facetRows.flatMap((r) => categoryPath(categories, r.categoryId).map((c) => c.slug))), categories),
        origin: count(facetRows.map((r) => r.origin)),
        material: count(facetRows.map((r) => r.material)),
        cert: count(facetRows.flatMap((r) => r.certifications)),
        incoterm: count(facetRows.flatMap((r) => r.incoterms)),
      },
      ranges: { price: null, moq: range(facetRows.map((r) => r.moq.toNumber())), leadTime: range(facetRows.map((r) => r.leadTimeDays)) },
      pricesVisible,
      degraded: true,
    };
  }

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

  function productData(input: ReturnType<typeof normaliseInput>) {
    const { images: _i, priceTiers: _t, ...fields } = input;
    return fields;
  }

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

  return {
    async search(actor: Actor | null, q: SearchQuery): Promise<ProductSearchResult> {
      const [pricesVisible, categories] = await Promise.all([pricesVisibleTo(actor), categoryMap()]);
      if (q.category && ![...categories.values()].some((c) => c.slug === q.category)) {
        throw new DomainError('VALIDATION', 'unknown category', [{ field: 'query.category', message: 'is not a category' }]);
      }
      if (deps.search) {
        try {
          return await searchWithEngine(deps.search, q, pricesVisible, categories);
        } catch (err) {
          if (!isSearchUnavailable(err)) throw err;
          deps.log.warn({ err: String(err) }, 'search engine unreachable; answering from the database');
        }
      }
      return searchWithDatabase(q, pricesVisible, categories);
    },

    async getProduct(actor: Actor | null, id: string): Promise<ProductDetail> {
      const p = await repo.findProduct(prisma, id);
      // Drafts and archived products exist only for staff.
      if (!p || (p.status !== 'ACTIVE' && !(actor && isStaff(actor.role)))) throw new DomainError('NOT_FOUND', 'product not found');
      const [pricesVisible, categories, supplier, port, related] = await Promise.all([
        pricesVisibleTo(actor), categoryMap(), repo.findSupplier(prisma, p.supplierId),
        p.portOfLoadingCode ? repo.findPort(prisma, p.portOfLoadingCode) : null, repo.relatedProducts(prisma, p, 4),
      ]);
      return toProductDetail(p, categories, {
        pricesVisible,
        port,
        related,
        supplier: { id: p.supplierId, name: supplier?.name ?? '', country: supplier?.country ?? '', headline: supplier?.supplierProfile?.headline ?? null },
      });
    },

    async getSupplier(id?: string): Promise<SupplierProfile> {
      const s = await repo.findSupplier(prisma, id);
      if (!s || !s.supplierProfile) throw new DomainError('NOT_FOUND', 'supplier not found');
      const [counts, categories] = await Promise.all([repo.countSupplierProducts(prisma, s.id), categoryMap()]);
      const p = s.supplierProfile;
      const port = p.mainPortCode ? await repo.findPort(prisma, p.mainPortCode) : null;
      return {
        id: s.id, name: s.name, country: s.country, city: s.city, website: s.website, headline: p.headline, description: p.description,
        descriptionZh: p.descriptionZh, yearEstablished: p.yearEstablished, employees: p.employees, factoryAreaM2: p.factoryAreaM2,
        productionCapacity: p.productionCapacity, markets: p.markets, certifications: p.certifications, productLines: p.productLines,
        mainPort: port,
        productCount: counts.reduce((n, c) => n + c._count._all, 0),
        categories: counts
          .map((c) => ({ cat: categories.get(c.categoryId), count: c._count._all }))
          .filter((c): c is { cat: CategoryInfo; count: number } => Boolean(c.cat))
          .map((c) => ({ slug: c.cat.slug, nameEn: c.cat.nameEn, nameZh: c.cat.nameZh, count: c.count })),
      };
    },

    async listCategories(): Promise<CategoryNode[]> {
      return (await repo.listCategories(prisma)).map((c) => ({ id: c.id, slug: c.slug, nameEn: c.nameEn, nameZh: c.nameZh, parentId: c.parentId, sortOrder: c.sortOrder, productCount: c._count.products }));
    },

    async saveCategory(actor: Actor, id: string | null, input: CategoryInput & { parentId: string | null; sortOrder: number }, meta: Meta): Promise<CategoryNode[]> {
      const categories = await categoryMap();
      if (input.parentId) {
        if (!categories.has(input.parentId)) throw new DomainError('VALIDATION', 'unknown parent', [{ field: 'body.parentId', message: 'is not a category' }]);
        if (id && categoryPath(categories, input.parentId).some((c) => c.id === id)) {
          throw new DomainError('VALIDATION', 'a category cannot sit under itself', [{ field: 'body.parentId', message: 'would make a loop' }]);
        }
      }
      if (id && !categories.has(id)) throw new DomainError('NOT_FOUND', 'category not found');
      categoryCache = undefined;
      await prisma.$transaction(async (tx) => {
        const saved = id ? await repo.updateCategory(tx, id, input) : await repo.createCategory(tx, input);
        await recordAudit(tx, { actorId: actor.userId, action: id ? 'category.update' : 'category.create', entityType: 'Category', entityId: saved.id, changes: input, requestId: meta.requestId });
        if (id) {
          // Names and slugs are in the documents of the products below this category.
          const below = [...categories.values()].filter((c) => categoryPath(categories, c.id).some((a) => a.id === id)).map((c) => c.id);
          const products = await repo.productIdsInCategories(tx, below);
          if (products.length) await enqueueSearchSync(tx, products.map((p) => p.id), clock.now());
        }
      });
      categoryCache = undefined;
      return this.listCategories();
    },

    async listStaffProducts(q: { q?: string; status?: 'DRAFT' | 'ACTIVE' | 'ARCHIVED'; page: number; pageSize: number }): Promise<StaffProductPage> {
      const where: Prisma.ProductWhereInput = {
        ...(q.status ? { status: q.status } : {}),
        ...(q.q ? { OR: [{ nameEn: { contains: q.q, mode: 'insensitive' } }, { nameZh: { contains: q.q } }, { sku: { contains: q.q, mode: 'insensitive' } }] } : {}),
      };
      const [rows, total] = await repo.listStaffProducts(prisma, where, (q.page - 1) * q.pageSize, q.pageSize);
      return {
        items: rows.map((r) => ({
          id: r.id, sku: r.sku, nameEn: r.nameEn, nameZh: r.nameZh, category: r.category.nameEn, status: r.status, moq: r.moq.toString(), unit: r.unit,
          priceFrom: r.priceTiers[0] ? { amount: r.priceTiers[0].unitPrice.toFixed(4), currency: r.priceTiers[0].currency } : null,
          updatedAt: r.updatedAt.toISOString(),
        })),
        total, page: q.page, pageSize: q.pageSize,
      };
    },

    async getEditable(id: string): Promise<ProductEditable> {
      const p = await repo.findEditableProduct(prisma, id);
      if (!p) throw new DomainError('NOT_FOUND', 'product not found');
      return {
        id: p.id, sku: p.sku, categoryId: p.categoryId, nameEn: p.nameEn, nameZh: p.nameZh, descriptionEn: p.descriptionEn, descriptionZh: p.descriptionZh,
        specifications: Array.isArray(p.specifications) ? (p.specifications as { name: string; value: string }[]) : [],
        material: p.material, unit: p.unit, moq: p.moq.toString(), unitsPerCarton: p.unitsPerCarton,
        cartonLengthCm: p.cartonLengthCm.toString(), cartonWidthCm: p.cartonWidthCm.toString(), cartonHeightCm: p.cartonHeightCm.toString(),
        cartonGrossWeightKg: p.cartonGrossWeightKg.toString(), cartonNetWeightKg: p.cartonNetWeightKg?.toString() ?? null,
        hsCode: p.hsCode, origin: p.origin, certifications: p.certifications, leadTimeDays: p.leadTimeDays, incoterms: p.incoterms,
        portOfLoadingCode: p.portOfLoadingCode, status: p.status, marginFloorRate: p.marginFloorRate?.toString() ?? null, images: p.images,
        priceTiers: p.priceTiers.map((t) => ({ minQuantity: t.minQuantity.toString(), unitPrice: t.unitPrice.toFixed(4), currency: t.currency, incoterm: t.incoterm })),
        updatedAt: p.updatedAt.toISOString(),
      };
    },

    async createProduct(actor: Actor, body: ProductInput, meta: Meta): Promise<ProductEditable> {
      assertMayChangeMarginFloor(actor.role, null, body.marginFloorRate ?? null);
      const input = normaliseInput(body);
      await assertReferences(input);
      const supplierId = await repo.findExporterId(prisma);
      if (!supplierId) throw new DomainError('CONFLICT', 'the exporter company is not set up');
      const id = await writeProduct(actor, null, 'product.create', (tx) =>
        repo.createProduct(tx, {
          ...productData(input), supplierId,
          images: { create: input.images.map((img, i) => ({ ...img, sortOrder: i })) },
          priceTiers: { createMany: { data: input.priceTiers } },
        } as Prisma.ProductUncheckedCreateInput), { sku: input.sku, nameEn: input.nameEn }, meta, { sku: input.sku, from: null, to: input.marginFloorRate });
      return this.getEditable(id);
    },

    async updateProduct(actor: Actor, id: string, body: ProductInput, meta: Meta): Promise<ProductEditable> {
      const before = await this.getEditable(id);
      assertMayChangeMarginFloor(actor.role, before.marginFloorRate, body.marginFloorRate ?? null);
      const input = normaliseInput(body);
      await assertReferences(input);
      if (before.status === 'ARCHIVED') input.status = 'ARCHIVED' as never;
      const changes = Object.fromEntries(
        Object.entries(input).filter(([k, v]) => JSON.stringify(v) !== JSON.stringify((before as Record<string, unknown>)[k])).map(([k, v]) => [k, { from: (before as Record<string, unknown>)[k] ?? null, to: v }]),
      );
      await writeProduct(actor, id, 'product.update', (tx) => repo.replaceProduct(tx, id, productData(input) as Prisma.ProductUncheckedUpdateInput, input.images, input.priceTiers), changes as Prisma.InputJsonValue, meta, { sku: input.sku, from: before.marginFloorRate, to: input.marginFloorRate });
      return this.getEditable(id);
    },

    async setStatus(actor: Actor, id: string, status: 'ACTIVE' | 'ARCHIVED' | 'DRAFT', meta: Meta): Promise<ProductEditable> {
      const before = await this.getEditable(id);
      if (before.status === status) return before;
      await writeProduct(actor, id, status === 'ARCHIVED' ? 'product.archive' : 'product.restore', (tx) => repo.setProductStatus(tx, id, status), { status: { from: before.status, to: status } }, meta);
      return this.getEditable(id);
    },

    async getSynonyms(): Promise<string[][]> {
      return (await repo.findSynonyms(prisma)).map((s) => s.terms);
    },

    async setSynonyms(actor: Actor, groups: string[][], meta: Meta): Promise<string[][]> {
      const clean = groups.map((g) => [...new Set(g)]).filter((g) => g.length >= 2);
      await prisma.$transaction(async (tx) => {
        await repo.replaceSynonyms(tx, clean);
        await recordAudit(tx, { actorId: actor.userId, action: 'search.synonyms.update', entityType: 'SearchSynonym', entityId: 'all', changes: { groups: clean }, requestId: meta.requestId });
        await tx.outboxEvent.create({ data: { channel: 'search', topic: 'synonyms.sync', payload: {}, nextAttemptAt: clock.now() } });
      });
      return clean;
    },

    /** The search outbox handler: brings the index in line with the database for these products. */
    async syncProducts(ids: string[]): Promise<void> {
      if (!deps.search) return;
      const [rows, categories] = await Promise.all([repo.findProductsByIds(prisma, ids), categoryMap()]);
      const active = rows.filter((r) => r.status === 'ACTIVE');
      const gone = ids.filter((id) => !active.some((r) => r.id === id));
      if (active.length) await deps.search.upsert(active.map((r) => toProductDocument(r, categories)));
      if (gone.length) await deps.search.remove(gone);
    },

    async syncSynonyms(): Promise<void> {
      if (!deps.search) return;
      await deps.search.setSynonyms(await this.getSynonyms());
    },

    /** Rebuilds the whole index from the database into a new index, then swaps it in. */
    async rebuildIndex(): Promise<number> {
      if (!deps.search) return 0;
      const categories = await categoryMap();
      let count = 0;
      async function* batches() {
        let after: string | null = null;
        for (;;) {
          const rows = await repo.findActiveProductsAfter(prisma, after, 1000);
          if (!rows.length) return;
          count += rows.length;
          after = rows[rows.length - 1]!.id;
          yield rows.map((r) => toProductDocument(r, categories));
        }
      }
      await deps.search.rebuild(batches());
      await this.syncSynonyms();
      return count;
    },

    /** At start: make sure the index exists and matches the number of active products, else rebuild. */
    async reconcileIndex(): Promise<'rebuilt' | 'in-sync' | 'unavailable'> {
      if (!deps.search) return 'unavailable';
      try {
        await deps.search.ensureIndex();
        const [indexed, active] = await Promise.all([deps.search.countDocuments(), repo.countActiveProducts(prisma)]);
        if (indexed === active) {
          await this.syncSynonyms();
          return 'in-sync';
        }
        await this.rebuildIndex();
        return 'rebuilt';
      } catch (err) {
        if (isSearchUnavailable(err)) return 'unavailable';
        throw err;
      }
    },
  };
}

function categoryFacet(values: { value: string; count: number }[], categories: Map<string, CategoryInfo>) {
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

export type ProductsService = ReturnType<typeof createProductsService>;
export type { ProductCard };
