import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { QuietHours } from './quiet-hours.ts';

/** One person a message may go to, with the addresses and choices that decide the channels. */
export interface Recipient {
  userId: string | null;
  email: string | null;
  phone: string | null;
  pushEndpoints: string[];
  allows: { email: boolean; push: boolean; zns: boolean; sms: boolean };
  quiet: QuietHours;
}

const ALL = { email: true, push: true, zns: true, sms: true };

/**
 * The guardians of the students (by student) and the users, with addresses, preferences and push subscriptions:
 * four queries whatever the number. A guardian's own phone and e-mail on the student record are used when the
 * account has none; an inactive account is treated as no account.
 */
export async function loadRecipients(
  db: Kysely<DB>,
  studentIds: readonly string[],
  userIds: readonly string[],
): Promise<{ families: Map<string, Recipient[]>; users: Map<string, Recipient> }> {
  const guardians = studentIds.length
    ? await db
        .selectFrom('student_guardians as g')
        .leftJoin('users as u', (join) => join.onRef('u.id', '=', 'g.user_id').on('u.is_active', '=', true))
        .select([
          'g.student_id',
          'u.id as user_id',
          'g.phone',
          'g.email',
          'u.phone as user_phone',
          'u.email as user_email',
        ])
        .where('g.student_id', 'in', [...new Set(studentIds)])
        .orderBy('g.position')
        .execute()
    : [];
  const staff = userIds.length
    ? await db
        .selectFrom('users')
        .select(['id', 'phone', 'email'])
        .where('id', 'in', [...new Set(userIds)])
        .where('is_active', '=', true)
        .execute()
    : [];
  const accounts = [
    ...new Set([...guardians.flatMap((g) => (g.user_id ? [g.user_id] : [])), ...staff.map((s) => s.id)]),
  ];
  const [prefs, subs] = accounts.length
    ? await Promise.all([
        db.selectFrom('notification_preferences').selectAll().where('user_id', 'in', accounts).execute(),
        db
          .selectFrom('push_subscriptions')
          .select(['user_id', 'endpoint'])
          .where('user_id', 'in', accounts)
          .execute(),
      ])
    : [[], []];
  const prefOf = new Map(prefs.map((p) => [p.user_id, p]));
  const recipient = (userId: string | null, email: string | null, phone: string | null): Recipient => {
    const p = userId ? prefOf.get(userId) : undefined;
    return {
      userId,
      email,
      phone,
      pushEndpoints: userId ? subs.filter((s) => s.user_id === userId).map((s) => s.endpoint) : [],
      allows: p ? { email: p.email, push: p.push, zns: p.zns, sms: p.sms } : ALL,
      quiet: { from: p?.quiet_from ?? null, to: p?.quiet_to ?? null },
    };
  };
  const families = new Map<string, Recipient[]>();
  for (const g of guardians) {
    const list = families.get(g.student_id) ?? [];
    list.push(recipient(g.user_id, g.user_email ?? g.email, g.user_phone ?? g.phone));
    families.set(g.student_id, list);
  }
  return { families, users: new Map(staff.map((s) => [s.id, recipient(s.id, s.email, s.phone)])) };
}
