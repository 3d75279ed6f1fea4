import { useQueryClient } from '@tanstack/react-query';
import type { SessionUser } from '@portal/schemas';
import { api } from '../lib/api.ts';
import { useI18n, type Locale } from '../lib/i18n.tsx';

/** Switches the interface language; a signed-in user's choice is kept on their account. */
export function LanguageSwitch({ signedIn }: { signedIn: boolean }) {
  const { locale, setLocale, t } = useI18n();
  const qc = useQueryClient();
  async function change(next: Locale) {
    setLocale(next);
    if (signedIn) {
      const user = await api<SessionUser>('/api/auth/me', { method: 'PATCH', body: { locale: next } }).catch(() => null);
      if (user) qc.setQueryData(['session'], user);
    }
  }
  return (
    <label className="lang-switch">
      <span className="visually-hidden">{t('lang.label')}</span>
      <select value={locale} onChange={(e) => void change(e.target.value as Locale)} aria-label={t('lang.label')}>
        <option value="en">English</option>
        <option value="zh-CN">简体中文</option>
      </select>
    </label>
  );
}
