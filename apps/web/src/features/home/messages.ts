/** Interface text of the home feature, in ICU MessageFormat (react-intl): English (Chinese in messages.zh.ts, loaded only for readers of Chinese). */
export const en = {
  'overview.welcome': 'Welcome, {name}',
  'overview.companyStatus': 'Company status',
  'overview.pending': 'Your company is awaiting approval by our sales manager. You can browse in the meantime; we will email you as soon as you can send inquiries.',
  'overview.approved': 'Your company is approved for trading through the portal.',
  'overview.rejected': 'Your company registration was not approved.',
  'overview.suspended': 'Trading through the portal is suspended for your company.',
  'overview.reason': 'Reason: {reason}',
  'overview.recent': 'Recent notifications',
  'overview.noNotifications': 'No notifications yet. Updates on your company, quotes and orders will appear here.',
  'overview.pendingCompanies': '{count, plural, one {# buyer company awaits approval} other {# buyer companies await approval}}',
  'overview.noPending': 'No buyer company awaits approval.',
  'overview.review': 'Review them',
  'overview.yourRole': 'Signed in as {role}',
} as const;
