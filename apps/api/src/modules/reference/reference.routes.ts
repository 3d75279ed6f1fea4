import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from '@portal/schemas';
import type { PrismaClient } from '@portal/db';
import { latestBuyingRates, listPorts } from './reference.repository.ts';

const PortItem = z.object({ code: z.string(), name: z.string(), country: z.string(), kind: z.enum(['SEA', 'AIR', 'RAIL', 'INLAND']) });

/** Reference data forms need: ports (UN/LOCODE). */
export default async function referenceRoutes(app: FastifyInstance, deps: { prisma: PrismaClient }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/reference/ports', {
    config: { access: 'public' },
    schema: { tags: ['reference'], summary: 'Ports by UN/LOCODE, for destination and loading pickers', response: { 200: z.array(PortItem) } },
    handler: async () => listPorts(deps.prisma),
  });

  r.get('/reference/exchange-rates', {
    config: { access: ['CLERK', 'FINANCE', 'MANAGER', 'ADMIN'] },
    schema: {
      tags: ['reference'],
      summary: 'The latest bank buying rate of each currency (CNY per unit), for costing',
      response: { 200: z.array(z.object({ base: z.string(), quote: z.string(), rate: z.string(), validOn: z.string() })) },
    },
    handler: async () => (await latestBuyingRates(deps.prisma)).map((r) => ({ base: r.base, quote: r.quote, rate: r.rate.toString(), validOn: r.validOn.toISOString().slice(0, 10) })),
  });
}
