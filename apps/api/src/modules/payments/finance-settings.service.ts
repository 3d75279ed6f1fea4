import { CN_2026_INPUT, businessCalendar, dunningPolicy, DomainError, type Actor, type BusinessCalendar } from '@portal/domain';
import type { PrismaClient } from '@portal/db';
import type { FinanceSettings } from '@portal/schemas';
import { recordAudit } from '../../infra/audit.repository.ts';
import type { Db } from '../../infra/tx.ts';
import * as repo from './payments.repository.ts';

/** Where finance's settings are kept in the Setting table. */
const keys = { tolerance: 'payments.bankChargeTolerance', dunning: 'payments.dunning', accounts: 'payments.accounts', bankDetails: 'exporter.bankDetails', bankCalendar: 'payments.bankCalendar' } as const;

export const DEFAULT_FINANCE_SETTINGS: FinanceSettings = {
  bankChargeTolerance: { USD: '50.00', EUR: '40.00', GBP: '35.00', CNY: '300.00' },
  reminderDaysBefore: 7,
  levels: [{ level: 1, daysOverdue: 3 }, { level: 2, daysOverdue: 10 }, { level: 3, daysOverdue: 30 }],
  accounts: [],
  // The published closing days of banks in mainland China; finance adds each next year's when announced.
  bankCalendar: { holidays: [...CN_2026_INPUT.holidays], workingWeekendDays: [...CN_2026_INPUT.workingWeekendDays] },
};

/** The account numbers printed in the bank details ("USD account: 3580 0000 0000 1234 56"), spaces dropped: the default accounts until finance names them. */
export function accountsInBankDetails(text: string): string[] {
  return text
    .split('\n')
    .filter((line) => /account/i.test(line))
    .map((line) => line.slice(line.indexOf(':') + 1).replace(/\(.*?\)/g, '').replace(/\s+/g, ''))
    .filter((a) => /^[A-Z0-9]{5,40}$/i.test(a));
}

/** Finance's settings (bank charge tolerance per currency, reminder and dunning levels, the exporter's accounts) and the bank details buyers pay to. */
export function createFinanceSettingsService(deps: {
  prisma: PrismaClient;
  /** Re-derives the schedules whose dates follow the bank calendar (L/C presentation), inside the settings' transaction. */
  onBankCalendarChange?: (tx: Db, actorId: string) => Promise<void>;
}) {
  const { prisma } = deps;

  async function read(db: Db) {
    return new Map((await repo.readSettings(db, Object.values(keys))).map((r) => [r.key, r.value]));
  }

  return {
    /** The settings as they are now; a missing value reads as its default. */
    async get(db: Db = prisma): Promise<FinanceSettings> {
      const rows = await read(db);
      const dunning = rows.get(keys.dunning) as Pick<FinanceSettings, 'reminderDaysBefore' | 'levels'> | undefined;
      const bankDetails = typeof rows.get(keys.bankDetails) === 'string' ? (rows.get(keys.bankDetails) as string) : '';
      return {
        bankChargeTolerance: (rows.get(keys.tolerance) as Record<string, string> | undefined) ?? DEFAULT_FINANCE_SETTINGS.bankChargeTolerance,
        reminderDaysBefore: dunning?.reminderDaysBefore ?? DEFAULT_FINANCE_SETTINGS.reminderDaysBefore,
        levels: dunning?.levels ?? DEFAULT_FINANCE_SETTINGS.levels,
        accounts: (rows.get(keys.accounts) as string[] | undefined) ?? accountsInBankDetails(bankDetails),
        bankCalendar: (rows.get(keys.bankCalendar) as FinanceSettings['bankCalendar'] | undefined) ?? DEFAULT_FINANCE_SETTINGS.bankCalendar,
      };
    },

    /** The calendar of the bank where L/C documents are presented, for the schedule's presentation deadlines. */
    async bankCalendar(db: Db = prisma): Promise<BusinessCalendar> {
      return businessCalendar({ id: 'CN', ...(await this.get(db)).bankCalendar });
    },

    /** The exporter's bank details, printed on the payment page. */
    async bankDetails(db: Db = prisma): Promise<string> {
      const v = (await read(db)).get(keys.bankDetails);
      return typeof v === 'string' ? v : '';
    },

    /** Changes the settings (levels checked by the domain), with an audit entry of before and after. */
    async update(actor: Actor, next: FinanceSettings, meta: { requestId?: string }): Promise<FinanceSettings> {
      try {
        dunningPolicy({ reminderDaysBefore: next.reminderDaysBefore, levels: next.levels });
      } catch (err) {
        if (err instanceof DomainError && err.code === 'VALIDATION') throw new DomainError('VALIDATION', err.message, (err.fields ?? []).map((f) => ({ ...f, field: `body.${f.field}` })));
        throw err;
      }
      const before = await this.get();
      await prisma.$transaction(async (tx) => {
        await repo.writeSetting(tx, keys.tolerance, next.bankChargeTolerance);
        await repo.writeSetting(tx, keys.dunning, { reminderDaysBefore: next.reminderDaysBefore, levels: next.levels });
        await repo.writeSetting(tx, keys.accounts, next.accounts.map((a) => a.replace(/\s+/g, '')));
        const calendar = { holidays: [...new Set(next.bankCalendar.holidays)].sort(), workingWeekendDays: [...new Set(next.bankCalendar.workingWeekendDays)].sort() };
        await repo.writeSetting(tx, keys.bankCalendar, calendar);
        // Presentation deadlines already worked out move with the calendar, in the same transaction.
        if (JSON.stringify(calendar) !== JSON.stringify(before.bankCalendar)) await deps.onBankCalendarChange?.(tx, actor.userId);
        await recordAudit(tx, { actorId: actor.userId, action: 'payments.settings.update', entityType: 'Setting', entityId: 'payments', changes: { from: before, to: next }, requestId: meta.requestId });
      });
      return this.get();
    },
  };
}

export type FinanceSettingsService = ReturnType<typeof createFinanceSettingsService>;
