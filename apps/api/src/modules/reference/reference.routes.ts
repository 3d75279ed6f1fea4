import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { BuyingRate, PortItem, QuotedIncoterms, z } from '@portal/schemas';
import type { ReferenceService } from './reference.service.ts';
import type { SettingsService } from '../settings/settings.service.ts';

/** Reference data forms need: ports (UN/LOCODE), the Incoterms the exporter quotes, bank buying rates. */
export default async function referenceRoutes(app: FastifyInstance, deps: { reference: ReferenceService; settings: Pick<SettingsService, 'get'> }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/reference/ports', {
    config: { access: 'public' },
    schema: { tags: ['reference'], summary: 'Ports by UN/LOCODE, for destination and loading pickers', response: { 200: z.array(PortItem) } },
    handler: async () => deps.reference.ports(),
  });

  r.get('/reference/incoterms', {
    config: { access: 'public' },
    schema: { tags: ['reference'], summary: 'The Incoterms the exporter quotes, for the RFQ form', response: { 200: QuotedIncoterms } },
    handler: async () => ({ quoted: (await deps.settings.get()).quotedIncoterms }),
  });

  r.get('/reference/exchange-rates', {
    config: { access: 'reference.exchangeRates' },
    schema: { tags: ['reference'], summary: 'The latest bank buying rate of each currency (CNY per unit), for costing', response: { 200: z.array(BuyingRate) } },
    handler: async () => deps.reference.buyingRates(),
  });
}
