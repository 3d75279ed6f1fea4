import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { CompanyDetail, CompanyListQuery, CompanyPage, Id, Problem, ReviewCompanyBody, ReviewIdentityChangeBody, UpdateCompanyBody, z } from '@portal/schemas';
import { requireActor } from '../../plugins/auth.ts';
import type { CompaniesService } from './companies.service.ts';

const errors = { 400: Problem, 401: Problem, 403: Problem, 404: Problem, 409: Problem };

/** Buyer companies: the directory for staff, their own details for company admins, and the manager's review. */
export default async function companiesRoutes(app: FastifyInstance, deps: { companies: CompaniesService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const params = z.strictObject({ companyId: Id });

  r.get('/companies', {
    config: { access: 'companies.list' },
    schema: { tags: ['companies'], summary: 'Buyer companies, filtered by status or name', querystring: CompanyListQuery, response: { 200: CompanyPage, ...errors } },
    handler: async (request) => deps.companies.list(request.query),
  });

  r.get('/companies/:companyId', {
    config: { access: 'companies.read' },
    schema: { tags: ['companies'], summary: 'One buyer company (buyers: their own)', params, response: { 200: CompanyDetail, ...errors } },
    handler: async (request) => deps.companies.get(requireActor(request), request.params.companyId),
  });

  r.patch('/companies/:companyId', {
    config: { access: 'companies.update' },
    schema: { tags: ['companies'], summary: 'Update company details (company admins, portal admins); a company admin’s change of an approved company’s name, country or tax id waits for a manager', params, body: UpdateCompanyBody, response: { 200: CompanyDetail, ...errors } },
    handler: async (request) => deps.companies.update(requireActor(request), request.params.companyId, request.body, { requestId: request.id }),
  });

  r.post('/companies/:companyId/review', {
    config: { access: 'companies.review' },
    schema: { tags: ['companies'], summary: 'Approve, reject, suspend or reinstate a buyer company', params, body: ReviewCompanyBody, response: { 200: CompanyDetail, ...errors } },
    handler: async (request) => deps.companies.review(requireActor(request), request.params.companyId, request.body, { requestId: request.id }),
  });

  r.post('/companies/:companyId/identity-change/review', {
    config: { access: 'companies.review' },
    schema: {
      tags: ['companies'],
      summary: 'Approve (it applies) or reject (with a reason) a company admin’s change of the company’s name, country or tax id',
      params, body: ReviewIdentityChangeBody, response: { 200: CompanyDetail, ...errors },
    },
    handler: async (request) => deps.companies.reviewIdentityChange(requireActor(request), request.params.companyId, request.body, { requestId: request.id }),
  });
}
