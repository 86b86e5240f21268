import type { Kysely } from 'kysely';
import type { DB, NewRow } from '../db/schema.ts';
import type { ExternalChannel } from './channels.ts';
import { notBeforeQuietEnd } from './quiet-hours.ts';
import { loadRecipients, type Recipient } from './recipients.ts';

/** Something families or staff are told about: an absence, a note, results published, a returned submission. */
export interface NotificationEvent {
  unitId: string;
  /** e.g. 'absence', 'class_note', 'results_published', 'dx_returned', 'job_finished'. */
  kind: string;
  /** One event per key and kind: 'studentId:date' makes the absence notice once per child per day. */
  dedupeKey: string;
  subjectId?: string;
  title: string;
  body?: string | null;
  /** Path inside the web app. */
  link?: string | null;
  createdBy?: string | null;
  /** Families of these students (their guardians) are told. */
  studentIds?: readonly string[];
  /** These accounts (staff) are told. */
  userIds?: readonly string[];
}

/** Why a family got no message at all; the sender's report shows it. */
export const UNREACHED_NO_CONTACT = 'Chưa có tài khoản/số điện thoại';
export const UNREACHED_NO_GUARDIAN = 'Chưa có thông tin phụ huynh';

let configured = new Set<ExternalChannel>();

/** The channels this process sends on (set once at start from the environment, and by tests). */
export function setConfiguredChannels(names: Iterable<ExternalChannel>): void {
  configured = new Set(names);
}

/** The channels this process sends on. */
export const configuredChannels = (): ExternalChannel[] => [...configured];

type MessageRow = NewRow<'notification_messages'>;

/**
 * Records the events and, for those not recorded before (same kind and key), one message per recipient × channel:
 * the bell at once, e-mail/push/ZNS/SMS queued for the delivery loop (after the recipient's quiet hours). A family
 * with no way to reach it gets one 'none' message, failed with the reason. Call inside the transaction of the change
 * it announces, or alone (the absence notice); three inserts whatever the number of events and recipients.
 */
export async function publishEvents(
  db: Kysely<DB>,
  events: readonly NotificationEvent[],
  now: Date = new Date(),
): Promise<{ created: number }> {
  if (events.length === 0) return { created: 0 };
  const inserted = await db
    .insertInto('notification_events')
    .values(
      events.map((e) => ({
        unit_id: e.unitId,
        kind: e.kind,
        dedupe_key: e.dedupeKey,
        subject_id: e.subjectId ?? null,
        title: e.title,
        body: e.body ?? null,
        link: e.link ?? null,
        created_by: e.createdBy || null,
      })),
    )
    .onConflict((oc) => oc.columns(['kind', 'dedupe_key']).doNothing())
    .returning(['id', 'kind', 'dedupe_key'])
    .execute();
  if (inserted.length === 0) return { created: 0 };
  const idOf = new Map(inserted.map((r) => [`${r.kind}\u0000${r.dedupe_key}`, r.id]));
  const fresh = events.flatMap((e) => {
    const id = idOf.get(`${e.kind}\u0000${e.dedupeKey}`);
    return id ? [{ ...e, id }] : [];
  });
  const recipients = await loadRecipients(
    db,
    fresh.flatMap((e) => e.studentIds ?? []),
    fresh.flatMap((e) => e.userIds ?? []),
  );
  const messages: MessageRow[] = [];
  const bell: NewRow<'notifications'>[] = [];
  for (const event of fresh) {
    const forEvent = messagesOf(event, recipients, now);
    messages.push(...forEvent);
    const users = new Set(forEvent.filter((m) => m.channel === 'in_app').map((m) => m.user_id as string));
    for (const userId of users) {
      bell.push({
        unit_id: event.unitId,
        user_id: userId,
        kind: event.kind,
        title: event.title,
        body: event.body ?? null,
        link: event.link ?? null,
      });
    }
  }
  if (bell.length > 0) await db.insertInto('notifications').values(bell).execute();
  if (messages.length > 0) await db.insertInto('notification_messages').values(messages).execute();
  return { created: fresh.length };
}

function messagesOf(
  event: NotificationEvent & { id: string },
  recipients: Awaited<ReturnType<typeof loadRecipients>>,
  now: Date,
): MessageRow[] {
  const base = { unit_id: event.unitId, event_id: event.id };
  const rows: MessageRow[] = [];
  for (const studentId of new Set(event.studentIds ?? [])) {
    const family = recipients.families.get(studentId) ?? [];
    const sent = family.flatMap((r) =>
      channelRows(r, now).map((m) => ({ ...base, ...m, student_id: studentId })),
    );
    if (sent.length === 0) {
      const reason = family.length === 0 ? UNREACHED_NO_GUARDIAN : UNREACHED_NO_CONTACT;
      rows.push({ ...base, student_id: studentId, channel: 'none', state: 'failed', last_error: reason });
    }
    rows.push(...dedupe(sent));
  }
  for (const userId of new Set(event.userIds ?? [])) {
    const user = recipients.users.get(userId);
    if (user) rows.push(...channelRows(user, now).map((m) => ({ ...base, ...m })));
  }
  return rows;
}

/** Two guardians rows of one account (a parent linked twice) or one e-mail for two children get one message. */
function dedupe(rows: MessageRow[]): MessageRow[] {
  const seen = new Set<string>();
  return rows.filter((r) => {
    const key = `${r.channel}\u0000${r.user_id ?? ''}\u0000${r.address ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The messages one recipient gets: the bell if they have an account, then each configured channel they allow. */
function channelRows(r: Recipient, now: Date): Omit<MessageRow, 'unit_id' | 'event_id'>[] {
  const later = notBeforeQuietEnd(now, r.quiet);
  const rows: Omit<MessageRow, 'unit_id' | 'event_id'>[] = [];
  const queue = (channel: ExternalChannel, address: string) =>
    rows.push({ user_id: r.userId, channel, address, state: 'queued', next_attempt_at: later });
  if (r.userId) rows.push({ user_id: r.userId, channel: 'in_app', state: 'sent', sent_at: now });
  if (configured.has('email') && r.userId && r.email && r.allows.email) queue('email', r.email);
  if (configured.has('push') && r.allows.push)
    for (const endpoint of r.pushEndpoints) queue('push', endpoint);
  // ZNS reaches the family's Zalo app; SMS is the fallback where ZNS is not configured (it costs the school more).
  if (r.phone && configured.has('zns') && r.allows.zns) queue('zns', r.phone);
  else if (r.phone && configured.has('sms') && r.allows.sms) queue('sms', r.phone);
  return rows;
}
