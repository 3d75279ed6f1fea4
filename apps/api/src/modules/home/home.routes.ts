import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { HomeView, Problem } from '@portal/schemas';
import { requireActor } from '../../plugins/auth.ts';
import type { HomeService } from './home.service.ts';

/** The home page of each role: what waits for the user, most urgent first, and their open business at a glance. */
export default async function homeRoutes(app: FastifyInstance, deps: { home: HomeService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/home', {
    config: { access: 'authenticated' },
    schema: {
      tags: ['home'],
      summary: 'The signed-in user’s work queue (items by capability, each linking to where it is done) and figures; buyers see only their company’s',
      response: { 200: HomeView, 401: Problem, 403: Problem },
    },
    handler: async (request) => deps.home.get(requireActor(request)),
  });
}
