import type { BusinessSettings } from '@portal/schemas';
import { DEFAULT_MARGIN_FLOOR, DEFAULT_QUOTED_INCOTERMS, DEFAULT_QUOTE_VALIDITY_DAYS, DEFAULT_RESPONSE_TARGET_HOURS, incoterms, type Actor, type Incoterm } from '@portal/domain';
import type { PrismaClient } from '@portal/db';
import { recordAudit } from '../../infra/audit.repository.ts';
import * as repo from './settings.repository.ts';

/** Where each business setting is kept in the Setting table. */
const keys = { responseTargetHours: 'inquiry.responseTargetHours', marginFloorRate: 'quote.marginFloorRate', quoteValidityDays: 'quote.defaultValidityDays', quotedIncoterms: 'quote.incoterms' } as const;

/** A positive number of hours or days as stored (a number, or a decimal string), else the default. */
function positiveNumber(value: unknown, fallback: number): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d+(\.\d+)?$/.test(value) ? Number(value) : Number.NaN;
  return Number.isFinite(n) && n > 0 ? n : fallback;
}

/** A rate as stored (a decimal string or a number), else the default. */
function rate(value: unknown, fallback: string): string {
  return (typeof value === 'string' || typeof value === 'number') && /^\d+(\.\d+)?$/.test(String(value)) ? String(value) : fallback;
}

/** The quoted terms as stored (known ones, in the Incoterms order), else the default. */
function quotedTerms(value: unknown): Incoterm[] {
  const known = Array.isArray(value) ? incoterms.filter((i) => value.includes(i)) : [];
  return known.length > 0 ? known : [...DEFAULT_QUOTED_INCOTERMS];
}

/**
 * The business settings managers tune: the one place that reads and writes them (the inquiry
 * response target, the margin floor, the default quote validity), for the routes and the services.
 */
export function createSettingsService(deps: { prisma: PrismaClient }) {
  return {
    /** The settings as they are now; a missing or unreadable value reads as its default. */
    async get(): Promise<BusinessSettings & { quotedIncoterms: Incoterm[] }> {
      const rows = new Map((await repo.readSettings(deps.prisma, Object.values(keys))).map((r) => [r.key, r.value]));
      return {
        responseTargetHours: positiveNumber(rows.get(keys.responseTargetHours), DEFAULT_RESPONSE_TARGET_HOURS),
        marginFloorRate: rate(rows.get(keys.marginFloorRate), DEFAULT_MARGIN_FLOOR),
        quoteValidityDays: positiveNumber(rows.get(keys.quoteValidityDays), DEFAULT_QUOTE_VALIDITY_DAYS),
        quotedIncoterms: quotedTerms(rows.get(keys.quotedIncoterms)),
      };
    },

    /** Changes the settings, with an audit entry of before and after. */
    async update(actor: Actor, next: BusinessSettings, meta: { requestId?: string }): Promise<BusinessSettings & { quotedIncoterms: Incoterm[] }> {
      const before = await this.get();
      await deps.prisma.$transaction(async (tx) => {
        await repo.writeSetting(tx, keys.responseTargetHours, next.responseTargetHours);
        await repo.writeSetting(tx, keys.marginFloorRate, next.marginFloorRate);
        await repo.writeSetting(tx, keys.quoteValidityDays, next.quoteValidityDays);
        const quoted = next.quotedIncoterms ?? before.quotedIncoterms;
        await repo.writeSetting(tx, keys.quotedIncoterms, incoterms.filter((i) => quoted.includes(i)));
        await recordAudit(tx, { actorId: actor.userId, action: 'settings.update', entityType: 'Setting', entityId: 'business', changes: { from: before, to: { ...next, quotedIncoterms: next.quotedIncoterms ?? before.quotedIncoterms } }, requestId: meta.requestId });
      });
      return this.get();
    },
  };
}

export type SettingsService = ReturnType<typeof createSettingsService>;
