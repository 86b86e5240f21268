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

const clock = (label: string) =>
  z
    .string()
    .regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, `${label}: nhập giờ dạng HH:MM, ví dụ 21:00.`)
    .nullable();

/** A user's channels and quiet hours (Việt Nam time); the bell is always on. */
export const notificationPreferencesBody = z.object({
  email: z.boolean(),
  push: z.boolean(),
  zns: z.boolean(),
  sms: z.boolean(),
  quietFrom: clock('Bắt đầu giờ yên lặng'),
  quietTo: clock('Kết thúc giờ yên lặng'),
});
export type NotificationPreferencesInput = z.infer<typeof notificationPreferencesBody>;

/** The preferences, and which channels this server has (the others are shown switched off). */
export const notificationPreferencesSchema = notificationPreferencesBody.extend({
  available: z.array(z.enum(NOTIFICATION_CHANNELS)),
  pushSubscriptions: z.number().int(),
});
export type NotificationPreferences = z.infer<typeof notificationPreferencesSchema>;

export const pushKeySchema = z.object({ publicKey: z.string() });

/** A browser's PushSubscription as `toJSON()` gives it. */
export const pushSubscriptionBody = z.object({
  endpoint: z.url().max(2000),
  keys: z.object({ p256dh: z.string().min(1).max(200), auth: z.string().min(1).max(100) }),
});

export const pushEndpointBody = z.object({ endpoint: z.string().max(2000) });

export const unsubscribeBody = z.object({ token: z.string().min(1).max(500) });
export const unsubscribedSchema = z.object({ channel: z.enum(NOTIFICATION_CHANNELS) });
