import type { BusinessSettings } from '@portal/schemas';
import type { Actor } from '@portal/domain';
import type { PrismaClient } from '@portal/db';
import { recordAudit } from '../../infra/audit.repository.ts';
import * as repo from './settings.repository.ts';

const keys = { responseTargetHours: 'inquiry.responseTargetHours', marginFloorRate: 'quote.marginFloorRate', quoteValidityDays: 'quote.defaultValidityDays' } as const;
const defaults: BusinessSettings = { responseTargetHours: 24, marginFloorRate: '0.08', quoteValidityDays: 30 };

/** Reads and changes the business settings kept in the Setting table (the services read the same keys). */
export function createSettingsService(deps: { prisma: PrismaClient }) {
  return {
    async get(): Promise<BusinessSettings> {
      const rows = new Map((await repo.readSettings(deps.prisma, Object.values(keys))).map((r) => [r.key, r.value]));
      return {
        responseTargetHours: Number(rows.get(keys.responseTargetHours) ?? defaults.responseTargetHours),
        marginFloorRate: String(rows.get(keys.marginFloorRate) ?? defaults.marginFloorRate),
        quoteValidityDays: Number(rows.get(keys.quoteValidityDays) ?? defaults.quoteValidityDays),
      };
    },

    async update(actor: Actor, next: BusinessSettings, meta: { requestId?: string }): Promise<BusinessSettings> {
      const before = await this.get();
      await deps.prisma.$transaction(async (tx) => {
        await repo.writeSetting(tx, keys.responseTargetHours, next.responseTargetHours);
        await repo.writeSetting(tx, keys.marginFloorRate, next.marginFloorRate);
        await repo.writeSetting(tx, keys.quoteValidityDays, next.quoteValidityDays);
        await recordAudit(tx, { actorId: actor.userId, action: 'settings.update', entityType: 'Setting', entityId: 'business', changes: { from: before, to: next }, requestId: meta.requestId });
      });
      return this.get();
    },
  };
}

export type SettingsService = ReturnType<typeof createSettingsService>;
