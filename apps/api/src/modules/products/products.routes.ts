import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  CategoryInput, CategoryNode, Id, Problem, ProductDetail, ProductEditable, ProductInput, ProductSearchQuery, ProductSearchResult,
  StaffProductPage, StaffProductQuery, SupplierProfile, SynonymGroups, z,
} from '@portal/schemas';
import { fastSerializerCompiler } from '../../infra/fast-serializer.ts';
import { requireActor } from '../../plugins/auth.ts';
import type { ProductsService } from './products.service.ts';

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem };
const catalogEditors = ['CLERK', 'MANAGER', 'ADMIN'] as const;
const staff = ['CLERK', 'FINANCE', 'MANAGER', 'ADMIN'] as const;

export default async function productsRoutes(app: FastifyInstance, deps: { products: ProductsService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const productParams = z.strictObject({ productId: Id });

  // ── The catalog, open to visitors (prices only for approved buyers and staff)
  r.get('/catalog/search', {
    config: { access: 'public' },
    schema: { tags: ['catalog'], summary: 'Search products with facets; typo-tolerant; the state fits in a URL', querystring: ProductSearchQuery, response: { 200: ProductSearchResult, 400: Problem } },
    // The busiest route: fast-json-stringify instead of zod encode + JSON.stringify (bench:search).
    serializerCompiler: fastSerializerCompiler,
    handler: async (request) => deps.products.search(request.actor, request.query),
  });

  r.get('/catalog/products/:productId', {
    config: { access: 'public' },
    schema: { tags: ['catalog'], summary: 'A product page: specifications, packing, price tiers, related products', params: productParams, response: { 200: ProductDetail, ...errors } },
    handler: async (request) => deps.products.getProduct(request.actor, request.params.productId),
  });

  r.get('/catalog/supplier', {
    config: { access: 'public' },
    schema: { tags: ['catalog'], summary: 'The supplier profile: factory, certifications, markets, capacity, product lines', response: { 200: SupplierProfile, 404: Problem } },
    handler: async () => deps.products.getSupplier(),
  });

  r.get('/catalog/categories', {
    config: { access: 'public' },
    schema: { tags: ['catalog'], summary: 'The category tree (flat, with parent ids) and active product counts', response: { 200: z.array(CategoryNode) } },
    handler: async () => deps.products.listCategories(),
  });

  // ── Catalog upkeep by staff
  r.get('/products', {
    config: { access: staff },
    schema: { tags: ['products'], summary: 'Products for staff, any status', querystring: StaffProductQuery, response: { 200: StaffProductPage, ...errors } },
    handler: async (request) => deps.products.listStaffProducts(request.query),
  });

  r.get('/products/:productId', {
    config: { access: staff },
    schema: { tags: ['products'], summary: 'A product as staff edit it', params: productParams, response: { 200: ProductEditable, ...errors } },
    handler: async (request) => deps.products.getEditable(request.params.productId),
  });

  r.post('/products', {
    config: { access: catalogEditors },
    schema: { tags: ['products'], summary: 'Create a product; searchable within seconds', body: ProductInput, response: { 201: ProductEditable, ...errors } },
    handler: async (request, reply) => reply.code(201).send(await deps.products.createProduct(requireActor(request), request.body, { requestId: request.id })),
  });

  r.put('/products/:productId', {
    config: { access: catalogEditors },
    schema: { tags: ['products'], summary: 'Replace a product’s fields, images and price tiers', params: productParams, body: ProductInput, response: { 200: ProductEditable, ...errors } },
    handler: async (request) => deps.products.updateProduct(requireActor(request), request.params.productId, request.body, { requestId: request.id }),
  });

  r.post('/products/:productId/archive', {
    config: { access: catalogEditors },
    schema: { tags: ['products'], summary: 'Archive a product: it leaves the catalog and the index', params: productParams, response: { 200: ProductEditable, ...errors } },
    handler: async (request) => deps.products.setStatus(requireActor(request), request.params.productId, 'ARCHIVED', { requestId: request.id }),
  });

  r.post('/products/:productId/restore', {
    config: { access: catalogEditors },
    schema: { tags: ['products'], summary: 'Bring an archived product back into the catalog', params: productParams, response: { 200: ProductEditable, ...errors } },
    handler: async (request) => deps.products.setStatus(requireActor(request), request.params.productId, 'ACTIVE', { requestId: request.id }),
  });

  r.post('/categories', {
    config: { access: catalogEditors },
    schema: { tags: ['products'], summary: 'Create a category', body: CategoryInput, response: { 201: z.array(CategoryNode), ...errors } },
    handler: async (request, reply) => reply.code(201).send(await deps.products.saveCategory(requireActor(request), null, request.body as never, { requestId: request.id })),
  });

  r.put('/categories/:categoryId', {
    config: { access: catalogEditors },
    schema: { tags: ['products'], summary: 'Rename or move a category', params: z.strictObject({ categoryId: Id }), body: CategoryInput, response: { 200: z.array(CategoryNode), ...errors } },
    handler: async (request) => deps.products.saveCategory(requireActor(request), request.params.categoryId, request.body as never, { requestId: request.id }),
  });

  r.post('/search/rebuild', {
    config: { access: ['ADMIN'] },
    schema: { tags: ['products'], summary: 'Rebuild the product index from the database (built beside the live one, then swapped in)', response: { 200: z.object({ indexed: z.number().int() }), 401: Problem, 403: Problem } },
    handler: async () => ({ indexed: await deps.products.rebuildIndex() }),
  });

  r.get('/search/synonyms', {
    config: { access: staff },
    schema: { tags: ['products'], summary: 'Search synonym groups (tee = t-shirt …)', response: { 200: z.object({ groups: z.array(z.array(z.string())) }), 401: Problem, 403: Problem } },
    handler: async () => ({ groups: await deps.products.getSynonyms() }),
  });

  r.put('/search/synonyms', {
    config: { access: catalogEditors },
    schema: { tags: ['products'], summary: 'Replace the search synonym groups', body: SynonymGroups, response: { 200: z.object({ groups: z.array(z.array(z.string())) }), ...errors } },
    handler: async (request) => ({ groups: await deps.products.setSynonyms(requireActor(request), request.body.groups, { requestId: request.id }) }),
  });
}
