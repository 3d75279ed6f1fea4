import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  CategoryInput, CategoryNode, Id, IndicativePrice, IndicativePriceQuery, Problem, ProductDetail, ProductEditable, ProductInput, ProductSearchQuery,
  ProductSearchResult, StaffProductPage, StaffProductQuery, SupplierProfile, SupplierProfileInput, SynonymGroups, z,
} from '@portal/schemas';
import { fastSerializerCompiler } from '../../infra/fast-serializer.ts';
import { requireActor } from '../../plugins/auth.ts';
import type { CatalogEditingService } from './catalog-editing.service.ts';
import type { CatalogIndexService } from './catalog-index.service.ts';
import type { CatalogService } from './catalog.service.ts';
import type { IndicativePriceService } from './indicative-price.service.ts';
import { readerLang } from '../../infra/reader-lang.ts';

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem };

type Deps = { catalog: CatalogService; editing: CatalogEditingService; index: CatalogIndexService; indicativePrices: IndicativePriceService };

/** The catalog: search and product pages for everyone, the indicative price, and the staff's upkeep of products, categories, synonyms and the index. */
export default async function catalogRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const productParams = z.strictObject({ productId: Id });

  // ── The catalog, open to visitors (prices only for approved buyers and staff)
  r.get('/catalog/search', {
    config: { access: 'public' },
    schema: { tags: ['catalog'], summary: 'Search products with facets; typo-tolerant; the state fits in a URL', querystring: ProductSearchQuery, response: { 200: ProductSearchResult, 400: Problem } },
    // The busiest route: fast-json-stringify instead of zod encode + JSON.stringify (bench:search).
    serializerCompiler: fastSerializerCompiler,
    handler: async (request) => deps.catalog.search(request.actor, request.query),
  });

  r.get('/catalog/products/:productId', {
    config: { access: 'public' },
    schema: { tags: ['catalog'], summary: 'A product page: specifications, packing, price tiers, related products', params: productParams, response: { 200: ProductDetail, ...errors } },
    handler: async (request) => deps.catalog.getProduct(request.actor, request.params.productId, readerLang(request)),
  });

  r.get('/catalog/supplier', {
    config: { access: 'public' },
    schema: { tags: ['catalog'], summary: 'The supplier profile: factory, certifications, markets, capacity, product lines', response: { 200: SupplierProfile, 404: Problem } },
    handler: async (request) => deps.catalog.getSupplier(undefined, readerLang(request)),
  });

  r.put('/catalog/supplier', {
    config: { access: 'catalog.supplierEdit' },
    schema: { tags: ['catalog'], summary: 'Rewrite the supplier profile buyers read (managers), in English and Chinese', body: SupplierProfileInput, response: { 200: SupplierProfile, ...errors } },
    handler: async (request) => {
      await deps.editing.updateSupplierProfile(requireActor(request), request.body, { requestId: request.id });
      return deps.catalog.getSupplier(undefined, readerLang(request));
    },
  });

  r.get('/catalog/categories', {
    config: { access: 'public' },
    schema: { tags: ['catalog'], summary: 'The category tree (flat, with parent ids) and active product counts', response: { 200: z.array(CategoryNode) } },
    handler: async () => deps.catalog.listCategories(),
  });

  // ── Catalog upkeep by staff
  r.get('/products', {
    config: { access: 'catalog.staffRead' },
    schema: { tags: ['products'], summary: 'Products for staff, any status', querystring: StaffProductQuery, response: { 200: StaffProductPage, ...errors } },
    handler: async (request) => deps.editing.listStaffProducts(request.query),
  });

  r.get('/products/:productId', {
    config: { access: 'catalog.staffRead' },
    schema: { tags: ['products'], summary: 'A product as staff edit it', params: productParams, response: { 200: ProductEditable, ...errors } },
    handler: async (request) => deps.editing.getEditable(request.params.productId),
  });

  r.post('/products', {
    config: { access: 'catalog.edit' },
    schema: { tags: ['products'], summary: 'Create a product; searchable within seconds', body: ProductInput, response: { 201: ProductEditable, ...errors } },
    handler: async (request, reply) => reply.code(201).send(await deps.editing.createProduct(requireActor(request), request.body, { requestId: request.id })),
  });

  r.put('/products/:productId', {
    config: { access: 'catalog.edit' },
    schema: { tags: ['products'], summary: 'Replace a product’s fields, images and price tiers', params: productParams, body: ProductInput, response: { 200: ProductEditable, ...errors } },
    handler: async (request) => deps.editing.updateProduct(requireActor(request), request.params.productId, request.body, { requestId: request.id }),
  });

  r.post('/products/:productId/archive', {
    config: { access: 'catalog.edit' },
    schema: { tags: ['products'], summary: 'Archive a product: it leaves the catalog and the index', params: productParams, response: { 200: ProductEditable, ...errors } },
    handler: async (request) => deps.editing.setStatus(requireActor(request), request.params.productId, 'ARCHIVED', { requestId: request.id }),
  });

  r.post('/products/:productId/restore', {
    config: { access: 'catalog.edit' },
    schema: { tags: ['products'], summary: 'Bring an archived product back into the catalog', params: productParams, response: { 200: ProductEditable, ...errors } },
    handler: async (request) => deps.editing.setStatus(requireActor(request), request.params.productId, 'ACTIVE', { requestId: request.id }),
  });

  r.post('/categories', {
    config: { access: 'catalog.edit' },
    schema: { tags: ['products'], summary: 'Create a category', body: CategoryInput, response: { 201: z.array(CategoryNode), ...errors } },
    handler: async (request, reply) => reply.code(201).send(await deps.editing.saveCategory(requireActor(request), null, request.body as never, { requestId: request.id })),
  });

  r.put('/categories/:categoryId', {
    config: { access: 'catalog.edit' },
    schema: { tags: ['products'], summary: 'Rename or move a category', params: z.strictObject({ categoryId: Id }), body: CategoryInput, response: { 200: z.array(CategoryNode), ...errors } },
    handler: async (request) => deps.editing.saveCategory(requireActor(request), request.params.categoryId, request.body as never, { requestId: request.id }),
  });

  r.post('/search/rebuild', {
    config: { access: 'catalog.rebuildIndex' },
    schema: { tags: ['products'], summary: 'Rebuild the product index from the database (built beside the live one, then swapped in)', response: { 200: z.object({ indexed: z.number().int() }), 401: Problem, 403: Problem } },
    handler: async () => ({ indexed: await deps.index.rebuildIndex() }),
  });

  r.get('/search/synonyms', {
    config: { access: 'catalog.staffRead' },
    schema: { tags: ['products'], summary: 'Search synonym groups (tee = t-shirt …)', response: { 200: z.object({ groups: z.array(z.array(z.string())) }), 401: Problem, 403: Problem } },
    handler: async () => ({ groups: await deps.editing.getSynonyms() }),
  });

  r.put('/search/synonyms', {
    config: { access: 'catalog.edit' },
    schema: { tags: ['products'], summary: 'Replace the search synonym groups', body: SynonymGroups, response: { 200: z.object({ groups: z.array(z.array(z.string())) }), ...errors } },
    handler: async (request) => ({ groups: await deps.editing.setSynonyms(requireActor(request), request.body.groups, { requestId: request.id }) }),
  });

  r.get('/catalog/products/:productId/indicative-price', {
    config: { access: 'catalog.indicativePrice' },
    schema: {
      tags: ['catalog'],
      summary: 'An indicative unit price for a quantity, Incoterm (FOB/CFR/CIF) and port (approved buyers and staff); never a cost or margin',
      params: productParams,
      querystring: IndicativePriceQuery,
      response: { 200: IndicativePrice, ...errors },
    },
    handler: async (request) => deps.indicativePrices.get(requireActor(request), request.params.productId, request.query),
  });
}
