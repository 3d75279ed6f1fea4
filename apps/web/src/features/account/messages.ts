/** Interface text of the account feature, in ICU MessageFormat (react-intl): English (Chinese in messages.zh.ts, loaded only for readers of Chinese). */
export const en = {
  'account.profile': 'Profile',
  'account.password': 'Change password',
  'account.current': 'Current password',
  'account.new': 'New password',
  'account.changed': 'Password changed. Other sessions were signed out.',
} as const;
