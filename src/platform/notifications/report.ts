import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

/** How one family fared for one event: reached on some channel, still waiting (quiet hours, retry), or not reached. */
export interface FamilyDelivery {
  studentId: string;
  status: 'reached' | 'pending' | 'unreached';
  /** The channels that reached the family ('in_app', 'email', …). */
  channels: string[];
  /** Why not reached: "Chưa có tài khoản/số điện thoại", a provider's refusal… */
  reason: string | null;
}

/**
 * The sender's delivery report of events (one per subject, e.g. per note): per family (student), whether any message
 * reached it. One query for all the subjects.
 */
export async function familyDelivery(
  db: Kysely<DB>,
  unitId: string,
  kind: string,
  subjectIds: readonly string[],
): Promise<Map<string, FamilyDelivery[]>> {
  if (subjectIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('notification_messages as m')
    .innerJoin('notification_events as e', 'e.id', 'm.event_id')
    .select(['e.subject_id', 'm.student_id', 'm.channel', 'm.state', 'm.last_error'])
    .where('m.unit_id', '=', unitId)
    .where('e.unit_id', '=', unitId)
    .where('e.kind', '=', kind)
    .where('e.subject_id', 'in', subjectIds)
    .where('m.student_id', 'is not', null)
    .execute();
  const bySubject = new Map<string, Map<string, FamilyDelivery>>();
  for (const r of rows) {
    const families = bySubject.get(r.subject_id as string) ?? new Map<string, FamilyDelivery>();
    bySubject.set(r.subject_id as string, families);
    const studentId = r.student_id as string;
    const f = families.get(studentId) ?? { studentId, status: 'unreached', channels: [], reason: null };
    families.set(studentId, f);
    if (r.state === 'sent' || r.state === 'delivered') {
      f.status = 'reached';
      if (!f.channels.includes(r.channel)) f.channels.push(r.channel);
    } else if (r.state === 'queued' && f.status !== 'reached') f.status = 'pending';
    else if (r.state === 'failed') f.reason ??= r.last_error;
  }
  return new Map([...bySubject].map(([subject, families]) => [subject, [...families.values()]]));
}
