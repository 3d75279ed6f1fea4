import type { en } from './messages.ts';

/** Chinese text of the same messages (a chunk of its own: an English reader never loads it). */
export const zh: Record<keyof typeof en, string> = {
  'account.profile': '个人资料',
  'account.password': '修改密码',
  'account.current': '当前密码',
  'account.new': '新密码',
  'account.changed': '密码已修改，其他会话已退出。',
};
