import { Id, Timestamp, z } from './common.ts';

export const NotificationItem = z.object({
  id: Id,
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  readAt: Timestamp.nullable(),
  createdAt: Timestamp,
});
export type NotificationItem = z.infer<typeof NotificationItem>;

export const NotificationList = z.object({ items: z.array(NotificationItem), unread: z.number().int() });
export type NotificationList = z.infer<typeof NotificationList>;
