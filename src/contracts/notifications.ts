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

/**
 * A school's notification settings (principal, IT officer): the SMS budget of a calendar month (null = the server's
 * default, TRUONGSO_SMS_MONTHLY_BUDGET) and the optional notice to families of a score below a threshold.
 */
export const schoolNotificationSettingsBody = z.object({
  smsMonthlyBudget: z
    .number('Ngân sách SMS tháng: nhập một số.')
    .int('Ngân sách SMS tháng: nhập số nguyên.')
    .min(0, 'Ngân sách SMS tháng không được âm.')
    .max(1_000_000, 'Ngân sách SMS tháng tối đa 1.000.000 tin.')
    .nullable(),
  lowScoreEnabled: z.boolean(),
  lowScoreThreshold: z
    .number('Ngưỡng điểm thấp: nhập một số.')
    .gt(0, 'Ngưỡng điểm thấp phải lớn hơn 0.')
    .max(10, 'Ngưỡng điểm thấp tối đa là 10.')
    .multipleOf(0.25, 'Ngưỡng điểm thấp: bước 0,25.'),
  /** The version read; a save over someone else's newer save is refused (409). */
  version: z.number().int().min(0),
});
export type SchoolNotificationSettingsInput = z.infer<typeof schoolNotificationSettingsBody>;

export const schoolNotificationSettingsSchema = schoolNotificationSettingsBody.extend({
  /** The server's default budget when the school has none of its own (null: no limit). */
  defaultSmsBudget: z.number().int().nullable(),
  /** SMS sent (or delivered) this calendar month, Việt Nam time. */
  smsSentThisMonth: z.number().int(),
  /** Whether this server sends SMS at all. */
  smsAvailable: z.boolean(),
});
export type SchoolNotificationSettings = z.infer<typeof schoolNotificationSettingsSchema>;

/**
 * The sender's delivery report of one send to families: "Đã gửi 43/45 gia đình; 2 chưa có tài khoản/số điện thoại",
 * how many a provider confirmed received ("Đã nhận"), and the families not reached with the reason.
 */
export const deliveryReportSchema = z.object({
  families: z.number().int(),
  reached: z.number().int(),
  /** Families with at least one message the provider reported as received (ZNS, SMS delivery reports). */
  received: z.number().int(),
  pending: z.number().int(),
  unreached: z.array(
    z.object({ studentId: z.uuid(), studentName: z.string(), reason: z.string().nullable() }),
  ),
});
export type DeliveryReport = z.infer<typeof deliveryReportSchema>;

/** eSMS's delivery callback (HTTP GET, query string; developers.esms.vn "Callback Url"). */
export const esmsCallbackQuery = z.object({
  SMSID: z.string().max(100).optional(),
  SendStatus: z.string().max(10),
  RequestId: z.string().max(100),
  /** Our signature of RequestId, put in the callback address when the SMS was sent. */
  sig: z.string().max(200),
  error_info: z.string().max(500).optional(),
});

/** Zalo's webhook event: only `user_received_message` is read (the ZNS delivery report). */
export const znsWebhookBody = z
  .object({
    app_id: z.string().max(100).optional(),
    event_name: z.string().max(100),
    timestamp: z.union([z.string().max(50), z.number()]).optional(),
    message: z
      .object({
        msg_id: z.string().max(200).optional(),
        tracking_id: z.string().max(200).optional(),
        delivery_time: z.union([z.string().max(50), z.number()]).optional(),
      })
      .loose()
      .optional(),
  })
  .loose();

export const providerCallbackSchema = z.object({ updated: z.number().int() });
