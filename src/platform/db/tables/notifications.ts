import { MESSAGE_STATES, NOTIFICATION_CHANNELS } from '#contracts/notifications.ts';
import { col, nullable, type TablesType, withDefault } from './columns.ts';

/** Channel of a message row: the channels, and 'none' for a family that could not be reached at all. */
export const MESSAGE_CHANNELS = [...NOTIFICATION_CHANNELS, 'none'] as const;

/** Events announced to families and staff, and their messages per recipient × channel (migration 0091). */
export const notificationTables = {
  notification_events: {
    id: col.id(),
    unit_id: col.text(),
    kind: col.text(),
    dedupe_key: col.text(),
    subject_id: nullable(col.text()),
    title: col.text(),
    body: nullable(col.text()),
    link: nullable(col.text()),
    created_by: nullable(col.text()),
    created_at: col.createdAt(),
  },
  notification_messages: {
    id: col.id(),
    unit_id: col.text(),
    event_id: col.text(),
    user_id: nullable(col.text()),
    student_id: nullable(col.text()),
    channel: col.oneOf(MESSAGE_CHANNELS),
    address: nullable(col.text()),
    state: withDefault(col.oneOf(MESSAGE_STATES)),
    attempts: withDefault(col.number()),
    next_attempt_at: withDefault(col.timestamp()),
    last_error: nullable(col.text()),
    provider_ref: nullable(col.text()),
    sent_at: nullable(col.timestamp()),
    delivered_at: nullable(col.timestamp()),
    created_at: col.createdAt(),
  },
  notification_preferences: {
    user_id: col.text(),
    email: withDefault(col.boolean()),
    push: withDefault(col.boolean()),
    zns: withDefault(col.boolean()),
    sms: withDefault(col.boolean()),
    quiet_from: nullable(col.text()),
    quiet_to: nullable(col.text()),
    updated_at: col.updatedAt(),
  },
  push_subscriptions: {
    id: col.id(),
    user_id: col.text(),
    endpoint: col.text(),
    p256dh: col.text(),
    auth: col.text(),
    created_at: col.createdAt(),
  },
  /** A school's own settings (migration 0099): SMS budget per month, the low-score notice. */
  notification_school_settings: {
    unit_id: col.text(),
    sms_monthly_budget: nullable(col.number()),
    low_score_enabled: withDefault(col.boolean()),
    low_score_threshold: withDefault(col.number()),
    version: withDefault(col.number()),
    updated_by: nullable(col.text()),
    updated_at: col.updatedAt(),
  },
  notification_keys: {
    id: col.number(),
    vapid_public_key: col.text(),
    vapid_private_key: col.text(),
    token_secret: col.text(),
    created_at: col.createdAt(),
  },
};

export type NotificationTables = TablesType<typeof notificationTables>;
