import type { CategoryNode, ProductDetail, ProductSearchParsed, ProductSearchResult, SupplierProfile } from '@portal/schemas';
import { DomainError, calendarDate, canSeePrices, convertAtBuyingRates, isProductVisible, isStaff, textInLanguage, type Actor, type CatalogLang } from '@portal/domain';
import type { PrismaClient } from '@portal/db';
import { isSearchUnavailable, type SearchEngine } from '../../infra/search-engine.ts';
import * as repo from './catalog.repository.ts';
import { cardFromDocument, cardFromRow, categoryFacet, categoryPath, toCategoryNode, toProductDetail, type CategoryInfo } from './catalog.mappers.ts';
import type { CategoryTree } from './category-tree.ts';

type SearchQuery = ProductSearchParsed;

/** How many pages a result has: at least one, so an empty result is page 1 of 1. */
const pageCountOf = (total: number, pageSize: number) => Math.max(1, Math.ceil(total / pageSize));

/** Catalog search (Meilisearch, or the database while it is down) and the product, supplier and category pages. */
export function createCatalogService(deps: { prisma: PrismaClient; search: SearchEngine | null; categories: CategoryTree; log: { warn(o: object, m: string): void } }) {
  const { prisma, categories: tree } = deps;

  /** Staff and approved buyers see prices; visitors and buyers awaiting approval do not. */
  async function pricesVisibleTo(actor: Actor | null): Promise<boolean> {
    if (!actor || isStaff(actor.role)) return canSeePrices(actor);
    // Read with the session by the auth hook; looked up only when the actor came from elsewhere.
    return canSeePrices({ role: actor.role, companyStatus: actor.companyStatus ?? (await repo.findCompanyStatus(prisma, actor.companyId)) });
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
      pageCount: pageCountOf(res.total, q.pageSize),
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
    const [rows, total, facetRows] = await repo.searchProductsInDatabase(prisma, {
      words: q.q.split(/\s+/).filter(Boolean).slice(0, 8),
      categoryIds: q.category ? tree.subtreeIds(categories, (a) => a.slug === q.category) : undefined,
      origin: q.origin, material: q.material, cert: q.cert, incoterm: q.incoterm, moqMax: q.moqMax, leadMax: q.leadMax, supplierId: q.supplier,
      price: pricesVisible ? { min: q.priceMin, max: q.priceMax } : undefined,
      sort: q.sort,
    }, (q.page - 1) * q.pageSize, q.pageSize);
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
      pageCount: pageCountOf(total, q.pageSize),
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

  /** One page of a search, as asked. */
  async function searchPage(actor: Actor | null, q: SearchQuery): Promise<ProductSearchResult> {
    const [pricesVisible, categories] = await Promise.all([pricesVisibleTo(actor), tree.get()]);
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
  }

  /**
   * A buyer whose company trades in another currency sees each tier also in theirs, converted at the
   * day's bank buying rates and marked indicative (the quote fixes the price in its own currency).
   */
  async function withBuyerCurrency(actor: Actor | null, detail: ProductDetail): Promise<ProductDetail> {
    if (!actor || actor.role !== 'BUYER' || !detail.priceTiers?.length) return detail;
    const company = await repo.findCompanyCurrency(prisma, actor.companyId);
    const wanted = company?.defaultCurrency;
    if (!wanted || detail.priceTiers.every((t) => t.unitPrice.currency === wanted)) return detail;
    const rates = await repo.latestBuyingRates(prisma);
    const byCurrency = new Map(rates.map((r) => [r.base, r.rate.toString()]));
    const used = rates.filter((r) => r.base === wanted || detail.priceTiers!.some((t) => t.unitPrice.currency === r.base));
    const ratesOn = used.length ? used.map((r) => calendarDate(r.validOn)).sort()[0]! : null;
    return {
      ...detail,
      ratesOn,
      priceTiers: detail.priceTiers.map((t) => {
        const amount = t.unitPrice.currency === wanted ? null : convertAtBuyingRates(t.unitPrice.amount, t.unitPrice.currency, wanted, byCurrency);
        return { ...t, inBuyerCurrency: amount ? { amount, currency: wanted } : null };
      }),
    };
  }

  return {
    /**
     * Search with facets; from the database (marked degraded) while the engine is unreachable. A
     * page beyond the last is answered as the last page (an old link after products were archived,
     * a hand-edited URL): the answer's `page` says which page it is, of `pageCount`.
     */
    async search(actor: Actor | null, q: SearchQuery): Promise<ProductSearchResult> {
      const first = await searchPage(actor, q);
      if (first.items.length > 0 || first.page <= first.pageCount) return first;
      return searchPage(actor, { ...q, page: first.pageCount });
    },

    /** A product page; drafts and archived products exist only for staff. */
    async getProduct(actor: Actor | null, id: string, lang: CatalogLang = 'en'): Promise<ProductDetail> {
      const p = await repo.findProduct(prisma, id);
      if (!p || !isProductVisible(p.status, Boolean(actor && isStaff(actor.role)))) throw new DomainError('NOT_FOUND', 'product not found');
      const [pricesVisible, categories, supplier, port, related] = await Promise.all([
        pricesVisibleTo(actor), tree.get(), repo.findSupplier(prisma, p.supplierId),
        p.portOfLoadingCode ? repo.findPort(prisma, p.portOfLoadingCode) : null, repo.relatedProducts(prisma, p, 4),
      ]);
      const detail = toProductDetail(p, categories, {
        pricesVisible,
        port,
        related,
        supplier: { id: p.supplierId, name: supplier?.name ?? '', country: supplier?.country ?? '', headline: supplier?.supplierProfile?.headline ?? null },
        lang,
      });
      return withBuyerCurrency(actor, detail);
    },

    /** The supplier profile with its product lines and category counts. */
    async getSupplier(id?: string, lang: CatalogLang = 'en'): Promise<SupplierProfile> {
      const s = await repo.findSupplier(prisma, id);
      if (!s || !s.supplierProfile) throw new DomainError('NOT_FOUND', 'supplier not found');
      const [counts, categories] = await Promise.all([repo.countSupplierProducts(prisma, s.id), tree.get()]);
      const p = s.supplierProfile;
      const port = p.mainPortCode ? await repo.findPort(prisma, p.mainPortCode) : null;
      const lines = counts
        .map((c) => ({ cat: categories.get(c.categoryId), count: c._count._all }))
        .filter((c): c is { cat: CategoryInfo; count: number } => Boolean(c.cat));
      return {
        id: s.id, name: s.name, country: s.country, city: s.city, website: s.website, headline: p.headline, headlineZh: p.headlineZh, description: p.description,
        descriptionZh: p.descriptionZh, yearEstablished: p.yearEstablished, employees: p.employees, factoryAreaM2: p.factoryAreaM2,
        productionCapacity: p.productionCapacity, markets: p.markets, certifications: p.certifications, productLines: p.productLines,
        mainPort: port,
        productCount: counts.reduce((n, c) => n + c._count._all, 0),
        categories: lines.map((c) => ({ slug: c.cat.slug, nameEn: c.cat.nameEn, nameZh: c.cat.nameZh, count: c.count })),
        localized: {
          lang,
          headline: textInLanguage(lang, p.headline, p.headlineZh),
          description: textInLanguage(lang, p.description, p.descriptionZh),
          categories: lines.map((c) => ({ slug: c.cat.slug, name: textInLanguage(lang, c.cat.nameEn, c.cat.nameZh) })),
        },
      };
    },

    /** The category tree (flat, with parent ids) and active product counts. */
    async listCategories(): Promise<CategoryNode[]> {
      return (await repo.listCategories(prisma)).map(toCategoryNode);
    },
  };
}

export type CatalogService = ReturnType<typeof createCatalogService>;
