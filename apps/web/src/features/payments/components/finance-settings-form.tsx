import { useState } from 'react';
import type { FinanceSettings } from '@portal/schemas';
import { FormAlert } from '../../../components/form.tsx';
import { useUpdateFinanceSettings } from '../api/finance-settings.ts';
import { usePayText } from '../messages.ts';
import { errorText } from './error-text.ts';

/** Finance settings: bank charge tolerance per currency, the reminder, dunning levels, the exporter's accounts, the bank's closing days. */
export function FinanceSettingsForm({ settings, canManage }: { settings: FinanceSettings; canManage: boolean }) {
  const { pt } = usePayText();
  const save = useUpdateFinanceSettings();
  const [tolerance, setTolerance] = useState(Object.entries(settings.bankChargeTolerance).map(([c, a]) => `${c} ${a}`).join(', '));
  const [reminder, setReminder] = useState(String(settings.reminderDaysBefore));
  const [levels, setLevels] = useState(settings.levels.map((l) => l.daysOverdue).join(', '));
  const [accounts, setAccounts] = useState(settings.accounts.join(', '));
  const [holidays, setHolidays] = useState(settings.bankCalendar.holidays.join('\n'));
  const [workingWeekend, setWorkingWeekend] = useState(settings.bankCalendar.workingWeekendDays.join('\n'));
  const dates = (text: string) => text.split(/[\s,;]+/).map((x) => x.trim()).filter(Boolean);
  const submit = () => {
    const bankChargeTolerance = Object.fromEntries(tolerance.split(',').map((x) => x.trim().split(/\s+/)).filter((p) => p.length === 2).map(([c, a]) => [c!.toUpperCase(), a!]));
    save.mutate({
      bankChargeTolerance, reminderDaysBefore: Number(reminder),
      levels: levels.split(',').map((x) => x.trim()).filter(Boolean).map((d, i) => ({ level: i + 1, daysOverdue: Number(d) })),
      accounts: accounts.split(',').map((x) => x.trim()).filter(Boolean),
      bankCalendar: { holidays: dates(holidays), workingWeekendDays: dates(workingWeekend) },
    });
  };
  return (
    <form className="form" onSubmit={(e) => { e.preventDefault(); submit(); }}>
      <fieldset disabled={!canManage} className="grid-2">
        <label className="field"><span>{pt('pay.tolerance')}</span><input value={tolerance} onChange={(e) => setTolerance(e.target.value)} /><small className="field__hint">USD 50.00, EUR 40.00</small></label>
        <label className="field"><span>{pt('pay.reminderDays')}</span><input inputMode="numeric" value={reminder} onChange={(e) => setReminder(e.target.value)} /></label>
        <label className="field"><span>{pt('pay.levels')}</span><input value={levels} onChange={(e) => setLevels(e.target.value)} /></label>
        <label className="field"><span>{pt('pay.accounts')}</span><input value={accounts} onChange={(e) => setAccounts(e.target.value)} /></label>
        <label className="field"><span>{pt('pay.holidays')}</span><textarea rows={5} value={holidays} onChange={(e) => setHolidays(e.target.value)} /><small className="field__hint">{pt('pay.holidaysHint')}</small></label>
        <label className="field"><span>{pt('pay.workingWeekend')}</span><textarea rows={5} value={workingWeekend} onChange={(e) => setWorkingWeekend(e.target.value)} /><small className="field__hint">{pt('pay.workingWeekendHint')}</small></label>
      </fieldset>
      <FormAlert message={save.error ? errorText(save.error) : null} />
      {save.isSuccess && <FormAlert tone="success" message={pt('pay.settingsSaved')} />}
      {canManage && <div className="form__actions"><button type="submit" className="btn btn--primary" disabled={save.isPending}>{pt('pay.saveSettings')}</button></div>}
    </form>
  );
}
