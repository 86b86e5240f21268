import { z } from 'zod';

/** An in-app notification of the signed-in user (deadlines, returned items, notes). */
export const notificationSchema = z.object({
  id: z.uuid(),
  kind: z.string(),
  title: z.string(),
  body: z.string().nullable(),
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type Notification = z.infer<typeof notificationSchema>;

export const notificationListQuery = z.object({ unread: z.coerce.boolean().optional() });

/** The latest notifications (at most 50) and how many of all are unread. */
export const notificationListSchema = z.object({
  items: z.array(notificationSchema),
  unread: z.number().int(),
});
export type NotificationList = z.infer<typeof notificationListSchema>;

/** Where a message goes: the bell in the app, an e-mail, a Web Push, a Zalo ZNS message, an SMS brand-name text. */
export const NOTIFICATION_CHANNELS = ['in_app', 'email', 'push', 'zns', 'sms'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

/** A message's life: queued (maybe waiting for a retry or quiet hours), sent, delivered (when the provider says so), failed. */
export const MESSAGE_STATES = ['queued', 'sent', 'delivered', 'failed'] as const;
export type MessageState = (typeof MESSAGE_STATES)[number];
