import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { BusinessSettings, Problem } from '@portal/schemas';
import { requireActor } from '../../plugins/auth.ts';
import type { SettingsService } from './settings.service.ts';

/** The business settings: read by staff, changed by managers. */
export default async function settingsRoutes(app: FastifyInstance, deps: { settings: SettingsService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/settings', {
    config: { access: 'settings.read' },
    schema: { tags: ['settings'], summary: 'Response target, margin floor and quote validity', response: { 200: BusinessSettings, 401: Problem, 403: Problem } },
    handler: async () => deps.settings.get(),
  });
  r.put('/settings', {
    config: { access: 'settings.update' },
    schema: { tags: ['settings'], summary: 'Change the business settings', body: BusinessSettings, response: { 200: BusinessSettings, 400: Problem, 401: Problem, 403: Problem } },
    handler: async (request) => deps.settings.update(requireActor(request), request.body, { requestId: request.id }),
  });
}
