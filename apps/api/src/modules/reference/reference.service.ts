import type { BuyingRate, PortItem } from '@portal/schemas';
import { calendarDate } from '@portal/domain';
import type { PrismaClient } from '@portal/db';
import * as repo from './reference.repository.ts';

/** Reference data that forms pick from: ports, and the bank buying rates for costing. */
export function createReferenceService(deps: { prisma: PrismaClient }) {
  return {
    /** Ports by UN/LOCODE, by country and name. */
    async ports(): Promise<PortItem[]> {
      return repo.listPorts(deps.prisma);
    },

    /** The latest bank buying rate of each currency, in CNY per unit. */
    async buyingRates(): Promise<BuyingRate[]> {
      return (await repo.latestBuyingRates(deps.prisma)).map((r) => ({ base: r.base, quote: r.quote, rate: r.rate.toString(), validOn: calendarDate(r.validOn) }));
    },
  };
}

export type ReferenceService = ReturnType<typeof createReferenceService>;
