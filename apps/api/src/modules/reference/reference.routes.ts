import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { BuyingRate, PortItem, z } from '@portal/schemas';
import type { ReferenceService } from './reference.service.ts';

/** Reference data forms need: ports (UN/LOCODE) and bank buying rates. */
export default async function referenceRoutes(app: FastifyInstance, deps: { reference: ReferenceService }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/reference/ports', {
    config: { access: 'public' },
    schema: { tags: ['reference'], summary: 'Ports by UN/LOCODE, for destination and loading pickers', response: { 200: z.array(PortItem) } },
    handler: async () => deps.reference.ports(),
  });

  r.get('/reference/exchange-rates', {
    config: { access: 'reference.exchangeRates' },
    schema: { tags: ['reference'], summary: 'The latest bank buying rate of each currency (CNY per unit), for costing', response: { 200: z.array(BuyingRate) } },
    handler: async () => deps.reference.buyingRates(),
  });
}
