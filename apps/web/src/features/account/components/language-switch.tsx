import { useI18n, type Locale } from '../../../lib/i18n.tsx';
import { useUpdateProfile } from '../api/update-profile.ts';

/** Switches the interface language; a signed-in user's choice is kept on their account. */
export function LanguageSwitch({ signedIn }: { signedIn: boolean }) {
  const { locale, setLocale, t } = useI18n();
  const update = useUpdateProfile();
  function change(next: Locale) {
    setLocale(next);
    // Kept on the account when it can be; the switch works on this device either way.
    if (signedIn) update.mutate({ locale: next });
  }
  return (
    <label className="lang-switch">
      <span className="visually-hidden">{t('lang.label')}</span>
      <select value={locale} onChange={(e) => change(e.target.value as Locale)} aria-label={t('lang.label')}>
        <option value="en">English</option>
        <option value="zh-CN">简体中文</option>
      </select>
    </label>
  );
}
