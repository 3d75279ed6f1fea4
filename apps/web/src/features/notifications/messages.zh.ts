import type { en } from './messages.ts';

/** Chinese text of the same messages (a chunk of its own: an English reader never loads it). */
export const zh: Record<keyof typeof en, string> = {
  'notifications.empty': '没有新通知。',
  'notifications.markAll': '全部标为已读',
};
