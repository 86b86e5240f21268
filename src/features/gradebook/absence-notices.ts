import { type Kysely, sql } from 'kysely';
import { vietnameseDate } from '../../domain/calendar/index.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { NotificationSource } from '../../platform/notifications/delivery-loop.ts';
import { type NotificationEvent, publishEvents } from '../../platform/notifications/publish.ts';
import { vietnamClock } from '../../platform/notifications/quiet-hours.ts';

/** When the morning's attendance is taken to be closed (TRUONGSO_ABSENCE_NOTICE_AT, 'HH:MM' in Việt Nam). */
export const DEFAULT_ABSENCE_NOTICE_AT = '09:30';

const SESSION_VI: Record<string, string> = { morning: 'buổi sáng', afternoon: 'buổi chiều' };

/**
 * The absence notice: once the morning's attendance has closed (a configurable time of day), each child absent today
 * gets one message to their family, naming the sessions and whether they were excused. One per child per day (the
 * event key is student and date), so an absence marked later that day, or a second run, sends nothing more.
 */
export async function publishAbsenceNotices(db: Kysely<DB>, now: Date, noticeAt = DEFAULT_ABSENCE_NOTICE_AT) {
  const { date, time } = vietnamClock(now);
  if (time < noticeAt) return { created: 0 };
  const rows = await db
    // scope: the system's daily notice covers every school; each event carries its school's unit_id.
    .selectFrom('attendance as a')
    .innerJoin('students as s', 's.id', 'a.student_id')
    .innerJoin('classes as c', 'c.id', 'a.class_id')
    .leftJoin('notification_events as e', (join) =>
      join.on('e.kind', '=', 'absence').on(sql<boolean>`e.dedupe_key = a.student_id::text || ${`:${date}`}`),
    )
    .select(['a.unit_id', 'a.student_id', 's.full_name', 'c.name as class_name', 'a.session', 'a.excused'])
    .where('a.date', '=', date)
    .where('e.id', 'is', null)
    .orderBy('a.session', 'desc')
    .execute();
  const byStudent = new Map<string, typeof rows>();
  for (const r of rows) byStudent.set(r.student_id, [...(byStudent.get(r.student_id) ?? []), r]);
  const events: NotificationEvent[] = [...byStudent.values()].map((marks) => {
    const first = marks[0] as (typeof rows)[number];
    const sessions = marks.map(
      (m) => `${SESSION_VI[m.session] ?? m.session} (${m.excused ? 'có phép' : 'không phép'})`,
    );
    return {
      unitId: first.unit_id,
      kind: 'absence',
      dedupeKey: `${first.student_id}:${date}`,
      subjectId: first.student_id,
      title: `${first.full_name} (lớp ${first.class_name}) vắng ngày ${vietnameseDate(date)}`,
      body: `Em ${first.full_name} vắng ${sessions.join(', ')} ngày ${vietnameseDate(date)}. Nếu có sai sót, xin liên hệ giáo viên chủ nhiệm.`,
      link: `/contact-book?student=${first.student_id}&tab=attendance`,
      studentIds: [first.student_id],
    };
  });
  return publishEvents(db, events, now);
}

export const absenceNoticeSource: NotificationSource = {
  name: 'gradebook.absence-notice',
  run: (db, now, env) =>
    publishAbsenceNotices(db, now, env.TRUONGSO_ABSENCE_NOTICE_AT ?? DEFAULT_ABSENCE_NOTICE_AT),
};
