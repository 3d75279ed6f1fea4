/** Interface text of the users feature, in ICU MessageFormat (react-intl): English (Chinese in messages.zh.ts, loaded only for readers of Chinese). */
export const en = {
  'staff.title': 'Staff accounts',
  'staff.create': 'Add a staff member',
  'staff.role': 'Role',
  'staff.created': 'Account created for {email}',
  'users.actions': 'Actions',
} as const;
