import type { en } from './messages.ts';

/** Chinese text of the same messages (a chunk of its own: an English reader never loads it). */
export const zh: Record<keyof typeof en, string> = {
  'staff.title': '员工账户',
  'staff.create': '添加员工',
  'staff.role': '角色',
  'staff.created': '已为 {email} 创建账户',
  'users.actions': '操作',
};
