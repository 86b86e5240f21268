import type { Kysely } from 'kysely';
import type { DeliveryReport } from '#contracts/notifications.ts';
import { compareVietnameseNames } from '../../domain/text/collation.ts';
import type { DB } from '../db/schema.ts';

/** How one family fared for one event: reached on some channel, still waiting (quiet hours, retry), or not reached. */
export interface FamilyDelivery {
  studentId: string;
  status: 'reached' | 'pending' | 'unreached';
  /** A provider reported one of the family's messages as received (ZNS, SMS delivery reports): "Đã nhận". */
  received: boolean;
  /** The channels that reached the family ('in_app', 'email', …). */
  channels: string[];
  /** Why not reached: "Chưa có tài khoản/số điện thoại", a provider's refusal… */
  reason: string | null;
}

interface MessageRow {
  group: string;
  student_id: string | null;
  channel: string;
  state: string;
  last_error: string | null;
}

/** Folds message rows into families per group (per event subject, or one group for a whole send). */
function foldFamilies(rows: readonly MessageRow[]): Map<string, FamilyDelivery[]> {
  const byGroup = new Map<string, Map<string, FamilyDelivery>>();
  for (const r of rows) {
    const families = byGroup.get(r.group) ?? new Map<string, FamilyDelivery>();
    byGroup.set(r.group, families);
    const studentId = r.student_id as string;
    const f = families.get(studentId) ?? {
      studentId,
      status: 'unreached',
      received: false,
      channels: [],
      reason: null,
    };
    families.set(studentId, f);
    if (r.state === 'sent' || r.state === 'delivered') {
      f.status = 'reached';
      if (r.state === 'delivered') f.received = true;
      if (!f.channels.includes(r.channel)) f.channels.push(r.channel);
    } else if (r.state === 'queued' && f.status !== 'reached') f.status = 'pending';
    else if (r.state === 'failed') f.reason ??= r.last_error;
  }
  return new Map([...byGroup].map(([group, families]) => [group, [...families.values()]]));
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
    .select(['e.subject_id as group', 'm.student_id', 'm.channel', 'm.state', 'm.last_error'])
    .where('m.unit_id', '=', unitId)
    .where('e.unit_id', '=', unitId)
    .where('e.kind', '=', kind)
    .where('e.subject_id', 'in', subjectIds)
    .where('m.student_id', 'is not', null)
    .execute();
  return foldFamilies(rows as MessageRow[]);
}

/**
 * One delivery report over several events of a kind, found by their keys (the absence notices of a class's students
 * on one day are one event per child): per family, whether any message reached it.
 */
export async function familyDeliveryOfKeys(
  db: Kysely<DB>,
  unitId: string,
  kind: string,
  dedupeKeys: readonly string[],
): Promise<{ families: FamilyDelivery[]; firstSentAt: Date | null }> {
  if (dedupeKeys.length === 0) return { families: [], firstSentAt: null };
  const rows = await db
    .selectFrom('notification_messages as m')
    .innerJoin('notification_events as e', 'e.id', 'm.event_id')
    .select(['e.kind as group', 'm.student_id', 'm.channel', 'm.state', 'm.last_error', 'e.created_at'])
    .where('m.unit_id', '=', unitId)
    .where('e.unit_id', '=', unitId)
    .where('e.kind', '=', kind)
    .where('e.dedupe_key', 'in', dedupeKeys)
    .where('m.student_id', 'is not', null)
    .execute();
  const first = rows.reduce<Date | null>((min, r) => (!min || r.created_at < min ? r.created_at : min), null);
  return { families: foldFamilies(rows as MessageRow[]).get(kind) ?? [], firstSentAt: first };
}

/** The report as the sender reads it: counts, and the families not reached by name (Vietnamese order) and reason. */
export function deliveryReport(
  families: readonly FamilyDelivery[],
  names: Map<string, string>,
): DeliveryReport {
  const unreached = families
    .filter((f) => f.status === 'unreached')
    .map((f) => ({ studentId: f.studentId, studentName: names.get(f.studentId) ?? '', reason: f.reason }))
    .sort((a, b) => compareVietnameseNames(a.studentName, b.studentName));
  return {
    families: families.length,
    reached: families.filter((f) => f.status === 'reached').length,
    received: families.filter((f) => f.received).length,
    pending: families.filter((f) => f.status === 'pending').length,
    unreached,
  };
}
