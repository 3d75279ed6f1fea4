/** Interface text of the notifications feature, in ICU MessageFormat (react-intl): English (Chinese in messages.zh.ts, loaded only for readers of Chinese). */
export const en = {
  'notifications.empty': 'You are all caught up.',
  'notifications.markAll': 'Mark all read',
} as const;
